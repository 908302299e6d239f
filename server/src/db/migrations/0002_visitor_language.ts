/** Visitors' language (BCP 47, from the browser), so Kai replies in it. Frozen. */
import type { MigrationDb } from './migration-db';


export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('visitors').addColumn('language', 'text').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('visitors').dropColumn('language').execute();
}
