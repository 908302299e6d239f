/**
 * How each agent reply reaches the customer. On a chat ticket the reply waits for the visitor's messenger to
 * acknowledge it (`message:seen`); not seen within the site's `reach.mailUnseenAfterMinutes`, it is mailed to the
 * ticket's reachable address (threaded, so their answer comes back to the same ticket). On portal, phone and API
 * tickets nobody watches a messenger, so a reply is mailed at once when the email is known. Email tickets are
 * mailed by the email channel itself. Internal notes are never recorded here, so never mailed.
 *
 * Due times are rows (`reply_reach.due_at`), so a restart loses none; one node at a time mails them (the
 * cluster's job lock).
 */
import type { Message } from '../../../shared/protocol';
import type { ReplyDelivery } from '../../../shared/reach';
import type { CoreContext } from '../context';
import { csatOf } from '../csat/csat';
import type { DbOrTx, Tx } from '../db/database';
import type { ReachStatus, TicketRow } from '../db/schema';
import { queueReplyMail } from '../channels/email/outgoing-mail';
import { findSiteById, siteSettings } from '../sites/site.repository';
import { findTicket } from '../tickets/ticket.repository';
import type { ReachContext } from './reach-context';
import { reachableEmail } from './visitor-email';

/** Channels whose customer reads replies in the messenger (and so may see them live). */
const LIVE_CHANNELS = new Set(['chat']);

/** Records a new agent reply: waiting for the visitor (chat), or mailed now (portal, phone, API). */
export async function trackReply(ctx: ReachContext, tx: Tx, ticketId: string, message: Message): Promise<void> {
  if (message.internal || message.author.kind !== 'agent') return;
  const ticket = await findTicket(tx, ticketId);
  if (!ticket || ticket.channel === 'email' || ticket.withdrawn_at) return;
  const now = ctx.now();
  if (LIVE_CHANNELS.has(ticket.channel)) {
    const site = await findSiteById(tx, ticket.site_id);
    const minutes = site ? siteSettings(site).reach.mailUnseenAfterMinutes : 5;
    await insertReach(tx, { message_id: message.id, ticket_id: ticket.id, status: 'waiting', due_at: new Date(now.getTime() + minutes * 60_000).toISOString(), outbox_id: null, updated_at: now.toISOString() });
    return;
  }
  const to = await reachableEmail(tx, ticket);
  const outboxId = to ? await queueReplyMail(ctx, tx, ticket, message, to) : null;
  await insertReach(tx, { message_id: message.id, ticket_id: ticket.id, status: outboxId ? 'mailed' : 'unreachable', due_at: null, outbox_id: outboxId, updated_at: now.toISOString() });
}

async function insertReach(tx: Tx, row: { message_id: string; ticket_id: string; status: ReachStatus; due_at: string | null; outbox_id: string | null; updated_at: string }): Promise<void> {
  await tx.insertInto('reply_reach').values(row).onConflict((oc) => oc.column('message_id').doNothing()).execute();
}

/**
 * The visitor's messenger showed every message of the conversation up to `upToSeq`: those replies are seen. Returns
 * the replies that changed.
 */
export async function markSeen(db: DbOrTx, props: { conversationId: string; upToSeq: number; now: Date }): Promise<{ ticketId: string; messageId: string }[]> {
  const seenIds = db.selectFrom('messages').select('id').where('conversation_id', '=', props.conversationId).where('seq', '<=', props.upToSeq);
  return db
    .updateTable('reply_reach')
    .set({ status: 'seen', due_at: null, updated_at: props.now.toISOString() })
    .where('status', '=', 'waiting')
    .where('message_id', 'in', seenIds)
    .returning(['ticket_id as ticketId', 'message_id as messageId'])
    .execute();
}

/** `markSeen`, then the desks are told (`reach.changed`). Returns how many replies turned seen. */
export async function seeReplies(ctx: Pick<CoreContext, 'db' | 'events'>, props: { conversationId: string; upToSeq: number; now: Date }): Promise<number> {
  const seen = await markSeen(ctx.db, props);
  for (const ticketId of new Set(seen.map((s) => s.ticketId))) {
    await announceReach(ctx, ticketId, { messageIds: seen.filter((s) => s.ticketId === ticketId).map((s) => s.messageId) });
  }
  return seen.length;
}

/**
 * Tells the desks (`reach.changed`, after the change committed) how these replies of a ticket reach the customer
 * now, and its CSAT with `csat: true`. Nothing is said about replies that have no delivery yet.
 */
