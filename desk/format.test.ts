import { describe, expect, it } from 'vitest';
import { formatDue, formatDuration } from './format';

const now = Date.parse('2025-03-03T12:00:00Z');

describe('formatDue', () => {
  it('says how long until the deadline', () => {
    expect(formatDue('2025-03-03T12:42:00Z', now)).toEqual({ text: 'due in 42 min', overdue: false });
    expect(formatDue('2025-03-03T15:05:00Z', now).text).toBe('due in 3 h 5 min');
    expect(formatDue('2025-03-06T14:00:00Z', now).text).toBe('due in 3 d 2 h');
  });

  it('says how long it is overdue', () => {
    expect(formatDue('2025-03-03T11:55:00Z', now)).toEqual({ text: 'overdue by 5 min', overdue: true });
  });

  it('handles no deadline and now', () => {
    expect(formatDue(null, now).text).toBe('no deadline');
    expect(formatDue('2025-03-03T12:00:10Z', now).text).toBe('due now');
  });

  it('formats whole hours without minutes', () => {
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
  });
});

