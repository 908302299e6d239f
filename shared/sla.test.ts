import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes } from './calendar';
import { DEFAULT_CENTRES, DEFAULT_SLA_TARGETS } from './operations';
import { LEVELS, type Level } from './priority';
import { businessMinutesLeft, clocksAfterStatus, runningDeadline, slaDeadlines, slaTargetProblems, ticketDeadlines, type SlaClockInput, type SlaRules, type SlaTargets } from './sla';

// Winter: UK centre 09:00–18:00Z, US centre 11:00–21:00Z, so the SLA clock runs 09:00–21:00Z on weekdays.
// Summer: 08:00–17:00Z and 10:00–20:00Z. In the DST gap weeks (8–29 Mar, 25 Oct–1 Nov 2026): 09:00–20:00Z.

const at = (isoInstant: string): number => Date.parse(isoInstant);
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
const centres = [DEFAULT_CENTRES.uk, DEFAULT_CENTRES.us];

function deadlines(priority: Level, receivedAt: string, targets?: SlaTargets): [string | null, string | null] {
  const d = slaDeadlines(centres, priority, at(receivedAt), targets);
  return [iso(d.firstResponseDueAt), iso(d.resolutionDueAt)];
}

const RULES: SlaRules = { calendars: centres, targets: DEFAULT_SLA_TARGETS, nextResponse: { high: 60, medium: 240, low: 480 } };

/** A high-priority open ticket's clocks with their deadlines, as the server stores them. */
function ticket(over: Partial<SlaClockInput> & { receivedAt: string }) {
  const input: SlaClockInput = { status: 'open', priority: 'high', slaPausedAt: null, slaPausedMinutes: 0, firstRespondedAt: null, nextResponseStartedAt: null, ...over };
  return { ...input, ...ticketDeadlines(RULES, input) };
}

describe('slaDeadlines on the two centres', () => {
  it.each([
    // Fri 9 Jan 2026 17:30 UK time: the UK closes at 18:00Z but the US is open until 21:00Z, so 60 minutes later.
    // Resolution 480: 210 left on Friday (17:30–21:00Z), then 270 from Monday 09:00Z = 13:30Z.
    ['high', '2026-01-09T17:30:00Z', '2026-01-09T18:30:00.000Z', '2026-01-12T13:30:00.000Z', 'Friday evening UK time'],
    // Fri 20:00Z: exactly 60 minutes left before the US closes at 21:00Z: the deadline is the closing instant.
    ['high', '2026-01-09T20:00:00Z', '2026-01-09T21:00:00.000Z', '2026-01-12T16:00:00.000Z', 'deadline on the close'],
    // Low over a weekend: 60 on Friday + 420 from Monday 09:00Z = 16:00Z. Resolution 2400: 60 Fri, 720 Mon,
    // 720 Tue, 720 Wed (2220), then 180 on Thu from 09:00Z = 12:00Z.
    ['low', '2026-01-09T20:00:00Z', '2026-01-12T16:00:00.000Z', '2026-01-15T12:00:00.000Z', 'across a weekend'],
    // Saturday: nobody is open, so the clock starts Monday 09:00Z. 240 → 13:00Z; 1440 = two full 720-minute days,
    // which ends exactly as the US closes on Tuesday (21:00Z).
    ['medium', '2026-01-10T12:00:00Z', '2026-01-12T13:00:00.000Z', '2026-01-13T21:00:00.000Z', 'received when none open'],
    // Tuesday 07:00Z: before either centre opens; the UK opens at 09:00Z.
    ['high', '2026-01-13T07:00:00Z', '2026-01-13T10:00:00.000Z', '2026-01-13T17:00:00.000Z', 'early morning'],
    // Thu 24 Dec 2026 20:30Z: US open until 21:00Z (Christmas Eve is no holiday): 30 minutes. Fri 25 closed for both,
    // weekend, Mon 28 the UK is closed (Boxing Day substitute), the US opens 06:00 EST = 11:00Z: 30 more = 11:30Z.
    // Resolution: 450 left from 11:00Z Monday at US-only speed: 21:00Z gives 600, so 11:00 + 450 min = 18:30Z.
    ['high', '2026-12-24T20:30:00Z', '2026-12-28T11:30:00.000Z', '2026-12-28T18:30:00.000Z', 'over Christmas'],
    // Thanksgiving Thu 26 Nov 2026 17:30Z: only the UK is open, until 18:00Z (30); Fri 27 from 09:00Z: 30 more.
    ['high', '2026-11-26T17:30:00Z', '2026-11-27T09:30:00.000Z', '2026-11-27T16:30:00.000Z', 'US Thanksgiving'],
    // DST gap: Mon 16 Mar 2026 18:30Z, UK closed at 18:00Z, US (EDT) open until 20:00Z: 90; Tue from 09:00Z: 150.
    // Resolution 1440: 90 Mon, 660 Tue (09–20Z, 11 hours that week), 660 Wed (1410), 30 on Thu from 09:00Z.
    ['medium', '2026-03-16T18:30:00Z', '2026-03-17T11:30:00.000Z', '2026-03-19T09:30:00.000Z', 'DST gap week'],
  ])('%s received %s → %s / %s (%s)', (priority, receivedAt, firstResponse, resolution) => {
    expect(deadlines(priority as Level, receivedAt)).toEqual([firstResponse, resolution]);
  });

  it('uses the targets it is given', () => {
    const quick: SlaTargets = {
      high: { firstResponse: 15, resolution: 30 },
      medium: { firstResponse: 30, resolution: 30 }, // equal targets: equal deadlines
      low: { firstResponse: 60, resolution: 45 }, // resolution before first response: computed on its own
    };
    expect(deadlines('high', '2026-01-14T12:00:00Z', quick)).toEqual(['2026-01-14T12:15:00.000Z', '2026-01-14T12:30:00.000Z']);
    expect(deadlines('medium', '2026-01-14T12:00:00Z', quick)).toEqual(['2026-01-14T12:30:00.000Z', '2026-01-14T12:30:00.000Z']);
    expect(deadlines('low', '2026-01-14T12:00:00Z', quick)).toEqual(['2026-01-14T13:00:00.000Z', '2026-01-14T12:45:00.000Z']);
  });

  it('gives null deadlines when no calendar ever opens', () => {
    expect(slaDeadlines([], 'high', at('2026-01-14T12:00:00Z'))).toEqual({ firstResponseDueAt: null, resolutionDueAt: null });
  });
});

