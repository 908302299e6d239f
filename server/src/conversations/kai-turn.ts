import { randomUUID } from 'node:crypto';
import type { Message, Source } from '../../../shared/protocol';
import type { VisitorRequestSummary } from '../ai/engine';
import type { VisitorRow } from '../db/schema';
import type { KaiTurnOutcome } from '../events';
import { appendMessage, findConversation, listMessages, markHandoffOffered } from '../messages/message.repository';
import { findTicketByConversation } from '../tickets/ticket.repository';
import { inTransaction } from '../work';
import { findSiteById, siteSettings } from '../sites/site.repository';
import { ownedTickets, visitorOwner } from '../sites/ownership';
import type { ConversationContext } from './conversation-state';
import { handOff } from './handoff';
import { planTurn, withHandoffOffer } from './handoff-policy';

/**
 * Runs `job` after every earlier job of the conversation, one at a time across every node of the deployment
 * (the cluster's lock per conversation), in the order they arrived on each node. The returned promise is the
 * job's own (a failure reaches a caller that waits, e.g. `Talk to a person`); the queue logs the failure and
 * goes on with the next job.
 */
export function inKaiQueue<T>(ctx: ConversationContext, conversationId: string, job: () => Promise<T>): Promise<T> {
  let result: T;
  const run = ctx.cluster
    .serialize(`kai:${conversationId}`, async () => {
      result = await job();
    })
    .then(() => result);
  run.catch((err: unknown) => ctx.log.error({ err, conversationId }, 'Kai turn failed'));
  return run;
}

function setKaiTyping(ctx: ConversationContext, conversationId: string, visitor: VisitorRow, name: string, typing: boolean): void {
  ctx.events.emit('typing.changed', { conversationId, visitorId: visitor.id, ticketId: null, author: { kind: 'ai', name }, typing });
}

/**
 * Stores Kai's reply and raises it for the visitor and, when the chat has a ticket (an agent handed it back to
 * Kai), for the agents watching that ticket.
 */
async function postKaiMessage(
  ctx: ConversationContext,
  conversationId: string,
  visitor: VisitorRow,
  props: { name: string; body: string; sources: Source[]; streamId: string; offeredHandoff: boolean },
): Promise<Message> {
  return inTransaction(ctx, async (work) => {
    const { message } = await appendMessage(work.tx, { conversationId, author: { kind: 'ai', name: props.name }, body: props.body, sources: props.sources, now: ctx.now() });
    if (props.offeredHandoff) await markHandoffOffered(work.tx, conversationId);
    const ticket = await findTicketByConversation(work.tx, conversationId);
    work.raise('message.created', { message: { ...message, streamId: props.streamId }, visitorId: visitor.id, ticketId: ticket && ticket.status !== 'closed' ? ticket.id : null });
    return message;
  });
}

/** The visitor's own requests, by the one ownership rule (`sites/ownership.ts`). */
async function ownRequests(ctx: ConversationContext, visitor: VisitorRow): Promise<VisitorRequestSummary[]> {
  const rows = await ownedTickets(ctx.db, visitorOwner(visitor)).orderBy('updated_at', 'desc').limit(10).execute();
  return rows.map((r) => ({ number: Number(r.number), subject: r.subject, status: r.status, updatedAt: r.updated_at }));
}

/**
 * One Kai turn for a visitor's message. Kai never speaks in a conversation a person has taken over; a site
 * rule may hand off before Kai answers; Kai's reply streams to the visitor as it is written and is stored once.
 */
export async function kaiTurnFor(ctx: ConversationContext, visitor: VisitorRow, conversationId: string, message: Message): Promise<void> {
  const started = performance.now();
  const announce = (outcome: KaiTurnOutcome) => ctx.events.emit('kai.turn', { outcome, seconds: (performance.now() - started) / 1000 });
  try {
    announce(await runKaiTurn(ctx, visitor, conversationId, message));
  } catch (err) {
    announce('failed');
    throw err;
  }
}

async function runKaiTurn(ctx: ConversationContext, visitor: VisitorRow, conversationId: string, message: Message): Promise<KaiTurnOutcome> {
  const conversation = await findConversation(ctx.db, conversationId);
  if (!conversation || conversation.mode !== 'ai') return 'skipped';
  const site = await findSiteById(ctx.db, visitor.site_id);
  const settings = site ? siteSettings(site) : null;
  const { agentName: name, policy } = planTurn(message.body, settings, { verified: Boolean(visitor.verified), email: visitor.email, externalId: visitor.external_id });
  if (policy) {
    await handOff(ctx, visitor, conversationId, { reason: 'policy', policy });
    return 'policy_handoff';
  }

  setKaiTyping(ctx, conversationId, visitor, name, true);
  try {
    const visible = (await listMessages(ctx.db, conversationId, { includeInternal: false })).filter((m) => m.seq < message.seq && m.author.kind !== 'system');
    const history = visible.slice(-12).map((m) => ({
      role: m.author.kind === 'customer' ? ('visitor' as const) : m.author.kind === 'ai' ? ('kai' as const) : ('agent' as const),
      text: m.body,
    }));
    const identified = Boolean(visitor.verified || visitor.external_id || visitor.email);
    const streamId = randomUUID();
    const engineTurn = await ctx.kai.respond(
      {
        siteId: visitor.site_id,
        message: message.body,
        history,
        agentName: name,
        offeredHandoff: Boolean(conversation.offered_handoff),
        language: visitor.language ?? settings?.language,
        ...(identified ? { lookupRequests: () => ownRequests(ctx, visitor) } : {}),
      },
      (delta) => ctx.events.emit('message.delta', { visitorId: visitor.id, delta: { conversationId, streamId, author: { kind: 'ai', name }, delta } }),
    );
    if (engineTurn.action === 'handoff') {
      await handOff(ctx, visitor, conversationId, { reason: engineTurn.handoffReason ?? 'visitor_request', sources: engineTurn.sources, triage: engineTurn.triage, summary: engineTurn.summary });
      return 'handoff';
    }
    const turn = withHandoffOffer(engineTurn, {
      message: message.body,
      previousVisitorMessages: visible.filter((m) => m.author.kind === 'customer').map((m) => m.body),
      offeredHandoff: Boolean(conversation.offered_handoff),
      language: visitor.language ?? settings?.language,
    });
    await postKaiMessage(ctx, conversationId, visitor, { name, body: turn.reply, sources: turn.sources, streamId, offeredHandoff: turn.action === 'offer_handoff' });
    return turn.action === 'offer_handoff' ? 'offer_handoff' : 'answer';
  } finally {
    setKaiTyping(ctx, conversationId, visitor, name, false);
  }
}
