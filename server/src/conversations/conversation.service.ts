import type { ConversationState, Message, MessageAttachment, SendMessage } from '../../../shared/protocol';
import { uploadsToSend } from '../attachments/chat-upload';
import type { CoreContext } from '../context';
import type { Tx } from '../db/database';
import type { ConversationRow, TicketRow, VisitorRow } from '../db/schema';
import { AppError } from '../errors';
import { changeConversationMode } from '../messages/conversation-mode';
import { appendMessage, createConversation, findConversation, findOpenConversationOfVisitor, findOpenConversationWithTicket, listMessages } from '../messages/message.repository';
import { addCustomerMessage } from '../tickets/customer-message';
import { announceTicketChange } from '../tickets/ticket-lifecycle';
import { findTicket, insertTicketEvent, setTicketFields, type Actor } from '../tickets/ticket.repository';
import { inTransaction } from '../work';
import { conversationState, type ConversationContext } from './conversation-state';
import { handOff, KAI_AUTHOR, raiseVisitorState } from './handoff';
import { inKaiQueue, kaiTurnFor } from './kai-turn';

export { conversationState, type ConversationContext } from './conversation-state';

/** The visitor's current conversation, created (Kai answering) on their first message or request. */
async function ensureConversation(ctx: CoreContext, tx: Tx, visitor: VisitorRow): Promise<ConversationRow> {
  return (await findOpenConversationOfVisitor(tx, visitor.id)) ?? (await createConversation(tx, newConversationOf(ctx, visitor)));
}

/** A visitor's new conversation: Kai answers first. */
const newConversationOf = (ctx: CoreContext, visitor: VisitorRow) => ({ siteId: visitor.site_id, visitorId: visitor.id, mode: 'ai' as const, now: ctx.now() });

export async function syncConversation(ctx: CoreContext, visitor: VisitorRow, afterSeq: number): Promise<{ state: ConversationState; messages: Message[] }> {
  const conversation = await findOpenConversationOfVisitor(ctx.db, visitor.id);
  const state = await conversationState(ctx, ctx.db, conversation, visitor.time_zone);
  const messages = conversation ? await listMessages(ctx.db, conversation.id, { afterSeq, includeInternal: false }) : [];
  return { state, messages };
}

/**
 * A visitor's message: stored with its client id (a retry returns the stored one) in one transaction with what it
 * does to the ticket, acknowledged by the caller after the commit (the visitor's other tabs get it live; the
 * sending socket, `senderSocketId`, has it from its ack), then answered by Kai while Kai is in charge,
 * or passed to the ticket's agents after a handoff. `kaiTurn` settles when Kai is done (it never rejects: a
 * failed turn is logged).
 */
export async function sendVisitorMessage(
  ctx: ConversationContext,
  visitor: VisitorRow,
  input: SendMessage,
  senderSocketId?: string,
): Promise<{ message: Message; duplicate: boolean; kaiTurn: Promise<void> | null }> {
  const { conversation, message, duplicate, ticket } = await inTransaction(ctx, async (work) => {
    // One read for both (every message needs them); the first message creates the conversation, which has no ticket.
    const open = await findOpenConversationWithTicket(work.tx, visitor.id);
    const conversation = open?.conversation ?? (await createConversation(work.tx, newConversationOf(ctx, visitor)));
    const ticket = open?.ticket;
    const attachments = await visitorUploads(work.tx, visitor, conversation.id, ticket, input);
    const added = await addCustomerMessage(ctx, work, {
      attachments,
      conversationId: conversation.id,
      ticket,
      author: { kind: 'customer', name: visitor.name ?? 'Visitor', id: visitor.id },
      body: input.body,
      clientId: input.clientId,
      visitorId: visitor.id,
      ...(senderSocketId ? { senderSocketId } : {}),
      countsForTicket: conversation.mode !== 'ai',
    });
    return { conversation, ...added };
  });
  if (duplicate) return { message, duplicate, kaiTurn: null };
  let kaiTurn: Promise<void> | null = null;
  if (ticket?.status === 'closed' && conversation.mode !== 'ai') {
    // A message after the ticket was closed starts a follow-up ticket linked to it.
    kaiTurn = inKaiQueue(ctx, conversation.id, () => handOff(ctx, visitor, conversation.id, { reason: 'visitor_request', followUpOf: ticket.id, afterSeq: message.seq - 1 }));
  } else if (conversation.mode === 'ai') {
    kaiTurn = inKaiQueue(ctx, conversation.id, () => kaiTurnFor(ctx, visitor, conversation.id, message));
  }
  return { message, duplicate, kaiTurn: kaiTurn?.catch(() => undefined) ?? null };
}

