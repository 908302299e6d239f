import { DEFAULT_CENTRES, DEFAULT_SLA_TARGETS } from '../../../shared/operations';
import type { Level } from '../../../shared/priority';
import type { CentreId } from '../../../shared/protocol';
import { homeCentreFor, routeTicket } from '../../../shared/routing';
import { slaDeadlines } from '../../../shared/sla';

const BOTH_CENTRES = Object.values(DEFAULT_CENTRES);

/** Where a new ticket goes and when it is due, from the operations calendars (contract §6). */
export function planTicket(props: { priority: Level; receivedAt: Date; timeZone: string | null }): {
  centre: CentreId;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
} {
  const at = props.receivedAt.getTime();
  const centre = routeTicket(DEFAULT_CENTRES, homeCentreFor(props.timeZone), at);
  const due = slaDeadlines(BOTH_CENTRES, props.priority, at, DEFAULT_SLA_TARGETS);
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return { centre, firstResponseDueAt: iso(due.firstResponseDueAt), resolutionDueAt: iso(due.resolutionDueAt) };
}
