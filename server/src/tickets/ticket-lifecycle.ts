import type { TicketStatus } from '../../../shared/protocol';
import { AppError } from '../errors';
import type { CoreContext } from '../context';
import type { TicketRow } from '../db/schema';
import { findConversation } from '../messages/message.repository';
import type { Work } from '../work';
import { insertTicketEvent, updateTicket, type Actor } from './ticket.repository';
import { toTicketSummary } from './ticket.presenter';
import { clocksAfterStatus } from './sla-clock';
import { conversationStateOf, visitorSeesChange } from './visitor-view';

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
 * The one way a ticket's status changes: checks the move against TRANSITIONS (a customer's withdrawal, deleting
 * a request, is the one other move: from any status, a closed one too, to `closed`, audited as `withdrawn`),
 * moves the SLA clocks, records who did it and why. Takes the row the caller read in this transaction and returns
 * the new one; `announceTicketChange` tells the desk once the command is done.
 */
export async function transition(
  ctx: CoreContext,
  work: Work,
  ticket: TicketRow,
  props: { to: TicketStatus; actor: Actor; reason?: string | null; withdrawal?: boolean },
): Promise<TicketRow> {
  const from = ticket.status;
  if (from === props.to && !props.withdrawal) return ticket;
  const allowed = props.withdrawal ? props.to === 'closed' : canTransition(from, props.to);
  if (!allowed) throw new AppError('invalid_transition', `A ${from} ticket cannot become ${props.to}`);
  const now = ctx.now();
  const solvedAt = props.to === 'solved' ? now.toISOString() : props.to === 'closed' ? ticket.solved_at : null;
  const updated = await updateTicket(work.tx, ticket.id, {
    status: props.to,
    solved_at: solvedAt,
    updated_at: now.toISOString(),
    ...clocksAfterStatus(ctx.operations.get(), ticket, props.to, now),
  });
  await insertTicketEvent(work.tx, {
    ticketId: ticket.id,
    type: props.withdrawal ? 'withdrawn' : from === 'solved' && props.to === 'open' ? 'reopened' : 'status_changed',
    actor: props.actor,
    from,
    to: props.to,
    reason: props.reason ?? null,
    at: now,
  });
  return updated;
}

/** Whether a change is one the desk should hear about: any field of the summary but the activity time. */
function summaryChanged(before: TicketRow, after: TicketRow): boolean {
  // Activity alone (a customer's message on an open ticket, the hot path) changes no column but `updated_at`, which
  // only `updatedAt` shows: equal columns present equal summaries, so neither row needs presenting.
  if (onlyActivity(before, after)) return false;
  const a = toTicketSummary(before);
  const b = toTicketSummary(after);
  for (const key of Object.keys(b) as (keyof typeof b)[]) {
    if (key !== 'updatedAt' && JSON.stringify(a[key]) !== JSON.stringify(b[key])) return true;
  }
  return false;
}

/** Whether two versions of a ticket's row differ in `updated_at` at most. */
function onlyActivity(before: TicketRow, after: TicketRow): boolean {
  for (const key of Object.keys(after) as (keyof TicketRow)[]) if (key !== 'updated_at' && before[key] !== after[key]) return false;
  return true;
}

/**
 * Raises `ticket.updated` for a command's change to a ticket, once, when something agents see changed; with the
 * visitor's new conversation state when the change shows in their messenger (read here, in the transaction, so
 * the delivery layer never reads rows). A handoff or hand-back changes who answers the chat (`modeChanged`): the
 * desk hears of it although the summary is the same, and the command tells the visitor itself.
 */
export async function announceTicketChange(ctx: CoreContext, work: Work, before: TicketRow | undefined, after: TicketRow, opts: { modeChanged?: boolean } = {}): Promise<void> {
  if (before && !opts.modeChanged && !summaryChanged(before, after)) return;
  let visitorState = null;
  if (!opts.modeChanged && after.visitor_id && after.conversation_id && after.channel === 'chat' && visitorSeesChange(before, after)) {
    const conversation = await findConversation(work.tx, after.conversation_id);
    visitorState = conversationStateOf(ctx.operations.get(), conversation, after, after.requester_time_zone, ctx.now());
  }
  work.raise('ticket.updated', { ticket: toTicketSummary(after), visitorId: after.visitor_id, visitorState });
}
