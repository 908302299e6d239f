import { randomUUID } from 'node:crypto';
import { REMOTE_TOOLS, type RemoteSession, type RemoteTool } from '../../../shared/protocol';
import { remoteToolName } from '../../../shared/remote-tools';
import type { Selectable } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { RemoteSessionTable, TicketRow } from '../db/schema';

type RemoteSessionRow = Selectable<RemoteSessionTable>;

const isTool = (t: string | null | undefined): t is RemoteTool => (REMOTE_TOOLS as readonly string[]).includes(t ?? '');

/** The one place a stored session becomes what the API returns. */
export function toRemoteSession(row: RemoteSessionRow): RemoteSession {
  const tool: RemoteTool = isTool(row.tool) ? row.tool : 'other';
  return {
    id: row.id,
    ticketId: row.ticket_id,
    tool,
    toolName: remoteToolName(tool),
    url: row.url,
    startsAt: row.starts_at,
    note: row.note,
    agentId: row.agent_id,
    createdAt: row.created_at,
  };
}

export async function insertRemoteSession(
  db: DbOrTx,
  s: { ticketId: string; tool: RemoteTool; url: string; startsAt: string | null; note: string | null; agentId: string | null; now: Date },
): Promise<RemoteSession> {
  const row: RemoteSessionRow = {
    id: randomUUID(),
    ticket_id: s.ticketId,
    tool: s.tool,
    url: s.url,
    starts_at: s.startsAt,
    note: s.note,
    agent_id: s.agentId,
    created_at: s.now.toISOString(),
  };
  await db.insertInto('remote_sessions').values(row).execute();
  return toRemoteSession(row);
}

/** A ticket's sessions, oldest first. */
export async function listRemoteSessions(db: DbOrTx, ticketId: string): Promise<RemoteSession[]> {
  const rows = await db.selectFrom('remote_sessions').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at', 'asc').orderBy('id').execute();
  return rows.map(toRemoteSession);
}

/**
 * Who the requester is for preferences, most specific first: `email:<address>` (lower case) when known, and
 * `visitor:<id>` for a chat visitor (anonymous visitors have only that).
 */
export function customerKeys(ticket: Pick<TicketRow, 'requester_email' | 'visitor_id'>): string[] {
  const keys: string[] = [];
  if (ticket.requester_email) keys.push(`email:${ticket.requester_email.trim().toLowerCase()}`);
  if (ticket.visitor_id) keys.push(`visitor:${ticket.visitor_id}`);
  return keys;
}

/** Remembers the tool under every key of the requester. */
export async function rememberPreferredTool(db: DbOrTx, keys: readonly string[], tool: RemoteTool, now: Date): Promise<void> {
  for (const key of keys) {
    await db
      .insertInto('customer_preferences')
      .values({ customer_key: key, preferred_tool: tool, updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('customer_key').doUpdateSet({ preferred_tool: tool, updated_at: now.toISOString() }))
      .execute();
  }
}

/** The requester's preferred tool: by the first key that has one (email before visitor). */
export async function findPreferredTool(db: DbOrTx, keys: readonly string[]): Promise<RemoteTool | null> {
  if (keys.length === 0) return null;
  const rows = await db.selectFrom('customer_preferences').select(['customer_key', 'preferred_tool']).where('customer_key', 'in', [...keys]).execute();
  for (const key of keys) {
    const tool = rows.find((r) => r.customer_key === key)?.preferred_tool;
    if (isTool(tool)) return tool;
  }
  return null;
}
