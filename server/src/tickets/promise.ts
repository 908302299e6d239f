import { isOpenAt, nextOpenAt } from '../../../shared/calendar';
import { homeCentreFor, routeTicket } from '../../../shared/routing';
import type { CentreId } from '../../../shared/protocol';
import type { TicketRow } from '../db/schema';
import type { Operations } from '../operations/operations';

const CENTRE_NAMES: Record<CentreId, string> = { uk: 'UK', us: 'US' };

/** Intl formatters are costly to build; one per zone and style is kept (a few zones are in use at a time). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    if (formatters.size > 1000) formatters.clear();
    f = make();
    formatters.set(key, f);
  }
  return f;
}

function formatter(timeZone: string, withDay: boolean): Intl.DateTimeFormat {
  return cached(`${withDay ? 'day' : 'time'}:${timeZone}`, () =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(withDay ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
    }),
  );
}

/** "14:30" when on the visitor's today, else "Mon 1 Dec, 09:45"; in the visitor's zone (UTC when unknown). */
export function formatForVisitor(t: Date, timeZone: string | null, now: Date): string {
  const tz = timeZone ?? 'UTC';
  const dayFormat = cached(`date:${tz}`, () => new Intl.DateTimeFormat('en-CA', { timeZone: tz }));
  const day = (d: Date) => dayFormat.format(d);
  const sameDay = day(t) === day(now);
  const text = formatter(tz, !sameDay).format(t);
  return timeZone ? `${text} your time` : `${text} UTC`;
}

/**
 * The honest promise the visitor sees: which team answers and by when, from the same calendars and the
 * ticket's first-response deadline.
 */
export function describePromise(
  ops: Operations,
  ticket: Pick<TicketRow, 'centre' | 'status' | 'first_response_due_at' | 'first_responded_at' | 'support_plan'>,
  timeZone: string | null,
  now: Date,
): string {
  if (ticket.status === 'solved') return 'This request is solved. Reply here if you need more help and it reopens.';
  if (ticket.status === 'closed') return 'This request is closed.';
  const centre = (ticket.centre in CENTRE_NAMES ? ticket.centre : 'uk') as CentreId;
  const plan = ticket.support_plan ? ops.plans.find((p) => p.id === ticket.support_plan) : undefined;
  const team = plan?.team ? `Your ${plan.team}` : `Our ${CENTRE_NAMES[centre]} team`;
  if (ticket.first_responded_at) return `${team} is on it and will keep you posted here.`;
  const due = ticket.first_response_due_at ? new Date(ticket.first_response_due_at) : null;
  const by = due ? ` and will reply by ${formatForVisitor(due, timeZone, now)}` : '';
  const calendar = plan?.calendar ?? ops.centres[centre];
  if (isOpenAt(calendar, now.getTime())) return `${team} is in now${by}.`;
  const opens = nextOpenAt(calendar, now.getTime());
  if (opens === null) return `${team} is closed right now${by}.`;
  return `${team} opens at ${formatForVisitor(new Date(opens), timeZone, now)}${by}.`;
}

/**
 * What the messenger says before the visitor asks: whether a person is around now, and if not, when the team
 * that would take their request opens, in their own time zone.
 */
export function describeAvailability(ops: Operations, timeZone: string | null, now: Date): { openNow: boolean; text: string } {
  const t = now.getTime();
  const centre = routeTicket(ops.centres, homeCentreFor(timeZone), t);
  const team = `Our ${CENTRE_NAMES[centre]} team`;
  if (isOpenAt(ops.centres[centre], t)) return { openNow: true, text: `${team} is online now.` };
  const opens = nextOpenAt(ops.centres[centre], t);
  return {
    openNow: false,
    text: opens === null
      ? `Our team is offline right now. ${KAI_HINT}`
      : `Our team is offline right now. ${team} opens at ${formatForVisitor(new Date(opens), timeZone, now)}. ${KAI_HINT}`,
  };
}

const KAI_HINT = 'Kai can help straight away, and a person will follow up on anything Kai can’t solve.';
