import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_MATRIX, LEVELS, priorityOf } from './priority';

describe('priority matrix (README, Support operations)', () => {
  it.each([
    ['high', 'high', 'high'],
    ['high', 'medium', 'high'],
    ['medium', 'high', 'high'],
    ['high', 'low', 'medium'],
    ['medium', 'medium', 'medium'],
    ['low', 'high', 'medium'],
    ['medium', 'low', 'low'],
    ['low', 'medium', 'low'],
    ['low', 'low', 'low'],
  ] as const)('urgency %s × impact %s → %s', (urgency, impact, expected) => {
    expect(priorityOf(urgency, impact)).toBe(expected);
  });

  it('is symmetric and monotonic: raising urgency or impact never lowers priority', () => {
    const rank = (l: (typeof LEVELS)[number]) => 2 - LEVELS.indexOf(l);
    for (const u of LEVELS) {
      for (const i of LEVELS) {
        expect(priorityOf(u, i)).toBe(priorityOf(i, u));
        const ui = LEVELS.indexOf(u);
        if (ui > 0) expect(rank(priorityOf(LEVELS[ui - 1]!, i))).toBeGreaterThanOrEqual(rank(priorityOf(u, i)));
      }
    }
  });

  it('uses a deployment matrix when given one', () => {
    const strict = { ...DEFAULT_PRIORITY_MATRIX, low: { high: 'high', medium: 'low', low: 'low' } } as const;
    expect(priorityOf('low', 'high', strict)).toBe('high');
  });
});
