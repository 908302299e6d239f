import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

describe('relativeTime', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  it('words the distance in the language, in the largest unit that fits', () => {
    expect(relativeTime('en', '2026-03-07T12:00:00Z', now)).toBe('3 days ago');
    expect(relativeTime('en', '2026-03-09T12:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('de', '2026-03-09T12:00:00Z', now)).toBe('gestern');
    expect(relativeTime('fr', '2026-03-10T10:00:00Z', now)).toBe('il y a 2 heures');
    expect(relativeTime('en', 'not a date', now)).toBe('');
  });
});
