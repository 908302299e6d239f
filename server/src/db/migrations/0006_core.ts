/**
 * The conversation core's hot path: a chat's ticket is found by its conversation, newest first, on every visitor
 * message; with the creation time in the index SQLite reads it without sorting. Frozen.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.createIndex('tickets_conversation_created').on('tickets').columns(['conversation_id', 'created_at']).execute();
  await db.schema.dropIndex('tickets_conversation').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.createIndex('tickets_conversation').on('tickets').column('conversation_id').execute();
  await db.schema.dropIndex('tickets_conversation_created').execute();
}
