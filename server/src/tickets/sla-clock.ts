import { clocksAfterStatus as clocksAfter, runningDeadline, ticketDeadlines, type SlaClock, type SlaClockInput, type SlaRules } from '../../../shared/sla';
import { priorityOf, type Level } from '../../../shared/priority';
import type { CentreId, TicketStatus } from '../../../shared/protocol';
import { homeCentreFor, routeTicket } from '../../../shared/routing';
import type { TicketRow } from '../db/schema';
import { slaCalendars, type Operations } from '../operations/operations';

/**
 * The server's side of the SLA rules in `shared/sla.ts`: a ticket row's clock columns in, the columns to store
 * out. No rule lives here; only the mapping between column names and the shared module's fields.
 */

/** Where a new ticket goes (follow the sun from `receivedAt`) and its priority. */
export function routeNewTicket(ops: Operations, props: { urgency: Level; impact: Level; receivedAt: Date; timeZone: string | null }): { priority: Level; centre: CentreId; homeCentre: CentreId } {
  const homeCentre = homeCentreFor(props.timeZone);
  return {
    priority: priorityOf(props.urgency, props.impact, ops.priorityMatrix),
    centre: routeTicket(ops.centres, homeCentre, props.receivedAt.getTime()),
    homeCentre,
  };
}

type ClockColumns = Pick<TicketRow, 'status' | 'priority' | 'received_at' | 'support_plan' | 'sla_paused_at' | 'sla_paused_minutes' | 'first_responded_at' | 'next_response_started_at'>;
type DeadlineColumns = Pick<TicketRow, 'first_response_due_at' | 'resolution_due_at' | 'next_response_due_at' | 'next_due_at'>;
export type Deadlines = DeadlineColumns;

function rulesFor(ops: Operations, planId: string | null): SlaRules {
  return { calendars: slaCalendars(ops, planId), targets: ops.sla, nextResponse: ops.nextResponse };
}

function clockInput(t: ClockColumns): SlaClockInput {
  return {
    status: t.status,
    priority: t.priority,
    receivedAt: t.received_at,
    slaPausedAt: t.sla_paused_at ?? null,
    slaPausedMinutes: Number(t.sla_paused_minutes) || 0,
    firstRespondedAt: t.first_responded_at,
    nextResponseStartedAt: t.next_response_started_at,
  };
}

function deadlineFields(t: DeadlineColumns) {
  return { firstResponseDueAt: t.first_response_due_at, resolutionDueAt: t.resolution_due_at, nextResponseDueAt: t.next_response_due_at, nextDueAt: t.next_due_at };
}

/** A ticket's deadlines, as columns: on creation, on priority or calendar changes, when a clock starts. */
export function deadlinesFor(ops: Operations, t: ClockColumns): Deadlines {
  const d = ticketDeadlines(rulesFor(ops, t.support_plan), clockInput(t));
  return { first_response_due_at: d.firstResponseDueAt, resolution_due_at: d.resolutionDueAt, next_response_due_at: d.nextResponseDueAt, next_due_at: d.nextDueAt };
}

/** The deadline the queue sorts by and the monitor watches: the earliest running clock, as a column. */
export function nextDueAt(t: Pick<TicketRow, 'status' | 'first_responded_at' | 'first_response_due_at' | 'resolution_due_at' | 'next_response_due_at'>): string | null {
  return runningDeadline({ status: t.status, firstRespondedAt: t.first_responded_at, ...deadlineFields({ ...t, next_due_at: null }) })?.dueAt ?? null;
}

/** Which clock a ticket's next deadline belongs to, for warning and breach events. */
export function clockOf(t: Pick<TicketRow, 'status' | 'first_responded_at' | 'first_response_due_at' | 'resolution_due_at' | 'next_response_due_at'>): SlaClock {
  return runningDeadline({ status: t.status, firstRespondedAt: t.first_responded_at, ...deadlineFields({ ...t, next_due_at: null }) })?.clock ?? 'resolution';
}

/** The clock columns after a status change (see `clocksAfterStatus` in shared/sla.ts). */
export function clocksAfterStatus(ops: Operations, t: TicketRow, to: TicketStatus, now: Date): Partial<TicketRow> {
  const change = clocksAfter(rulesFor(ops, t.support_plan), { ...clockInput(t), ...deadlineFields(t) }, to, now.getTime());
  const columns: Partial<TicketRow> = {};
  if (change.slaPausedAt !== undefined) columns.sla_paused_at = change.slaPausedAt;
  if (change.slaPausedMinutes !== undefined) columns.sla_paused_minutes = change.slaPausedMinutes;
  if (change.nextResponseStartedAt !== undefined) columns.next_response_started_at = change.nextResponseStartedAt;
  if (change.firstResponseDueAt !== undefined) columns.first_response_due_at = change.firstResponseDueAt;
  if (change.resolutionDueAt !== undefined) columns.resolution_due_at = change.resolutionDueAt;
  if (change.nextResponseDueAt !== undefined) columns.next_response_due_at = change.nextResponseDueAt;
  if (change.nextDueAt !== undefined) columns.next_due_at = change.nextDueAt;
  return columns;
}
