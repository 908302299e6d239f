/**
 * The one home of the SLA rules, used by the server (which stores deadlines) and the desk (which shows them).
 * A deadline is `receivedAt` (or, when no centre is open then, the next opening) plus
 * the target in business minutes, counted only while at least one centre is open. Instants are epoch ms.
 */
import { addBusinessMinutes, businessMinutesBetween, type Calendars } from './calendar';
import { DEFAULT_SLA_TARGETS } from './operations';
import type { Level } from './priority';
import type { TicketStatus } from './protocol';

/** Targets for one priority, in business minutes. */
export interface SlaTarget {
  firstResponse: number;
  resolution: number;
}

/** Targets per priority. */
export type SlaTargets = Readonly<Record<Level, Readonly<SlaTarget>>>;

/** When a ticket must first be answered and solved, epoch ms; null only for calendars that never open. */
export interface SlaDeadlines {
  firstResponseDueAt: number | null;
  resolutionDueAt: number | null;
}

/** What is wrong with a set of targets (for an admin form); empty when usable. */
export function slaTargetProblems(targets: SlaTargets): string[] {
  const problems: string[] = [];
  for (const level of ['high', 'medium', 'low'] as const) {
    const t = targets?.[level];
    if (!t) {
      problems.push(`${level}: missing`);
      continue;
    }
    for (const key of ['firstResponse', 'resolution'] as const) {
      if (!Number.isInteger(t[key]) || t[key] <= 0) problems.push(`${level}.${key} must be a whole number of minutes > 0`);
    }
  }
  return problems;
}

/**
 * Deadlines for a ticket of `priority` received at `receivedAt`, on the union of `calendars` (pass both centres:
 * the clocks run while either is open). `pausedMinutes` (business minutes the ticket has waited on the customer)
 * extends both targets.
 */
export function slaDeadlines(
  calendars: Calendars,
  priority: Level,
  receivedAt: number,
  targets: SlaTargets = DEFAULT_SLA_TARGETS,
  pausedMinutes = 0,
): SlaDeadlines {
  const firstResponse = targets[priority].firstResponse + pausedMinutes;
  const resolution = targets[priority].resolution + pausedMinutes;
  const firstResponseDueAt = addBusinessMinutes(calendars, receivedAt, firstResponse);
  // Adding in two legs equals adding at once when the second leg is positive (a first leg ending on a closing
  // instant resumes at the next opening either way), and the second leg is the short one.
  const resolutionDueAt =
    firstResponseDueAt !== null && resolution > firstResponse
      ? addBusinessMinutes(calendars, firstResponseDueAt, resolution - firstResponse)
      : resolution === firstResponse
        ? firstResponseDueAt
        : addBusinessMinutes(calendars, receivedAt, resolution);
  return { firstResponseDueAt, resolutionDueAt };
}

/** Business minutes left from `now` until `dueAt` (0 once due). */
export function businessMinutesLeft(calendars: Calendars, now: number, dueAt: number): number {
  return businessMinutesBetween(calendars, now, dueAt);
}

// ---- a ticket's clocks: the state machine's side of the SLA (the server stores it, the desk shows it) -------

/** The three SLA clocks. */
export type SlaClock = 'first_response' | 'next_response' | 'resolution';

/** Statuses in which the clocks stand still: waiting on the customer, or done. */
export const PAUSED_STATUSES: ReadonlySet<TicketStatus> = new Set(['pending', 'solved', 'closed']);

/** The rules a ticket's clocks run by: the calendars they count on and the targets per priority. */
export interface SlaRules {
  calendars: Calendars;
  targets: SlaTargets;
  /** Business minutes to answer a customer's message once the first response is given. */
  nextResponse: Readonly<Record<Level, number>>;
}

/** What a ticket's clocks are computed from (ISO instants, as stored and sent). */
export interface SlaClockInput {
  status: TicketStatus;
  priority: Level;
  receivedAt: string;
  /** Set while the clocks are paused. */
  slaPausedAt: string | null;
  /** Business minutes paused in all, added to the first-response and resolution targets. */
  slaPausedMinutes: number;
  firstRespondedAt: string | null;
  /** When a customer's message started the next-response clock (after the first response). */
  nextResponseStartedAt: string | null;
}

