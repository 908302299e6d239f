/**
 * A ticket's conversation as plain text: for agents (download, print) and for the customer ("Email me this
 * conversation"). Never internal notes; the files of each message are named, so the reader knows they exist.
 */
import { listAttachments } from '../attachments/attachment.repository';
import type { DbOrTx } from '../db/database';
import type { TicketRow } from '../db/schema';
import type { Language } from '../../../shared/language';
import { LOCALES, textsFor } from '../i18n';
import { listMessages } from '../messages/message.repository';

/** Longest transcript mailed or downloaded (messages); a longer conversation says where it was cut. */
const MAX_MESSAGES = 1000;

/** The transcript in `language` (the customer's, when mailed to them; English for agents), times in UTC. */
export async function transcriptText(db: DbOrTx, ticket: TicketRow, siteName: string, language: Language = 'en'): Promise<string> {
  const { mail } = textsFor(language);
  const when = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const messages = ticket.conversation_id ? await listMessages(db, ticket.conversation_id, { includeInternal: false, limit: MAX_MESSAGES }) : [];
  const files = await listAttachments(db, ticket.id);
  const filesOf = new Map<string, string[]>();
  for (const f of files) if (f.message_id) filesOf.set(f.message_id, [...(filesOf.get(f.message_id) ?? []), f.filename]);
  const lines = [mail.transcriptHeading(siteName, ticket.number), `${mail.subject}: ${ticket.subject}`, `${mail.status}: ${mail.statuses[ticket.status]}`, ''];
  for (const m of messages) {
    lines.push(`[${when.format(new Date(m.createdAt))} UTC] ${m.author.name}:`);
    lines.push(m.body.trim());
    for (const name of filesOf.get(m.id) ?? []) lines.push(mail.attached(name));
    lines.push('');
  }
  if (messages.length === MAX_MESSAGES) lines.push(mail.cut(MAX_MESSAGES));
  return `${lines.join('\n')}\n`;
}
