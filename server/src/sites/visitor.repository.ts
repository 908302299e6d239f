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
    claimed_email: null,
    time_zone: props.timeZone,
    language: null,
    verified: 0,
    created_at: props.now.toISOString(),
    last_seen_at: props.now.toISOString(),
    user_agent: null,
    page_url: null,
    page_title: null,
    referrer: null,
    attributes: null,
  };
  await db.insertInto('visitors').values(row).execute();
  return row;
}

/** Records a visit: time zone and language when known, and when seen. */
export async function touchVisitor(db: DbOrTx, id: string, changes: { timeZone?: string | null; language?: string | null; now: Date }): Promise<void> {
  await db
    .updateTable('visitors')
    .set({
      last_seen_at: changes.now.toISOString(),
      ...(changes.timeZone ? { time_zone: changes.timeZone } : {}),
      ...(changes.language ? { language: changes.language } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Who the host page says its user is. Written whole each time, so nothing verified lingers from an earlier
 * visit: `email` only from a verified identity, a claimed email apart in `claimed_email`.
 */
export async function setVisitorIdentity(
  db: DbOrTx,
  id: string,
  identity: { externalId: string; name: string | null; email: string | null; claimedEmail: string | null; verified: boolean },
): Promise<void> {
  await db
    .updateTable('visitors')
    .set({ external_id: identity.externalId, name: identity.name, email: identity.email, claimed_email: identity.claimedEmail, verified: identity.verified ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

/**
 * Drops every verified identity of a site's visitors (after an identity secret is deleted, perhaps leaked):
 * each is verified again from the next signed token its host page passes.
 */
/** How many of a site's visitors proved who they are and were seen since `since` (ISO). */
export async function countVerifiedVisitorsSince(db: DbOrTx, siteId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('visitors')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('site_id', '=', siteId)
    .where('verified', '=', 1)
    .where('last_seen_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function forgetVerifiedIdentities(db: DbOrTx, siteId: string): Promise<void> {
  await db.updateTable('visitors').set({ verified: 0, email: null }).where('site_id', '=', siteId).where('verified', '=', 1).execute();
}

/** How long a visitor token is valid; the messenger gets a fresh one every time it starts a session. */
export const VISITOR_TOKEN_DAYS = 30;

const tokenMac = (secret: string, visitorId: string, exp: number) =>
  createHmac('sha256', secret).update(`visitor:${visitorId}:${exp}`).digest('base64url');
const legacyMac = (secret: string, visitorId: string) => createHmac('sha256', secret).update(`visitor:${visitorId}`).digest('base64url');

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** A visitor token is `<visitorId>.<expiry, Unix seconds>.<HMAC>`: it proves which visitor a socket is, until it expires. */
export function signVisitorToken(secret: string, visitorId: string, now: Date): { token: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + VISITOR_TOKEN_DAYS * 86_400;
  return { token: `${visitorId}.${exp}.${tokenMac(secret, visitorId, exp)}`, expiresAt: new Date(exp * 1000) };
}

/**
 * The visitor a token names, while it is valid; null otherwise. `allowLegacy` accepts the tokens of earlier
 * versions (`<visitorId>.<HMAC>`, no expiry) so a session resumes once and swaps them for a new token.
 */
export function verifyVisitorToken(
  secret: string,
  token: string,
  now: Date,
  opts: { allowLegacy?: boolean } = {},
): { visitorId: string; expiresAt: Date | null } | null {
  if (token.length > 300) return null;
  const parts = token.split('.');
  if (parts.length === 2 && opts.allowLegacy) {
    const [visitorId, mac] = parts as [string, string];
    return visitorId && sameText(mac, legacyMac(secret, visitorId)) ? { visitorId, expiresAt: null } : null;
  }
  if (parts.length !== 3) return null;
  const [visitorId, expText, mac] = parts as [string, string, string];
  const exp = Number(expText);
  if (!visitorId || !/^\d{1,12}$/.test(expText) || !sameText(mac, tokenMac(secret, visitorId, exp))) return null;
  if (exp * 1000 <= now.getTime()) return null;
  return { visitorId, expiresAt: new Date(exp * 1000) };
}

/** What the messenger tells of the visitor's browser and page (kept from the latest session call that said it). */
export async function setVisitorContext(
  db: DbOrTx,
  id: string,
  context: { userAgent: string | null; page: { url?: string | undefined; title?: string | undefined; referrer?: string | undefined } | undefined; attributes: Record<string, string | number | boolean> | undefined },
): Promise<void> {
  const changes = {
    ...(context.userAgent ? { user_agent: context.userAgent.slice(0, 500) } : {}),
    ...(context.page ? { page_url: context.page.url ?? null, page_title: context.page.title ?? null, referrer: context.page.referrer ?? null } : {}),
    ...(context.attributes ? { attributes: JSON.stringify(context.attributes) } : {}),
  };
  // A session call that tells nothing (no User-Agent, no page, no attributes) changes nothing: `SET` may not be empty.
  if (Object.keys(changes).length === 0) return;
  await db
    .updateTable('visitors')
    .set(changes)
    .where('id', '=', id)
    .execute();
}
