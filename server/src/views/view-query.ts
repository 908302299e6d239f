import type { ViewFilters } from '../../../shared/queue';
import type { DbOrTx } from '../db/database';
import { findSiteByKey } from '../sites/site.repository';
import { countTickets, type TicketQuery } from '../tickets/ticket.repository';

/**
 * A view's filters as a ticket query for one agent at one instant: `me` is that agent, `none` unassigned, a site
 * key its id (an unknown key matches nothing), and "due within N minutes" a deadline bound.
 */
export async function ticketQueryOf(db: DbOrTx, f: ViewFilters, agentId: string, now: Date): Promise<TicketQuery> {
  const site = f.site ? await findSiteByKey(db, f.site) : undefined;
  return {
    status: f.status,
    priority: f.priority,
    channel: f.channel,
    centre: f.centre,
    assignee: f.assignee === undefined ? undefined : f.assignee === 'none' ? null : f.assignee === 'me' ? agentId : f.assignee,
    tag: f.tag,
    siteId: f.site ? (site?.id ?? '-') : undefined,
    q: f.q,
    dueBefore: f.dueWithinMinutes !== undefined ? new Date(now.getTime() + f.dueWithinMinutes * 60_000).toISOString() : undefined,
  };
}

export async function countView(db: DbOrTx, f: ViewFilters, agentId: string, now: Date): Promise<number> {
  return countTickets(db, await ticketQueryOf(db, f, agentId, now));
}
