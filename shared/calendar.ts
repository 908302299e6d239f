/**
 * Business-calendar maths: when a centre is open, and how many business minutes lie between two instants.
 *
 * Conventions (all functions are pure apart from caches; nothing here reads the clock):
 * - Instants are epoch milliseconds (`number`), never `Date`: deadlines are computed for every ticket and numbers
 *   avoid allocations. `Date.parse`/`getTime()` at the edges.
 * - Intervals are half-open `[start, end)`: a centre that opens at 09:00 and closes at 18:00 is open at 09:00:00.000
 *   and closed at 18:00:00.000.
 * - Wall-clock times are local to the calendar's IANA zone on that date, so 09:00 in London is 09:00 UTC in winter
 *   and 08:00 UTC in summer. On a daylight-saving change an opening or closing happens the first time the local
 *   clock shows that time that day; a time the clock skips (02:30 on a spring-forward night in New York) happens at
 *   the instant the clock jumps past it, and a time shown twice (01:30 on a fall-back night) at its first showing.
 * - A holiday or closure is a whole local day. Periods of one day that touch or overlap are merged, and so are
 *   periods that run across midnight (`00:00`–`24:00` every day is one endless interval).
 * - Functions taking `Calendars` accept one calendar or several; several mean their union (open when at least one
 *   is open), which is how SLA clocks run across the two centres.
 * - Searches are bounded: a calendar that does not open within `SEARCH_LIMIT_DAYS` days is treated as never
 *   opening (`null`), and one that does not close within that bound as never closing.
 *
 * Calendars are plain data (storable as JSON, editable by an admin) and treated as immutable: each is compiled
 * once, on first use, into per-weekday minute ranges and a per-day cache of open intervals in UTC. Change a calendar
 * by making a new object (a structurally equal new object reuses the compiled form). Time-zone offsets come from
 * the built-in `Intl` API, with one formatter per zone, and are only consulted when a day is first computed.
 */
import { dateOfDayNumber, dayNumberOf, holidayDayNumbers, holidaySpecProblems, type HolidaySpec } from './holidays';

export type { HolidaySpec } from './holidays';

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** One opening on a weekday, in local wall-clock time. A weekday may have several. */
export interface OpeningPeriod {
  readonly weekday: Weekday;
  /** `HH:MM`, `00:00`–`23:59`. */
  readonly open: string;
  /** `HH:MM` after `open`; `24:00` is the next midnight. */
  readonly close: string;
}

/** A business calendar: weekly opening hours in one time zone, less public holidays and extra closures. */
export interface Calendar {
  readonly id: string;
  readonly name: string;
  /** IANA zone, e.g. `Europe/London`; never a fixed offset. */
  readonly timeZone: string;
  readonly periods: readonly OpeningPeriod[];
  /** Public holidays that close it (resolved with date-holidays), or `null` for none. */
  readonly holidays: HolidaySpec | null;
  /** Extra whole local days it is closed, `YYYY-MM-DD`. */
  readonly closures?: readonly string[];
}

/** One calendar, or several meaning their union. */
export type Calendars = Calendar | readonly Calendar[];

/** A half-open `[start, end)` span of epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** How far ahead (in days) searches for an opening or closing look before giving up. */
export const SEARCH_LIMIT_DAYS = 400;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Instants must stay well inside the range `Date` can represent, so day scans never leave it. */
const MAX_INSTANT = 8.64e15 - (SEARCH_LIMIT_DAYS + 10) * DAY;

// ---------------------------------------------------------------------------------------------------------------
// Time zones

interface DayOffsets {
  /** UTC offset (ms) before any change that day. */
  before: number;
  /** UTC offset (ms) after it. */
  after: number;
  /** The instant of the change, or NaN when the offset is the same all day. */
  transition: number;
}

interface Zone {
  formatter: Intl.DateTimeFormat;
  days: Map<number, DayOffsets>;
}

const zones = new Map<string, Zone>();

