import type { Author, Message, MessageAttachment } from '../../../shared/protocol';
import type { CoreContext } from '../context';
import type { TicketRow } from '../db/schema';
import { appendMessage } from '../messages/message.repository';
import type { Work } from '../work';
import { deadlinesFor } from './sla-clock';
import { announceTicketChange, transition } from './ticket-lifecycle';
import { setTicketFields, type Actor } from './ticket.repository';

/**
 * The customer is waiting on the team again (they wrote, or reopened the request): a pending or solved ticket
 * reopens, and once an agent has answered, the next-response clock starts. A closed ticket is left alone.
 */
export async function customerWaitsAgain(ctx: CoreContext, work: Work, ticket: TicketRow, actor: Actor): Promise<TicketRow> {
  let t = ticket;
  if (t.status === 'closed') return t;
  if (t.status === 'solved' || t.status === 'pending') {
    t = await transition(ctx, work, t, { to: 'open', actor, reason: t.status === 'solved' ? 'Customer replied to a solved ticket' : 'Customer replied' });
  }
  const now = ctx.now().toISOString();
  const changes =
    t.first_responded_at && !t.next_response_started_at
      ? { next_response_started_at: now, ...deadlinesFor(ctx.operations.get(), { ...t, next_response_started_at: now }), updated_at: now }
      : { updated_at: now };
  await setTicketFields(work.tx, t.id, changes);
  return { ...t, ...changes };
}

export interface CustomerMessage {
  conversationId: string;
  /** The conversation's ticket, read in this transaction; none while Kai alone has the chat. */
  ticket: TicketRow | undefined;
  author: Author & { id?: string | null };
  body: string;
  /** The sender's idempotency key: a retry returns the stored message. */
  clientId?: string | null;
  /** An email reply's quoted history. */
  quoted?: string | null;
  /** The visitor whose messenger shows the message live, if any. */
  visitorId: string | null;
  /** The visitor socket that sent it (it has the message from its ack). */
  senderSocketId?: string;
  /** Files the customer uploaded for this message (checked by `uploadsToSend`). */
  attachments?: MessageAttachment[];
  /** False while Kai has the chat back: the ticket's status and clocks do not follow Kai's conversation. */
  countsForTicket?: boolean;
}

/**
 * A customer's new message on any channel (chat, portal, email): stored once per client id, then the ticket
 * follows (`customerWaitsAgain`), and the message and any ticket change are raised for after the commit. On a
 * closed ticket the message is stored in its conversation but the ticket is not touched: the caller starts a
 * follow-up, triaged the way its channel does.
 */
export async function addCustomerMessage(ctx: CoreContext, work: Work, m: CustomerMessage): Promise<{ message: Message; duplicate: boolean; ticket: TicketRow | undefined }> {
  const { message, duplicate } = await appendMessage(work.tx, {
    conversationId: m.conversationId,
    clientId: m.clientId ?? null,
    author: m.author,
    body: m.body,
    quoted: m.quoted ?? null,
    attachments: m.attachments ?? [],
    now: ctx.now(),
  });
  if (duplicate) return { message, duplicate, ticket: m.ticket };
  const before = m.ticket;
  const follows = before && before.status !== 'closed' && m.countsForTicket !== false;
  const ticket = follows ? await customerWaitsAgain(ctx, work, before, { kind: 'customer', id: m.author.id ?? null, name: m.author.name }) : before;
  work.raise('message.created', { message, visitorId: m.visitorId, ticketId: ticket && ticket.status !== 'closed' ? ticket.id : null, ...(m.senderSocketId ? { senderSocketId: m.senderSocketId } : {}) });
  if (follows && ticket) await announceTicketChange(ctx, work, before, ticket);
  return { message, duplicate, ticket };
}
