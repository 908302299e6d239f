import { randomUUID } from 'node:crypto';
import type { Author, ConversationMode, Message, MessageAttachment, MessageCard, Source } from '../../../shared/protocol';
import { linkAttachments } from '../attachments/attachment.repository';
import type { DbOrTx, Tx } from '../db/database';
import { readAttachments, readCard, readSources } from '../db/json-columns';
import { prepared } from '../db/prepared';
import type { ConversationRow, MessageRow, TicketRow } from '../db/schema';

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    clientId: row.client_id,
    author: { kind: row.author_kind, name: row.author_name },
    body: row.body,
    internal: Boolean(row.internal),
    sources: readSources(row.sources),
    createdAt: row.created_at,
    ...(row.quoted ? { quoted: row.quoted } : {}),
    ...(row.card ? { card: readCard(row.card) } : {}),
    ...(row.attachments ? { attachments: readAttachments(row.attachments) } : {}),
  };
}

export async function createConversation(
  db: DbOrTx,
  props: { siteId: string; visitorId: string | null; mode: ConversationMode; now: Date },
): Promise<ConversationRow> {
  const row: ConversationRow = {
    id: randomUUID(),
    site_id: props.siteId,
    visitor_id: props.visitorId,
    mode: props.mode,
    last_seq: 0,
    offered_handoff: 0,
    created_at: props.now.toISOString(),
    updated_at: props.now.toISOString(),
  };
  await db.insertInto('conversations').values(row).execute();
  return row;
}

export async function findConversation(db: DbOrTx, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

const openConversationOfVisitor = prepared(
  (db, p: { visitorId: string }) =>
    db.selectFrom('conversations').selectAll().where('visitor_id', '=', p.visitorId).where('mode', '!=', 'closed').orderBy('created_at', 'desc').limit(1),
);

/** The visitor's current conversation: the newest one that is not closed. Every visitor message reads it. */
export async function findOpenConversationOfVisitor(db: DbOrTx, visitorId: string): Promise<ConversationRow | undefined> {
  return (await openConversationOfVisitor(db, { visitorId })).rows[0];
}

const openConversationWithTicket = prepared((db, p: { visitorId: string }) =>
  db
    .selectFrom('conversations')
    .leftJoin('tickets', 'tickets.conversation_id', 'conversations.id')
    .selectAll('tickets')
    .select([
      'conversations.id as c_id',
      'conversations.site_id as c_site_id',
      'conversations.visitor_id as c_visitor_id',
      'conversations.mode as c_mode',
      'conversations.last_seq as c_last_seq',
      'conversations.offered_handoff as c_offered_handoff',
      'conversations.created_at as c_created_at',
      'conversations.updated_at as c_updated_at',
    ])
    .where('conversations.visitor_id', '=', p.visitorId)
    .where('conversations.mode', '!=', 'closed')
    // The newest open conversation, then its newest ticket (a follow-up replaces a closed one).
    .orderBy('conversations.created_at', 'desc')
    .orderBy('tickets.created_at', 'desc')
    .limit(1),
);

/**
 * The visitor's current conversation (as `findOpenConversationOfVisitor`) with its newest ticket (as
 * `findTicketByConversation`), in one statement: every visitor message needs both.
 */
export async function findOpenConversationWithTicket(db: DbOrTx, visitorId: string): Promise<{ conversation: ConversationRow; ticket: TicketRow | undefined } | undefined> {
  const row = (await openConversationWithTicket(db, { visitorId })).rows[0];
  if (!row) return undefined;
  const { c_id, c_site_id, c_visitor_id, c_mode, c_last_seq, c_offered_handoff, c_created_at, c_updated_at, ...ticket } = row;
  const conversation: ConversationRow = {
    id: c_id,
    site_id: c_site_id,
    visitor_id: c_visitor_id,
    mode: c_mode,
    last_seq: c_last_seq,
    offered_handoff: c_offered_handoff,
    created_at: c_created_at,
    updated_at: c_updated_at,
  };
  // The left join leaves every ticket column null when there is no ticket; a ticket's id is never null, so with an
  // id the columns are a whole tickets row.
  return { conversation, ticket: ticket.id === null ? undefined : (ticket as TicketRow) };
}

export async function setConversationMode(db: DbOrTx, id: string, mode: ConversationMode, now: Date): Promise<void> {
  await db.updateTable('conversations').set({ mode, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function markHandoffOffered(db: DbOrTx, id: string): Promise<void> {
  await db.updateTable('conversations').set({ offered_handoff: 1 }).where('id', '=', id).execute();
}

export interface NewMessage {
  conversationId: string;
  clientId?: string | null;
  author: Author & { id?: string | null };
  body: string;
  internal?: boolean;
  sources?: Source[];
  /** An email reply's quoted history, kept apart from the new text. */
  quoted?: string | null;
  card?: MessageCard | null;
  /** Files uploaded beforehand (checked pending uploads of the sender); tied to the message here. */
  attachments?: MessageAttachment[];
  now: Date;
}

export async function findMessageByClientId(db: DbOrTx, conversationId: string, clientId: string): Promise<Message | undefined> {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row && toMessage(row);
}

const nextSeq = prepared(
  (db, p: { conversationId: string; at: string }) =>
    db
      .updateTable('conversations')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1), updated_at: p.at }))
      .where('id', '=', p.conversationId)
      .returning('last_seq'),
);

