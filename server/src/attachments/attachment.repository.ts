import type { Selectable } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { AttachmentTable } from '../db/schema';

/** One kept file: metadata in the database, bytes on disk under its storage key. */
export type AttachmentRow = Selectable<AttachmentTable>;

/** Records a file already written to the attachment store. */
export async function insertAttachment(db: DbOrTx, row: AttachmentRow): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

/** A ticket's attachments, oldest first. */
export async function listAttachments(db: DbOrTx, ticketId: string): Promise<AttachmentRow[]> {
  return db.selectFrom('attachments').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id').execute();
}

/** One attachment, only when it belongs to that ticket. */
export async function findAttachment(db: DbOrTx, ticketId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', attachmentId).where('ticket_id', '=', ticketId).executeTakeFirst();
}
