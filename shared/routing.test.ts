import { describe, expect, it } from 'vitest';
import type { Calendar, OpeningPeriod, Weekday } from './calendar';
import { DEFAULT_CENTRES } from './operations';
import type { CentreId } from './protocol';
import { homeCentreFor, routeTicket } from './routing';

// Winter: UK centre 09:00–18:00Z, US centre 11:00–21:00Z. Summer: 08:00–17:00Z and 10:00–20:00Z.
// Gap weeks (8–29 Mar, 25 Oct–1 Nov 2026): UK 09:00–18:00Z, US 10:00–20:00Z.

const at = (isoInstant: string): number => Date.parse(isoInstant);

describe('homeCentreFor', () => {
  it.each([
    ['America/New_York', 'us'],
    ['America/Los_Angeles', 'us'],
    ['America/Sao_Paulo', 'us'], // the Americas, not just the US
    ['America/Argentina/Buenos_Aires', 'us'],
    ['US/Eastern', 'us'], // an old alias, canonicalised to America/New_York
    ['america/chicago', 'us'], // zone names are case-insensitive
    ['Europe/London', 'uk'],
    ['Asia/Tokyo', 'uk'],
    ['Atlantic/Bermuda', 'uk'], // contract: America/* only
    ['Pacific/Honolulu', 'uk'],
    ['US/Hawaii', 'uk'], // canonical Pacific/Honolulu
    ['Not/A_Zone', 'uk'], // unknown
    ['', 'uk'],
    [null, 'uk'],
    [undefined, 'uk'],
  ])('%s → %s', (timeZone, centre) => {
    expect(homeCentreFor(timeZone)).toBe(centre);
  });
});

describe('routeTicket on the default centres', () => {
  it.each([
    ['uk', '2026-01-13T10:00:00Z', 'uk', 'home open'],
    ['us', '2026-01-13T12:00:00Z', 'us', 'both open: home wins'],
    ['uk', '2026-01-13T19:00:00Z', 'us', 'UK closed at 18:00Z, US open'],
    ['us', '2026-01-13T10:00:00Z', 'uk', 'US opens at 11:00Z (EST), UK open'],
    ['uk', '2026-01-13T08:00:00Z', 'uk', 'none open; UK opens 09:00Z, US 11:00Z'],
    ['us', '2026-01-13T08:00:00Z', 'uk', 'none open; the UK opens first, home or not'],
    ['us', '2026-01-13T21:30:00Z', 'uk', 'none open; Wednesday UK 09:00Z before US 11:00Z'],
    ['us', '2026-01-24T12:00:00Z', 'uk', 'Saturday: Monday UK 09:00Z before US 11:00Z'],
    ['us', '2026-03-16T10:30:00Z', 'us', 'DST gap week: the US (EDT) opens at 10:00Z'],
    ['us', '2026-02-09T10:30:00Z', 'uk', 'same time in February: the US (EST) opens at 11:00Z'],
    ['uk', '2026-03-16T18:30:00Z', 'us', 'DST gap week: UK closed, US open until 20:00Z'],
    ['us', '2026-11-26T15:00:00Z', 'uk', 'US Thanksgiving: the UK is open'],
    ['us', '2026-11-26T19:00:00Z', 'uk', 'Thanksgiving evening: Friday UK 09:00Z before US 11:00Z'],
    ['uk', '2026-04-06T09:30:00Z', 'us', 'Easter Monday (BST): UK closed all day, US opens 10:00Z'],
    ['uk', '2026-04-06T12:00:00Z', 'us', 'Easter Monday: US open'],
    ['uk', '2026-12-28T08:00:00Z', 'us', 'Boxing Day substitute: US opens 11:00Z, UK only on Tuesday'],
    ['us', '2026-07-03T12:00:00Z', 'uk', 'Independence Day observed: UK open'],
    ['uk', '2027-12-31T18:30:00Z', 'us', 'Fri 31 Dec 2027: US closed (observed New Year), UK closed at 18:00Z; Monday 3 Jan UK substitute, US 11:00Z'],
  ])('%s requester at %s → %s (%s)', (home, receivedAt, expected) => {
    expect(routeTicket(DEFAULT_CENTRES, home as CentreId, at(receivedAt))).toBe(expected);
  });
});

describe('routeTicket rules on custom centres', () => {
  const utc = (id: string, periods: OpeningPeriod[]): Calendar => ({ id, name: id, timeZone: 'UTC', periods, holidays: null });
  const weekdays = (open: string, close: string): OpeningPeriod[] =>
    ([1, 2, 3, 4, 5] as Weekday[]).map((weekday) => ({ weekday, open, close }));
  const wednesday = '2026-01-14';

  it('a tie for the next opening goes to the home centre', () => {
    const centres = { a: utc('a', weekdays('09:00', '17:00')), b: utc('b', weekdays('09:00', '17:00')) };
    expect(routeTicket(centres, 'b', at(`${wednesday}T07:00:00Z`))).toBe('b');
    expect(routeTicket(centres, 'a', at(`${wednesday}T07:00:00Z`))).toBe('a');
  });

  it('of several open centres, the one that stays open longer', () => {
    const centres = {
      home: utc('home', weekdays('06:00', '10:00')),
      short: utc('short', weekdays('09:00', '17:00')),
      long: utc('long', weekdays('11:00', '20:00')),
    };
    expect(routeTicket(centres, 'home', at(`${wednesday}T12:00:00Z`))).toBe('long');
    // Equal closes: the first in the record's order.
    const equal = { home: centres.home, x: utc('x', weekdays('09:00', '17:00')), y: utc('y', weekdays('12:00', '17:00')) };
    expect(routeTicket(equal, 'home', at(`${wednesday}T12:00:00Z`))).toBe('x');
    // A centre that never closes stays open longest.
    const always = utc('always', ([0, 1, 2, 3, 4, 5, 6] as Weekday[]).map((weekday) => ({ weekday, open: '00:00', close: '24:00' })));
    expect(routeTicket({ home: centres.home, long: centres.long, always }, 'home', at(`${wednesday}T12:00:00Z`))).toBe('always');
  });

  it('falls back to home when no centre ever opens', () => {
    const centres = { a: utc('a', []), b: utc('b', []) };
    expect(routeTicket(centres, 'b', at(`${wednesday}T12:00:00Z`))).toBe('b');
  });
});
