import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { IdentitySecretTable } from '../db/schema';
import { AppError } from '../errors';

export type IdentitySecretRow = Selectable<IdentitySecretTable>;
export type IdentitySecretKind = 'jwt' | 'user_hash';

/** Enough for rotation (old and new of each kind) with room to spare; bounds the user-hash check's work. */
export const MAX_IDENTITY_SECRETS = 10;

export async function listIdentitySecrets(db: DbOrTx, siteId: string): Promise<IdentitySecretRow[]> {
  return db.selectFrom('identity_secrets').selectAll().where('site_id', '=', siteId).orderBy('created_at').orderBy('id').execute();
}

/** A new secret for the site: 32 random bytes, returned once; its id is the JWT `kid`. */
export async function createIdentitySecret(db: DbOrTx, props: { siteId: string; kind: IdentitySecretKind; now: Date }): Promise<IdentitySecretRow> {
  if ((await listIdentitySecrets(db, props.siteId)).length >= MAX_IDENTITY_SECRETS) {
    throw new AppError('conflict', `A site has at most ${MAX_IDENTITY_SECRETS} identity secrets; delete an old one first`);
  }
  const row: IdentitySecretRow = {
    id: `ids_${randomBytes(9).toString('base64url')}`,
    site_id: props.siteId,
    kind: props.kind,
    secret: randomBytes(32).toString('base64url'),
    created_at: props.now.toISOString(),
  };
  await db.insertInto('identity_secrets').values(row).execute();
  return row;
}

export async function deleteIdentitySecret(db: DbOrTx, siteId: string, id: string): Promise<boolean> {
  const res = await db.deleteFrom('identity_secrets').where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

