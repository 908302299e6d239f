/**
 * A ticket's language: the one its customer used when it was created (an inbound email's Content-Language or
 * Accept-Language header, the portal page's language, the API's `language`), a BCP 47 tag as given; null when
 * nothing said. Mail and pages about the ticket speak it. Frozen.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('language', 'text').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('tickets').dropColumn('language').execute();
}
