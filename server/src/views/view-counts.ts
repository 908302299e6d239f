import { BUILT_IN_VIEWS, OPEN_STATUSES, type QueueCounts } from '../../../shared/queue';
import type { CoreContext } from '../context';
import type { DbOrTx } from '../db/database';
import { DESK_ROOM, type DeskNamespace } from '../realtime/desk.socket';
import { countAssignedByAgent } from '../tickets/ticket.repository';
import { countView } from './view-query';
import { listAllViews, toSavedView } from './view.repository';

/** Ticket changes within this window cost one recount and one `queue:counts` message. */
export const COUNTS_WINDOW_MS = 300;

/**
 * What every view holds now, for all agents at once: Mine is per agent (counts per assignee); a saved view that
 * says `me` is counted for its owner (a shared one for whoever created it).
 */
export async function queueCounts(db: DbOrTx, now: Date): Promise<QueueCounts> {
  // The counts at once: on PostgreSQL each is a round trip the pool can run beside the others.
  const counted = BUILT_IN_VIEWS.filter((view) => view.filters.assignee !== 'me');
  const builtIn = Object.fromEntries(await Promise.all(counted.map(async (view) => [view.id, await countView(db, view.filters, '', now)] as const)));
  const byAssignee = await countAssignedByAgent(db, [...OPEN_STATUSES, 'pending']);
  const views = await listAllViews(db);
  const saved = Object.fromEntries(await Promise.all(views.map(async (row) => [row.id, await countView(db, toSavedView(row).filters, row.owner_id ?? row.created_by, now)] as const)));
  return { builtIn, byAssignee, saved };
}

/**
 * Pushes `queue:counts` to every desk after tickets change (created, updated, SLA alerts move "breaching"),
 * coalesced: the first change starts a window, one recount runs at its end. The desks never poll.
 */
export function pushQueueCounts(ctx: CoreContext, desk: DeskNamespace): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const recount = async () => {
    timer = null;
    if (stopped) return;
    try {
      desk.to(DESK_ROOM).emit('queue:counts', await queueCounts(ctx.db, ctx.now()));
    } catch (err) {
      ctx.log.warn({ err }, 'queue counts failed');
    }
  };
  const schedule = () => {
    timer ??= setTimeout(() => void recount(), COUNTS_WINDOW_MS);
  };
  const offs = [ctx.events.on('ticket.created', schedule), ctx.events.on('ticket.updated', schedule), ctx.events.on('ticket.sla', schedule)];
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    offs.forEach((off) => off());
  };
}
