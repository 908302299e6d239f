import type { CoreContext } from '../context';
import type { Tx } from '../db/database';
import type { TicketRow } from '../db/schema';
import { deadlinesFor } from './sla-clock';
import { transition } from './ticket-lifecycle';
import { updateTicket, type Actor } from './ticket.repository';

/**
 * A customer wrote again on a ticket (chat or email): a pending or solved ticket reopens, and once an agent
 * has answered, the next-response clock starts. A closed ticket is left alone: the caller starts a follow-up.
 * Runs in the caller's transaction.
 */
export async function recordCustomerReply(ctx: CoreContext, tx: Tx, ticket: TicketRow, actor: Actor): Promise<TicketRow> {
  let t = ticket;
  if (t.status === 'closed') return t;
  if (t.status === 'solved' || t.status === 'pending') {
    t = await transition(ctx, tx, { ticketId: t.id, to: 'open', actor, reason: t.status === 'solved' ? 'Customer replied to a solved ticket' : 'Customer replied' });
  }
  const now = ctx.now();
  if (t.first_responded_at && !t.next_response_started_at) {
    const started = { ...t, next_response_started_at: now.toISOString() };
    return updateTicket(tx, t.id, { next_response_started_at: started.next_response_started_at, ...deadlinesFor(ctx.operations.get(), started), updated_at: now.toISOString() });
  }
  return updateTicket(tx, t.id, { updated_at: now.toISOString() });
}
