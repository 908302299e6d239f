/**
 * The desk's view of the SLA: how urgent a ticket's running deadline is (from the deadline itself and from the
 * server's `ticket:sla` alerts), and the words for both. Which deadline runs is the shared rule's.
 */
import type { SlaAlert, TicketSummary } from '../shared/protocol';
import { runningDeadline as runningClock } from '../shared/sla';
import { englishTexts, type DeskTexts } from './i18n/i18n';

export type SlaClock = SlaAlert['clock'];

/** A running deadline this close (or closer) reads as "Due soon", like the server's default warning window. */
export const DUE_SOON_MS = 15 * 60_000;

/** A clock's short name for a row ("First response due in 42 min"). */
export const clockLabel = (clock: SlaClock, t: DeskTexts = englishTexts): string => t.t(`clock_${clock}`);

/** What a ticket's SLA clocks are doing now. */
export type RunningDeadline =
  | { kind: 'running'; clock: SlaClock; dueAt: string }
  /** Waiting on the customer: the clocks stand still since `since`. */
  | { kind: 'paused'; since: string }
  /** Solved or closed, or no deadline at all. */
  | { kind: 'none' };

export type SlaLevel = 'due_soon' | 'breached';

export const slaLevelLabel = (level: SlaLevel, t: DeskTexts = englishTexts): string => t.t(level === 'due_soon' ? 'slaDueSoon' : 'slaBreached');

const instant = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN);
const sameInstant = (a: string | null | undefined, b: string | null | undefined): boolean => {
  const x = instant(a);
  return !Number.isNaN(x) && x === instant(b);
};

type DeadlineFields = Pick<
  TicketSummary,
  'status' | 'firstResponseDueAt' | 'firstRespondedAt' | 'nextResponseDueAt' | 'resolutionDueAt' | 'nextDueAt' | 'slaPausedAt'
>;

/**
 * The deadline that matters for a ticket now, by the shared SLA rule (`shared/sla.ts`): paused while
 * `slaPausedAt` is set, none once solved or closed.
 */
export function runningDeadline(t: DeadlineFields): RunningDeadline {
  if (t.status === 'solved' || t.status === 'closed') return { kind: 'none' };
  if (t.slaPausedAt) return { kind: 'paused', since: t.slaPausedAt };
  const running = runningClock(t);
  return running ? { kind: 'running', ...running } : { kind: 'none' };
}

/** The instant the queue is ordered by: `nextDueAt`, nulls (and nonsense) last. */
export function queueDueTime(t: Pick<TicketSummary, 'nextDueAt'>): number {
  const due = instant(t.nextDueAt);
  return Number.isNaN(due) ? Number.POSITIVE_INFINITY : due;
}

/**
 * How urgent a ticket's running deadline is: "Breached" once it has passed, "Due soon" within 15 minutes, or
 * what the server's latest alert for that same deadline said (the server's clock decides when they differ).
 * An alert for a deadline that is no longer running (answered, moved, paused) no longer counts.
 */
export function slaLevel(t: DeadlineFields, now: number, alert?: SlaAlert | null): SlaLevel | null {
  const deadline = runningDeadline(t);
  if (deadline.kind !== 'running') return null;
  const left = instant(deadline.dueAt) - now;
  let level: SlaLevel | null = left <= 0 ? 'breached' : left <= DUE_SOON_MS ? 'due_soon' : null;
  if (alert && sameInstant(alert.dueAt, deadline.dueAt)) {
    if (alert.kind === 'breach') level = 'breached';
    else if (level === null) level = 'due_soon';
  }
  return level;
}

/** The live notification for an alert: "#1042 breached its first-response deadline". */
export function slaNoticeText(alert: SlaAlert, number: number | null, t: DeskTexts = englishTexts): string {
  const clock = alert.clock in CLOCKS ? alert.clock : 'resolution';
  const key = `sla_${alert.kind === 'breach' ? 'breached' : 'near'}_${clock}${number === null ? '_anon' : ''}` as const;
  return t.t(key, { number: number ?? '' });
}

const CLOCKS: Record<SlaClock, true> = { first_response: true, next_response: true, resolution: true };
