/**
 * The team desk: saved replies (macros, personal or shared), each agent's notification preferences, and the
 * link from a merged ticket to the one that survived it, and what the messenger tells of a visitor's page and browser. Frozen.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('macros')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The agent whose personal macro it is; null for a shared one (managed by admins).
    .addColumn('owner_id', 'text', (c) => c.references('agents.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('set_status', 'text')
    .addColumn('set_urgency', 'text')
    .addColumn('set_impact', 'text')
    // JSON string[]
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('macros_owner').on('macros').column('owner_id').execute();
  await db.schema
    .createTable('agent_preferences')
    .addColumn('agent_id', 'text', (c) => c.primaryKey().references('agents.id').onDelete('cascade'))
    // JSON { desktop, sound, handoffs, replies, assignments, sla }
    .addColumn('notifications', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('tickets').addColumn('merged_into_id', 'text').execute();
  // What the messenger last told about the visitor's browser and page, for the requester panel (each may be null).
  for (const column of ['user_agent', 'page_url', 'page_title', 'referrer', 'attributes']) {
    await db.schema.alterTable('visitors').addColumn(column, 'text').execute();
  }
  await db.schema.createIndex('tickets_merged_into').on('tickets').column('merged_into_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const column of ['user_agent', 'page_url', 'page_title', 'referrer', 'attributes']) {
    await db.schema.alterTable('visitors').dropColumn(column).execute();
  }
  await db.schema.dropIndex('tickets_merged_into').execute();
  await db.schema.alterTable('tickets').dropColumn('merged_into_id').execute();
  await db.schema.dropTable('agent_preferences').execute();
  await db.schema.dropTable('macros').execute();
}
