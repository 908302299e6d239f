import { describe, expect, it } from 'vitest';
import { calendarProblems } from './calendar';
import { DEFAULT_CENTRES, DEFAULT_PHONE_LINE, DEFAULT_SLA_TARGETS } from './operations';

describe('support operations defaults (README, Support operations)', () => {
  it('has the two centres with their zones, hours and holidays', () => {
    expect(DEFAULT_CENTRES.uk).toMatchObject({ timeZone: 'Europe/London', holidays: { country: 'GB', state: 'ENG' } });
    expect(DEFAULT_CENTRES.us).toMatchObject({ timeZone: 'America/New_York', holidays: { country: 'US' } });
    const weekdays = [1, 2, 3, 4, 5];
    expect(DEFAULT_CENTRES.uk.periods).toEqual(weekdays.map((weekday) => ({ weekday, open: '09:00', close: '18:00' })));
    expect(DEFAULT_CENTRES.us.periods).toEqual(weekdays.map((weekday) => ({ weekday, open: '06:00', close: '16:00' })));
    expect(DEFAULT_PHONE_LINE).toMatchObject({ timeZone: 'Europe/London' });
    expect(DEFAULT_PHONE_LINE.periods).toEqual(weekdays.map((weekday) => ({ weekday, open: '08:30', close: '17:30' })));
  });

  it('has the SLA targets table', () => {
    expect(DEFAULT_SLA_TARGETS).toEqual({
      high: { firstResponse: 60, resolution: 480 },
      medium: { firstResponse: 240, resolution: 1440 },
      low: { firstResponse: 480, resolution: 2400 },
    });
  });

  it('is valid, serialisable and frozen (edits make new objects, which keeps the compiled-calendar cache honest)', () => {
    for (const cal of [DEFAULT_CENTRES.uk, DEFAULT_CENTRES.us, DEFAULT_PHONE_LINE]) {
      expect(calendarProblems(cal)).toEqual([]);
      expect(JSON.parse(JSON.stringify(cal))).toEqual(cal);
      expect(Object.isFrozen(cal)).toBe(true);
      expect(Object.isFrozen(cal.periods)).toBe(true);
      expect(Object.isFrozen(cal.periods[0])).toBe(true);
      expect(Object.isFrozen(cal.holidays)).toBe(true);
    }
    expect(Object.isFrozen(DEFAULT_SLA_TARGETS.high)).toBe(true);
  });
});