/** The cached zone; throws RangeError for a zone Intl does not know. */
function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zone = { formatter, days: new Map() };
    zones.set(timeZone, zone);
  }
  return zone;
}

/** The zone's UTC offset at `t` in ms (local wall time = t + offset). Costs one formatToParts (~6 µs). */
function offsetAt(zone: Zone, t: number): number {
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of zone.formatter.formatToParts(t)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value) % 24; // some engines print midnight as 24 despite h23
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  const wholeSecond = t - (((t % 1000) + 1000) % 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond;
}

/**
 * The offsets around local day `day` (days since 1970-01-01). Every instant of a local day lies within
 * [day − 14 h, day + 1 + 12 h] in UTC, so comparing offsets just outside that window tells whether the day has a
 * change; if so, the change is found to the second by bisection. Assumes at most one change in ~2.2 days, which
 * holds for every zone in the tz database since 1970.
 */
function dayOffsets(zone: Zone, day: number): DayOffsets {
  let offsets = zone.days.get(day);
  if (!offsets) {
    const lo = day * DAY - 15 * HOUR;
    const hi = (day + 1) * DAY + 13 * HOUR;
    const before = offsetAt(zone, lo);
    const after = offsetAt(zone, hi);
    let transition = Number.NaN;
    if (before !== after) {
      let loS = lo / 1000;
      let hiS = hi / 1000;
      while (hiS - loS > 1) {
        const mid = Math.floor((loS + hiS) / 2);
        if (offsetAt(zone, mid * 1000) === before) loS = mid;
        else hiS = mid;
      }
      transition = hiS * 1000;
    }
    offsets = { before, after, transition };
    if (zone.days.size > 100_000) zone.days.clear();
    zone.days.set(day, offsets);
  }
  return offsets;
}

/**
 * The first instant at which the local clock of `zone` shows `wall` (ms since 1970-01-01 in local wall time) on
 * local day `day`; for a skipped time, the instant the clock jumps past it.
 */
function wallToUtc(zone: Zone, day: number, wall: number): number {
  const o = dayOffsets(zone, day);
  if (Number.isNaN(o.transition)) return wall - o.before;
  const early = wall - o.before;
  const late = wall - o.after;
  const earlyValid = early < o.transition;
  const lateValid = late >= o.transition;
  if (earlyValid && lateValid) return Math.min(early, late); // repeated hour: its first showing
  if (earlyValid) return early;
  if (lateValid) return late;
  return o.transition; // skipped hour: when the clock jumps past it
}

/** Whether `timeZone` is an IANA zone this runtime knows (fixed offsets such as `+01:00` are refused). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || /^[+-]/.test(timeZone)) return false;
  if (zones.has(timeZone)) return true;
  try {
    zoneOf(timeZone);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

const canonicalZones = new Map<string, string | null>();

/** The runtime's canonical name for a zone (`US/Eastern` → `America/New_York` in Node), or null if unknown. */
export function canonicalTimeZone(timeZone: string): string | null {
  let canonical = canonicalZones.get(timeZone);
  if (canonical === undefined) {
    canonical = isValidTimeZone(timeZone) ? zoneOf(timeZone).formatter.resolvedOptions().timeZone : null;
    if (canonicalZones.size > 10_000) canonicalZones.clear();
    canonicalZones.set(timeZone, canonical);
  }
  return canonical;
}

/** The UTC instant of a local date and time in `timeZone` (first showing; a skipped time maps to the jump). */
export function localTimeToUtc(timeZone: string, date: string, time: string): number {
  const minutes = parseTime(time, true);
  if (!isDate(date) || minutes === null || !isValidTimeZone(timeZone)) {
    throw new RangeError(`Invalid local time ${date} ${time} ${timeZone}`);
  }
  const day = dayNumberOf(date);
  return wallToUtc(zoneOf(timeZone), day, day * DAY + minutes * MINUTE);
}

