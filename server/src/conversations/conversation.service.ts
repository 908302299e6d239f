import type { ConversationMode, ConversationState, Handoff, Message, SendMessageInput, Source, VisitorTicket } from '../../../shared/protocol';
import type { Level } from '../../../shared/priority';
import type { KaiEngine } from '../ai/engine';
import type { CoreContext } from '../context';
import type { ConversationRow, TicketRow, VisitorRow } from '../db/schema';
import { AppError } from '../errors';
import {
  appendMessage,
  createConversation,
  findConversation,
  findOpenConversationOfVisitor,
  listMessages,
  markHandoffOffered,
  setConversationMode,
} from '../messages/message.repository';
import { createTicket } from '../tickets/create-ticket';
import { describePromise } from '../tickets/promise';
import { announceUpdated, transition } from '../tickets/ticket-lifecycle';
import { findTicketByConversation } from '../tickets/ticket.repository';

/** What conversation commands need beyond the core: Kai and the site's agent name. */
export interface ConversationContext extends CoreContext {
  kai: KaiEngine;
  /** The AI agent's display name (site setting; Kai by default). */
  agentName?: string;
}

const SUBJECT_MAX = 90;

export function visitorTicket(ticket: TicketRow, timeZone: string | null, now: Date): VisitorTicket {
  return {
    id: ticket.id,
    number: Number(ticket.number),
    status: ticket.status as VisitorTicket['status'],
    priority: ticket.priority as Level,
    promise: describePromise(ticket, timeZone, now),
    firstResponseDueAt: ticket.first_response_due_at,
  };
}

/** What the messenger shows about a conversation: who answers and the ticket, if any. */
export async function conversationState(ctx: CoreContext, conversation: ConversationRow | undefined, timeZone: string | null): Promise<ConversationState> {
  if (!conversation) return { id: null, mode: 'ai', ticket: null, lastSeq: 0 };
  const ticket = await findTicketByConversation(ctx.db, conversation.id);
  return {
    id: conversation.id,
    mode: conversation.mode as ConversationMode,
    ticket: ticket ? visitorTicket(ticket, timeZone, ctx.now()) : null,
    lastSeq: Number(conversation.last_seq),
  };
}

/** The visitor's current conversation, created on their first message. */
async function ensureConversation(ctx: CoreContext, visitor: VisitorRow): Promise<ConversationRow> {
  const open = await findOpenConversationOfVisitor(ctx.db, visitor.id);
  if (open) return open;
  return createConversation(ctx.db, { siteId: visitor.site_id, visitorId: visitor.id, mode: 'ai', now: ctx.now() });
}

export async function syncConversation(
  ctx: CoreContext,
  visitor: VisitorRow,
  afterSeq: number,
): Promise<{ state: ConversationState; messages: Message[] }> {
  const conversation = await findOpenConversationOfVisitor(ctx.db, visitor.id);
  const state = await conversationState(ctx, conversation, visitor.time_zone);
  const messages = conversation ? await listMessages(ctx.db, conversation.id, { afterSeq, includeInternal: false }) : [];
  return { state, messages };
}

/** Announces a conversation's state to the visitor's tabs. */
async function announceState(ctx: CoreContext, conversationId: string, visitor: Pick<VisitorRow, 'id' | 'time_zone'>): Promise<ConversationState> {
  const state = await conversationState(ctx, await findConversation(ctx.db, conversationId), visitor.time_zone);
  ctx.events.emit('conversation.updated', { conversationId, visitorId: visitor.id, state });
  return state;
}

/** Kai's turns run one at a time per conversation, in the order the messages arrived. */
const kaiQueues = new WeakMap<KaiEngine, Map<string, Promise<void>>>();

function enqueueKai(ctx: ConversationContext, conversationId: string, job: () => Promise<void>): Promise<void> {
  let queues = kaiQueues.get(ctx.kai);
  if (!queues) kaiQueues.set(ctx.kai, (queues = new Map()));
  const previous = queues.get(conversationId) ?? Promise.resolve();
  const next = previous.then(job).catch((err: unknown) => ctx.log.error({ err, conversationId }, 'Kai turn failed'));
  queues.set(conversationId, next);
  void next.then(() => {
    if (queues.get(conversationId) === next) queues.delete(conversationId);
  });
  return next;
}

/**
 * A visitor's message: stored with its client id (a retry returns the stored one), acknowledged by the
 * caller, then answered by Kai while Kai is in charge, or passed to the ticket's agents after a handoff.
 */
