/**
 * Follow-the-sun routing (README, Support operations): which centre a ticket goes to. Pure; instants are epoch ms.
 */
import { canonicalTimeZone, isOpenAt, nextCloseAt, nextOpenAt, type Calendar } from './calendar';
import type { CentreId } from './protocol';

/**
 * The requester's home centre: `us` for a time zone in the Americas (`America/*`, after the runtime's
 * canonicalisation, so `US/Eastern` and `america/new_york` count), `uk` for every other or unknown zone.
 */
export function homeCentreFor(timeZone?: string | null): CentreId {
  if (typeof timeZone !== 'string' || timeZone.length === 0) return 'uk';
  if (timeZone.startsWith('America/')) return 'us';
  return canonicalTimeZone(timeZone)?.startsWith('America/') ? 'us' : 'uk';
}

/**
 * The centre a ticket received at `receivedAt` goes to: `home` when it is open then; otherwise another open centre
 * (if several, the one that stays open longer; equal → the first in `centres` order); if none is open, the one that
 * opens next (a tie goes to `home`, then `centres` order). A centre that never closes within the search limit counts
 * as staying open longest; when no centre ever opens, `home`.
 */
export function routeTicket<K extends string>(centres: Readonly<Record<K, Calendar>>, home: NoInfer<K>, receivedAt: number): K {
  if (isOpenAt(centres[home], receivedAt)) return home;
  // Object.keys gives exactly the record's own keys, which are K by the parameter type.
  const ids = Object.keys(centres) as K[];
  let best: K | null = null;
  let bestClose = Number.NEGATIVE_INFINITY;
  for (const id of ids) {
    if (id === home || !isOpenAt(centres[id], receivedAt)) continue;
    const close = nextCloseAt(centres[id], receivedAt) ?? Number.POSITIVE_INFINITY;
    if (close > bestClose) {
      best = id;
      bestClose = close;
    }
  }
  if (best !== null) return best;
  let next: K = home;
  let nextOpen = nextOpenAt(centres[home], receivedAt) ?? Number.POSITIVE_INFINITY;
  for (const id of ids) {
    const open = nextOpenAt(centres[id], receivedAt) ?? Number.POSITIVE_INFINITY;
    if (open < nextOpen) {
      next = id;
      nextOpen = open;
    }
  }
  return next;
}
