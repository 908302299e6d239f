/**
 * SLA deadlines (contract §6): a deadline is `receivedAt` (or, when no centre is open then, the next opening) plus
 * the target in business minutes, counted only while at least one centre is open. Instants are epoch ms.
 */
import { addBusinessMinutes, businessMinutesBetween, type Calendars } from './calendar';
import { DEFAULT_SLA_TARGETS } from './operations';
import type { Level } from './priority';

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
 * the clocks run while either is open).
 */
export function slaDeadlines(
  calendars: Calendars,
  priority: Level,
  receivedAt: number,
  targets: SlaTargets = DEFAULT_SLA_TARGETS,
): SlaDeadlines {
  const { firstResponse, resolution } = targets[priority];
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

/**
 * The deadline after a pause (a ticket `pending` on the customer from `pausedAt` to `resumedAt`): the business
 * minutes that were left at the pause are counted again from the resumption. A deadline already passed when the
 * pause began stays where it was.
 */
export function resumeDeadline(calendars: Calendars, dueAt: number, pausedAt: number, resumedAt: number): number | null {
  if (pausedAt >= dueAt) return dueAt;
  return addBusinessMinutes(calendars, Math.max(resumedAt, pausedAt), businessMinutesBetween(calendars, pausedAt, dueAt));
}