export async function sendVisitorMessage(
  ctx: ConversationContext,
  visitor: VisitorRow,
  input: SendMessageInput,
): Promise<{ message: Message; duplicate: boolean; kaiTurn: Promise<void> | null }> {
  const conversation = await ensureConversation(ctx, visitor);
  const now = ctx.now();
  const author = { kind: 'customer' as const, name: visitor.name ?? 'Visitor', id: visitor.id };
  const { message, duplicate, ticket } = await ctx.db.transaction().execute(async (tx) => {
    const appended = await appendMessage(tx, { conversationId: conversation.id, clientId: input.clientId, author, body: input.body, now });
    let ticket = await findTicketByConversation(tx, conversation.id);
    if (!appended.duplicate && ticket && (ticket.status === 'solved' || ticket.status === 'pending')) {
      ticket = await transition(ctx, tx, {
        ticketId: ticket.id,
        to: 'open',
        actor: { kind: 'customer', id: visitor.id, name: author.name },
        reason: ticket.status === 'solved' ? 'Customer replied to a solved ticket' : 'Customer replied',
      });
    }
    return { ...appended, ticket };
  });
  if (duplicate) return { message, duplicate, kaiTurn: null };
  ctx.events.emit('message.created', { message, visitorId: visitor.id, ticketId: ticket?.id ?? null });
  if (ticket) announceUpdated(ctx, ticket);
  const kaiTurn = conversation.mode === 'ai' ? enqueueKai(ctx, conversation.id, () => kaiTurnFor(ctx, visitor, conversation.id, message)) : null;
  return { message, duplicate, kaiTurn };
}

async function postKaiMessage(ctx: ConversationContext, conversationId: string, visitor: VisitorRow, body: string, sources: Source[]): Promise<Message> {
  const { message } = await ctx.db
    .transaction()
    .execute((tx) => appendMessage(tx, { conversationId, author: { kind: 'ai', name: agentNameOf(ctx) }, body, sources, now: ctx.now() }));
  ctx.events.emit('message.created', { message, visitorId: visitor.id, ticketId: null });
  return message;
}

function agentNameOf(ctx: ConversationContext): string {
  return ctx.agentName ?? 'Kai';
}

function setKaiTyping(ctx: ConversationContext, conversationId: string, visitor: VisitorRow, typing: boolean): void {
  ctx.events.emit('typing.changed', { conversationId, visitorId: visitor.id, ticketId: null, author: { kind: 'ai', name: agentNameOf(ctx) }, typing });
}

/** One Kai turn. Kai never speaks in a conversation a person has taken over. */
async function kaiTurnFor(ctx: ConversationContext, visitor: VisitorRow, conversationId: string, message: Message): Promise<void> {
  const conversation = await findConversation(ctx.db, conversationId);
  if (!conversation || conversation.mode !== 'ai') return;
  setKaiTyping(ctx, conversationId, visitor, true);
  try {
    const history = (await listMessages(ctx.db, conversationId, { includeInternal: false }))
      .filter((m) => m.seq < message.seq && m.author.kind !== 'system')
      .slice(-12)
      .map((m) => ({ role: m.author.kind === 'customer' ? ('visitor' as const) : m.author.kind === 'ai' ? ('kai' as const) : ('agent' as const), text: m.body }));
    const turn = await ctx.kai.respond({ siteId: visitor.site_id, message: message.body, history, agentName: agentNameOf(ctx), offeredHandoff: Boolean(conversation.offered_handoff) });
    if (turn.action === 'handoff') {
      await escalate(ctx, visitor, conversationId, turn.handoffReason ?? 'visitor_request', turn.sources);
      return;
    }
    await postKaiMessage(ctx, conversationId, visitor, turn.reply, turn.sources);
    if (turn.action === 'offer_handoff') await markHandoffOffered(ctx.db, conversationId);
  } finally {
    setKaiTyping(ctx, conversationId, visitor, false);
  }
}

/** `Talk to a person`: hands the visitor's conversation to the team (idempotent). */
export async function escalateConversation(ctx: ConversationContext, visitor: VisitorRow): Promise<ConversationState> {
  const conversation = await ensureConversation(ctx, visitor);
  // Wait for any Kai turn in flight so its answer lands before the handoff notice.
  await enqueueKai(ctx, conversation.id, async () => {
    const current = await findConversation(ctx.db, conversation.id);
    if (current?.mode === 'ai') await escalate(ctx, visitor, conversation.id, 'button', []);
  });
  return conversationState(ctx, await findConversation(ctx.db, conversation.id), visitor.time_zone);
}

