import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../../shared/http-client';
import type { TicketReach } from '../../shared/reach';

/** How often an open ticket's reply deliveries are read again (a waiting reply turns mailed in minutes). */
const REFRESH_MS = 30_000;

/**
 * How each reply of a ticket reached the customer, and its CSAT question and answer (`GET /api/tickets/:id/reach`),
 * read when the ticket opens, when its messages change, and every 30 s while it is open.
 */
export function useTicketReach(ticketId: string, messageCount: number, fetchFn: typeof fetch = fetch): TicketReach | null {
  const [reach, setReach] = useState<TicketReach | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      requestJson<TicketReach>(fetchFn, 'GET', `/api/tickets/${encodeURIComponent(ticketId)}/reach`).then(
        (r) => live && setReach(r),
        () => undefined,
      );
    void read();
    const timer = setInterval(() => void read(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [ticketId, messageCount]);
  return reach;
}
