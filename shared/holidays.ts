/**
 * Public holidays for a business calendar, from the `date-holidays` rule set.
 *
 * A calendar names its holidays with a plain, serialisable spec (`{ country: 'GB', state: 'ENG' }`), so an admin
 * can edit it and it can be stored as JSON. The spec is resolved lazily: one `Holidays` instance per spec, and one
 * set of closed days per spec and year, both cached for the life of the process (a year costs ~6 ms to compute,
 * a lookup afterwards is a `Set.has`).
 *
 * What date-holidays returns, and what we keep (checked against the gov.uk and OPM lists for 2020–2028):
 * - `public` entries are the days offices close: England and Wales bank holidays including substitute days
 *   (28 Dec 2026 for Boxing Day, 3 Jan 2028 for New Year's Day) and one-off days (the 2023 coronation); the
 *   eleven US federal holidays including the observed day when the date falls on a weekend
 *   (Fri 3 Jul 2026, Fri 24 Dec 2027, Fri 31 Dec 2027 for New Year's Day 2028), flagged `substitute: true`.
 * - One observed federal day is typed `bank`, not `public`: Veterans Day's substitute (e.g. Fri 10 Nov 2028, Mon
 *   12 Nov 2029). So the default types are `public` and `bank`; GB ENG has no `bank` entries, so this costs nothing.
 * - `optional` (US Christmas Eve) and `observance` (Mother's Day, Valentine's Day…) are not closures.
 * - An observed day is listed in the year of its date (New Year's Day 2028 observed appears in 2027's list), and
 *   the real date stays listed too (Sat 4 Jul 2026); a weekend date is closed anyway, so keeping it is harmless.
 * - An unknown country silently yields no holidays and an unknown state silently falls back to the country, so
 *   specs are validated against the library's own country and state lists (`holidaySpecProblems`).
 * - `date` is the local date ("YYYY-MM-DD 00:00:00") in the country's zone; a holiday is a whole local day of the
 *   calendar that uses it, even when date-holidays gives it a part-day span (e.g. a 14:00 start elsewhere).
 */
import Holidays from 'date-holidays';

/** Holiday types as date-holidays names them. */
export type HolidayType = 'public' | 'bank' | 'optional' | 'school' | 'observance';

/** The types that close an office unless a spec says otherwise. */
export const DEFAULT_HOLIDAY_TYPES: readonly HolidayType[] = ['public', 'bank'];

/** Which public holidays close a calendar: a date-holidays country, optionally narrowed to a state and region. */
export interface HolidaySpec {
  /** ISO 3166-1 alpha-2 country code, e.g. `GB`, `US`. */
  readonly country: string;
  /** ISO 3166-2 subdivision as date-holidays names it, e.g. `ENG` (England and Wales share bank holidays). */
  readonly state?: string;
  /** A region inside the state, where date-holidays has one. */
  readonly region?: string;
  /** Types that close the calendar; defaults to `public` and `bank`. */
  readonly types?: readonly HolidayType[];
}

/** One holiday as an admin screen lists it. */
export interface HolidayDay {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  name: string;
  type: HolidayType;
  /** True for a substitute or observed day (the real date fell on a weekend). */
  substitute: boolean;
}

const DAY_MS = 86_400_000;
const ALL_TYPES: readonly HolidayType[] = ['public', 'bank', 'optional', 'school', 'observance'];

interface Resolved {
  holidays: Holidays;
  types: ReadonlySet<HolidayType>;
  /** Closed local days (days since 1970-01-01) per year. */
  years: Map<number, ReadonlySet<number>>;
  lists: Map<number, readonly HolidayDay[]>;
  /** date-holidays' own answer per year (~6 ms each), shared by the neighbouring years' lists. */
  raw: Map<number, ReturnType<Holidays['getHolidays']>>;
}

const resolved = new Map<string, Resolved>();
let catalogue: Holidays | null = null;

function specKey(spec: HolidaySpec): string {
  const types = [...(spec.types ?? DEFAULT_HOLIDAY_TYPES)].sort().join(',');
  return `${spec.country.toUpperCase()}|${spec.state?.toUpperCase() ?? ''}|${spec.region?.toUpperCase() ?? ''}|${types}`;
}

