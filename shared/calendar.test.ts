import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  calendarProblems,
  isHolidayOrClosure,
  isOpenAt,
  isValidTimeZone,
  localDateOf,
  localTimeToUtc,
  nextCloseAt,
  nextOpenAt,
  openIntervals,
  type Calendar,
  type Calendars,
  type OpeningPeriod,
  type Weekday,
} from './calendar';
import { DEFAULT_CENTRES, DEFAULT_PHONE_LINE, ENGLAND_AND_WALES_BANK_HOLIDAYS, US_FEDERAL_HOLIDAYS } from './operations';

// Reminders used in the comments below (2026): London is UTC+0 until Sun 29 Mar and from Sun 25 Oct, UTC+1 between;
// New York is UTC−5 until Sun 8 Mar and from Sun 1 Nov, UTC−4 between. So the UK centre (09:00–18:00 local) is
// 09:00–18:00Z in winter and 08:00–17:00Z in summer; the US centre (06:00–16:00 local) is 11:00–21:00Z in winter
// and 10:00–20:00Z in summer.

const at = (isoInstant: string): number => Date.parse(isoInstant);
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
const { uk, us } = DEFAULT_CENTRES;
const both: readonly Calendar[] = [uk, us];

function calendar(timeZone: string, periods: OpeningPeriod[], extra: Partial<Calendar> = {}): Calendar {
  return { id: 'test', name: 'Test', timeZone, periods, holidays: null, ...extra };
}

function everyDay(open: string, close: string, days: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6]): OpeningPeriod[] {
  return days.map((weekday) => ({ weekday, open, close }));
}

function intervals(cals: Calendar | readonly Calendar[], from: string, to: string): [string | null, string | null][] {
  return openIntervals(cals, at(from), at(to)).map((i) => [iso(i.start), iso(i.end)]);
}

describe('time zones', () => {
  it('knows IANA zones and refuses fixed offsets and nonsense', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('+01:00')).toBe(false); // IANA zones, never fixed offsets (README, Support operations)
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(42)).toBe(false);
  });

  it.each([
    ['Europe/London', '2026-01-14', '09:00', '2026-01-14T09:00:00.000Z'], // GMT = UTC
    ['Europe/London', '2026-07-15', '09:00', '2026-07-15T08:00:00.000Z'], // BST = UTC+1
    ['America/New_York', '2026-01-14', '06:00', '2026-01-14T11:00:00.000Z'], // EST = UTC−5
    ['America/New_York', '2026-03-16', '06:00', '2026-03-16T10:00:00.000Z'], // EDT = UTC−4 (since 8 Mar)
    // 02:30 does not exist on 8 Mar 2026 in New York (02:00 EST jumps to 03:00 EDT at 07:00Z): the jump.
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:00:00.000Z'],
    // 01:30 happens twice on 1 Nov 2026 (EDT at 05:30Z, EST at 06:30Z): the first.
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
    // 02:00 after the repeated hour is 02:00 EST.
    ['America/New_York', '2026-11-01', '02:00', '2026-11-01T07:00:00.000Z'],
    // 24:00 is the next midnight; London is on BST on 31 Aug.
    ['Europe/London', '2026-08-31', '24:00', '2026-08-31T23:00:00.000Z'],
  ])('%s %s %s is %s', (zone, date, time, expected) => {
    expect(iso(localTimeToUtc(zone, date, time))).toBe(expected);
  });

  it('gives the local date of an instant', () => {
    expect(localDateOf('America/New_York', at('2026-01-01T03:00:00Z'))).toBe('2025-12-31'); // 22:00 EST
    expect(localDateOf('Europe/London', at('2026-08-30T23:30:00Z'))).toBe('2026-08-31'); // 00:30 BST
    expect(localDateOf('Pacific/Kiritimati', at('2026-01-01T10:00:00Z'))).toBe('2026-01-02'); // UTC+14
  });
});

