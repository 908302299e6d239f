import type { Tx } from '../db/database';

/** The SQL of a withdrawal's erasure (see `withdraw-ticket.ts` for what is kept and what is erased). */

/** Every message of a conversation loses its text, quoted history and card; the customer's name goes too. */
export async function eraseConversation(tx: Tx, conversationId: string, words: { erased: string; customerName: string }): Promise<void> {
  await tx.updateTable('messages').set({ body: words.erased, quoted: null, card: null, attachments: null }).where('conversation_id', '=', conversationId).execute();
  await tx
    .updateTable('messages')
    .set({ author_name: words.customerName, author_id: null })
    .where('conversation_id', '=', conversationId)
    .where('author_kind', '=', 'customer')
    .execute();
}

/** The audit trail keeps what happened and when; free-text reasons (but the system's own) and the customer's name go. */
export async function eraseTicketTrail(tx: Tx, ticketId: string, words: { erased: string; customerName: string; keepReasonsOf: ReadonlySet<string> }): Promise<void> {
  await tx.updateTable('ticket_events').set({ reason: null }).where('ticket_id', '=', ticketId).where('type', 'not in', [...words.keepReasonsOf]).execute();
  await tx.updateTable('ticket_events').set({ actor_name: words.customerName, actor_id: null }).where('ticket_id', '=', ticketId).where('actor_kind', '=', 'customer').execute();
}

/**
 * The ticket's attachments (rows; returns the storage keys whose files the caller removes after the commit), its
 * mail (nothing more goes out; what went out keeps only that it was sent and when) and remote-session notes.
 */
export async function eraseTicketFiles(tx: Tx, ticketId: string, erased: string): Promise<string[]> {
  const attachments = await tx.selectFrom('attachments').select('storage_key').where('ticket_id', '=', ticketId).execute();
  await tx.deleteFrom('attachments').where('ticket_id', '=', ticketId).execute();
  await tx.deleteFrom('email_outbox').where('ticket_id', '=', ticketId).where('status', '=', 'queued').execute();
  await tx.updateTable('email_outbox').set({ to_address: erased, subject: erased, text_body: erased, html_body: null, last_error: null }).where('ticket_id', '=', ticketId).execute();
  await tx.deleteFrom('email_messages').where('ticket_id', '=', ticketId).execute();
  await tx.updateTable('remote_sessions').set({ note: null }).where('ticket_id', '=', ticketId).execute();
  return attachments.map((a) => a.storage_key);
}