/** The files a visitor's message carries: their own uploads on the conversation's ticket (none before a handoff). */
async function visitorUploads(tx: Tx, visitor: VisitorRow, conversationId: string, ticket: TicketRow | undefined, input: SendMessage): Promise<MessageAttachment[]> {
  if (input.attachmentIds.length === 0) return [];
  if (!ticket) throw new AppError('conflict', 'Files can be sent once a person has the conversation');
  return uploadsToSend(tx, { ticketId: ticket.id, uploadedBy: `visitor:${visitor.id}`, ids: input.attachmentIds, conversationId, clientId: input.clientId });
}

/**
 * `Talk to a person`: hands the visitor's conversation to the team (idempotent). A failure reaches the caller (the
 * visitor's ack), so the messenger can say so instead of seeming to do nothing.
 */
export async function escalateConversation(ctx: ConversationContext, visitor: VisitorRow): Promise<ConversationState> {
  const conversation = await inTransaction(ctx, (work) => ensureConversation(ctx, work.tx, visitor));
  // After any Kai turn in flight, so its answer lands before the handoff notice.
  await inKaiQueue(ctx, conversation.id, async () => {
    const current = await findConversation(ctx.db, conversation.id);
    if (current?.mode === 'ai') await handOff(ctx, visitor, conversation.id, { reason: 'button' });
  });
  return conversationState(ctx, ctx.db, await findConversation(ctx.db, conversation.id), visitor.time_zone);
}

/**
 * An agent hands a chat back to Kai: Kai answers again from the next visitor message, and may hand off again.
 * The ticket stays as it is; the move is audited. One transaction; the visitor hears of it once.
 */
export async function handBackToKai(ctx: ConversationContext, ticketId: string, actor: Actor, reason: string | null): Promise<void> {
  await inTransaction(ctx, async (work) => {
    const ticket = await findTicket(work.tx, ticketId);
    if (!ticket) throw new AppError('not_found', 'No such ticket');
    const conversation = ticket.conversation_id ? await findConversation(work.tx, ticket.conversation_id) : undefined;
    if (!conversation || ticket.channel !== 'chat' || !conversation.visitor_id) throw new AppError('conflict', 'Only a chat can be handed back to Kai');
    if (conversation.mode === 'ai') return;
    if (conversation.mode === 'closed') throw new AppError('conflict', 'This chat is closed');
    const now = ctx.now();
    await changeConversationMode(work.tx, conversation, 'ai', now);
    await insertTicketEvent(work.tx, { ticketId, type: 'handed_back_to_ai', actor, reason, at: now });
    const after = { ...ticket, updated_at: now.toISOString() };
    await setTicketFields(work.tx, ticketId, { updated_at: after.updated_at });
    const { message } = await appendMessage(work.tx, {
      conversationId: conversation.id,
      author: KAI_AUTHOR,
      body: `${actor.name} has handed this chat back to me. Ask me anything, or ask for a person again at any time.`,
      now,
    });
    work.raise('message.created', { message, visitorId: conversation.visitor_id, ticketId });
    await announceTicketChange(ctx, work, ticket, after, { modeChanged: true });
    await raiseVisitorState(ctx, work, conversation.id, { id: conversation.visitor_id, time_zone: ticket.requester_time_zone });
  });
}
