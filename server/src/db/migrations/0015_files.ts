/**
 * Files in chat: a message lists the files it carries (JSON, like its sources), and each kept file says whether
 * its bytes were checked to be an image (only those are ever shown inline) and who uploaded it (a visitor or an
 * agent: a pending upload can be attached only by its uploader). Frozen.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('messages').addColumn('attachments', 'text').execute();
  await db.schema.alterTable('attachments').addColumn('image', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('attachments').addColumn('uploaded_by', 'text').execute();
  await db.schema.createIndex('attachments_message').on('attachments').column('message_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('attachments_message').execute();
  await db.schema.alterTable('attachments').dropColumn('uploaded_by').execute();
  await db.schema.alterTable('attachments').dropColumn('image').execute();
  await db.schema.alterTable('messages').dropColumn('attachments').execute();
}
