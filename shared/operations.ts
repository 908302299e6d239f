/**
 * Contract §6, "Support operations defaults": the centres, phone line and SLA targets a new database starts with.
 * An admin may edit them later; these objects are frozen, so an edit is a new object (calendars are compiled and
 * cached by identity, see calendar.ts).
 */
import type { Calendar, OpeningPeriod, Weekday } from './calendar';
import { DEFAULT_PRIORITY_MATRIX, type Level, type PriorityMatrix } from './priority';
import type { CentreId } from './protocol';
import type { SlaTargets } from './sla';

const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];

function mondayToFriday(open: string, close: string): OpeningPeriod[] {
  return WEEKDAYS.map((weekday) => ({ weekday, open, close }));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** England and Wales bank holidays, substitute days included. */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS = deepFreeze({ country: 'GB', state: 'ENG' } as const);
/** The eleven US federal holidays, observed days included. */
export const US_FEDERAL_HOLIDAYS = deepFreeze({ country: 'US' } as const);

/** The two operations centres (follow the sun). */
export const DEFAULT_CENTRES: Readonly<Record<CentreId, Calendar>> = deepFreeze({
  uk: {
    id: 'uk',
    name: 'UK centre',
    timeZone: 'Europe/London',
    periods: mondayToFriday('09:00', '18:00'),
    holidays: ENGLAND_AND_WALES_BANK_HOLIDAYS,
    closures: [],
  },
  us: {
    id: 'us',
    name: 'US centre',
    timeZone: 'America/New_York',
    periods: mondayToFriday('06:00', '16:00'),
    holidays: US_FEDERAL_HOLIDAYS,
    closures: [],
  },
});

/** The phone line's hours: they decide whether a call is answered live, never a ticket's routing or deadlines. */
export const DEFAULT_PHONE_LINE: Calendar = deepFreeze({
  id: 'phone',
  name: 'Phone line',
  timeZone: 'Europe/London',
  periods: mondayToFriday('08:30', '17:30'),
  holidays: ENGLAND_AND_WALES_BANK_HOLIDAYS,
  closures: [],
});

/** Targets in business minutes (time while at least one centre is open). */
export const DEFAULT_SLA_TARGETS: SlaTargets = deepFreeze({
  high: { firstResponse: 60, resolution: 480 },
  medium: { firstResponse: 240, resolution: 1440 },
  low: { firstResponse: 480, resolution: 2400 },
});

/**
 * A bespoke arrangement (extended or out-of-hours support with dedicated resources): customers it
 * matches get its own calendar for their SLA clocks and, optionally, a dedicated team.
 */
export interface SupportPlan {
  id: string;
  name: string;
  /** Who it covers: requester emails, email domains, or whole sites. */
  match: { emails?: string[]; domains?: string[]; siteKeys?: string[] };
  calendar: Calendar;
  /** Shown to agents and customers: "the Acme dedicated team". */
  team?: string;
}

/** Everything about how support runs that an admin may edit; the README's Support operations section gives the defaults. */
export interface Operations {
  centres: Record<CentreId, Calendar>;
  phoneLine: Calendar;
  priorityMatrix: PriorityMatrix;
  sla: SlaTargets;
  /** Business minutes for the agent's next reply after a customer writes again. */
  nextResponse: Record<Level, number>;
  /** A warning event this many minutes before a deadline. */
  warningMinutes: number;
  /** Solved tickets close by themselves after this many days. */
  autoCloseDays: number;
  categories: string[];
  plans: SupportPlan[];
}

/** What a new database starts with (the README's Support operations section). */
export const DEFAULT_OPERATIONS: Operations = {
  centres: DEFAULT_CENTRES,
  phoneLine: DEFAULT_PHONE_LINE,
  priorityMatrix: DEFAULT_PRIORITY_MATRIX,
  sla: DEFAULT_SLA_TARGETS,
  nextResponse: { high: 60, medium: 240, low: 480 },
  warningMinutes: 15,
  autoCloseDays: 4,
  categories: ['security', 'outage', 'billing', 'account', 'technical', 'how_to', 'feedback', 'other'],
  plans: [],
};

/** What a new ticket would get: where it goes and when it is due, by the rules `createTicket` applies. */
export interface TicketPreview {
  priority: Level;
  /** The centre whose time zone the requester's is nearest (follow the sun starts there). */
  homeCentre: CentreId;
  /** The centre that takes it when it arrives. */
  centre: CentreId;
  centreName: string;
  /** The support plan covering the requester, whose calendar the clocks then run on. */
  plan: { id: string; name: string } | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
}
