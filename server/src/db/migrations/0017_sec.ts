/**
 * Email authenticity: whether an email ticket's sender was authenticated (DMARC, or an aligned DKIM signature
 * or SPF pass), 1 or 0; null for tickets of other channels and email tickets from before this. Frozen.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('sender_verified', 'integer').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('tickets').dropColumn('sender_verified').execute();
}
