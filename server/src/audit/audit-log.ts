import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/database';
import { insertAuditEntry } from './audit.repository';

/** Who did something: an agent (with the address they came from), or the system. */
export interface AuditActor {
  id: string | null;
  /** The agent's name and email, or `system`; for a failed sign-in, the address that was tried. */
  label: string;
  ip: string | null;
}

export interface AuditEntry {
  /** `<target>.<verb>`: site.updated, agent.deactivated, token.revoked, auth.login, webhook.created… */
  action: string;
  target: { type: string; id: string | null };
  siteId?: string | null;
  /** What changed, field by field. Never put a secret, a token or a password here: name the field, not the value. */
  changes?: Record<string, { from: unknown; to: unknown }>;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, label: 'system', ip: null };

/**
 * Writes one line of the audit log. Call it with the transaction of the change it records, so the change and its
 * line commit together or not at all.
 */
export async function recordAudit(db: DbOrTx, actor: AuditActor, entry: AuditEntry, now = new Date()): Promise<void> {
  await insertAuditEntry(db, {
    id: randomUUID(),
    at: now.toISOString(),
    actor_id: actor.id,
    actor_label: actor.label,
    ip: actor.ip,
    action: entry.action,
    target_type: entry.target.type,
    target_id: entry.target.id,
    site_id: entry.siteId ?? null,
    changes: JSON.stringify(entry.changes ?? {}),
  });
}

/** The `changes` of an audit entry: each field of `next` whose value differs from `before`. */
export function changedFields(before: object, next: object): Record<string, { from: unknown; to: unknown }> {
  const previous = new Map<string, unknown>(Object.entries(before));
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, to] of Object.entries(next)) {
    const from = previous.get(field);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from: from ?? null, to };
  }
  return changes;
}
