import type { Message, MessageCard } from '../../../shared/protocol';
import type { CoreContext } from '../context';
import type { Tx } from '../db/database';
import type { AgentRow, TicketRow } from '../db/schema';
import { AppError } from '../errors';
import { appendMessage, setConversationMode } from '../messages/message.repository';
import { announceUpdated, transition } from './ticket-lifecycle';
import { nextDueAt } from './sla-clock';
import { findTicket, updateTicket } from './ticket.repository';

/**
 * An agent's public reply or internal note on a ticket. A public reply is the first response (stops that
 * clock), opens a new ticket, and puts a person in charge of the chat so Kai stays silent.
 * Internal notes change nothing the customer can see.
 */
export async function addAgentMessage(
  ctx: CoreContext,
  props: {
    ticketId: string;
    agent: Pick<AgentRow, 'id' | 'name'>;
    body: string;
    internal: boolean;
    clientId?: string | undefined;
    /** A card shown with the message (a remote-session invitation); the body still carries its text for email and transcripts. */
    card?: MessageCard | null;
    /** More work in the same transaction once a new message is stored (e.g. the remote-session row and its audit event). */
    within?: (tx: Tx, ticket: TicketRow, message: Message) => Promise<void>;
  },
): Promise<{ message: Message; ticket: TicketRow; duplicate: boolean }> {
  const now = ctx.now();
  const result = await ctx.db.transaction().execute(async (tx) => {
    let ticket = await findTicket(tx, props.ticketId);
    if (!ticket) throw new AppError('not_found', 'No such ticket');
    if (!ticket.conversation_id) throw new AppError('conflict', 'This ticket has no conversation to reply in');
    // Nobody is there to read it, and nothing new may be written into an erased request.
    if (ticket.withdrawn_at) throw new AppError('conflict', 'The customer withdrew this request; it takes no more messages');
    const { message, duplicate } = await appendMessage(tx, {
      conversationId: ticket.conversation_id,
      clientId: props.clientId ?? null,
      author: { kind: 'agent', name: props.agent.name, id: props.agent.id },
      body: props.body,
      internal: props.internal,
      card: props.card ?? null,
      now,
    });
    if (!duplicate && props.within) await props.within(tx, ticket, message);
    if (duplicate || props.internal) return { message, ticket, duplicate };
    const actor = { kind: 'agent' as const, id: props.agent.id, name: props.agent.name };
    if (ticket.status === 'new') ticket = await transition(ctx, tx, { ticketId: ticket.id, to: 'open', actor, reason: 'Agent replied' });
    // A public reply meets the first-response clock (once) and ends any next-response clock.
    const next = { ...ticket, first_responded_at: ticket.first_responded_at ?? now.toISOString(), next_response_started_at: null, next_response_due_at: null };
    ticket = await updateTicket(tx, ticket.id, {
      first_responded_at: next.first_responded_at,
      next_response_started_at: null,
      next_response_due_at: null,
      next_due_at: nextDueAt(next),
      updated_at: now.toISOString(),
    });
    await setConversationMode(tx, ticket.conversation_id!, 'human', now);
    return { message, ticket, duplicate };
  });
  if (!result.duplicate) {
    ctx.events.emit('message.created', { message: result.message, visitorId: result.ticket.visitor_id, ticketId: result.ticket.id });
    announceUpdated(ctx, result.ticket);
  }
  return result;
}
