import type { Insertable, Selectable } from 'kysely';
import type { MessageAttachment } from '../../../shared/protocol';
import type { DbOrTx } from '../db/database';
import type { AttachmentTable } from '../db/schema';

/** One kept file: metadata in the database, bytes on disk under its storage key. */
export type AttachmentRow = Selectable<AttachmentTable>;
export type NewAttachment = Insertable<AttachmentTable>;

/** Records a file already written to the attachment store. */
export async function insertAttachment(db: DbOrTx, row: NewAttachment): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

/** A ticket's attachments, oldest first (transcripts list them). */
export async function listAttachments(db: DbOrTx, ticketId: string): Promise<AttachmentRow[]> {
  return db.selectFrom('attachments').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id').execute();
}

/** One attachment, only when it belongs to that ticket. */
export async function findAttachment(db: DbOrTx, ticketId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', attachmentId).where('ticket_id', '=', ticketId).executeTakeFirst();
}

/** The files a message carries (its outgoing mail attaches them). */
export async function attachmentsOfMessage(db: DbOrTx, messageId: string): Promise<AttachmentRow[]> {
  return db.selectFrom('attachments').selectAll().where('message_id', '=', messageId).orderBy('created_at').orderBy('id').execute();
}

/**
 * A file a visitor may fetch: attached to a public message of a conversation that is theirs. Pending uploads,
 * internal notes' files and other visitors' files are not found.
 */
export async function findVisitorAttachment(db: DbOrTx, visitorId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
  return db
    .selectFrom('attachments')
    .innerJoin('messages', 'messages.id', 'attachments.message_id')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .selectAll('attachments')
    .where('attachments.id', '=', attachmentId)
    .where('messages.internal', '=', 0)
    .where('conversations.visitor_id', '=', visitorId)
    .executeTakeFirst();
}

/** Uploads of one uploader on one ticket not yet sent with a message, among `ids`. */
export async function pendingUploads(db: DbOrTx, props: { ticketId: string; uploadedBy: string; ids: readonly string[] }): Promise<AttachmentRow[]> {
  if (props.ids.length === 0) return [];
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('id', 'in', [...props.ids])
    .where('ticket_id', '=', props.ticketId)
    .where('uploaded_by', '=', props.uploadedBy)
    .where('message_id', 'is', null)
    .execute();
}

/** Ties uploaded files to the message that carries them. */
export async function linkAttachments(db: DbOrTx, ids: readonly string[], messageId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('attachments').set({ message_id: messageId }).where('id', 'in', [...ids]).where('message_id', 'is', null).execute();
}

export function toMessageAttachment(row: Pick<AttachmentRow, 'id' | 'filename' | 'content_type' | 'size' | 'image'>): MessageAttachment {
  return { id: row.id, filename: row.filename, contentType: row.content_type, size: Number(row.size), image: Boolean(row.image) };
}