/** The local date (`YYYY-MM-DD`) in `timeZone` at instant `t`. */
export function localDateOf(timeZone: string, t: number): string {
  checkInstant(t);
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}"`);
  return dateOfDayNumber(Math.floor((t + offsetAt(zoneOf(timeZone), t)) / DAY));
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

function parseTime(value: unknown, allowMidnightEnd: boolean): number | null {
  if (typeof value !== 'string') return null;
  if (value === '24:00') return allowMidnightEnd ? 24 * 60 : null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && dateOfDayNumber(dayNumberOf(value)) === value;
}

/** What is wrong with a calendar (for an admin form or a config check); empty when it is usable. */
export function calendarProblems(calendar: Calendar): string[] {
  const problems: string[] = [];
  if (typeof calendar !== 'object' || calendar === null) return ['a calendar must be an object'];
  if (typeof calendar.id !== 'string' || calendar.id.length === 0) problems.push('id must be a non-empty string');
  if (typeof calendar.name !== 'string') problems.push('name must be a string');
  if (!isValidTimeZone(calendar.timeZone)) problems.push(`unknown time zone "${String(calendar.timeZone)}"`);
  if (!Array.isArray(calendar.periods)) {
    problems.push('periods must be a list');
  } else {
    calendar.periods.forEach((p: OpeningPeriod, i: number) => {
      if (typeof p !== 'object' || p === null) {
        problems.push(`period ${i} must be an object`);
        return;
      }
      if (!Number.isInteger(p.weekday) || p.weekday < 0 || p.weekday > 6) problems.push(`period ${i}: weekday must be 0–6`);
      const open = parseTime(p.open, false);
      const close = parseTime(p.close, true);
      if (open === null) problems.push(`period ${i}: open must be HH:MM between 00:00 and 23:59`);
      if (close === null) problems.push(`period ${i}: close must be HH:MM between 00:00 and 24:00`);
      if (open !== null && close !== null && close <= open) problems.push(`period ${i}: close must be after open`);
    });
  }
  if (calendar.holidays !== null) {
    if (calendar.holidays === undefined) problems.push('holidays must be a spec or null');
    else problems.push(...holidaySpecProblems(calendar.holidays));
  }
  if (calendar.closures !== undefined) {
    if (!Array.isArray(calendar.closures)) problems.push('closures must be a list of YYYY-MM-DD dates');
    else for (const d of calendar.closures) if (!isDate(d)) problems.push(`closure "${String(d)}" is not a YYYY-MM-DD date`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Compiled calendars

interface Compiled {
  zone: Zone;
  /** Per weekday, merged [open, close, open, close…] in minutes after local midnight. */
  week: readonly (readonly number[])[];
  hasPeriods: boolean;
  holidays: HolidaySpec | null;
  closures: ReadonlySet<number>;
  /** Per local day, merged [start, end, …] open intervals in UTC ms. */
  days: Map<number, readonly number[]>;
}

const compiledByObject = new WeakMap<Calendar, Compiled>();
const compiledByContent = new Map<string, Compiled>();
const NO_INTERVALS: readonly number[] = [];

function compile(calendar: Calendar): Compiled {
  let compiled = compiledByObject.get(calendar);
  if (compiled) return compiled;
  const key = JSON.stringify(calendar);
  compiled = compiledByContent.get(key);
  if (!compiled) {
    const problems = calendarProblems(calendar);
    if (problems.length > 0) throw new RangeError(`Invalid calendar "${String(calendar?.id)}": ${problems.join('; ')}`);
    const week: number[][] = [[], [], [], [], [], [], []];
    for (let weekday = 0; weekday < 7; weekday++) {
      const ranges = calendar.periods
        .filter((p) => p.weekday === weekday)
        .map((p) => [parseTime(p.open, false) ?? 0, parseTime(p.close, true) ?? 0] as const)
        .sort((a, b) => a[0] - b[0]);
      const merged = week[weekday] ?? [];
      for (const [open, close] of ranges) {
        const last = merged.length - 1;
        if (last > 0 && open <= (merged[last] ?? 0)) merged[last] = Math.max(merged[last] ?? 0, close);
        else merged.push(open, close);
      }
    }
    compiled = {
      zone: zoneOf(calendar.timeZone),
      week,
      hasPeriods: week.some((w) => w.length > 0),
      holidays: calendar.holidays,
      closures: new Set((calendar.closures ?? []).map(dayNumberOf)),
      days: new Map(),
    };
    if (compiledByContent.size > 1000) compiledByContent.clear();
    compiledByContent.set(key, compiled);
  }
  compiledByObject.set(calendar, compiled);
  return compiled;
}

function compileAll(calendars: Calendars): Compiled[] {
  // A Calendar is never an array, so this tells the two shapes apart; the cast only narrows the union.
  return Array.isArray(calendars) ? (calendars as readonly Calendar[]).map(compile) : [compile(calendars as Calendar)];
}

function isClosedDay(c: Compiled, day: number): boolean {
  if (c.closures.has(day)) return true;
  if (c.holidays === null) return false;
  return holidayDayNumbers(c.holidays, new Date(day * DAY).getUTCFullYear()).has(day);
}

/** Open intervals of local day `day`, UTC ms, merged; computed once per calendar and day. */
function dayIntervals(c: Compiled, day: number): readonly number[] {
  let intervals = c.days.get(day);
  if (intervals) return intervals;
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const minutes = c.week[weekday] ?? NO_INTERVALS;
  if (minutes.length === 0 || isClosedDay(c, day)) {
    intervals = NO_INTERVALS;
  } else {
    const out: number[] = [];
    const midnight = day * DAY;
    for (let i = 0; i < minutes.length; i += 2) {
      const start = wallToUtc(c.zone, day, midnight + (minutes[i] ?? 0) * MINUTE);
      const end = wallToUtc(c.zone, day, midnight + (minutes[i + 1] ?? 0) * MINUTE);
      if (end <= start) continue; // wholly inside a skipped hour
      const last = out.length - 1;
      if (last > 0 && start <= (out[last] ?? 0)) out[last] = Math.max(out[last] ?? 0, end);
      else out.push(start, end);
    }
    intervals = out;
  }
  if (c.days.size > 50_000) c.days.clear();
  c.days.set(day, intervals);
  return intervals;
}

// Results of the scans below, in module variables so the hot path allocates nothing.
let hitStart = 0;
let hitEnd = 0;

/**
 * Finds the first open interval (of one calendar's day intervals, not merged across midnight) that ends after
 * `t`, looking at local days from the UTC day before `t` for `days` more days. A local day lies within one UTC day
 * either side of its date, so starting a day early never misses the interval containing `t`.
 */
function findInterval(c: Compiled, t: number, days: number): boolean {
  if (!c.hasPeriods) return false;
  const first = Math.floor(t / DAY) - 1;
  for (let day = first; day <= first + days; day++) {
    const intervals = dayIntervals(c, day);
    for (let i = 1; i < intervals.length; i += 2) {
      const end = intervals[i] ?? 0;
      if (end > t) {
        hitStart = intervals[i - 1] ?? 0;
        hitEnd = end;
        return true;
      }
    }
  }
  return false;
}

let segStart = 0;
let segEnd = 0;

/**
 * The union's open segment at or after `t`: sets `segStart` (≥ t: `t` itself when open) and `segEnd`. The end is
 * only followed until it passes `segStart + reach` (callers that need the true end pass enough reach).
 * Returns false when nothing opens within the search limit.
 */
function unionSegment(cs: readonly Compiled[], t: number, reach: number): boolean {
  let start = Number.POSITIVE_INFINITY;
  for (const c of cs) {
    if (findInterval(c, t, SEARCH_LIMIT_DAYS + 2)) {
      const s = hitStart > t ? hitStart : t;
      if (s < start) start = s;
    }
  }
  if (start === Number.POSITIVE_INFINITY || start > t + SEARCH_LIMIT_DAYS * DAY) return false;
  const until = start + reach;
  let end = start;
  let extended = true;
  while (extended && end < until) {
    extended = false;
    for (const c of cs) {
      if (findInterval(c, end, 2) && hitStart <= end) {
        end = hitEnd;
        extended = true;
      }
    }
  }
  segStart = start;
  segEnd = end;
  return true;
}

function checkInstant(t: number): void {
  if (typeof t !== 'number' || !Number.isFinite(t) || Math.abs(t) > MAX_INSTANT) {
    throw new RangeError(`Expected an instant in epoch milliseconds, got ${String(t)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Public queries

/** Whether at least one of `calendars` is open at `t`. */
export function isOpenAt(calendars: Calendars, t: number): boolean {
  checkInstant(t);
  for (const c of compileAll(calendars)) if (findInterval(c, t, 2) && hitStart <= t) return true;
  return false;
}

/** The first instant ≥ `t` at which `calendars` are open (`t` itself when open), or null if none within the limit. */
export function nextOpenAt(calendars: Calendars, t: number): number | null {
  checkInstant(t);
  return unionSegment(compileAll(calendars), t, 0) ? segStart : null;
}

/**
 * When open at `t`, the end of the current open stretch (adjacent periods, midnight crossings and overlapping
 * calendars merged); when closed, the end of the next one. Null if it never opens, or never closes, within the limit.
 */
export function nextCloseAt(calendars: Calendars, t: number): number | null {
  checkInstant(t);
  const reach = SEARCH_LIMIT_DAYS * DAY;
  if (!unionSegment(compileAll(calendars), t, reach)) return null;
  return segEnd - segStart >= reach ? null : segEnd;
}

/** The open intervals of `calendars` within `[from, to)`, clipped to it, merged, in order. */
export function openIntervals(calendars: Calendars, from: number, to: number): Interval[] {
  checkInstant(from);
  checkInstant(to);
  const cs = compileAll(calendars);
  const out: Interval[] = [];
  let t = from;
  while (t < to && unionSegment(cs, t, to - t) && segStart < to) {
    const end = segEnd < to ? segEnd : to;
    const last = out[out.length - 1];
    if (last && last.end === segStart) last.end = end;
    else out.push({ start: segStart, end });
    t = segEnd;
  }
  return out;
}

/** Open time of `calendars` between `from` and `to`, in minutes (fractional); 0 when `to` ≤ `from`. */
export function businessMinutesBetween(calendars: Calendars, from: number, to: number): number {
  checkInstant(from);
  checkInstant(to);
  const cs = compileAll(calendars);
  let total = 0;
  let t = from;
  while (t < to && unionSegment(cs, t, to - t) && segStart < to) {
    total += (segEnd < to ? segEnd : to) - segStart;
    t = segEnd;
  }
  return total / MINUTE;
}

/**
 * `start` plus `minutes` of open time of `calendars` (their union). Closed at `start` → counting begins at the next
 * opening (so 0 minutes gives that opening). The result may be exactly a closing instant: adding the minutes left
 * in a day gives the close, not the next opening. Null if the calendars stop opening within the search limit.
 */
export function addBusinessMinutes(calendars: Calendars, start: number, minutes: number): number | null {
  checkInstant(start);
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Expected minutes ≥ 0, got ${String(minutes)}`);
  const cs = compileAll(calendars);
  let remaining = Math.round(minutes * MINUTE);
  let t = start;
  for (;;) {
    if (!unionSegment(cs, t, remaining)) return null;
    const available = segEnd - segStart;
    if (available >= remaining) return segStart + remaining;
    remaining -= available;
    t = segEnd;
  }
}

/** Whether local date `date` (`YYYY-MM-DD`) is a holiday or an extra closure of `calendar`. */
export function isHolidayOrClosure(calendar: Calendar, date: string): boolean {
  if (!isDate(date)) throw new RangeError(`Expected a YYYY-MM-DD date, got ${String(date)}`);
  return isClosedDay(compile(calendar), dayNumberOf(date));
}
