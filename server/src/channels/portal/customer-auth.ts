import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../db/database';

/** The portal's session cookie: HTTP-only, SameSite=Lax. */
export const CUSTOMER_COOKIE = 'fd_customer';
export const LOGIN_LINK_MINUTES = 15;
export const CUSTOMER_SESSION_DAYS = 30;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Addresses compare case-insensitively; we keep them lower-cased. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** A portal customer: an email proven by a one-time link, on one site. */
export interface PortalCustomer {
  siteId: string;
  email: string;
}

/** Makes a one-time sign-in token (32 random bytes); only its sha256 is stored. Returns the token for the link. */
export async function createLoginToken(db: DbOrTx, props: { siteId: string; email: string; now: Date }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('customer_login_tokens')
    .values({
      id: sha256(token),
      site_id: props.siteId,
      email: normaliseEmail(props.email),
      expires_at: new Date(props.now.getTime() + LOGIN_LINK_MINUTES * 60_000).toISOString(),
      used_at: null,
      created_at: props.now.toISOString(),
    })
    .execute();
  return token;
}

/** The site a sign-in token is for (used or not, expired or not), without using it; null for an unknown token. */
export async function siteOfLoginToken(db: DbOrTx, token: string): Promise<string | null> {
  const row = await db.selectFrom('customer_login_tokens').select('site_id').where('id', '=', sha256(token)).executeTakeFirst();
  return row?.site_id ?? null;
}

/**
 * Uses a sign-in token: once, and only within its 15 minutes. The conditional update makes the single use hold
 * even when two requests race (a mail scanner and the customer).
 */
export async function consumeLoginToken(
  db: DbOrTx,
  token: string,
  now: Date,
): Promise<{ ok: true; customer: PortalCustomer } | { ok: false; reason: 'unknown' | 'expired' | 'used' }> {
  const id = sha256(token);
  const at = now.toISOString();
  const claimed = await db
    .updateTable('customer_login_tokens')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  const row = await db.selectFrom('customer_login_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (Number(claimed.numUpdatedRows) === 1) return { ok: true, customer: { siteId: row.site_id, email: row.email } };
  return { ok: false, reason: row.used_at ? 'used' : 'expired' };
}

/** Starts a portal session; returns the cookie token (only its hash is stored). */
export async function createCustomerSession(db: DbOrTx, customer: PortalCustomer, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('customer_sessions')
    .values({
      id: sha256(token),
      site_id: customer.siteId,
      email: normaliseEmail(customer.email),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CUSTOMER_SESSION_DAYS * 86_400_000).toISOString(),
    })
    .execute();
  return token;
}

export async function findCustomerSession(db: DbOrTx, token: string, now: Date): Promise<PortalCustomer | null> {
  const row = await db
    .selectFrom('customer_sessions')
    .select(['site_id', 'email'])
    .where('id', '=', sha256(token))
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row ? { siteId: row.site_id, email: row.email } : null;
}

export async function deleteCustomerSession(db: DbOrTx, token: string): Promise<void> {
  await db.deleteFrom('customer_sessions').where('id', '=', sha256(token)).execute();
}

/** Forgets used and expired sign-in tokens and expired sessions (run now and then). */
export async function pruneCustomerAuth(db: DbOrTx, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.deleteFrom('customer_login_tokens').where('expires_at', '<=', new Date(now.getTime() - 86_400_000).toISOString()).execute();
  await db.deleteFrom('customer_sessions').where('expires_at', '<=', at).execute();
}