/** A ticket's deadlines; `nextDueAt` is the earliest running one (the queue's order), null while paused. */
export interface SlaDeadlineFields {
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  nextResponseDueAt: string | null;
  nextDueAt: string | null;
}

type RunningFields = Pick<SlaClockInput, 'status' | 'firstRespondedAt'> & Omit<SlaDeadlineFields, 'nextDueAt'>;

const isoOf = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

/**
 * The deadline that runs now: the earliest of the first response (until answered), the next response (while a
 * customer's message waits) and the resolution. None while the ticket waits on the customer or is done.
 */
export function runningDeadline(t: RunningFields): { clock: SlaClock; dueAt: string } | null {
  if (PAUSED_STATUSES.has(t.status)) return null;
  const candidates: [SlaClock, string | null][] = [
    ['first_response', t.firstRespondedAt ? null : t.firstResponseDueAt],
    ['next_response', t.nextResponseDueAt],
    ['resolution', t.resolutionDueAt],
  ];
  let best: { clock: SlaClock; dueAt: string } | null = null;
  for (const [clock, dueAt] of candidates) {
    if (dueAt && (best === null || Date.parse(dueAt) < Date.parse(best.dueAt))) best = { clock, dueAt };
  }
  return best;
}

/** Every deadline of a ticket from its receipt, priority, pauses and next-response start. */
export function ticketDeadlines(rules: SlaRules, t: SlaClockInput): SlaDeadlineFields {
  const d = slaDeadlines(rules.calendars, t.priority, Date.parse(t.receivedAt), rules.targets, t.slaPausedMinutes);
  const nextResponseDueAt = t.nextResponseStartedAt
    ? isoOf(addBusinessMinutes(rules.calendars, Date.parse(t.nextResponseStartedAt), rules.nextResponse[t.priority]))
    : null;
  const fields = { firstResponseDueAt: isoOf(d.firstResponseDueAt), resolutionDueAt: isoOf(d.resolutionDueAt), nextResponseDueAt };
  return { ...fields, nextDueAt: runningDeadline({ ...t, ...fields })?.dueAt ?? null };
}

/** What a status change does to the clocks: the fields to store. */
export type ClockChange = Partial<Pick<SlaClockInput, 'slaPausedAt' | 'slaPausedMinutes' | 'nextResponseStartedAt'>> & Partial<SlaDeadlineFields>;

/**
 * The clocks after a move to `to` at `now`. Entering a paused status stops them (and ends any next-response
 * clock); leaving it adds the business minutes paused and moves the deadlines by them, except a deadline that had
 * already passed when the pause began: a breach stays where it was.
 */
export function clocksAfterStatus(rules: SlaRules, t: SlaClockInput & SlaDeadlineFields, to: TicketStatus, now: number): ClockChange {
  const pausing = PAUSED_STATUSES.has(to);
  if (pausing && t.slaPausedAt === null) {
    return { slaPausedAt: isoOf(now), nextResponseStartedAt: null, nextResponseDueAt: null, nextDueAt: null };
  }
  if (!pausing && t.slaPausedAt !== null) {
    const pausedAt = Date.parse(t.slaPausedAt);
    const slaPausedMinutes = t.slaPausedMinutes + businessMinutesBetween(rules.calendars, pausedAt, now);
    const moved = ticketDeadlines(rules, { ...t, status: to, slaPausedAt: null, slaPausedMinutes });
    const keep = (before: string | null, after: string | null) => (before !== null && Date.parse(before) <= pausedAt ? before : after);
    const fields = {
      ...moved,
      firstResponseDueAt: keep(t.firstResponseDueAt, moved.firstResponseDueAt),
      resolutionDueAt: keep(t.resolutionDueAt, moved.resolutionDueAt),
    };
    return { slaPausedAt: null, slaPausedMinutes, ...fields, nextDueAt: runningDeadline({ ...t, ...fields, status: to })?.dueAt ?? null };
  }
  return { nextDueAt: runningDeadline({ ...t, status: to })?.dueAt ?? null };
}
