/**
 * Business hours in words, from the same calendars the maths uses, so text never disagrees with the rules:
 * "Mon–Fri 08:30–17:30 UK time". Pure; used for audit reasons, error messages and the desk's hints.
 */
import type { Calendar, Weekday } from './calendar';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const ZONE_LABELS: Readonly<Record<string, string>> = {
  'Europe/London': 'UK time',
  'America/New_York': 'US Eastern time',
};

/** "UK time" for Europe/London, "US Eastern time" for America/New_York, else "<zone> time". */
export function zoneLabel(timeZone: string): string {
  return ZONE_LABELS[timeZone] ?? `${timeZone} time`;
}

/** [1,2,3,4,5] → "Mon–Fri"; [1,3] → "Mon, Wed"; runs of three or more days are ranges. */
function describeDays(days: readonly Weekday[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const first = DAY_NAMES[sorted[i]!];
    const last = DAY_NAMES[sorted[j]!];
    if (j - i >= 2) parts.push(`${first}–${last}`);
    else for (let k = i; k <= j; k++) parts.push(DAY_NAMES[sorted[k]!]);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * A calendar's weekly hours: "Mon–Fri 09:00–18:00 UK time", or without the days ("08:30–17:30 UK time") where
 * the days go without saying. Days with the same hours are grouped; "closed" when it has no periods.
 */
export function describeOpeningHours(calendar: Pick<Calendar, 'periods' | 'timeZone'>, opts: { days?: boolean } = {}): string {
  const withDays = opts.days ?? true;
  const byHours = new Map<string, Weekday[]>();
  for (const p of calendar.periods) {
    const key = `${p.open}–${p.close}`;
    byHours.set(key, [...(byHours.get(key) ?? []), p.weekday]);
  }
  if (byHours.size === 0) return 'closed';
  const groups = [...byHours.entries()].map(([hours, days]) => (withDays ? `${describeDays(days)} ${hours}` : hours));
  return `${groups.join(', ')} ${zoneLabel(calendar.timeZone)}`;
}

/** "Wed 15 Jan 2026, 09:00 UK time" for an instant, in the calendar's own zone. */
export function formatInZone(t: number, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(t);
  // en-GB puts a comma after the weekday ("Wed, 15 Jan 2026, 09:00"); the first one reads better without.
  return `${text.replace(',', '')} ${zoneLabel(timeZone)}`;
}
