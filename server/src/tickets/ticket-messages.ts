import type { Message, MessageCard } from '../../../shared/protocol';
import { uploadsToSend } from '../attachments/chat-upload';
import type { CoreContext } from '../context';
import type { AgentRow, TicketRow } from '../db/schema';
import { AppError } from '../errors';
import { changeConversationMode } from '../messages/conversation-mode';
import { appendMessage, findConversation } from '../messages/message.repository';
import type { Work } from '../work';
import { announceTicketChange, transition } from './ticket-lifecycle';
import { nextDueAt } from './sla-clock';
import { findTicket, setTicketFields } from './ticket.repository';

export interface AgentMessage {
  ticketId: string;
  agent: Pick<AgentRow, 'id' | 'name'>;
  body: string;
  internal: boolean;
  clientId?: string | undefined;
  /** A card shown with the message (a remote-session invitation); the body still carries its text for email and transcripts. */
  card?: MessageCard | null;
  /** Ids of files this agent uploaded to the ticket beforehand. */
  attachmentIds?: readonly string[];
}

/**
 * An agent's public reply or internal note on a ticket, in the caller's transaction. A public reply is the first
 * response (stops that clock), opens a new ticket, ends any next-response clock, and puts a person in charge of the
 * chat so Kai stays silent. Internal notes change nothing the customer can see.
 */
export async function addAgentMessage(ctx: CoreContext, work: Work, props: AgentMessage): Promise<{ message: Message; ticket: TicketRow; duplicate: boolean }> {
  const now = ctx.now();
  const before = await findTicket(work.tx, props.ticketId);
  if (!before) throw new AppError('not_found', 'No such ticket');
  if (!before.conversation_id) throw new AppError('conflict', 'This ticket has no conversation to reply in');
  // Nobody is there to read it, and nothing new may be written into an erased request.
  if (before.withdrawn_at) throw new AppError('conflict', 'The customer withdrew this request; it takes no more messages');
  const attachments = await uploadsToSend(work.tx, {
    ticketId: before.id,
    uploadedBy: `agent:${props.agent.id}`,
    ids: props.attachmentIds ?? [],
    conversationId: before.conversation_id,
    clientId: props.clientId,
  });
  const { message, duplicate } = await appendMessage(work.tx, {
    attachments,
    conversationId: before.conversation_id,
    clientId: props.clientId ?? null,
    author: { kind: 'agent', name: props.agent.name, id: props.agent.id },
    body: props.body,
    internal: props.internal,
    card: props.card ?? null,
    now,
  });
  if (duplicate) return { message, ticket: before, duplicate };
  // Internal notes go to the agents watching the ticket only; the visitor's room never gets them.
  work.raise('message.created', { message, visitorId: props.internal ? null : before.visitor_id, ticketId: before.id });
  if (props.internal) return { message, ticket: before, duplicate };

  const actor = { kind: 'agent' as const, id: props.agent.id, name: props.agent.name };
  let ticket = before.status === 'new' ? await transition(ctx, work, before, { to: 'open', actor, reason: 'Agent replied' }) : before;
  // A public reply meets the first-response clock (once) and ends any next-response clock.
  const answered = { ...ticket, first_responded_at: ticket.first_responded_at ?? now.toISOString(), next_response_started_at: null, next_response_due_at: null };
  const changes = {
    first_responded_at: answered.first_responded_at,
    next_response_started_at: null,
    next_response_due_at: null,
    next_due_at: nextDueAt(answered),
    updated_at: now.toISOString(),
  };
  await setTicketFields(work.tx, ticket.id, changes);
  ticket = { ...ticket, ...changes };
  const conversation = await findConversation(work.tx, before.conversation_id);
  if (conversation && conversation.mode !== 'closed') await changeConversationMode(work.tx, conversation, 'human', now);
  await announceTicketChange(ctx, work, before, ticket);
  return { message, ticket, duplicate };
}
