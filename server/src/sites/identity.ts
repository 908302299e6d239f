import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import type { IdentitySecretRow } from './identity-secret.repository';

/** What the host page proved about its logged-in user. Only these fields count as verified. */
export interface VerifiedIdentity {
  userId: string;
  /** From the JWT's `email` claim; the HMAC user hash proves the id only, so it never carries one. */
  email: string | null;
  name: string | null;
  /** The JWT's `attributes` claim, when it is an object. */
  attributes: Record<string, unknown>;
}

const stringClaim = (v: unknown, max: number) => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : null);

async function verifyJwt(secrets: IdentitySecretRow[], userId: string, token: string, now: Date): Promise<VerifiedIdentity | null> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    return null;
  }
  // The `kid` header names the secret, so a site rotates secrets without downtime.
  const secret = secrets.find((s) => s.kind === 'jwt' && s.id === kid);
  if (!secret) return null;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret.secret), {
      algorithms: ['HS256'],
      currentDate: now,
      requiredClaims: ['sub', 'exp'],
    });
    if (payload.sub !== userId) return null;
    const email = stringClaim(payload['email'], 254);
    const attributes = payload['attributes'];
    return {
      userId,
      email: email && email.includes('@') ? email.toLowerCase() : null,
      name: stringClaim(payload['name'], 200),
      attributes: attributes && typeof attributes === 'object' && !Array.isArray(attributes) ? (attributes as Record<string, unknown>) : {},
    };
  } catch {
    return null;
  }
}

function verifyUserHash(secrets: IdentitySecretRow[], userId: string, token: string): VerifiedIdentity | null {
  const given = Buffer.from(token.toLowerCase());
  const ok = secrets.some((s) => {
    if (s.kind !== 'user_hash') return false;
    const expected = Buffer.from(createHmac('sha256', s.secret).update(userId).digest('hex'));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return ok ? { userId, email: null, name: null, attributes: {} } : null;
}

/**
 * Whether the host page proved who its logged-in user is. `token` is either a JWT (HS256, `kid` naming one of
 * the site's `jwt` secrets, `sub` = the user id, with an expiry) or the hex HMAC-SHA256 of the user id with one
 * of the site's `user_hash` secrets (never the JWT's key). Anything else is unverified: null.
 */
export async function verifyIdentity(
  secrets: IdentitySecretRow[],
  user: { id: string; token?: string | undefined },
  now: Date,
): Promise<VerifiedIdentity | null> {
  if (!user.token) return null;
  if (user.token.split('.').length === 3) return verifyJwt(secrets, user.id, user.token, now);
  return verifyUserHash(secrets, user.id, user.token);
}
