import { describe, expect, it } from 'vitest';
import { browserTimeZone, fromLocalInputValue, timeZoneOptions, toLocalInputValue } from './time-input';

describe('form times', () => {
  it('round-trips a datetime-local value through an ISO instant in local time', () => {
    const t = Date.parse('2026-01-14T15:00:00Z');
    const value = toLocalInputValue(t);
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInputValue(value)).toBe('2026-01-14T15:00:00.000Z');
    const local = new Date(2026, 6, 14, 8, 30);
    expect(fromLocalInputValue('2026-07-14T08:30')).toBe(local.toISOString());
  });

  it('refuses empty and malformed values', () => {
    for (const v of ['', '2026-01-14', 'tomorrow', '2026-13-40T25:99']) expect(fromLocalInputValue(v)).toBeNull();
  });

  it("offers the browser's zone", () => {
    const zone = browserTimeZone();
    expect(zone).toEqual(expect.any(String));
    const options = timeZoneOptions(zone);
    expect(options).toContain(zone);
    expect(options).toContain('Europe/London');
    expect(timeZoneOptions('Etc/Made_Up')).toContain('Etc/Made_Up');
  });
});
