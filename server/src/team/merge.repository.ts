import type { DbOrTx } from '../db/database';

/** The merged ticket's email thread and files now belong to the survivor: replies to any of its Message-IDs land there. */
export async function moveThread(db: DbOrTx, fromId: string, intoId: string): Promise<void> {
  await db.updateTable('email_messages').set({ ticket_id: intoId }).where('ticket_id', '=', fromId).execute();
  await db.updateTable('attachments').set({ ticket_id: intoId }).where('ticket_id', '=', fromId).execute();
}