describe('pauses', () => {
  it('counts the business minutes left', () => {
    // Mon 12 Jan 2026: 12:00Z to 13:00Z is an hour of open time; from Friday 20:00Z to Monday 10:00Z, 60 + 60.
    expect(businessMinutesLeft(centres, at('2026-01-12T12:00:00Z'), at('2026-01-12T13:00:00Z'))).toBe(60);
    expect(businessMinutesLeft(centres, at('2026-01-09T20:00:00Z'), at('2026-01-12T10:00:00Z'))).toBe(120);
    expect(businessMinutesLeft(centres, at('2026-01-12T14:00:00Z'), at('2026-01-12T13:00:00Z'))).toBe(0);
  });

  it('moves the deadlines by the business time a ticket was pending', () => {
    // High, received Mon 12:00Z: first response due 13:00Z. Pending at 12:00Z, resumed at 20:30Z: 510 business
    // minutes paused, so 570 from receipt: 540 until the US closes at 21:00Z, 30 from Tue 09:00Z.
    const received = ticket({ receivedAt: '2026-01-12T12:00:00Z' });
    const paused = { ...received, ...clocksAfterStatus(RULES, received, 'pending', at('2026-01-12T12:00:00Z')), status: 'pending' as const };
    expect(paused.slaPausedAt).toBe('2026-01-12T12:00:00.000Z');
    expect(paused.nextDueAt).toBeNull();
    const resumed = clocksAfterStatus(RULES, paused, 'open', at('2026-01-12T20:30:00Z'));
    expect(resumed).toMatchObject({ slaPausedAt: null, slaPausedMinutes: 510, firstResponseDueAt: '2026-01-13T09:30:00.000Z', nextDueAt: '2026-01-13T09:30:00.000Z' });
  });

  it('leaves a deadline that had passed when the pause began where it was (a breach stays a breach)', () => {
    const received = ticket({ receivedAt: '2026-01-12T12:00:00Z' });
    const paused = { ...received, ...clocksAfterStatus(RULES, received, 'pending', at('2026-01-12T14:00:00Z')), status: 'pending' as const };
    const resumed = clocksAfterStatus(RULES, paused, 'open', at('2026-01-12T15:00:00Z'));
    expect(resumed.firstResponseDueAt).toBe('2026-01-12T13:00:00.000Z');
    // The resolution deadline (20:00Z) had not passed: it moves by the hour paused.
    expect(resumed.resolutionDueAt).toBe('2026-01-12T21:00:00.000Z');
  });

  it('a pause entirely outside business time moves nothing', () => {
    const received = ticket({ receivedAt: '2026-01-09T20:30:00Z' });
    const paused = { ...received, ...clocksAfterStatus(RULES, received, 'pending', at('2026-01-10T12:00:00Z')), status: 'pending' as const };
    expect(clocksAfterStatus(RULES, paused, 'open', at('2026-01-11T12:00:00Z'))).toMatchObject({ slaPausedMinutes: 0, firstResponseDueAt: received.firstResponseDueAt });
  });
});

