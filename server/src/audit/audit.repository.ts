import { type Insertable, sql } from 'kysely';
import type { AuditEntryView } from '../../../shared/admin';
import type { DbOrTx } from '../db/database';
import type { AuditLogRow, AuditLogTable } from '../db/schema';

/** One line of the audit log (recordAudit in audit-log.ts builds it). */
export async function insertAuditEntry(db: DbOrTx, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  /** An action (`site.updated`) or a prefix ending in a dot (`site.`). */
  action?: string | undefined;
  /** An agent id, or part of the actor's name or email. */
  actor?: string | undefined;
  /** A target id, or a target type (`site`, `agent`, `token`, `auth`). */
  target?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/** The one place an audit row becomes what the API returns. */
export function toAuditView(row: AuditLogRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    actor: { id: row.actor_id, label: row.actor_label },
    ip: row.ip,
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    siteId: row.site_id,
    changes: JSON.parse(row.changes) as AuditEntryView['changes'],
  };
}

// `%` or `_` typed in a filter only widens it (LIKE has no escape character common to both dialects).
const likePattern = (s: string) => `%${s.toLowerCase()}%`;

/** Newest first. */
export async function listAudit(db: DbOrTx, filter: AuditFilter): Promise<AuditEntryView[]> {
  let query = db.selectFrom('audit_log').selectAll();
  const { action, actor, target, from, to } = filter;
  if (action) {
    query = action.endsWith('.') ? query.where(sql<string>`substr(action, 1, ${action.length})`, '=', action) : query.where('action', '=', action);
  }
  if (actor) {
    query = query.where((eb) =>
      eb.or([eb('actor_id', '=', actor), eb(eb.fn('lower', ['actor_label']), 'like', likePattern(actor))]),
    );
  }
  if (target) query = query.where((eb) => eb.or([eb('target_id', '=', target), eb('target_type', '=', target)]));
  if (from) query = query.where('at', '>=', new Date(from).toISOString());
  if (to) query = query.where('at', '<=', new Date(to).toISOString());
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toAuditView);
}

/** The latest line about one target: "last changed by … at …" on a settings page. */
export async function lastChangeOf(db: DbOrTx, targetType: string, targetId: string): Promise<AuditEntryView | null> {
  const row = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('target_type', '=', targetType)
    .where('target_id', '=', targetId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? toAuditView(row) : null;
}
