import { createHmac, timingSafeEqual } from 'node:crypto';
import { jwtVerify } from 'jose';

/**
 * Whether the host page proved who its logged-in user is. `token` is either a JWT (HS256, signed with the
 * site's identity secret, `sub` = the user id, with an expiry) or the hex HMAC-SHA256 of the user id
 * (the user-hash scheme other messengers use). Anything else, or no secret, is unverified.
 */
export async function verifyIdentity(secret: string | null, userId: string, token: string | undefined, now: Date): Promise<boolean> {
  if (!secret || !token) return false;
  if (token.split('.').length === 3) {
    try {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
        algorithms: ['HS256'],
        currentDate: now,
        requiredClaims: ['sub', 'exp'],
      });
      return payload.sub === userId;
    } catch {
      return false;
    }
  }
  const expected = Buffer.from(createHmac('sha256', secret).update(userId).digest('hex'));
  const given = Buffer.from(token.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