describe('runningDeadline', () => {
  it('is the earliest running clock: first response until answered, then next response or resolution', () => {
    const t = ticket({ receivedAt: '2026-01-12T12:00:00Z' });
    expect(runningDeadline(t)).toEqual({ clock: 'first_response', dueAt: '2026-01-12T13:00:00.000Z' });
    const answered = { ...t, firstRespondedAt: '2026-01-12T12:10:00Z' };
    expect(runningDeadline(answered)).toEqual({ clock: 'resolution', dueAt: t.resolutionDueAt });
    const waiting = ticket({ receivedAt: '2026-01-12T12:00:00Z', firstRespondedAt: '2026-01-12T12:10:00Z', nextResponseStartedAt: '2026-01-12T12:30:00Z' });
    expect(waiting.nextResponseDueAt).toBe('2026-01-12T13:30:00.000Z');
    expect(runningDeadline(waiting)).toEqual({ clock: 'next_response', dueAt: '2026-01-12T13:30:00.000Z' });
  });

  it('stands still while the ticket waits on the customer or is done', () => {
    for (const status of ['pending', 'solved', 'closed'] as const) expect(runningDeadline({ ...ticket({ receivedAt: '2026-01-12T12:00:00Z' }), status })).toBeNull();
  });
});

describe('slaTargetProblems', () => {
  it('accepts the defaults and reports bad values', () => {
    expect(slaTargetProblems(DEFAULT_SLA_TARGETS)).toEqual([]);
    // A stored config may be malformed; the cast feeds one in as parsed JSON would arrive.
    const bad = { ...DEFAULT_SLA_TARGETS, low: { firstResponse: 0, resolution: 1.5 } } as SlaTargets;
    expect(slaTargetProblems(bad)).toEqual([
      'low.firstResponse must be a whole number of minutes > 0',
      'low.resolution must be a whole number of minutes > 0',
    ]);
  });
});

describe('SLA properties on the two centres', () => {
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) });
  const level = fc.constantFrom(...LEVELS);

  it('a later receipt never gets an earlier deadline', () => {
    fc.assert(
      fc.property(level, instant, fc.integer({ min: 0, max: 7 * 86_400_000 }), (priority, t, gap) => {
        const a = slaDeadlines(centres, priority, t);
        const b = slaDeadlines(centres, priority, t + gap);
        expect(b.firstResponseDueAt ?? 0).toBeGreaterThanOrEqual(a.firstResponseDueAt ?? 0);
        expect(b.resolutionDueAt ?? 0).toBeGreaterThanOrEqual(a.resolutionDueAt ?? 0);
      }),
      { numRuns: 500 },
    );
  });

  it('resolution is the full target from receipt (the two-leg shortcut changes nothing) and after first response', () => {
    fc.assert(
      fc.property(level, instant, (priority, t) => {
        const d = slaDeadlines(centres, priority, t);
        expect(d.resolutionDueAt).toBe(addBusinessMinutes(centres, t, DEFAULT_SLA_TARGETS[priority].resolution));
        expect(d.resolutionDueAt ?? 0).toBeGreaterThan(d.firstResponseDueAt ?? 0);
      }),
      { numRuns: 500 },
    );
  });

  it('a higher priority is never due later than a lower one', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const [high, medium, low] = LEVELS.map((p) => slaDeadlines(centres, p, t));
        expect(high?.firstResponseDueAt ?? 0).toBeLessThanOrEqual(medium?.firstResponseDueAt ?? 0);
        expect(medium?.firstResponseDueAt ?? 0).toBeLessThanOrEqual(low?.firstResponseDueAt ?? 0);
        expect(high?.resolutionDueAt ?? 0).toBeLessThanOrEqual(medium?.resolutionDueAt ?? 0);
        expect(medium?.resolutionDueAt ?? 0).toBeLessThanOrEqual(low?.resolutionDueAt ?? 0);
      }),
      { numRuns: 300 },
    );
  });
});
