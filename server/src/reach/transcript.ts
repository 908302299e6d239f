/**
 * A ticket's conversation as plain text: for agents (download, print) and for the customer ("Email me this
 * conversation"). Never internal notes; the files of each message are named, so the reader knows they exist.
 */
import type { DbOrTx } from '../db/database';
import type { TicketRow } from '../db/schema';
import { listMessages } from '../messages/message.repository';

/** Longest transcript mailed or downloaded (messages); a longer conversation says where it was cut. */
const MAX_MESSAGES = 1000;

export async function transcriptText(db: DbOrTx, ticket: TicketRow, siteName: string): Promise<string> {
  const messages = ticket.conversation_id ? await listMessages(db, ticket.conversation_id, { includeInternal: false, limit: MAX_MESSAGES }) : [];
  const files = await db.selectFrom('attachments').select(['message_id', 'filename']).where('ticket_id', '=', ticket.id).orderBy('created_at').execute();
  const filesOf = new Map<string, string[]>();
  for (const f of files) if (f.message_id) filesOf.set(f.message_id, [...(filesOf.get(f.message_id) ?? []), f.filename]);
  const lines = [`${siteName} support: request #${ticket.number}`, `Subject: ${ticket.subject}`, `Status: ${ticket.status}`, ''];
  for (const m of messages) {
    lines.push(`[${m.createdAt.replace('T', ' ').slice(0, 16)} UTC] ${m.author.name}:`);
    lines.push(m.body.trim());
    for (const name of filesOf.get(m.id) ?? []) lines.push(`(attached: ${name})`);
    lines.push('');
  }
  if (messages.length === MAX_MESSAGES) lines.push(`(Only the first ${MAX_MESSAGES} messages are shown.)`);
  return `${lines.join('\n')}\n`;
}