export async function announceReach(ctx: Pick<CoreContext, 'db' | 'events'>, ticketId: string, what: { messageIds?: readonly string[]; csat?: boolean }): Promise<void> {
  const ticket = await findTicket(ctx.db, ticketId);
  if (!ticket) return;
  const all = what.messageIds?.length ? await deliveriesOf(ctx.db, ticket) : {};
  const deliveries = Object.fromEntries((what.messageIds ?? []).flatMap((id) => (all[id] ? [[id, all[id]]] : [])));
  if (!what.csat && Object.keys(deliveries).length === 0) return;
  ctx.events.emit('reach.changed', { ticketId, deliveries, ...(what.csat ? { csat: await csatOf(ctx.db, ticketId) } : {}) });
}

/** Mails every waiting reply whose time is up (or marks it unreachable when no address is known). */
export async function mailUnseenReplies(ctx: ReachContext): Promise<number> {
  const now = ctx.now();
  const due = await ctx.db.selectFrom('reply_reach').selectAll().where('status', '=', 'waiting').where('due_at', '<=', now.toISOString()).orderBy('due_at').limit(100).execute();
  let mailed = 0;
  for (const row of due) {
    let changed = false;
    await ctx.db.transaction().execute(async (tx) => {
      // Claimed by the status it still has: seen in the meantime means nothing to mail.
      const ticket = await findTicket(tx, row.ticket_id);
      const message = await tx.selectFrom('messages').selectAll().where('id', '=', row.message_id).executeTakeFirst();
      const to = ticket && message && !ticket.withdrawn_at ? await reachableEmail(tx, ticket) : null;
      const status: ReachStatus = to ? 'mailed' : 'unreachable';
      const claim = await tx.updateTable('reply_reach').set({ status, due_at: null, updated_at: now.toISOString() }).where('message_id', '=', row.message_id).where('status', '=', 'waiting').executeTakeFirst();
      changed = Number(claim.numUpdatedRows) > 0;
      if (!changed || !to || !ticket || !message || message.internal) return;
      const outboxId = await queueReplyMail(ctx, tx, ticket, { id: message.id, body: message.body, internal: false, author: { kind: 'agent', name: message.author_name } }, to);
      await tx.updateTable('reply_reach').set({ outbox_id: outboxId }).where('message_id', '=', row.message_id).execute();
      mailed++;
    });
    if (changed) await announceReach(ctx, row.ticket_id, { messageIds: [row.message_id] });
  }
  return mailed;
}

/**
 * How each agent reply of a ticket reached the customer, by message id. Email tickets' replies are all mailed
 * (the outbox row tells sent, retrying or failed); replies from before this was recorded are absent.
 */
export async function deliveriesOf(db: DbOrTx, ticket: TicketRow): Promise<Record<string, ReplyDelivery>> {
  const rows = await db
    .selectFrom('reply_reach')
    .leftJoin('email_outbox', 'email_outbox.id', 'reply_reach.outbox_id')
    .select(['reply_reach.message_id as messageId', 'reply_reach.status as status', 'reply_reach.due_at as dueAt', 'reply_reach.updated_at as at', 'email_outbox.status as mailStatus', 'email_outbox.last_error as lastError', 'email_outbox.sent_at as sentAt'])
    .where('reply_reach.ticket_id', '=', ticket.id)
    .execute();
  const out: Record<string, ReplyDelivery> = {};
  for (const r of rows) out[r.messageId] = toDelivery(r);
  if (ticket.channel === 'email') {
    const mails = await db.selectFrom('email_outbox').select(['source_message_id', 'status', 'last_error', 'sent_at', 'created_at']).where('ticket_id', '=', ticket.id).where('kind', '=', 'reply').execute();
    for (const m of mails) if (m.source_message_id) out[m.source_message_id] = toDelivery({ status: 'mailed', dueAt: null, at: m.created_at, mailStatus: m.status, lastError: m.last_error, sentAt: m.sent_at });
  }
  return out;
}

function toDelivery(r: { status: string; dueAt: string | null; at: string; mailStatus: string | null; lastError: string | null; sentAt: string | null }): ReplyDelivery {
  if (r.status === 'seen') return { state: 'seen', at: r.at };
  if (r.status === 'waiting') return { state: 'waiting', at: r.dueAt };
  if (r.status === 'unreachable') return { state: 'unreachable', at: r.at };
  if (r.mailStatus === 'sent') return { state: 'mailed', at: r.sentAt };
  // Still queued: the outbox retries for ever, but an attempt that failed is worth showing.
  return r.lastError ? { state: 'failed', at: r.at, error: r.lastError } : { state: 'sending', at: r.at };
}
