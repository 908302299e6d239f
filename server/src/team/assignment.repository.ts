import type { DbOrTx } from '../db/database';
import type { AgentRow, TicketRow } from '../db/schema';

/** Statuses in which a chat still needs its assignee. */
const OPEN = ['new', 'open', 'pending', 'on_hold'] as const;

export async function listActiveAgents(db: DbOrTx, ids: string[]): Promise<AgentRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('agents').selectAll().where('id', 'in', ids).where('active', '=', 1).orderBy('name').execute();
}

/** How many open chats each of these agents holds. */
export async function openChatCounts(db: DbOrTx, agentIds: string[]): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tickets')
    .select(['assignee_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('assignee_id', 'in', agentIds)
    .where('channel', '=', 'chat')
    .where('status', 'in', OPEN)
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id!, Number(r.n)]));
}

/** When each agent was last given a ticket (the audit trail's `assigned` events), for taking turns. */
export async function lastAssignedAt(db: DbOrTx, agentIds: string[]): Promise<Map<string, string>> {
  if (agentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('ticket_events')
    .select(['to_value', (eb) => eb.fn.max('created_at').as('at')])
    .where('type', '=', 'assigned')
    .where('to_value', 'in', agentIds)
    .groupBy('to_value')
    .execute();
  return new Map(rows.map((r) => [r.to_value!, String(r.at)]));
}

/** Open chats that are assigned to one of these agents, or to nobody; bounded per pass. */
export async function listOpenChats(db: DbOrTx, opts: { assignedTo: string[] | 'nobody'; limit: number }): Promise<TicketRow[]> {
  let q = db.selectFrom('tickets').selectAll().where('channel', '=', 'chat').where('status', 'in', OPEN).where('merged_into_id', 'is', null);
  if (opts.assignedTo === 'nobody') q = q.where('assignee_id', 'is', null);
  else if (opts.assignedTo.length === 0) return [];
  else q = q.where('assignee_id', 'in', opts.assignedTo);
  return q.orderBy('created_at').limit(opts.limit).execute();
}
