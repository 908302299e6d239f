import type { ConversationState, Message, SendMessageInput } from '../../../shared/protocol';
import type { CoreContext } from '../context';
import type { ConversationRow, VisitorRow } from '../db/schema';
import { AppError } from '../errors';
import { appendMessage, createConversation, findConversation, findOpenConversationOfVisitor, listMessages, setConversationMode } from '../messages/message.repository';
import { findVisitor } from '../sites/visitor.repository';
import { recordCustomerReply } from '../tickets/customer-reply';
import { announceUpdated } from '../tickets/ticket-lifecycle';
import { findTicket, findTicketByConversation, insertTicketEvent, updateTicket, type Actor } from '../tickets/ticket.repository';
import { announceState, conversationState, type ConversationContext } from './conversation-state';
import { handOff, KAI_AUTHOR } from './handoff';
import { enqueueKai, kaiTurnFor } from './kai-turn';

export { conversationState, type ConversationContext } from './conversation-state';

/** The visitor's current conversation, created on their first message. */
async function ensureConversation(ctx: CoreContext, visitor: VisitorRow): Promise<ConversationRow> {
  const open = await findOpenConversationOfVisitor(ctx.db, visitor.id);
  if (open) return open;
  return createConversation(ctx.db, { siteId: visitor.site_id, visitorId: visitor.id, mode: 'ai', now: ctx.now() });
}

export async function syncConversation(ctx: CoreContext, visitor: VisitorRow, afterSeq: number): Promise<{ state: ConversationState; messages: Message[] }> {
  const conversation = await findOpenConversationOfVisitor(ctx.db, visitor.id);
  const state = await conversationState(ctx, conversation, visitor.time_zone);
  const messages = conversation ? await listMessages(ctx.db, conversation.id, { afterSeq, includeInternal: false }) : [];
  return { state, messages };
}

/**
 * A visitor's message: stored with its client id (a retry returns the stored one), acknowledged by the
 * caller, then answered by Kai while Kai is in charge, or passed to the ticket's agents after a handoff.
 */
export async function sendVisitorMessage(
  ctx: ConversationContext,
  visitor: VisitorRow,
  input: SendMessageInput,
): Promise<{ message: Message; duplicate: boolean; kaiTurn: Promise<void> | null }> {
  const conversation = await ensureConversation(ctx, visitor);
  const now = ctx.now();
  const author = { kind: 'customer' as const, name: visitor.name ?? 'Visitor', id: visitor.id };
  const { message, duplicate, ticket } = await ctx.db.transaction().execute(async (tx) => {
    const appended = await appendMessage(tx, { conversationId: conversation.id, clientId: input.clientId, author, body: input.body, now });
    let ticket = await findTicketByConversation(tx, conversation.id);
    if (!appended.duplicate && ticket && conversation.mode !== 'ai') {
      ticket = await recordCustomerReply(ctx, tx, ticket, { kind: 'customer', id: visitor.id, name: author.name });
    }
    return { ...appended, ticket };
  });
  if (duplicate) return { message, duplicate, kaiTurn: null };
  ctx.events.emit('message.created', { message, visitorId: visitor.id, ticketId: ticket && ticket.status !== 'closed' ? ticket.id : null });
  let kaiTurn: Promise<void> | null = null;
  if (ticket?.status === 'closed' && conversation.mode !== 'ai') {
    // A message after the ticket was closed starts a follow-up ticket linked to it.
    kaiTurn = enqueueKai(ctx, conversation.id, () => handOff(ctx, visitor, conversation.id, { reason: 'visitor_request', followUpOf: ticket.id, afterSeq: message.seq - 1 }));
  } else if (ticket) {
    announceUpdated(ctx, ticket);
  }
  if (conversation.mode === 'ai') kaiTurn = enqueueKai(ctx, conversation.id, () => kaiTurnFor(ctx, visitor, conversation.id, message));
  return { message, duplicate, kaiTurn };
}

/** `Talk to a person`: hands the visitor's conversation to the team (idempotent). */
export async function escalateConversation(ctx: ConversationContext, visitor: VisitorRow): Promise<ConversationState> {
  const conversation = await ensureConversation(ctx, visitor);
  // Wait for any Kai turn in flight so its answer lands before the handoff notice.
  await enqueueKai(ctx, conversation.id, async () => {
    const current = await findConversation(ctx.db, conversation.id);
    if (current?.mode === 'ai') await handOff(ctx, visitor, conversation.id, { reason: 'button' });
  });
  return conversationState(ctx, await findConversation(ctx.db, conversation.id), visitor.time_zone);
}

/**
 * An agent hands a chat back to Kai: Kai answers again from the next visitor message, and may hand off again.
 * The ticket stays as it is; the move is audited.
 */
export async function handBackToKai(ctx: ConversationContext, ticketId: string, actor: Actor, reason: string | null): Promise<void> {
  const ticket = await findTicket(ctx.db, ticketId);
  if (!ticket) throw new AppError('not_found', 'No such ticket');
  const conversation = ticket.conversation_id ? await findConversation(ctx.db, ticket.conversation_id) : undefined;
  if (!conversation || ticket.channel !== 'chat' || !conversation.visitor_id) throw new AppError('conflict', 'Only a chat can be handed back to Kai');
  if (conversation.mode === 'ai') return;
  if (conversation.mode === 'closed') throw new AppError('conflict', 'This chat is closed');
  const now = ctx.now();
  const message = await ctx.db.transaction().execute(async (tx) => {
    await setConversationMode(tx, conversation.id, 'ai', now);
    await insertTicketEvent(tx, { ticketId, type: 'handed_back_to_ai', actor, reason, at: now });
    await updateTicket(tx, ticketId, { updated_at: now.toISOString() });
    const { message } = await appendMessage(tx, {
      conversationId: conversation.id,
      author: KAI_AUTHOR,
      body: `${actor.name} has handed this chat back to me. Ask me anything, or ask for a person again at any time.`,
      now,
    });
    return message;
  });
  ctx.events.emit('message.created', { message, visitorId: conversation.visitor_id, ticketId });
  const updated = await findTicket(ctx.db, ticketId);
  if (updated) announceUpdated(ctx, updated);
  const visitor = await findVisitor(ctx.db, conversation.visitor_id);
  if (visitor) await announceState(ctx, conversation.id, visitor);
}

/** Refuses access to a conversation that is not the visitor's own. */
export async function assertOwnConversation(ctx: CoreContext, visitor: VisitorRow, conversationId: string): Promise<ConversationRow> {
  const conversation = await findConversation(ctx.db, conversationId);
  if (!conversation || conversation.visitor_id !== visitor.id) throw new AppError('forbidden', 'Not your conversation');
  return conversation;
}
