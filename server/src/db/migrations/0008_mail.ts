/**
 * Quarantined mail keeps its size, so the quarantine can be held to a quota in bytes as well as in count
 * (oldest dropped first, hence the index on created_at). Frozen.
 */
import type { MigrationDb } from './migration-db';


export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('quarantine').addColumn('size', 'integer').execute();
  await db.schema.createIndex('quarantine_created_at').on('quarantine').column('created_at').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('quarantine_created_at').execute();
  await db.schema.alterTable('quarantine').dropColumn('size').execute();
}
