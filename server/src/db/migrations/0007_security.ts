/**
 * Identity, credentials and their lifecycle: a visitor's unverified email kept apart from the verified one,
 * per-site identity secrets with ids (JWT `kid`), agents that can be deactivated or must choose a new
 * password, and API tokens that expire. Frozen.
 */
import type { MigrationDb } from './migration-db';


export async function up(db: MigrationDb): Promise<void> {
  // The email a host page passed outside a signed JWT: shown to agents, never used to match requests.
  await db.schema.alterTable('visitors').addColumn('claimed_email', 'text').execute();
  await db.schema.alterTable('agents').addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('agents').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
  await db.schema
    .createTable('identity_secrets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    // jwt: signs visitor JWTs (named by `kid`); user_hash: the HMAC-SHA256 of the user id. Never the same key.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identity_secrets_site').on('identity_secrets').column('site_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('identity_secrets').execute();
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
  await db.schema.alterTable('agents').dropColumn('must_change_password').execute();
  await db.schema.alterTable('agents').dropColumn('active').execute();
  await db.schema.alterTable('visitors').dropColumn('claimed_email').execute();
}
