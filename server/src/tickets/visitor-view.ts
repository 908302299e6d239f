import type { ConversationMode, ConversationState, VisitorTicket } from '../../../shared/protocol';
import type { ConversationRow, TicketRow } from '../db/schema';
import type { Operations } from '../operations/operations';
import { describePromise } from './promise';

/** The ticket as the visitor's messenger shows it: number, status, priority and the promise of a reply. */
export function visitorTicket(ops: Operations, ticket: TicketRow, timeZone: string | null, now: Date, language?: string | null): VisitorTicket {
  return {
    id: ticket.id,
    number: Number(ticket.number),
    status: ticket.status,
    priority: ticket.priority,
    promise: describePromise(ops, ticket, timeZone, now, language),
    firstResponseDueAt: ticket.first_response_due_at,
  };
}

/** What the messenger shows about a conversation: who answers, the ticket if any, and the last sequence number. */
export function conversationStateOf(
  ops: Operations,
  conversation: Pick<ConversationRow, 'id' | 'mode' | 'last_seq'> | undefined,
  ticket: TicketRow | undefined,
  timeZone: string | null,
  now: Date,
): ConversationState {
  if (!conversation) return { id: null, mode: 'ai', ticket: null, lastSeq: 0 };
  return {
    id: conversation.id,
    mode: conversation.mode as ConversationMode,
    ticket: ticket ? visitorTicket(ops, ticket, timeZone, now) : null,
    lastSeq: Number(conversation.last_seq),
  };
}

/** Whether a change to a ticket changes what its visitor sees (the fields `visitorTicket` reads). */
export function visitorSeesChange(before: TicketRow | undefined, after: TicketRow): boolean {
  if (!before) return true;
  return (
    before.status !== after.status ||
    before.priority !== after.priority ||
    before.centre !== after.centre ||
    before.support_plan !== after.support_plan ||
    before.first_response_due_at !== after.first_response_due_at ||
    before.first_responded_at !== after.first_responded_at
  );
}