/**
 * The handoff: triage the visitor's words, create the ticket with Kai's summary, tell the visitor who will
 * answer and when, and silence Kai in this conversation.
 */
async function escalate(ctx: ConversationContext, visitor: VisitorRow, conversationId: string, reason: Handoff['reason'], extraSources: Source[]): Promise<void> {
  const existing = await findTicketByConversation(ctx.db, conversationId);
  if (existing) {
    await setConversationMode(ctx.db, conversationId, 'waiting', ctx.now());
    await announceState(ctx, conversationId, visitor);
    return;
  }
  const messages = await listMessages(ctx.db, conversationId, { includeInternal: false });
  const visitorWords = messages.filter((m) => m.author.kind === 'customer').map((m) => m.body);
  const kaiMessages = messages.filter((m) => m.author.kind === 'ai');
  const meaningful = visitorWords.filter((w) => !/^\W*(hi|hello|hey)\W*$/i.test(w));
  const text = meaningful.join('\n') || 'The visitor asked to talk to a person.';
  const triage = await ctx.kai.triage(text);
  const sources = dedupeSources([...kaiMessages.flatMap((m) => m.sources), ...extraSources]);
  const firstQuestion = meaningful.find((w) => !isPersonRequestOnly(w)) ?? meaningful[0] ?? 'Chat with a visitor';
  const subject = firstQuestion.replace(/\s+/g, ' ').slice(0, SUBJECT_MAX) + (firstQuestion.length > SUBJECT_MAX ? '…' : '');
  const ticket = await createTicket(ctx, {
    siteId: visitor.site_id,
    subject,
    description: text,
    channel: 'chat',
    requester: { name: visitor.name, email: visitor.email, timeZone: visitor.time_zone },
    visitorId: visitor.id,
    conversationId,
    urgency: triage.urgency,
    impact: triage.impact,
    urgencyReason: triage.urgencyReason,
    impactReason: triage.impactReason,
    category: triage.category,
    receivedAt: ctx.now(),
    handoff: {
      reason,
      problem: summarise(meaningful),
      tried: kaiMessages.map((m) => m.body.split('\n')[0]!.slice(0, 160)),
      sources,
      urgency: { level: triage.urgency, reason: triage.urgencyReason },
      impact: { level: triage.impact, reason: triage.impactReason },
      evidence: triage.evidence,
      identity: visitor.verified ? 'verified' : visitor.email || visitor.external_id ? 'unverified' : 'anonymous',
      channel: 'chat',
    },
    actor: { kind: 'ai', name: agentNameOf(ctx) },
  });
  await setConversationMode(ctx.db, conversationId, 'waiting', ctx.now());
  const vt = visitorTicket(ticket, visitor.time_zone, ctx.now());
  await postKaiMessage(
    ctx,
    conversationId,
    visitor,
    `I've passed this to our support team as ticket #${vt.number} (${vt.priority} priority). ${vt.promise} You can keep writing here; everything you add goes to the same ticket.`,
    [],
  );
  await announceState(ctx, conversationId, visitor);
}

function isPersonRequestOnly(text: string): boolean {
  return /\b(human|person|agent|someone|representative|operator)\b/i.test(text) && text.length < 60;
}

function summarise(words: string[]): string {
  const question = words.filter((w) => !isPersonRequestOnly(w));
  const joined = (question.length ? question : words).join(' ').replace(/\s+/g, ' ').trim();
  if (!joined) return 'The visitor asked to talk to a person without describing a problem yet.';
  return joined.length > 280 ? `${joined.slice(0, 277)}…` : joined;
}

function dedupeSources(sources: Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const s of sources) if (!seen.has(s.id)) seen.set(s.id, s);
  return [...seen.values()];
}

/** Refuses access to a conversation that is not the visitor's own. */
export async function assertOwnConversation(ctx: CoreContext, visitor: VisitorRow, conversationId: string): Promise<ConversationRow> {
  const conversation = await findConversation(ctx.db, conversationId);
  if (!conversation || conversation.visitor_id !== visitor.id) throw new AppError('forbidden', 'Not your conversation');
  return conversation;
}
