import { randomUUID } from 'node:crypto';
import type { Message, Source } from '../../../shared/protocol';
import type { KaiEngine, VisitorRequestSummary } from '../ai/engine';
import { triageOffline } from '../ai/offline/triage-rules';
import type { VisitorRow } from '../db/schema';
import { appendMessage, findConversation, listMessages, markHandoffOffered } from '../messages/message.repository';
import { findSiteById, siteSettings } from '../sites/site.repository';
import { ownedTickets, visitorOwner } from '../sites/ownership';
import type { ConversationContext } from './conversation-state';
import { handOff, KAI_AUTHOR } from './handoff';
import { policyHandoff, withHandoffOffer } from './handoff-policy';

/** Kai's turns run one at a time per conversation, in the order the messages arrived. */
const kaiQueues = new WeakMap<KaiEngine, Map<string, Promise<void>>>();

export function enqueueKai(ctx: ConversationContext, conversationId: string, job: () => Promise<void>): Promise<void> {
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

function setKaiTyping(ctx: ConversationContext, conversationId: string, visitor: VisitorRow, name: string, typing: boolean): void {
  ctx.events.emit('typing.changed', { conversationId, visitorId: visitor.id, ticketId: null, author: { kind: 'ai', name }, typing });
}

async function postKaiMessage(
  ctx: ConversationContext,
  conversationId: string,
  visitor: VisitorRow,
  props: { name: string; body: string; sources: Source[]; streamId?: string },
): Promise<Message> {
  const { message } = await ctx.db
    .transaction()
    .execute((tx) => appendMessage(tx, { conversationId, author: { kind: 'ai', name: props.name }, body: props.body, sources: props.sources, now: ctx.now() }));
  ctx.events.emit('message.created', { message: props.streamId ? { ...message, streamId: props.streamId } : message, visitorId: visitor.id, ticketId: null });
  return message;
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
  const conversation = await findConversation(ctx.db, conversationId);
  if (!conversation || conversation.mode !== 'ai') return;
  const site = await findSiteById(ctx.db, visitor.site_id);
  const settings = site ? siteSettings(site) : null;
  const name = settings?.agentName ?? KAI_AUTHOR.name;

  const ruleTriage = triageOffline(message.body);
  const policy = settings
    ? policyHandoff(settings.handoffRules, { category: ruleTriage.category, verified: Boolean(visitor.verified), email: visitor.email, externalId: visitor.external_id })
    : null;
  if (policy) {
    await handOff(ctx, visitor, conversationId, { reason: 'policy', policy });
    return;
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
      return;
    }
    const turn = withHandoffOffer(engineTurn, {
      message: message.body,
      previousVisitorMessages: visible.filter((m) => m.author.kind === 'customer').map((m) => m.body),
      offeredHandoff: Boolean(conversation.offered_handoff),
    });
    await postKaiMessage(ctx, conversationId, visitor, { name, body: turn.reply, sources: turn.sources, streamId });
    if (turn.action === 'offer_handoff') await markHandoffOffered(ctx.db, conversationId);
  } finally {
    setKaiTyping(ctx, conversationId, visitor, name, false);
  }
}
