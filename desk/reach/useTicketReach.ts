import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../../shared/http-client';
import type { TicketReach, TicketReachChange } from '../../shared/reach';

/** Pushed changes over what was read: each delivery pushed replaces the one read; a pushed CSAT replaces it whole. */
export function mergeReach(read: TicketReach | null, change: TicketReachChange): TicketReach {
  return {
    deliveries: { ...read?.deliveries, ...change.deliveries },
    csat: change.csat ?? read?.csat ?? { askedAt: null, answer: null },
  };
}

/**
 * How each reply of a ticket reached the customer, and its CSAT question and answer: read once when the ticket
 * opens (`GET /api/tickets/:id/reach`), then kept up to date by what the desk socket pushes (`ticket:reach`,
 * `TicketModel.reachChange`): seen live, mailed, waiting, as it happens, without polling.
 */
export function useTicketReach(ticketId: string, pushed: ReadonlySignal<TicketReachChange | null>, fetchFn: typeof fetch = fetch): TicketReach | null {
  const [read, setRead] = useState<TicketReach | null>(null);
  /** Everything pushed since the ticket opened, kept over the read (which may have left before a push). */
  const [overlay, setOverlay] = useState<TicketReachChange | null>(null);
  useEffect(() => {
    let live = true;
    setRead(null);
    setOverlay(null);
    requestJson<TicketReach>(fetchFn, 'GET', `/api/tickets/${encodeURIComponent(ticketId)}/reach`).then(
      (r) => live && setRead(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [ticketId]);
  const change = pushed.value;
  useEffect(() => {
    if (change?.ticketId !== ticketId) return;
    setOverlay((o) => {
      const csat = change.csat ?? o?.csat;
      return { ticketId, deliveries: { ...o?.deliveries, ...change.deliveries }, ...(csat ? { csat } : {}) };
    });
  }, [change, ticketId]);
  if (!overlay) return read;
  return mergeReach(read, overlay);
}
