/**
 * Property tests for the calendar maths, on the default centres and on random calendars in awkward zones
 * (half-hour DST in Lord Howe, midnight DST in Havana, UTC+14, UTC−11, Chatham's +12:45/+13:45, Dublin's negative
 * DST, Casablanca's Ramadan changes). An independent oracle reads the local wall clock with Intl and checks the
 * weekly hours and holidays directly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isOpenAt,
  nextCloseAt,
  nextOpenAt,
  openIntervals,
  type Calendar,
  type OpeningPeriod,
  type Weekday,
} from './calendar';
import { isHoliday, type HolidaySpec } from './holidays';
import { DEFAULT_CENTRES, ENGLAND_AND_WALES_BANK_HOLIDAYS, US_FEDERAL_HOLIDAYS } from './operations';

const MINUTE = 60_000;
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);
const ZONES = [
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Havana',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Pacific/Chatham',
  'Europe/Dublin',
  'Africa/Casablanca',
  'America/St_Johns',
  'Asia/Kolkata',
  'UTC',
] as const;

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const periodArb: fc.Arbitrary<OpeningPeriod> = fc
  .record({
    weekday: fc.integer({ min: 0, max: 6 }),
    open: fc.integer({ min: 0, max: 95 }), // quarter hours
    length: fc.integer({ min: 1, max: 96 }),
  })
  .map(({ weekday, open, length }) => ({
    weekday: weekday as Weekday, // 0–6 by the generator's bounds
    open: hhmm(open * 15),
    close: hhmm(Math.min(96, open + length) * 15),
  }));

const calendarArb: fc.Arbitrary<Calendar> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    periods: fc.array(periodArb, { minLength: 1, maxLength: 6 }),
    holidays: fc.constantFrom<HolidaySpec | null>(null, ENGLAND_AND_WALES_BANK_HOLIDAYS, US_FEDERAL_HOLIDAYS),
  })
  .map((c) => ({ id: 'random', name: 'Random', ...c }));

const instantArb = fc.integer({ min: FROM, max: TO });
const minutesArb = fc.integer({ min: 0, max: 5000 });
const { uk, us } = DEFAULT_CENTRES;
const centres = [uk, us];

// ---- the oracle: local wall clock via Intl, checked against the weekly hours directly ----

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string, t: number): { date: string; weekday: number; ms: number; offset: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
  const [y, mo, d, h, mi, s] = [p.year, p.month, p.day, p.hour, p.minute, p.second].map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h % 24, mi, s) + (((t % 1000) + 1000) % 1000);
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: new Date(Date.UTC(y, mo - 1, d)).getUTCDay(),
    ms: (h % 24) * 3_600_000 + mi * MINUTE + s * 1000 + (((t % 1000) + 1000) % 1000),
    offset: wall - t,
  };
}

const toMinutes = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

function oracleOpen(cal: Calendar, t: number): boolean {
  const w = wallClock(cal.timeZone, t);
  if (cal.holidays && isHoliday(cal.holidays, w.date)) return false;
  return cal.periods.some((p) => p.weekday === w.weekday && toMinutes(p.open) * MINUTE <= w.ms && w.ms < toMinutes(p.close) * MINUTE);
}

/** Away from a clock change the wall clock is unambiguous, and the oracle and the calendar must agree. */
function farFromClockChange(timeZone: string, t: number): boolean {
  const o = wallClock(timeZone, t).offset;
  return o === wallClock(timeZone, t - 3 * 3_600_000).offset && o === wallClock(timeZone, t + 3 * 3_600_000).offset;
}

