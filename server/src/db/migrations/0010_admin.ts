/**
 * The settings area: one-time links that let an invited agent set a password (or any agent reset theirs), where
 * each site's messenger was last seen (so the owner knows the tag works), and the operations centres an agent
 * works in. Frozen.
 */
import { sql } from 'kysely';
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('agent_links')
    // sha256 of the token mailed in the link; the token itself is never stored.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    // invite | reset
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('agent_links_agent').on('agent_links').column('agent_id').execute();
  await db.schema
    .createTable('site_origins_seen')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('site_origins_seen_pk', ['site_id', 'origin'])
    .execute();
  // JSON string[] of operations centre ids (`uk`, `us`); empty: every centre.
  await db.schema.alterTable('agents').addColumn('centres', 'text', (c) => c.notNull().defaultTo(sql`'[]'`)).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('agents').dropColumn('centres').execute();
  await db.schema.dropTable('site_origins_seen').execute();
  await db.schema.dropTable('agent_links').execute();
}