describe('calendarProblems', () => {
  it('accepts the defaults', () => {
    expect(calendarProblems(uk)).toEqual([]);
    expect(calendarProblems(us)).toEqual([]);
    expect(calendarProblems(DEFAULT_PHONE_LINE)).toEqual([]);
  });

  it.each([
    [{ timeZone: '+01:00' }, 'unknown time zone "+01:00"'],
    [{ timeZone: 'Europe/Londres' }, 'unknown time zone "Europe/Londres"'],
    [{ periods: [{ weekday: 1, open: '9:00', close: '17:00' }] }, 'period 0: open must be HH:MM between 00:00 and 23:59'],
    [{ periods: [{ weekday: 1, open: '24:00', close: '24:00' }] }, 'period 0: open must be HH:MM between 00:00 and 23:59'],
    [{ periods: [{ weekday: 1, open: '09:00', close: '24:30' }] }, 'period 0: close must be HH:MM between 00:00 and 24:00'],
    [{ periods: [{ weekday: 1, open: '18:00', close: '09:00' }] }, 'period 0: close must be after open'],
    [{ periods: [{ weekday: 1, open: '09:00', close: '09:00' }] }, 'period 0: close must be after open'],
    [{ periods: [{ weekday: 7, open: '09:00', close: '17:00' }] }, 'period 0: weekday must be 0–6'],
    [{ closures: ['2026-02-30'] }, 'closure "2026-02-30" is not a YYYY-MM-DD date'],
    [{ holidays: { country: 'XX' } }, 'unknown holiday country "XX"'],
    [{ id: '' }, 'id must be a non-empty string'],
  ])('reports %j', (patch, problem) => {
    // The patches are deliberately invalid shapes; the cast lets the test feed them in as stored JSON would.
    const bad = { ...uk, ...patch } as Calendar;
    expect(calendarProblems(bad)).toContain(problem);
    expect(() => isOpenAt(bad, at('2026-01-14T12:00:00Z'))).toThrow(RangeError);
  });

  it('refuses instants that are not finite numbers', () => {
    expect(() => isOpenAt(uk, Number.NaN)).toThrow(RangeError);
    expect(() => nextOpenAt(uk, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('half-open opening hours', () => {
  it.each([
    // Wednesday 14 January 2026, winter.
    [uk, '2026-01-14T08:59:59.999Z', false, 'UK: a millisecond before 09:00 GMT'],
    [uk, '2026-01-14T09:00:00.000Z', true, 'UK: open at 09:00:00 sharp'],
    [uk, '2026-01-14T17:59:59.999Z', true, 'UK: last millisecond before 18:00'],
    [uk, '2026-01-14T18:00:00.000Z', false, 'UK: closed at 18:00:00 sharp'],
    [us, '2026-01-14T10:59:59.999Z', false, 'US: 05:59:59.999 EST'],
    [us, '2026-01-14T11:00:00.000Z', true, 'US: 06:00 EST'],
    [us, '2026-01-14T20:59:59.999Z', true, 'US: 15:59:59.999 EST'],
    [us, '2026-01-14T21:00:00.000Z', false, 'US: 16:00 EST'],
    // Wednesday 15 July 2026, summer.
    [uk, '2026-07-15T07:59:59.999Z', false, 'UK: 08:59:59.999 BST'],
    [uk, '2026-07-15T08:00:00.000Z', true, 'UK: 09:00 BST'],
    [uk, '2026-07-15T17:00:00.000Z', false, 'UK: 18:00 BST'],
    [us, '2026-07-15T10:00:00.000Z', true, 'US: 06:00 EDT'],
    [us, '2026-07-15T20:00:00.000Z', false, 'US: 16:00 EDT'],
    // The phone line, 08:30–17:30 London.
    [DEFAULT_PHONE_LINE, '2026-01-14T08:30:00.000Z', true, 'phone: 08:30 GMT'],
    [DEFAULT_PHONE_LINE, '2026-01-14T17:30:00.000Z', false, 'phone: 17:30 GMT'],
    [DEFAULT_PHONE_LINE, '2026-07-15T07:30:00.000Z', true, 'phone: 08:30 BST'],
    [DEFAULT_PHONE_LINE, '2026-12-28T10:00:00.000Z', false, 'phone: Boxing Day substitute'],
  ])('%#: %s', (cal, instant, open, _why) => {
    expect(isOpenAt(cal, at(instant))).toBe(open);
  });

  it('the union is open when either centre is', () => {
    expect(isOpenAt(both, at('2026-01-14T08:59:59.999Z'))).toBe(false); // neither yet
    expect(isOpenAt(both, at('2026-01-14T09:00:00.000Z'))).toBe(true); // UK
    expect(isOpenAt(both, at('2026-01-14T19:00:00.000Z'))).toBe(true); // US only
    expect(isOpenAt(both, at('2026-01-14T21:00:00.000Z'))).toBe(false); // US closes at 16:00 EST
    expect(isOpenAt([], at('2026-01-14T12:00:00.000Z'))).toBe(false); // an empty union is never open
  });
});

describe('weekends', () => {
  it.each([
    ['2026-01-17T12:00:00Z', 'Saturday noon'],
    ['2026-01-18T15:00:00Z', 'Sunday afternoon'],
    ['2026-01-16T21:00:00Z', 'Friday 16:00 EST: the US centre has just closed'],
    ['2026-01-19T08:59:59Z', 'Monday before the UK opens'],
  ])('both centres are closed at %s (%s)', (instant) => {
    expect(isOpenAt(uk, at(instant))).toBe(false);
    expect(isOpenAt(us, at(instant))).toBe(false);
  });

  it('the next opening after a weekend is Monday morning', () => {
    // UK opens Mon 26 Jan 09:00 GMT; US at 06:00 EST = 11:00Z; the union at the earlier of the two.
    expect(iso(nextOpenAt(uk, at('2026-01-23T18:00:00Z')))).toBe('2026-01-26T09:00:00.000Z');
    expect(iso(nextOpenAt(us, at('2026-01-23T21:00:00Z')))).toBe('2026-01-26T11:00:00.000Z');
    expect(iso(nextOpenAt(both, at('2026-01-24T12:00:00Z')))).toBe('2026-01-26T09:00:00.000Z');
    // The weekend before, Monday 19 Jan is Martin Luther King Jr. Day: the US centre reopens on Tuesday.
    expect(iso(nextOpenAt(uk, at('2026-01-16T18:00:00Z')))).toBe('2026-01-19T09:00:00.000Z');
    expect(iso(nextOpenAt(us, at('2026-01-16T21:00:00Z')))).toBe('2026-01-20T11:00:00.000Z');
  });

  it('a US Friday evening is already Saturday in UTC but still a local Friday', () => {
    // Fri 17 Jul 2026 19:30 EDT = Sat 18 Jul 00:30Z: the US centre closed at 16:00 EDT, so closed...
    expect(isOpenAt(us, at('2026-07-18T00:30:00Z'))).toBe(false);
    // ...but a New York calendar open Friday 18:00–22:00 local is open then.
    const lateFriday = calendar('America/New_York', [{ weekday: 5, open: '18:00', close: '22:00' }]);
    expect(isOpenAt(lateFriday, at('2026-07-18T00:30:00Z'))).toBe(true);
    expect(iso(nextCloseAt(lateFriday, at('2026-07-18T00:30:00Z')))).toBe('2026-07-18T02:00:00.000Z');
  });
});

describe('daylight saving weeks (US has changed clocks, UK has not)', () => {
  it('Mon 16 Mar 2026: UK opens 09:00Z (GMT), US 10:00Z (EDT)', () => {
    expect(intervals(uk, '2026-03-16T00:00:00Z', '2026-03-17T00:00:00Z')).toEqual([
      ['2026-03-16T09:00:00.000Z', '2026-03-16T18:00:00.000Z'],
    ]);
    expect(intervals(us, '2026-03-16T00:00:00Z', '2026-03-17T00:00:00Z')).toEqual([
      ['2026-03-16T10:00:00.000Z', '2026-03-16T20:00:00.000Z'],
    ]);
    // Union: 09:00–20:00Z, 11 hours instead of winter's 12.
    expect(businessMinutesBetween(both, at('2026-03-16T00:00:00Z'), at('2026-03-17T00:00:00Z'))).toBe(660);
  });

  it('the week before, both on winter time; the week after 29 Mar, both on summer time', () => {
    // Fri 6 Mar 2026: US still EST → 11:00–21:00Z.
    expect(intervals(us, '2026-03-06T00:00:00Z', '2026-03-07T00:00:00Z')).toEqual([
      ['2026-03-06T11:00:00.000Z', '2026-03-06T21:00:00.000Z'],
    ]);
    // Fri 27 Mar (GMT) then Mon 30 Mar (BST) for the UK.
    expect(intervals(uk, '2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([
      ['2026-03-27T09:00:00.000Z', '2026-03-27T18:00:00.000Z'],
      ['2026-03-30T08:00:00.000Z', '2026-03-30T17:00:00.000Z'],
    ]);
  });

  it('autumn: UK back on GMT from 25 Oct, US on EDT until 1 Nov', () => {
    // Fri 23 Oct: UK on BST (08:00Z); Mon 26 Oct: GMT (09:00Z).
    expect(intervals(uk, '2026-10-23T00:00:00Z', '2026-10-27T00:00:00Z')).toEqual([
      ['2026-10-23T08:00:00.000Z', '2026-10-23T17:00:00.000Z'],
      ['2026-10-26T09:00:00.000Z', '2026-10-26T18:00:00.000Z'],
    ]);
    // Fri 30 Oct: EDT (10:00Z); Mon 2 Nov: EST (11:00Z).
    expect(intervals(us, '2026-10-30T00:00:00Z', '2026-11-03T00:00:00Z')).toEqual([
      ['2026-10-30T10:00:00.000Z', '2026-10-30T20:00:00.000Z'],
      ['2026-11-02T11:00:00.000Z', '2026-11-02T21:00:00.000Z'],
    ]);
    // Mon 26 Oct, union 09:00–20:00Z.
    expect(intervals(both, '2026-10-26T00:00:00Z', '2026-10-27T00:00:00Z')).toEqual([
      ['2026-10-26T09:00:00.000Z', '2026-10-26T20:00:00.000Z'],
    ]);
  });

  it('a day on which the clocks change is 23 or 25 hours long', () => {
    const sundays = (zone: string) => calendar(zone, everyDay('00:00', '24:00', [0]));
    // New York, Sun 8 Mar 2026: midnight EST (05:00Z) to midnight EDT (04:00Z next day) = 23 h.
    expect(intervals(sundays('America/New_York'), '2026-03-08T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
      ['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
    ]);
    // New York, Sun 1 Nov 2026: midnight EDT (04:00Z) to midnight EST (05:00Z next day) = 25 h.
    expect(intervals(sundays('America/New_York'), '2026-11-01T00:00:00Z', '2026-11-03T00:00:00Z')).toEqual([
      ['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
    ]);
    // London, Sun 29 Mar 2026 (23 h) and Sun 25 Oct 2026 (25 h).
    expect(intervals(sundays('Europe/London'), '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([
      ['2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z'],
    ]);
    expect(intervals(sundays('Europe/London'), '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z')).toEqual([
      ['2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z'],
    ]);
  });

  it('hours inside a skipped hour start when the clock jumps', () => {
    // New York 02:30–03:30 on Sundays. On 8 Mar 2026 the clock jumps from 02:00 EST to 03:00 EDT at 07:00Z, so the
    // opening happens at the jump and the close at 03:30 EDT = 07:30Z. A week later it is a normal hour.
    const night = calendar('America/New_York', [{ weekday: 0, open: '02:30', close: '03:30' }]);
    expect(intervals(night, '2026-03-08T00:00:00Z', '2026-03-16T00:00:00Z')).toEqual([
      ['2026-03-08T07:00:00.000Z', '2026-03-08T07:30:00.000Z'],
      ['2026-03-15T06:30:00.000Z', '2026-03-15T07:30:00.000Z'],
    ]);
    // 02:00–03:00 is skipped entirely on 8 Mar: closed that night; next opening 02:00 EDT on 15 Mar = 06:00Z.
    const lost = calendar('America/New_York', [{ weekday: 0, open: '02:00', close: '03:00' }]);
    expect(intervals(lost, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).toEqual([]);
    expect(iso(nextOpenAt(lost, at('2026-03-08T00:00:00Z')))).toBe('2026-03-15T06:00:00.000Z');
    // London 01:30–03:00 on Sun 29 Mar 2026: 01:30 GMT is skipped (01:00 GMT → 02:00 BST at 01:00Z); 03:00 BST = 02:00Z.
    const london = calendar('Europe/London', [{ weekday: 0, open: '01:30', close: '03:00' }]);
    expect(intervals(london, '2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual([
      ['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z'],
    ]);
  });

  it('times in a repeated hour happen at their first showing', () => {
    // New York, Sun 1 Nov 2026: 01:00–02:00 is shown twice (EDT 05:00–06:00Z, then EST 06:00–07:00Z).
    // 00:00–01:30 closes at the first 01:30 (05:30Z); 01:30–02:00 opens then and closes when the clock first
    // shows 02:00, which is 02:00 EST (07:00Z): the staff on the wall clock work 90 minutes that night.
    const early = calendar('America/New_York', [{ weekday: 0, open: '00:00', close: '01:30' }]);
    const late = calendar('America/New_York', [{ weekday: 0, open: '01:30', close: '02:00' }]);
    expect(intervals(early, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
      ['2026-11-01T04:00:00.000Z', '2026-11-01T05:30:00.000Z'],
    ]);
    expect(intervals(late, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
      ['2026-11-01T05:30:00.000Z', '2026-11-01T07:00:00.000Z'],
    ]);
    // Together they tile the night without a gap or an overlap.
    expect(intervals([early, late], '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
      ['2026-11-01T04:00:00.000Z', '2026-11-01T07:00:00.000Z'],
    ]);
  });
});

describe('holidays close only their own centre', () => {
  // 15:00Z is inside both centres' hours in every season (UK 09–18Z / 08–17Z, US 11–21Z / 10–20Z).
  it.each([
    ['2026-11-26', true, false, 'US Thanksgiving'],
    ['2026-01-19', true, false, 'Martin Luther King Jr. Day'],
    ['2026-04-03', false, true, 'Good Friday (England and Wales only)'],
    ['2026-04-06', false, true, 'Easter Monday (England and Wales only)'],
    ['2026-07-03', true, false, 'Independence Day observed (4 July is a Saturday)'],
    ['2026-12-28', false, true, 'Boxing Day substitute (26 Dec is a Saturday)'],
    ['2026-12-24', true, true, 'Christmas Eve is not a holiday for either'],
    ['2026-12-25', false, false, 'Christmas Day, both'],
    ['2026-05-25', false, false, 'Spring bank holiday and Memorial Day fall together'],
    ['2026-01-01', false, false, "New Year's Day, both"],
    ['2027-12-24', true, false, 'US Christmas observed (25 Dec 2027 is a Saturday)'],
    ['2027-12-27', false, true, 'UK Christmas substitute'],
    ['2027-12-31', true, false, "US New Year's Day 2028 observed on Friday 31 Dec 2027"],
    ['2028-01-03', false, true, "UK New Year's Day substitute (1 Jan 2028 is a Saturday)"],
  ])('%s: UK open %s, US open %s (%s)', (date, ukOpen, usOpen) => {
    const t = at(`${date}T15:00:00Z`);
    expect(isOpenAt(uk, t)).toBe(ukOpen);
    expect(isOpenAt(us, t)).toBe(usOpen);
    expect(isHolidayOrClosure(uk, date)).toBe(!ukOpen);
    expect(isHolidayOrClosure(us, date)).toBe(!usOpen);
  });

  it('a holiday is a whole local day, not a UTC day', () => {
    // Summer bank holiday Mon 31 Aug 2026 runs 30 Aug 23:00Z – 31 Aug 23:00Z in London (BST).
    const allDay = calendar('Europe/London', everyDay('00:00', '24:00'), { holidays: ENGLAND_AND_WALES_BANK_HOLIDAYS });
    expect(isOpenAt(allDay, at('2026-08-30T22:59:59.999Z'))).toBe(true); // Sun 23:59 BST
    expect(isOpenAt(allDay, at('2026-08-30T23:00:00Z'))).toBe(false); // Mon 00:00 BST, holiday
    expect(isOpenAt(allDay, at('2026-08-31T22:59:59.999Z'))).toBe(false);
    expect(isOpenAt(allDay, at('2026-08-31T23:00:00Z'))).toBe(true); // Tue 00:00 BST
    // MLK Day, Mon 19 Jan 2026: a New York calendar open Sunday 20:00–24:00 is open at Mon 02:00Z (Sun 21:00 EST).
    const sundayNight = calendar('America/New_York', [{ weekday: 0, open: '20:00', close: '24:00' }], {
      holidays: US_FEDERAL_HOLIDAYS,
    });
    expect(isOpenAt(sundayNight, at('2026-01-19T02:00:00Z'))).toBe(true);
  });

  it('extra closures close their local day only', () => {
    const ukWithClosure = { ...uk, closures: ['2026-01-14'] };
    expect(isOpenAt(ukWithClosure, at('2026-01-14T12:00:00Z'))).toBe(false);
    expect(isOpenAt(ukWithClosure, at('2026-01-15T12:00:00Z'))).toBe(true);
    expect(iso(nextOpenAt(ukWithClosure, at('2026-01-14T12:00:00Z')))).toBe('2026-01-15T09:00:00.000Z');
    expect(isOpenAt(uk, at('2026-01-14T12:00:00Z'))).toBe(true); // the original is untouched
  });

  it('a calendar without holidays is open on them', () => {
    const ukNoHolidays = { ...uk, holidays: null };
    expect(isOpenAt(ukNoHolidays, at('2026-12-28T12:00:00Z'))).toBe(true);
  });
});

describe('nextOpenAt', () => {
  it.each([
    [uk, '2026-01-14T12:00:00.000Z', '2026-01-14T12:00:00.000Z', 'open: the instant itself'],
    [uk, '2026-01-14T09:00:00.000Z', '2026-01-14T09:00:00.000Z', 'exactly at opening'],
    [uk, '2026-01-14T07:00:00.000Z', '2026-01-14T09:00:00.000Z', 'before opening, same day'],
    [uk, '2026-01-14T18:00:00.000Z', '2026-01-15T09:00:00.000Z', 'at closing: the next morning'],
    [us, '2026-01-14T21:00:00.000Z', '2026-01-15T11:00:00.000Z', 'US closes 16:00 EST, opens 06:00 EST'],
    // Year boundary: Thu 31 Dec 2026 18:00Z; Fri 1 Jan is a holiday for both; weekend; Mon 4 Jan.
    [uk, '2026-12-31T18:00:00.000Z', '2027-01-04T09:00:00.000Z', 'UK over New Year'],
    [us, '2026-12-31T21:00:00.000Z', '2027-01-04T11:00:00.000Z', 'US over New Year'],
    // Christmas 2026: Fri 25 holiday, weekend, Mon 28 UK substitute (US open).
    [uk, '2026-12-24T18:00:00.000Z', '2026-12-29T09:00:00.000Z', 'UK over Christmas'],
    [us, '2026-12-24T21:00:00.000Z', '2026-12-28T11:00:00.000Z', 'US over Christmas'],
    // 2027→2028: US observes New Year on Fri 31 Dec 2027; UK substitutes Mon 3 Jan 2028.
    [us, '2027-12-30T21:00:00.000Z', '2028-01-03T11:00:00.000Z', 'US over New Year 2028'],
    [uk, '2027-12-31T18:00:00.000Z', '2028-01-04T09:00:00.000Z', 'UK over New Year 2028'],
  ])('%#: %s → %s (%s)', (cal, from, expected) => {
    expect(iso(nextOpenAt(cal, at(from)))).toBe(expected);
  });

  it('the union opens with whichever centre opens first', () => {
    // Thu 31 Dec 2027 at 18:00Z UK closes (US is on its New Year holiday); Mon 3 Jan 2028 UK is closed (substitute)
    // and the US opens 06:00 EST = 11:00Z.
    expect(iso(nextOpenAt(both, at('2027-12-31T18:00:00Z')))).toBe('2028-01-03T11:00:00.000Z');
  });

  it('is null when the calendar never opens within the search limit', () => {
    expect(nextOpenAt(calendar('UTC', []), at('2026-01-01T00:00:00Z'))).toBeNull();
    expect(nextOpenAt([], at('2026-01-01T00:00:00Z'))).toBeNull();
    // Open on Wednesdays only, with every Wednesday for 60 weeks closed.
    const closures = Array.from({ length: 60 }, (_, i) => new Date(at('2026-01-07T00:00:00Z') + i * 7 * 86_400_000).toISOString().slice(0, 10));
    const neverWednesday = calendar('UTC', everyDay('09:00', '17:00', [3]), { closures });
    expect(nextOpenAt(neverWednesday, at('2026-01-01T00:00:00Z'))).toBeNull();
    expect(addBusinessMinutes(neverWednesday, at('2026-01-01T00:00:00Z'), 10)).toBeNull();
    expect(nextCloseAt(neverWednesday, at('2026-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('nextCloseAt', () => {
  it.each([
    [uk, '2026-01-14T10:00:00.000Z', '2026-01-14T18:00:00.000Z', 'open: the end of today'],
    [uk, '2026-01-14T07:00:00.000Z', '2026-01-14T18:00:00.000Z', 'closed: the close of the next opening'],
    [uk, '2026-01-14T18:00:00.000Z', '2026-01-15T18:00:00.000Z', 'at closing: tomorrow’s close'],
    [uk, '2026-01-16T20:00:00.000Z', '2026-01-19T18:00:00.000Z', 'Friday evening: Monday’s close'],
  ])('%#: %s → %s (%s)', (cal, from, expected) => {
    expect(iso(nextCloseAt(cal, at(from)))).toBe(expected);
  });

  it('merges the two centres into one stretch', () => {
    // Winter: UK 09–18Z and US 11–21Z overlap, so at 10:00Z the union stays open until 21:00Z.
    expect(iso(nextCloseAt(both, at('2026-01-14T10:00:00Z')))).toBe('2026-01-14T21:00:00.000Z');
    // DST gap week: 09–18Z and 10–20Z.
    expect(iso(nextCloseAt(both, at('2026-03-16T09:30:00Z')))).toBe('2026-03-16T20:00:00.000Z');
  });

  it('merges adjacent and overlapping periods and runs across midnight', () => {
    const split = calendar('UTC', [
      { weekday: 3, open: '09:00', close: '12:00' },
      { weekday: 3, open: '12:00', close: '17:00' },
    ]);
    expect(iso(nextCloseAt(split, at('2026-01-14T10:00:00Z')))).toBe('2026-01-14T17:00:00.000Z');
    const overlapping = calendar('UTC', [
      { weekday: 3, open: '12:00', close: '17:00' },
      { weekday: 3, open: '09:00', close: '13:00' },
    ]);
    expect(intervals(overlapping, '2026-01-14T00:00:00Z', '2026-01-15T00:00:00Z')).toEqual([
      ['2026-01-14T09:00:00.000Z', '2026-01-14T17:00:00.000Z'],
    ]);
    const lunch = calendar('UTC', [
      { weekday: 3, open: '09:00', close: '12:00' },
      { weekday: 3, open: '13:00', close: '17:00' },
    ]);
    expect(iso(nextCloseAt(lunch, at('2026-01-14T10:00:00Z')))).toBe('2026-01-14T12:00:00.000Z');
    expect(iso(nextCloseAt(lunch, at('2026-01-14T12:30:00Z')))).toBe('2026-01-14T17:00:00.000Z');
    // Friday 22:00 to Saturday 02:00 London (GMT): one stretch across midnight.
    const night = calendar('Europe/London', [
      { weekday: 5, open: '22:00', close: '24:00' },
      { weekday: 6, open: '00:00', close: '02:00' },
    ]);
    expect(iso(nextCloseAt(night, at('2026-01-16T23:00:00Z')))).toBe('2026-01-17T02:00:00.000Z');
    expect(intervals(night, '2026-01-16T00:00:00Z', '2026-01-18T00:00:00Z')).toEqual([
      ['2026-01-16T22:00:00.000Z', '2026-01-17T02:00:00.000Z'],
    ]);
  });

  it('is null for a calendar that never closes', () => {
    const always = calendar('America/New_York', everyDay('00:00', '24:00'));
    expect(nextCloseAt(always, at('2026-03-08T12:00:00Z'))).toBeNull();
    expect(intervals(always, '2026-01-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual([
      ['2026-01-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ]);
  });
});

describe('openIntervals', () => {
  it('lists a UK week, clipped to the range', () => {
    expect(intervals(uk, '2026-01-12T12:00:00Z', '2026-01-19T00:00:00Z')).toEqual([
      ['2026-01-12T12:00:00.000Z', '2026-01-12T18:00:00.000Z'], // clipped at the start
      ['2026-01-13T09:00:00.000Z', '2026-01-13T18:00:00.000Z'],
      ['2026-01-14T09:00:00.000Z', '2026-01-14T18:00:00.000Z'],
      ['2026-01-15T09:00:00.000Z', '2026-01-15T18:00:00.000Z'],
      ['2026-01-16T09:00:00.000Z', '2026-01-16T18:00:00.000Z'],
    ]);
    expect(intervals(uk, '2026-01-14T12:00:00Z', '2026-01-14T15:00:00Z')).toEqual([
      ['2026-01-14T12:00:00.000Z', '2026-01-14T15:00:00.000Z'],
    ]);
    expect(intervals(uk, '2026-01-14T15:00:00Z', '2026-01-14T12:00:00Z')).toEqual([]);
  });

  it('lists the union over the year boundary', () => {
    // Thu 31 Dec 2026 both open (no holiday: New Year 2027 is a Friday); Fri 1 Jan both closed; Mon 4 Jan.
    expect(intervals(both, '2026-12-31T00:00:00Z', '2027-01-05T00:00:00Z')).toEqual([
      ['2026-12-31T09:00:00.000Z', '2026-12-31T21:00:00.000Z'],
      ['2027-01-04T09:00:00.000Z', '2027-01-04T21:00:00.000Z'],
    ]);
  });
});

describe('businessMinutesBetween', () => {
  it.each<[Calendars, string, string, number, string]>([
    [both, '2026-01-12T00:00:00Z', '2026-01-13T00:00:00Z', 720, 'union winter Monday 09–21Z'],
    [both, '2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z', 3600, 'five such days'],
    [uk, '2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z', 2700, 'UK: five 9-hour days'],
    [us, '2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z', 3000, 'US: five 10-hour days'],
    [both, '2026-01-14T17:00:00Z', '2026-01-14T19:00:00Z', 120, 'UK hands over to the US without a gap'],
    [both, '2026-01-16T20:00:00Z', '2026-01-19T10:00:00Z', 120, '60 on Friday, 60 on Monday'],
    [both, '2026-01-14T12:00:00Z', '2026-01-14T12:00:00Z', 0, 'empty range'],
    [both, '2026-01-14T13:00:00Z', '2026-01-14T12:00:00Z', 0, 'reversed range'],
    [uk, '2026-01-14T12:00:00Z', '2026-01-14T12:00:30Z', 0.5, 'fractional minutes'],
  ])('%#: %s → %s = %d (%s)', (cals, from, to, minutes) => {
    expect(businessMinutesBetween(cals, at(from), at(to))).toBe(minutes);
  });
});

describe('addBusinessMinutes', () => {
  it.each<[Calendars, string, number, string, string]>([
    [uk, '2026-01-14T17:00:00Z', 60, '2026-01-14T18:00:00.000Z', 'exactly the rest of the day: the close instant'],
    [uk, '2026-01-14T17:00:00Z', 61, '2026-01-15T09:01:00.000Z', 'one more minute: next morning'],
    [uk, '2026-01-14T07:00:00Z', 0, '2026-01-14T09:00:00.000Z', 'zero minutes while closed: the opening'],
    [uk, '2026-01-14T12:00:00Z', 0, '2026-01-14T12:00:00.000Z', 'zero minutes while open: the start'],
    [uk, '2026-01-17T12:00:00Z', 30, '2026-01-19T09:30:00.000Z', 'from Saturday: Monday 09:00 + 30'],
    [uk, '2026-01-14T09:00:00Z', 540 * 5, '2026-01-20T18:00:00.000Z', 'five whole days from Wed: Tue close'],
    [both, '2026-01-09T17:30:00Z', 60, '2026-01-09T18:30:00.000Z', 'UK closes at 18:00Z but the US is open'],
    // Fri 27 Mar 2026 union 09–20Z (UK GMT, US EDT); Mon 30 Mar UK on BST opens 08:00Z.
    [both, '2026-03-27T19:00:00Z', 120, '2026-03-30T09:00:00.000Z', '60 on Friday, 60 from Monday 08:00Z'],
    // Thu 31 Dec 2026 the US is open until 21:00Z; Fri 1 Jan both closed; Mon 4 Jan UK at 09:00Z.
    [both, '2026-12-31T20:30:00Z', 60, '2027-01-04T09:30:00.000Z', 'over the New Year'],
  ])('%#: %s + %d min = %s (%s)', (cals, start, minutes, expected) => {
    expect(iso(addBusinessMinutes(cals, at(start), minutes))).toBe(expected);
  });

  it('refuses negative or non-finite minutes', () => {
    expect(() => addBusinessMinutes(uk, at('2026-01-14T12:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(uk, at('2026-01-14T12:00:00Z'), Number.NaN)).toThrow(RangeError);
  });

  it('accepts a fresh, structurally equal calendar (as loaded from JSON)', () => {
    const fromJson = JSON.parse(JSON.stringify(both)) as Calendar[]; // round-trips a value of this very type
    expect(addBusinessMinutes(fromJson, at('2026-01-09T17:30:00Z'), 60)).toBe(at('2026-01-09T18:30:00Z'));
  });
});
