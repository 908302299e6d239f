import type { ConversationState } from '../../../shared/protocol';
import type { CoreContext } from '../context';
import type { TicketRow } from '../db/schema';
import { AppError } from '../errors';
import { announceTicketChange, transition } from './ticket-lifecycle';
import { findTicket, setTicketFields } from './ticket.repository';
import { eraseConversation, eraseTicketFiles, eraseTicketTrail } from './ticket-erasure.repository';
import { changeConversationMode } from '../messages/conversation-mode';
import { findConversation } from '../messages/message.repository';
import type { Work } from '../work';

/** What replaces every erased text. */
export const ERASED = '[erased at the customer\u2019s request]';
/** The subject a withdrawn ticket keeps. */
export const WITHDRAWN_SUBJECT = 'Withdrawn request';
/** How the customer is named after erasure (in messages and the audit trail). */
export const ERASED_CUSTOMER_NAME = 'Customer';
/** Audit events whose reason Frontdesk writes itself (the routing explanation); every other reason is erased. */
const SYSTEM_REASON_EVENTS = new Set(['created']);

export interface WithdrawResult {
  ticket: TicketRow;
  /** The storage keys of the attachments whose rows were deleted. */
  removedAttachments: string[];
}

/**
 * The customer withdraws (deletes) a request: it leaves their view and its personal content is erased, while
 * the agents keep the record that it existed and how it was handled. Precisely (README, "Deleting a request"):
 *
 * - kept: number, channel, category, urgency, impact and priority, centre, assignee, every timestamp and SLA
 *   field, the status history and audit events (who: agents by name, the customer as "Customer"; what; when);
 * - erased: subject (→ "Withdrawn request"), description, urgency and impact reasons, every message body of its
 *   conversation (customer, agent, Kai, system, internal notes too: they may quote the customer) and their
 *   quoted text and cards, the customer's name on messages and events, requester name, email and time zone,
 *   the link to the visitor, Kai's handoff packet, free-text reasons of audit events (all but the system's
 *   routing explanation on `created`), remote-session notes, the ticket's mail (unsent mail deleted, sent mail's
 *   address, subject and body erased, its Message-IDs forgotten), and attachments (rows, and files through
 *   `removeFiles`);
 * - the ticket becomes `closed` with `withdrawn_at` set and an audit event `withdrawn`; its chat, if any, is
 *   closed, so the messenger starts afresh and Kai never reads the erased text.
 *
 * Idempotent: withdrawing a withdrawn ticket changes nothing. The caller removes the returned attachments' files
 * after the commit.
 */
export async function withdrawTicket(ctx: CoreContext, work: Work, ticketId: string): Promise<WithdrawResult> {
  const now = ctx.now();
  const at = now.toISOString();
  const tx = work.tx;
  const ticket = await findTicket(tx, ticketId);
  if (!ticket) throw new AppError('not_found', 'No such request');
  if (ticket.withdrawn_at) return { ticket, removedAttachments: [] };
  const conversation = ticket.conversation_id ? await findConversation(tx, ticket.conversation_id) : undefined;
  if (conversation) {
    await eraseConversation(tx, conversation.id, { erased: ERASED, customerName: ERASED_CUSTOMER_NAME });
    await changeConversationMode(tx, conversation, 'closed', now);
  }
  await eraseTicketTrail(tx, ticket.id, { erased: ERASED, customerName: ERASED_CUSTOMER_NAME, keepReasonsOf: SYSTEM_REASON_EVENTS });
  const removedAttachments = await eraseTicketFiles(tx, ticket.id, ERASED);

  // Through the state machine's withdrawal move: status `closed`, the clocks stopped, audited as `withdrawn`.
  const closed = await transition(ctx, work, ticket, {
    to: 'closed',
    actor: { kind: 'customer', id: null, name: ERASED_CUSTOMER_NAME },
    reason: 'The customer deleted the request; its personal content is erased',
    withdrawal: true,
  });
  const erased = {
    subject: WITHDRAWN_SUBJECT,
    description: ERASED,
    urgency_reason: ticket.urgency_reason === null ? null : ERASED,
    impact_reason: ticket.impact_reason === null ? null : ERASED,
    requester_name: null,
    requester_email: null,
    requester_time_zone: null,
    visitor_id: null,
    handoff: null,
    withdrawn_at: at,
    updated_at: at,
  };
  await setTicketFields(tx, ticket.id, erased);
  const updated = { ...closed, ...erased };
  await announceTicketChange(ctx, work, ticket, updated);
  if (conversation?.visitor_id) {
    // The visitor's messenger shows the chat as closed; its next message starts a new conversation with Kai.
    const state: ConversationState = { id: conversation.id, mode: 'closed', ticket: null, lastSeq: Number(conversation.last_seq) };
    work.raise('conversation.updated', { conversationId: conversation.id, visitorId: conversation.visitor_id, state });
  }
  return { ticket: updated, removedAttachments };
}