/** Inserts a message row; a repeated (conversation, client id) inserts nothing. */
const insertMessage = prepared(
  (db, row: MessageRow) =>
    db
      .insertInto('messages')
      .values(row)
      .onConflict((oc) => oc.columns(['conversation_id', 'client_id']).doNothing()),
);

/**
 * Appends a message with the conversation's next sequence number. Runs in the caller's transaction so the
 * counter and the row commit together; a repeated client id returns the stored message (`duplicate: true`).
 * The happy path is two statements: the counter, then the insert, which the UNIQUE (conversation, client id)
 * constraint turns into nothing for a retry; the counter is then put back, still inside the transaction (whose row
 * lock on the conversation keeps anyone else from numbering in between), so sequences have no gaps.
 */
export async function appendMessage(tx: Tx, input: NewMessage): Promise<{ message: Message; duplicate: boolean }> {
  const at = input.now.toISOString();
  const counted = (await nextSeq(tx, { conversationId: input.conversationId, at })).rows[0];
  if (!counted) throw new Error(`No conversation ${input.conversationId} to add a message to`);
  const { last_seq } = counted;
  const row: MessageRow = {
    id: randomUUID(),
    conversation_id: input.conversationId,
    seq: Number(last_seq),
    client_id: input.clientId ?? null,
    author_kind: input.author.kind,
    author_name: input.author.name,
    author_id: input.author.id ?? null,
    body: input.body,
    internal: input.internal ? 1 : 0,
    sources: JSON.stringify(input.sources ?? []),
    created_at: at,
    quoted: input.quoted ?? null,
    card: input.card ? JSON.stringify(input.card) : null,
    attachments: input.attachments?.length ? JSON.stringify(input.attachments) : null,
  };
  const inserted = await insertMessage(tx, row);
  if (input.clientId && Number(inserted.numAffectedRows ?? 0n) === 0) {
    await tx.updateTable('conversations').set((eb) => ({ last_seq: eb('last_seq', '-', 1) })).where('id', '=', input.conversationId).execute();
    const existing = await findMessageByClientId(tx, input.conversationId, input.clientId);
    if (!existing) throw new Error('a message with this client id conflicted but cannot be read');
    return { message: existing, duplicate: true };
  }
  const message: Message = {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientId: row.client_id,
    author: { kind: row.author_kind, name: row.author_name },
    body: row.body,
    internal: Boolean(row.internal),
    sources: input.sources ?? [],
    createdAt: at,
    ...(row.quoted ? { quoted: row.quoted } : {}),
    ...(input.card ? { card: input.card } : {}),
    ...(input.attachments?.length ? { attachments: input.attachments } : {}),
  };
  await linkAttachments(tx, (input.attachments ?? []).map((a) => a.id), row.id);
  return { message, duplicate: false };
}

/** Messages after a sequence number, in order. Visitors never get internal notes. */
export async function listMessages(
  db: DbOrTx,
  conversationId: string,
  opts: { afterSeq?: number; includeInternal: boolean; limit?: number },
): Promise<Message[]> {
  let q = db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', opts.afterSeq ?? 0)
    .orderBy('seq', 'asc')
    .limit(opts.limit ?? 1000);
  if (!opts.includeInternal) q = q.where('internal', '=', 0);
  return (await q.execute()).map(toMessage);
}

/**
 * Messages after the one with `messageId` not written by `exceptAgentId` (agents' view, notes included), in
 * order; null when that message is not in the conversation.
 */
export async function listOthersMessagesSince(db: DbOrTx, conversationId: string, messageId: string, exceptAgentId: string): Promise<Message[] | null> {
  const seen = await db.selectFrom('messages').select('seq').where('id', '=', messageId).where('conversation_id', '=', conversationId).executeTakeFirst();
  if (!seen) return null;
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', seen.seq)
    .where((eb) => eb.or([eb('author_id', 'is', null), eb('author_id', '!=', exceptAgentId)]))
    .orderBy('seq', 'asc')
    .limit(100)
    .execute();
  return rows.map(toMessage);
}
