/** Visitors' language (BCP 47, from the browser), so Kai replies in it. Frozen. */
import type { Kysely } from 'kysely';

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('visitors').addColumn('language', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('visitors').dropColumn('language').execute();
}
