import type { Handoff, Source } from '../../../shared/protocol';
import type { TriageResult } from '../ai/engine';
import { asksOnlyForPerson } from '../ai/intents';
import type { VisitorRow } from '../db/schema';
import { changeConversationMode } from '../messages/conversation-mode';
import { appendMessage, findConversation, listMessages } from '../messages/message.repository';
import { textsFor } from '../i18n';
import { assessmentOf, createTicket } from '../tickets/create-ticket';
import { announceTicketChange } from '../tickets/ticket-lifecycle';
import { findTicketByConversation, insertTicketEvent, setTicketFields } from '../tickets/ticket.repository';
import { visitorTicket } from '../tickets/visitor-view';
import { inTransaction, type Work } from '../work';
import { conversationState, type ConversationContext } from './conversation-state';

const SUBJECT_MAX = 90;

export interface HandoffRequest {
  reason: Handoff['reason'];
  /** Sources Kai used in this turn, besides those already in the conversation. */
  sources?: Source[];
  /** The engine's own assessment (LLM hand_off tool); otherwise Kai triages the visitor's words. */
  triage?: TriageResult | undefined;
  summary?: string | undefined;
  /** Why a site rule handed off, for the packet. */
  policy?: string | undefined;
  /** A follow-up to this closed ticket: only the messages after `afterSeq` describe the new problem. */
  followUpOf?: string;
  afterSeq?: number;
}

function summarise(words: string[]): string {
  const question = words.filter((w) => !asksOnlyForPerson(w));
  const joined = (question.length ? question : words).join(' ').replace(/\s+/g, ' ').trim();
  if (!joined) return 'The visitor asked to talk to a person without describing a problem yet.';
  return joined.length > 280 ? `${joined.slice(0, 277)}…` : joined;
}

function dedupeSources(sources: Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const s of sources) if (!seen.has(s.id)) seen.set(s.id, s);
  return [...seen.values()];
}

/** Kai's name in messages; per-site names come from the site's settings. */
export const KAI_AUTHOR = { kind: 'ai' as const, name: 'Kai' };

/**
 * The handoff: create the ticket with Kai's packet (problem, what Kai tried and from which sources, urgency
 * and impact with their reasons and the visitor's words that show them, identity, channel, deadline), tell
 * the visitor who will answer and when, and silence Kai in this conversation. Kai's triage runs first (it may ask a
 * model); then everything is one transaction. Idempotent per conversation: asked again after a hand-back, the same
 * ticket goes back to a person.
 */
export async function handOff(ctx: ConversationContext, visitor: VisitorRow, conversationId: string, request: HandoffRequest): Promise<void> {
  const existing = await findTicketByConversation(ctx.db, conversationId);
  if (existing && existing.status !== 'closed') return handBackToPerson(ctx, visitor, conversationId, request);
  const messages = await listMessages(ctx.db, conversationId, { includeInternal: false, afterSeq: request.afterSeq ?? 0 });
  const visitorWords = messages.filter((m) => m.author.kind === 'customer').map((m) => m.body);
  const kaiMessages = messages.filter((m) => m.author.kind === 'ai');
  const meaningful = visitorWords.filter((w) => !/^\W*(hi|hello|hey)\W*$/i.test(w));
  const text = meaningful.join('\n') || 'The visitor asked to talk to a person.';
  const triage = request.triage ?? (await ctx.kai.triage(text));
  const firstQuestion = meaningful.find((w) => !asksOnlyForPerson(w)) ?? meaningful[0] ?? 'Chat with a visitor';
  const subject = firstQuestion.replace(/\s+/g, ' ').slice(0, SUBJECT_MAX) + (firstQuestion.length > SUBJECT_MAX ? '…' : '');
  const followUpOf = request.followUpOf ?? existing?.id ?? null;
  await inTransaction(ctx, async (work) => {
    const now = ctx.now();
    const ticket = await createTicket(ctx, work, {
      siteId: visitor.site_id,
      subject,
      description: text,
      channel: 'chat',
      requester: { name: visitor.name, email: visitor.email, timeZone: visitor.time_zone },
      visitorId: visitor.id,
      conversationId,
      ...assessmentOf(triage),
      receivedAt: now,
      handoff: {
        reason: request.reason,
        problem: request.summary ?? summarise(meaningful),
        tried: kaiMessages.map((m) => m.body.split('\n')[0]!.slice(0, 160)),
        sources: dedupeSources([...kaiMessages.flatMap((m) => m.sources), ...(request.sources ?? [])]),
        urgency: { level: triage.urgency, reason: triage.urgencyReason },
        impact: { level: triage.impact, reason: triage.impactReason },
        evidence: triage.evidence,
        identity: visitor.verified ? 'verified' : visitor.claimed_email || visitor.external_id ? 'unverified' : 'anonymous',
        ...(visitor.claimed_email ? { claimedEmail: visitor.claimed_email } : {}),
        channel: 'chat',
        ...(request.policy ? { policy: request.policy } : {}),
      },
      actor: KAI_AUTHOR,
      followUpOf,
    });
    const conversation = await findConversation(work.tx, conversationId);
    if (conversation) await changeConversationMode(work.tx, conversation, 'waiting', now);
    const vt = visitorTicket(ctx.operations.get(), ticket, visitor.time_zone, now, visitor.language);
    const { message } = await appendMessage(work.tx, {
      conversationId,
      author: KAI_AUTHOR,
      body: textsFor(visitor.language).handoffNotice({ number: vt.number, priority: vt.priority, promise: vt.promise, followUp: Boolean(followUpOf) }),
      now,
    });
    work.raise('message.created', { message, visitorId: visitor.id, ticketId: ticket.id });
    await raiseVisitorState(ctx, work, conversationId, visitor);
  });
}

/** Asked for a person again after an agent handed the chat back to Kai: the same ticket, a person again. */
async function handBackToPerson(ctx: ConversationContext, visitor: VisitorRow, conversationId: string, request: HandoffRequest): Promise<void> {
  await inTransaction(ctx, async (work) => {
    const now = ctx.now();
    const ticket = await findTicketByConversation(work.tx, conversationId);
    const conversation = await findConversation(work.tx, conversationId);
    if (!ticket || !conversation) return;
    await changeConversationMode(work.tx, conversation, 'waiting', now);
    await insertTicketEvent(work.tx, { ticketId: ticket.id, type: 'handed_to_person', actor: KAI_AUTHOR, reason: request.reason, at: now });
    const after = { ...ticket, updated_at: now.toISOString() };
    await setTicketFields(work.tx, ticket.id, { updated_at: after.updated_at });
    await announceTicketChange(ctx, work, ticket, after, { modeChanged: true });
    await raiseVisitorState(ctx, work, conversationId, visitor);
  });
}

/** Tells the visitor's tabs who answers now (once per command). */
export async function raiseVisitorState(ctx: ConversationContext, work: Work, conversationId: string, visitor: Pick<VisitorRow, 'id' | 'time_zone'>): Promise<void> {
  const state = await conversationState(ctx, work.tx, await findConversation(work.tx, conversationId), visitor.time_zone);
  work.raise('conversation.updated', { conversationId, visitorId: visitor.id, state });
}
