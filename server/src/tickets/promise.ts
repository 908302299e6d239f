import { isOpenAt, nextOpenAt } from '../../../shared/calendar';
import { homeCentreFor, routeTicket } from '../../../shared/routing';
import type { CentreId } from '../../../shared/protocol';
import type { TicketRow } from '../db/schema';
import { pickLanguage } from '../../../shared/language';
import { LOCALES, textsFor } from '../i18n';
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

function formatter(timeZone: string, withDay: boolean, language?: string | null): Intl.DateTimeFormat {
  const locale = LOCALES[pickLanguage(language)];
  return cached(`${withDay ? 'day' : 'time'}:${timeZone}:${locale}`, () =>
    new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(withDay ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
    }),
  );
}

/** "14:30" when on the visitor's today, else "Mon 1 Dec, 09:45"; in the visitor's zone (UTC when unknown). */
export function formatForVisitor(t: Date, timeZone: string | null, now: Date, language?: string | null): string {
  const tz = timeZone ?? 'UTC';
  const dayFormat = cached(`date:${tz}`, () => new Intl.DateTimeFormat('en-CA', { timeZone: tz }));
  const day = (d: Date) => dayFormat.format(d);
  const sameDay = day(t) === day(now);
  const text = formatter(tz, !sameDay, language).format(t);
  const texts = textsFor(language).promise;
  return timeZone ? texts.yourTime(text) : texts.utc(text);
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
  /** The visitor's language (BCP 47); English by default. */
  language?: string | null,
): string {
  const texts = textsFor(language).promise;
  if (ticket.status === 'solved') return texts.solved;
  if (ticket.status === 'closed') return texts.closed;
  const centre = (ticket.centre in CENTRE_NAMES ? ticket.centre : 'uk') as CentreId;
  const plan = ticket.support_plan ? ops.plans.find((p) => p.id === ticket.support_plan) : undefined;
  const team = plan?.team ? texts.yourTeam(plan.team) : texts.ourTeam(CENTRE_NAMES[centre]);
  if (ticket.first_responded_at) return texts.onIt(team);
  const due = ticket.first_response_due_at ? new Date(ticket.first_response_due_at) : null;
  const by = due ? texts.replyBy(formatForVisitor(due, timeZone, now, language)) : '';
  const calendar = plan?.calendar ?? ops.centres[centre];
  if (isOpenAt(calendar, now.getTime())) return texts.inNow(team, by);
  const opens = nextOpenAt(calendar, now.getTime());
  if (opens === null) return texts.closedNow(team, by);
  return texts.opensAt(team, formatForVisitor(new Date(opens), timeZone, now, language), by);
}

/**
 * What the messenger says before the visitor asks: whether a person is around now, and if not, when the team
 * that would take their request opens, in their own time zone. `staffed`: the centres with an agent online
 * right now (the desk's presence); the team counts as online when its agents are, and the calendars decide only
 * when none is.
 */
export function describeAvailability(ops: Operations, timeZone: string | null, now: Date, staffed?: ReadonlySet<CentreId>): { openNow: boolean; text: string } {
  const t = now.getTime();
  const home = homeCentreFor(timeZone);
  const people = staffed && staffed.size > 0 ? (staffed.has(home) ? home : [...staffed][0]!) : null;
  if (people) return { openNow: true, text: `Our ${CENTRE_NAMES[people]} team is online now.` };
  const centre = routeTicket(ops.centres, home, t);
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
