import { addBusinessMinutes, businessMinutesBetween } from '../../../shared/calendar';
import { priorityOf, type Level } from '../../../shared/priority';
import type { CentreId } from '../../../shared/protocol';
import { homeCentreFor, routeTicket } from '../../../shared/routing';
import type { TicketRow } from '../db/schema';
import { slaCalendars, type Operations } from '../operations/operations';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
const ms = (s: string) => Date.parse(s);

/** Where a new ticket goes (follow the sun from `receivedAt`) and its priority. */
export function routeNewTicket(ops: Operations, props: { urgency: Level; impact: Level; receivedAt: Date; timeZone: string | null }): { priority: Level; centre: CentreId; homeCentre: CentreId } {
  const homeCentre = homeCentreFor(props.timeZone);
  return {
    priority: priorityOf(props.urgency, props.impact, ops.priorityMatrix),
    centre: routeTicket(ops.centres, homeCentre, props.receivedAt.getTime()),
    homeCentre,
  };
}

type ClockFields = Pick<
  TicketRow,
  'status' | 'priority' | 'received_at' | 'support_plan' | 'sla_paused_minutes' | 'first_responded_at' | 'next_response_started_at'
>;

export interface Deadlines {
  first_response_due_at: string | null;
  resolution_due_at: string | null;
  next_response_due_at: string | null;
  next_due_at: string | null;
}

/**
 * A ticket's deadlines from its receipt, priority, plan and the time its clocks were paused: each target in
 * business minutes on the covering calendars, extended by the paused business minutes. Pure; called on
 * creation, on priority or calendar changes, and when the clocks resume.
 */
export function deadlinesFor(ops: Operations, t: ClockFields): Deadlines {
  const cals = slaCalendars(ops, t.support_plan);
  const level = t.priority as Level;
  const paused = Number(t.sla_paused_minutes) || 0;
  const received = ms(t.received_at);
  const first = iso(addBusinessMinutes(cals, received, ops.sla[level].firstResponse + paused));
  const resolution = iso(addBusinessMinutes(cals, received, ops.sla[level].resolution + paused));
  const next = t.next_response_started_at ? iso(addBusinessMinutes(cals, ms(t.next_response_started_at), ops.nextResponse[level])) : null;
  const d = { first_response_due_at: first, resolution_due_at: resolution, next_response_due_at: next };
  return { ...d, next_due_at: nextDueAt({ ...t, ...d }) };
}

/**
 * The deadline the queue sorts by and the monitor watches: the earliest running clock. None while the ticket
 * waits on the customer (pending) or is solved or closed.
 */
export function nextDueAt(
  t: Pick<TicketRow, 'status' | 'first_responded_at' | 'first_response_due_at' | 'resolution_due_at' | 'next_response_due_at'>,
): string | null {
  if (t.status === 'pending' || t.status === 'solved' || t.status === 'closed') return null;
  const running = [t.first_responded_at ? null : t.first_response_due_at, t.next_response_due_at, t.resolution_due_at].filter((d): d is string => d !== null);
  return running.length ? running.reduce((a, b) => (a < b ? a : b)) : null;
}

/** Which clock a deadline belongs to, for warning and breach events. */
export function clockOf(t: Pick<TicketRow, 'first_responded_at' | 'first_response_due_at' | 'resolution_due_at' | 'next_response_due_at'>, dueAt: string): 'first_response' | 'next_response' | 'resolution' {
  if (!t.first_responded_at && t.first_response_due_at === dueAt) return 'first_response';
  if (t.next_response_due_at === dueAt) return 'next_response';
  return 'resolution';
}

/** Statuses in which the clocks stand still. */
export const PAUSED_STATUSES = new Set(['pending', 'solved', 'closed']);

/**
 * The clock fields after a status change: entering pending or solved pauses them (and ends any
 * next-response clock); leaving them adds the paused business minutes and recomputes every deadline.
 */
export function clocksAfterStatus(ops: Operations, t: TicketRow, to: string, now: Date): Partial<TicketRow> {
  const wasPaused = t.sla_paused_at !== null;
  const pausing = PAUSED_STATUSES.has(to);
  if (pausing && !wasPaused) {
    const next = { ...t, status: to, sla_paused_at: now.toISOString(), next_response_started_at: null, next_response_due_at: null };
    return { sla_paused_at: next.sla_paused_at, next_response_started_at: null, next_response_due_at: null, next_due_at: nextDueAt(next) };
  }
  if (!pausing && wasPaused) {
    const cals = slaCalendars(ops, t.support_plan);
    const paused = (Number(t.sla_paused_minutes) || 0) + businessMinutesBetween(cals, ms(t.sla_paused_at!), now.getTime());
    const resumed = { ...t, status: to, sla_paused_at: null, sla_paused_minutes: paused };
    return { sla_paused_at: null, sla_paused_minutes: paused, ...deadlinesFor(ops, resumed) };
  }
  return { next_due_at: nextDueAt({ ...t, status: to }) };
}
