import type { TicketDetail } from '../../../shared/protocol';
import { listAttachments } from '../attachments/attachment.repository';
import type { DbOrTx } from '../db/database';
import { AppError } from '../errors';
import { findConversation, listMessages } from '../messages/message.repository';
import { customerKeys, findPreferredTool } from './remote-session.repository';
import { toTicketDetail } from './ticket.presenter';
import { findTicket, listTicketEvents } from './ticket.repository';

/** One ticket as an agent sees it: its fields, every message (notes too), the audit trail, files, preferred tool. */
export async function readTicketDetail(db: DbOrTx, id: string): Promise<TicketDetail> {
  const row = await findTicket(db, id);
  if (!row) throw new AppError('not_found', 'No such ticket');
  const messages = row.conversation_id ? await listMessages(db, row.conversation_id, { includeInternal: true, limit: 5000 }) : [];
  const conversation = row.conversation_id ? await findConversation(db, row.conversation_id) : undefined;
  const preferredTool = await findPreferredTool(db, customerKeys(row));
  // A chat upload not yet sent with a message is its uploader's draft, not part of the ticket yet.
  const attachments = (await listAttachments(db, row.id)).filter((a) => a.message_id !== null || a.uploaded_by === null);
  return toTicketDetail(row, messages, await listTicketEvents(db, row.id), conversation?.mode ?? null, preferredTool, attachments);
}
