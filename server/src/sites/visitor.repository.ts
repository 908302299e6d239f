import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { DbOrTx } from '../db/database';
import type { VisitorRow } from '../db/schema';

export async function findVisitor(db: DbOrTx, id: string): Promise<VisitorRow | undefined> {
  return db.selectFrom('visitors').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createVisitor(db: DbOrTx, props: { siteId: string; timeZone: string | null; now: Date }): Promise<VisitorRow> {
  const row: VisitorRow = {
    id: randomUUID(),
    site_id: props.siteId,
    external_id: null,
    name: null,
    email: null,
    time_zone: props.timeZone,
    language: null,
    verified: 0,
    created_at: props.now.toISOString(),
    last_seen_at: props.now.toISOString(),
  };
  await db.insertInto('visitors').values(row).execute();
  return row;
}

export async function touchVisitor(
  db: DbOrTx,
  id: string,
  changes: { timeZone?: string | null; language?: string | null; name?: string | null; email?: string | null; externalId?: string | null; verified?: boolean; now: Date },
): Promise<void> {
  await db
    .updateTable('visitors')
    .set({
      last_seen_at: changes.now.toISOString(),
      ...(changes.timeZone ? { time_zone: changes.timeZone } : {}),
      ...(changes.language ? { language: changes.language } : {}),
      ...(changes.verified !== undefined ? { verified: changes.verified ? 1 : 0 } : {}),
      ...(changes.name ? { name: changes.name } : {}),
      ...(changes.email ? { email: changes.email } : {}),
      ...(changes.externalId ? { external_id: changes.externalId } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** A visitor token is `<visitorId>.<HMAC>`: the messenger keeps it, and it proves which visitor a socket is. */
export function signVisitorToken(secret: string, visitorId: string): string {
  return `${visitorId}.${createHmac('sha256', secret).update(`visitor:${visitorId}`).digest('base64url')}`;
}

export function verifyVisitorToken(secret: string, token: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const visitorId = token.slice(0, dot);
  const expected = Buffer.from(signVisitorToken(secret, visitorId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? visitorId : null;
}