function resolve(spec: HolidaySpec): Resolved {
  const key = specKey(spec);
  let r = resolved.get(key);
  if (!r) {
    const problems = holidaySpecProblems(spec);
    if (problems.length > 0) throw new RangeError(`Invalid holiday spec: ${problems.join('; ')}`);
    const country = spec.country.toUpperCase();
    const holidays = spec.region
      ? new Holidays(country, spec.state?.toUpperCase() ?? '', spec.region.toUpperCase())
      : spec.state
        ? new Holidays(country, spec.state.toUpperCase())
        : new Holidays(country);
    r = { holidays, types: new Set(spec.types ?? DEFAULT_HOLIDAY_TYPES), years: new Map(), lists: new Map(), raw: new Map() };
    resolved.set(key, r);
  }
  return r;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (the local calendar date, not an instant). */
export function dayNumberOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The holidays of `spec` whose local date lies in `year`, sorted by date (observed days from a neighbouring year's
 * rule included, e.g. 31 Dec 2027 for the US New Year's Day 2028). */
export function holidaysIn(spec: HolidaySpec, year: number): readonly HolidayDay[] {
  const r = resolve(spec);
  let list = r.lists.get(year);
  if (!list) {
    const prefix = String(year).padStart(4, '0');
    const seen = new Set<string>();
    const out: HolidayDay[] = [];
    // An observed day can come from the next or previous year's rule; date-holidays files it under its own date's
    // year today, but asking the neighbours too keeps us right if that ever changes.
    for (const y of [year - 1, year, year + 1]) {
      let raw = r.raw.get(y);
      if (!raw) {
        raw = r.holidays.getHolidays(y);
        r.raw.set(y, raw);
      }
      for (const h of raw) {
        if (!r.types.has(h.type)) continue;
        const spanDays = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
        const first = dayNumberOf(h.date);
        for (let i = 0; i < spanDays; i++) {
          const date = dateOfDayNumber(first + i);
          if (!date.startsWith(prefix) || seen.has(`${date}|${h.name}`)) continue;
          seen.add(`${date}|${h.name}`);
          out.push({ date, name: h.name, type: h.type, substitute: h.substitute === true });
        }
      }
    }
    out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    list = out;
    r.lists.set(year, list);
  }
  return list;
}

/** The closed local days (days since 1970-01-01) of `spec` in `year`; cached, so cheap to call in a hot loop. */
export function holidayDayNumbers(spec: HolidaySpec, year: number): ReadonlySet<number> {
  const r = resolve(spec);
  let set = r.years.get(year);
  if (!set) {
    set = new Set(holidaysIn(spec, year).map((h) => dayNumberOf(h.date)));
    r.years.set(year, set);
  }
  return set;
}

/** Whether the local date `YYYY-MM-DD` is a holiday under `spec`. */
export function isHoliday(spec: HolidaySpec, date: string): boolean {
  return holidayDayNumbers(spec, Number(date.slice(0, 4))).has(dayNumberOf(date));
}

/** What is wrong with a spec, in words an admin can act on; empty when it is usable. */
export function holidaySpecProblems(spec: HolidaySpec): string[] {
  const problems: string[] = [];
  if (typeof spec !== 'object' || spec === null || typeof spec.country !== 'string') {
    return ['holidays must be { country, state?, region?, types? } or null'];
  }
  catalogue ??= new Holidays();
  const country = spec.country.toUpperCase();
  if (!Object.hasOwn(catalogue.getCountries() ?? {}, country)) {
    problems.push(`unknown holiday country "${spec.country}"`);
    return problems;
  }
  if (spec.state !== undefined) {
    const states = catalogue.getStates(country) ?? {};
    if (typeof spec.state !== 'string' || !Object.hasOwn(states, spec.state.toUpperCase())) {
      problems.push(`unknown holiday state "${String(spec.state)}" for ${country}`);
      return problems;
    }
    if (spec.region !== undefined) {
      const regions = catalogue.getRegions(country, spec.state.toUpperCase()) ?? {};
      if (typeof spec.region !== 'string' || !Object.hasOwn(regions, spec.region.toUpperCase())) {
        problems.push(`unknown holiday region "${String(spec.region)}" for ${country}-${spec.state}`);
      }
    }
  } else if (spec.region !== undefined) {
    problems.push('a holiday region needs a state');
  }
  if (spec.types !== undefined) {
    if (!Array.isArray(spec.types) || spec.types.length === 0) problems.push('holiday types must be a non-empty list');
    else for (const t of spec.types) if (!ALL_TYPES.includes(t)) problems.push(`unknown holiday type "${String(t)}"`);
  }
  return problems;
}
