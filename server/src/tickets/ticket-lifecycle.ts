import type { TicketStatus } from '../../../shared/protocol';
import { AppError } from '../errors';
import type { CoreContext } from '../context';
import type { Tx } from '../db/database';
import type { TicketRow } from '../db/schema';
import { findTicket, insertTicketEvent, updateTicket, type Actor } from './ticket.repository';
import { toTicketSummary } from './ticket.presenter';
import { clocksAfterStatus } from './sla-clock';

/** Every move a ticket may make. `solved → open` is a reopen; `closed` is final (a reply starts a follow-up). */
export const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved'],
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * The one way a ticket's status changes: checks the move against TRANSITIONS, records who did it and why,
 * and announces the change. Runs in the caller's transaction; the event is emitted by the caller after commit
 * via the returned row.
 */
export async function transition(
  ctx: CoreContext,
  tx: Tx,
  props: { ticketId: string; to: TicketStatus; actor: Actor; reason?: string | null },
): Promise<TicketRow> {
  const ticket = await findTicket(tx, props.ticketId);
  if (!ticket) throw new AppError('not_found', 'No such ticket');
  const from = ticket.status as TicketStatus;
  if (from === props.to) return ticket;
  if (!canTransition(from, props.to)) {
    throw new AppError('invalid_transition', `A ${from} ticket cannot become ${props.to}`);
  }
  const now = ctx.now();
  const solvedAt = props.to === 'solved' ? now.toISOString() : props.to === 'closed' ? ticket.solved_at : null;
  const updated = await updateTicket(tx, ticket.id, {
    status: props.to,
    solved_at: solvedAt,
    updated_at: now.toISOString(),
    ...clocksAfterStatus(ctx.operations.get(), ticket, props.to, now),
  });
  await insertTicketEvent(tx, {
    ticketId: ticket.id,
    type: from === 'solved' && props.to === 'open' ? 'reopened' : 'status_changed',
    actor: props.actor,
    from,
    to: props.to,
    reason: props.reason ?? null,
    at: now,
  });
  return updated;
}

/** Announces a changed ticket to the desk. */
export function announceUpdated(ctx: CoreContext, row: TicketRow): void {
  ctx.events.emit('ticket.updated', { ticket: toTicketSummary(row) });
}
