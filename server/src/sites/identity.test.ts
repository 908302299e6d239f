import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyIdentity } from './identity';

const secret = 'a-site-identity-secret-of-some-length';
const now = new Date('2026-05-01T12:00:00Z');
const jwt = (sub: string, exp: number, key = secret) =>
  new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime(exp).sign(new TextEncoder().encode(key));

describe('identity verification', () => {
  it('accepts a JWT signed with the site secret for the same user, before it expires', async () => {
    expect(await verifyIdentity(secret, 'user-42', await jwt('user-42', now.getTime() / 1000 + 600), now)).toBe(true);
  });

  it('refuses an expired JWT, another user, another key, and no secret', async () => {
    expect(await verifyIdentity(secret, 'user-42', await jwt('user-42', now.getTime() / 1000 - 1), now)).toBe(false);
    expect(await verifyIdentity(secret, 'user-42', await jwt('user-43', now.getTime() / 1000 + 600), now)).toBe(false);
    expect(await verifyIdentity(secret, 'user-42', await jwt('user-42', now.getTime() / 1000 + 600, 'another-key-another-key-another'), now)).toBe(false);
    expect(await verifyIdentity(null, 'user-42', await jwt('user-42', now.getTime() / 1000 + 600), now)).toBe(false);
  });

  it('accepts the HMAC user hash and refuses a wrong one', async () => {
    const hash = createHmac('sha256', secret).update('user-42').digest('hex');
    expect(await verifyIdentity(secret, 'user-42', hash, now)).toBe(true);
    expect(await verifyIdentity(secret, 'user-43', hash, now)).toBe(false);
    expect(await verifyIdentity(secret, 'user-42', undefined, now)).toBe(false);
  });
});