describe('calendar properties', () => {
  it('isOpenAt agrees with a wall-clock oracle away from clock changes', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (cal, t) => {
        fc.pre(farFromClockChange(cal.timeZone, t));
        expect(isOpenAt(cal, t)).toBe(oracleOpen(cal, t));
      }),
      { numRuns: 1000 },
    );
  });

  it('isOpenAt agrees with the oracle at period boundaries (open at open, closed at close)', () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 0, max: 3 * 365 }), fc.nat(5), (cal, dayOffset, which) => {
        // Probe each period's own boundaries on a random day; the test-side formatter gives the UTC instants.
        const period = cal.periods[which % cal.periods.length];
        if (!period) return;
        const day = FROM + dayOffset * 86_400_000;
        for (const minutes of [toMinutes(period.open), toMinutes(period.close)]) {
          const guess = day + minutes * MINUTE;
          const t = guess - wallClock(cal.timeZone, guess).offset;
          if (!farFromClockChange(cal.timeZone, t)) continue;
          for (const probe of [t - 1, t, t + 1]) expect(isOpenAt(cal, probe)).toBe(oracleOpen(cal, probe));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('openIntervals are sorted, disjoint, non-adjacent, and exactly where isOpenAt is true', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 1, max: 20 * 1440 }), (cal, from, lengthMinutes) => {
        const to = from + lengthMinutes * MINUTE;
        const list = openIntervals(cal, from, to);
        let previousEnd = Number.NEGATIVE_INFINITY;
        for (const { start, end } of list) {
          expect(start).toBeGreaterThanOrEqual(from);
          expect(end).toBeLessThanOrEqual(to);
          expect(start).toBeLessThan(end);
          expect(start).toBeGreaterThan(previousEnd); // merged: never touching the previous one
          expect(isOpenAt(cal, start)).toBe(true);
          expect(isOpenAt(cal, end - 1)).toBe(true);
          if (end < to) expect(isOpenAt(cal, end)).toBe(false);
          if (start > from) expect(isOpenAt(cal, start - 1)).toBe(false);
          previousEnd = end;
        }
        const total = list.reduce((sum, i) => sum + i.end - i.start, 0);
        expect(businessMinutesBetween(cal, from, to)).toBeCloseTo(total / MINUTE, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('nextOpenAt is the first open instant and nextCloseAt the end of that stretch', () => {
    fc.assert(
      fc.property(fc.oneof(calendarArb, fc.constant(uk), fc.constant(us)), instantArb, (cal, t) => {
        const open = nextOpenAt(cal, t);
        if (open === null) return;
        expect(open).toBeGreaterThanOrEqual(t);
        expect(isOpenAt(cal, open)).toBe(true);
        if (open > t) {
          expect(isOpenAt(cal, open - 1)).toBe(false);
          expect(businessMinutesBetween(cal, t, open)).toBe(0);
        }
        const close = nextCloseAt(cal, t);
        if (close === null) return; // open for the whole search window
        expect(close).toBeGreaterThan(open);
        expect(isOpenAt(cal, close)).toBe(false);
        expect(isOpenAt(cal, close - 1)).toBe(true);
        expect(businessMinutesBetween(cal, open, close)).toBe((close - open) / MINUTE);
      }),
      { numRuns: 500 },
    );
  });

  it('the union of calendars is open exactly when one of them is', () => {
    fc.assert(
      fc.property(fc.array(calendarArb, { minLength: 1, maxLength: 3 }), instantArb, (cals, t) => {
        expect(isOpenAt(cals, t)).toBe(cals.some((c) => isOpenAt(c, t)));
        const open = nextOpenAt(cals, t);
        const each = cals.map((c) => nextOpenAt(c, t)).filter((x): x is number => x !== null);
        expect(open).toBe(each.length > 0 ? Math.min(...each) : null);
      }),
      { numRuns: 300 },
    );
  });
});

describe('addBusinessMinutes properties', () => {
  const calsArb = fc.oneof(
    { weight: 2, arbitrary: fc.constant(centres) },
    { weight: 1, arbitrary: fc.array(calendarArb, { minLength: 1, maxLength: 2 }) },
  );

  it('a deadline is inside business time or exactly at a closing instant, and exactly m business minutes away', () => {
    fc.assert(
      fc.property(calsArb, instantArb, minutesArb, (cals, start, minutes) => {
        const due = addBusinessMinutes(cals, start, minutes);
        if (due === null) return;
        expect(due).toBeGreaterThanOrEqual(start);
        const insideOrAtClose = isOpenAt(cals, due) || (minutes > 0 && isOpenAt(cals, due - 1));
        expect(insideOrAtClose).toBe(true);
        expect(businessMinutesBetween(cals, start, due)).toBe(minutes);
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic: a later start never gives an earlier deadline', () => {
    fc.assert(
      fc.property(calsArb, instantArb, fc.integer({ min: 0, max: 14 * 1440 * MINUTE }), minutesArb, (cals, a, gap, minutes) => {
        const early = addBusinessMinutes(cals, a, minutes);
        const late = addBusinessMinutes(cals, a + gap, minutes);
        if (early === null || late === null) return;
        expect(late).toBeGreaterThanOrEqual(early);
      }),
      { numRuns: 500 },
    );
  });

  it('more minutes give a later deadline', () => {
    fc.assert(
      fc.property(calsArb, instantArb, minutesArb, minutesArb, (cals, start, m, n) => {
        fc.pre(m !== n);
        const [lo, hi] = m < n ? [m, n] : [n, m];
        const a = addBusinessMinutes(cals, start, lo);
        const b = addBusinessMinutes(cals, start, hi);
        if (a === null || b === null) return;
        expect(b).toBeGreaterThan(a);
      }),
      { numRuns: 300 },
    );
  });

  it('adds in legs: add(s, a + b) = add(add(s, a), b) when b > 0', () => {
    // With b = 0 the legs differ exactly when add(s, a) is a closing instant: the second leg then moves on to the
    // next opening, while the single addition stops at the close. With b > 0 both continue past the close.
    fc.assert(
      fc.property(calsArb, instantArb, minutesArb, fc.integer({ min: 1, max: 3000 }), (cals, start, a, b) => {
        const first = addBusinessMinutes(cals, start, a);
        if (first === null) return;
        expect(addBusinessMinutes(cals, first, b)).toBe(addBusinessMinutes(cals, start, a + b));
      }),
      { numRuns: 500 },
    );
  });

  it('businessMinutesBetween is additive over a split point', () => {
    fc.assert(
      fc.property(calsArb, instantArb, fc.nat(20 * 1440), fc.nat(20 * 1440), (cals, a, x, y) => {
        const b = a + x * MINUTE;
        const c = b + y * MINUTE;
        expect(businessMinutesBetween(cals, a, c)).toBeCloseTo(
          businessMinutesBetween(cals, a, b) + businessMinutesBetween(cals, b, c),
          9,
        );
      }),
      { numRuns: 300 },
    );
  });
});
