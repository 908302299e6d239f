import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyIdentity } from './identity';
import type { IdentitySecretRow } from './identity-secret.repository';

const now = new Date('2026-05-01T12:00:00Z');
const secret = (id: string, kind: 'jwt' | 'user_hash', value: string): IdentitySecretRow => ({ id, site_id: 's', kind, secret: value, created_at: now.toISOString() });
const jwtKey = secret('ids_new', 'jwt', 'a-site-jwt-secret-of-some-good-length');
const oldJwtKey = secret('ids_old', 'jwt', 'the-previous-jwt-secret-still-valid');
const hashKey = secret('ids_hash', 'user_hash', 'a-separate-user-hash-secret-for-hmac');
const secrets = [jwtKey, oldJwtKey, hashKey];
const inTenMinutes = now.getTime() / 1000 + 600;

const jwt = (claims: Record<string, unknown>, opts: { sub?: string; exp?: number; kid?: string | undefined; key?: string } = {}) => {
  const header = opts.kid === undefined && 'kid' in opts ? { alg: 'HS256' } : { alg: 'HS256', kid: opts.kid ?? jwtKey.id };
  return new SignJWT(claims)
    .setProtectedHeader(header)
    .setSubject(opts.sub ?? 'user-42')
    .setExpirationTime(opts.exp ?? inTenMinutes)
    .sign(new TextEncoder().encode(opts.key ?? jwtKey.secret));
};

describe('identity verification', () => {
  it('takes the email and name from inside a valid JWT, found by its kid', async () => {
    const token = await jwt({ email: 'Ada@Example.com', name: 'Ada', attributes: { plan: 'pro' } });
    expect(await verifyIdentity(secrets, { id: 'user-42', token }, now)).toEqual({ userId: 'user-42', email: 'ada@example.com', name: 'Ada', attributes: { plan: 'pro' } });
  });

  it('rotates: a JWT signed with the older secret and naming it still verifies', async () => {
    const token = await jwt({}, { kid: oldJwtKey.id, key: oldJwtKey.secret });
    expect(await verifyIdentity(secrets, { id: 'user-42', token }, now)).toMatchObject({ userId: 'user-42', email: null });
  });

  it('refuses an expired JWT, another user, a wrong or missing kid, another key, and a deleted secret', async () => {
    const refuse = async (token: string, list = secrets) => expect(await verifyIdentity(list, { id: 'user-42', token }, now)).toBeNull();
    await refuse(await jwt({}, { exp: now.getTime() / 1000 - 1 }));
    await refuse(await jwt({}, { sub: 'user-43' }));
    await refuse(await jwt({}, { kid: 'ids_unknown' }));
    await refuse(await jwt({}, { kid: undefined }));
    await refuse(await jwt({}, { key: 'another-key-another-key-another-key' }));
    await refuse(await jwt({}), [oldJwtKey, hashKey]);
  });

  it('never verifies a JWT with the user-hash key, nor a user hash with the JWT key', async () => {
    expect(await verifyIdentity(secrets, { id: 'user-42', token: await jwt({}, { kid: hashKey.id, key: hashKey.secret }) }, now)).toBeNull();
    const hashWithJwtKey = createHmac('sha256', jwtKey.secret).update('user-42').digest('hex');
    expect(await verifyIdentity(secrets, { id: 'user-42', token: hashWithJwtKey }, now)).toBeNull();
  });

  it('accepts the HMAC user hash for the user id only: it proves no email', async () => {
    const hash = createHmac('sha256', hashKey.secret).update('user-42').digest('hex');
    expect(await verifyIdentity(secrets, { id: 'user-42', token: hash }, now)).toEqual({ userId: 'user-42', email: null, name: null, attributes: {} });
    expect(await verifyIdentity(secrets, { id: 'user-43', token: hash }, now)).toBeNull();
    expect(await verifyIdentity(secrets, { id: 'user-42' }, now)).toBeNull();
  });
});
