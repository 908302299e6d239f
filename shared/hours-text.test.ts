import { describe, expect, it } from 'vitest';
import { describeOpeningHours, formatInZone, zoneLabel } from './hours-text';
import { DEFAULT_CENTRES, DEFAULT_PHONE_LINE } from './operations';

describe('hours in words', () => {
  it('describes the default calendars', () => {
    expect(describeOpeningHours(DEFAULT_PHONE_LINE, { days: false })).toBe('08:30–17:30 UK time');
    expect(describeOpeningHours(DEFAULT_CENTRES.uk)).toBe('Mon–Fri 09:00–18:00 UK time');
    expect(describeOpeningHours(DEFAULT_CENTRES.us)).toBe('Mon–Fri 06:00–16:00 US Eastern time');
  });

  it('groups days with the same hours and names other zones', () => {
    const text = describeOpeningHours({
      timeZone: 'Europe/Berlin',
      periods: [
        { weekday: 1, open: '09:00', close: '17:00' },
        { weekday: 3, open: '09:00', close: '17:00' },
        { weekday: 6, open: '10:00', close: '14:00' },
      ],
    });
    expect(text).toBe('Mon, Wed 09:00–17:00, Sat 10:00–14:00 Europe/Berlin time');
    expect(describeOpeningHours({ timeZone: 'UTC', periods: [] })).toBe('closed');
    expect(zoneLabel('Europe/London')).toBe('UK time');
  });

  it('formats an instant in the calendar zone (BST in summer)', () => {
    expect(formatInZone(Date.parse('2026-01-14T09:00:00Z'), 'Europe/London')).toBe('Wed 14 Jan 2026, 09:00 UK time');
    expect(formatInZone(Date.parse('2026-07-14T08:00:00Z'), 'Europe/London')).toBe('Tue 14 Jul 2026, 09:00 UK time');
  });
});
