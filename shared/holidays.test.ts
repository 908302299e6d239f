import { describe, expect, it } from 'vitest';
import { holidayDayNumbers, holidaySpecProblems, holidaysIn, isHoliday, type HolidaySpec } from './holidays';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, US_FEDERAL_HOLIDAYS } from './operations';

/** The closed days an office sees: holidays on Monday–Friday (a holiday on a weekend date closes nothing more). */
function weekdayHolidays(spec: HolidaySpec, year: number): string[] {
  return holidaysIn(spec, year)
    .map((h) => h.date)
    .filter((date) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    });
}

describe('England and Wales bank holidays', () => {
  // The gov.uk/bank-holidays lists for England and Wales, substitute days included.
  it.each([
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']],
    // Boxing Day 2026 is a Saturday, so Monday 28 December is the substitute.
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']],
    // Christmas 2027 is a Saturday and Boxing Day a Sunday: substitutes Monday 27 and Tuesday 28 December.
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']],
    // New Year's Day 2028 is a Saturday: Monday 3 January is the substitute.
    [2028, ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26']],
  ])('%i matches gov.uk', (year, expected) => {
    expect(weekdayHolidays(ENGLAND_AND_WALES_BANK_HOLIDAYS, year)).toEqual(expected);
  });

  it('flags substitute days as such', () => {
    const substitutes = holidaysIn(ENGLAND_AND_WALES_BANK_HOLIDAYS, 2027).filter((h) => h.substitute);
    expect(substitutes.map((h) => h.date)).toEqual(['2027-12-27', '2027-12-28']);
  });

  it('includes one-off bank holidays and moved ones', () => {
    // Platinum Jubilee, the Queen's funeral, the coronation: each a one-off bank holiday.
    expect(isHoliday(ENGLAND_AND_WALES_BANK_HOLIDAYS, '2022-06-03')).toBe(true);
    expect(isHoliday(ENGLAND_AND_WALES_BANK_HOLIDAYS, '2022-09-19')).toBe(true);
    expect(isHoliday(ENGLAND_AND_WALES_BANK_HOLIDAYS, '2023-05-08')).toBe(true);
    // In 2020 the early May bank holiday moved from Monday 4 May to Friday 8 May (VE Day 75).
    expect(isHoliday(ENGLAND_AND_WALES_BANK_HOLIDAYS, '2020-05-08')).toBe(true);
    expect(isHoliday(ENGLAND_AND_WALES_BANK_HOLIDAYS, '2020-05-04')).toBe(false);
  });

  it('leaves out observances such as Mother’s Day and Easter Sunday', () => {
    expect(isHoliday(ENGLAND_AND_WALES_BANK_HOLIDAYS, '2026-03-15')).toBe(false);
    expect(isHoliday(ENGLAND_AND_WALES_BANK_HOLIDAYS, '2026-04-05')).toBe(false);
  });

  it('does not mix in Scottish holidays (2 January, St Andrew’s Day)', () => {
    expect(isHoliday(ENGLAND_AND_WALES_BANK_HOLIDAYS, '2026-01-02')).toBe(false);
    expect(isHoliday(ENGLAND_AND_WALES_BANK_HOLIDAYS, '2026-11-30')).toBe(false);
  });
});

describe('US federal holidays', () => {
  // OPM's federal holiday lists: the eleven holidays, on their observed weekday.
  it.each([
    [2025, ['2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25']],
    // Independence Day 2026 is a Saturday: observed Friday 3 July.
    [2026, ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25']],
    // Juneteenth (Sat) → Fri 18 June; Independence Day (Sun) → Mon 5 July; Christmas (Sat) → Fri 24 December; and
    // New Year's Day 2028 (Sat) is observed on Friday 31 December 2027: twelve closed weekdays in 2027.
    [2027, ['2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24', '2027-12-31']],
    // New Year's Day was observed in 2027, so ten; Veterans Day (Sat 11 Nov) → Friday 10 November.
    [2028, ['2028-01-17', '2028-02-21', '2028-05-29', '2028-06-19', '2028-07-04', '2028-09-04', '2028-10-09', '2028-11-10', '2028-11-23', '2028-12-25']],
  ])('%i matches OPM, observed days included', (year, expected) => {
    expect(weekdayHolidays(US_FEDERAL_HOLIDAYS, year)).toEqual(expected);
  });

  it('counts the Veterans Day observed day, which date-holidays types as `bank`, not `public`', () => {
    expect(holidaysIn(US_FEDERAL_HOLIDAYS, 2028).find((h) => h.date === '2028-11-10')).toMatchObject({
      type: 'bank',
      substitute: true,
    });
    // With only `public` the observed Friday would be missed: the reason `bank` is a default type.
    expect(isHoliday({ country: 'US', types: ['public'] }, '2028-11-10')).toBe(false);
    // Sat 11 Nov 2023 → Fri 10 Nov 2023; Sun 11 Nov 2029 → Mon 12 Nov 2029.
    expect(isHoliday(US_FEDERAL_HOLIDAYS, '2023-11-10')).toBe(true);
    expect(isHoliday(US_FEDERAL_HOLIDAYS, '2029-11-12')).toBe(true);
  });

  it('leaves out Christmas Eve (`optional`) and observances', () => {
    expect(isHoliday(US_FEDERAL_HOLIDAYS, '2026-12-24')).toBe(false);
    expect(isHoliday(US_FEDERAL_HOLIDAYS, '2026-02-14')).toBe(false); // Valentine's Day
    expect(isHoliday(US_FEDERAL_HOLIDAYS, '2026-11-27')).toBe(false); // the day after Thanksgiving
  });

  it('has no Juneteenth before 2021', () => {
    expect(isHoliday(US_FEDERAL_HOLIDAYS, '2020-06-19')).toBe(false);
    expect(isHoliday(US_FEDERAL_HOLIDAYS, '2021-06-18')).toBe(true); // Sat 19 June 2021 → Fri 18
  });

  it('files an observed day under the year of its own date', () => {
    expect(holidayDayNumbers(US_FEDERAL_HOLIDAYS, 2027).has(Date.UTC(2027, 11, 31) / 86_400_000)).toBe(true);
    expect(holidaysIn(US_FEDERAL_HOLIDAYS, 2028).some((h) => h.date === '2027-12-31')).toBe(false);
  });
});

describe('holiday specs', () => {
  it('accepts the defaults and lower-case codes', () => {
    expect(holidaySpecProblems(ENGLAND_AND_WALES_BANK_HOLIDAYS)).toEqual([]);
    expect(holidaySpecProblems(US_FEDERAL_HOLIDAYS)).toEqual([]);
    expect(holidaySpecProblems({ country: 'gb', state: 'eng' })).toEqual([]);
    expect(isHoliday({ country: 'gb', state: 'eng' }, '2026-12-28')).toBe(true);
  });

  it('refuses what date-holidays would silently accept', () => {
    // date-holidays gives an unknown country no holidays at all and falls back to the country for an unknown state.
    expect(holidaySpecProblems({ country: 'XX' })).toEqual(['unknown holiday country "XX"']);
    expect(holidaySpecProblems({ country: 'GB', state: 'ZZZ' })).toEqual(['unknown holiday state "ZZZ" for GB']);
    expect(holidaySpecProblems({ country: 'GB', region: 'X' })).toEqual(['a holiday region needs a state']);
    expect(holidaySpecProblems({ country: 'US', types: [] })).toEqual(['holiday types must be a non-empty list']);
    expect(() => holidaysIn({ country: 'XX' }, 2026)).toThrow(RangeError);
  });

  it('caches: the same set object comes back for the same spec and year', () => {
    const a = holidayDayNumbers({ country: 'GB', state: 'ENG' }, 2026);
    const b = holidayDayNumbers({ country: 'gb', state: 'eng', types: ['bank', 'public'] }, 2026);
    expect(a).toBe(b);
  });
});
