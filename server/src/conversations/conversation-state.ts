import type { ConversationMode, ConversationState, VisitorTicket } from '../../../shared/protocol';
import type { Level } from '../../../shared/priority';
import type { KaiEngine } from '../ai/engine';
import type { CoreContext } from '../context';
import type { ConversationRow, TicketRow, VisitorRow } from '../db/schema';
import { findConversation } from '../messages/message.repository';
import { describePromise } from '../tickets/promise';
import { findTicketByConversation } from '../tickets/ticket.repository';

/** What conversation commands need beyond the core: Kai. */
export interface ConversationContext extends CoreContext {
  kai: KaiEngine;
}

export function visitorTicket(ctx: CoreContext, ticket: TicketRow, timeZone: string | null, language?: string | null): VisitorTicket {
  const now = ctx.now();
  return {
    id: ticket.id,
    number: Number(ticket.number),
    status: ticket.status as VisitorTicket['status'],
    priority: ticket.priority as Level,
    promise: describePromise(ctx.operations.get(), ticket, timeZone, now, language),
    firstResponseDueAt: ticket.first_response_due_at,
  };
}

/** What the messenger shows about a conversation: who answers and the ticket, if any. */
export async function conversationState(ctx: CoreContext, conversation: ConversationRow | undefined, timeZone: string | null): Promise<ConversationState> {
  if (!conversation) return { id: null, mode: 'ai', ticket: null, lastSeq: 0 };
  const ticket = await findTicketByConversation(ctx.db, conversation.id);
  return {
    id: conversation.id,
    mode: conversation.mode as ConversationMode,
    ticket: ticket ? visitorTicket(ctx, ticket, timeZone) : null,
    lastSeq: Number(conversation.last_seq),
  };
}

/** Announces a conversation's state to the visitor's tabs. */
export async function announceState(ctx: CoreContext, conversationId: string, visitor: Pick<VisitorRow, 'id' | 'time_zone'>): Promise<ConversationState> {
  const state = await conversationState(ctx, await findConversation(ctx.db, conversationId), visitor.time_zone);
  ctx.events.emit('conversation.updated', { conversationId, visitorId: visitor.id, state });
  return state;
}
