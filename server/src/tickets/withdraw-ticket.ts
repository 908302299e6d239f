import type { ConversationState, TicketStatus } from '../../../shared/protocol';
import type { CoreContext } from '../context';
import type { TicketRow } from '../db/schema';
import { AppError } from '../errors';
import { announceUpdated } from './ticket-lifecycle';
import { clocksAfterStatus } from './sla-clock';
import { findTicket, insertTicketEvent, updateTicket } from './ticket.repository';

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
 * Idempotent: withdrawing a withdrawn ticket changes nothing. Files are removed after the commit.
 */
export async function withdrawTicket(
  ctx: CoreContext,
  props: { ticketId: string; /** Deletes attachment files by storage key (the attachment store), after the commit. */ removeFiles?: (storageKeys: string[]) => Promise<void> },
): Promise<WithdrawResult> {
  const now = ctx.now();
  const at = now.toISOString();
  const before = await findTicket(ctx.db, props.ticketId);
  if (!before) throw new AppError('not_found', 'No such request');
  if (before.withdrawn_at) return { ticket: before, removedAttachments: [] };

  const result = await ctx.db.transaction().execute(async (tx) => {
    const ticket = await findTicket(tx, props.ticketId);
    if (!ticket) throw new AppError('not_found', 'No such request');
    if (ticket.withdrawn_at) return { ticket, removedAttachments: [], conversation: null };

    const conversation = ticket.conversation_id
      ? await tx.selectFrom('conversations').select(['id', 'visitor_id', 'last_seq']).where('id', '=', ticket.conversation_id).executeTakeFirst()
      : undefined;
    if (conversation) {
      await tx.updateTable('messages').set({ body: ERASED, quoted: null, card: null }).where('conversation_id', '=', conversation.id).execute();
      await tx
        .updateTable('messages')
        .set({ author_name: ERASED_CUSTOMER_NAME, author_id: null })
        .where('conversation_id', '=', conversation.id)
        .where('author_kind', '=', 'customer')
        .execute();
      await tx.updateTable('conversations').set({ mode: 'closed', updated_at: at }).where('id', '=', conversation.id).execute();
    }

    await tx.updateTable('ticket_events').set({ reason: null }).where('ticket_id', '=', ticket.id).where('type', 'not in', [...SYSTEM_REASON_EVENTS]).execute();
    await tx.updateTable('ticket_events').set({ actor_name: ERASED_CUSTOMER_NAME, actor_id: null }).where('ticket_id', '=', ticket.id).where('actor_kind', '=', 'customer').execute();

    const attachments = await tx.selectFrom('attachments').select('storage_key').where('ticket_id', '=', ticket.id).execute();
    await tx.deleteFrom('attachments').where('ticket_id', '=', ticket.id).execute();

    // The ticket's mail: nothing more goes out, and what went out keeps only that it was sent and when.
    await tx.deleteFrom('email_outbox').where('ticket_id', '=', ticket.id).where('status', '=', 'queued').execute();
    await tx.updateTable('email_outbox').set({ to_address: ERASED, subject: ERASED, text_body: ERASED, html_body: null, last_error: null }).where('ticket_id', '=', ticket.id).execute();
    await tx.deleteFrom('email_messages').where('ticket_id', '=', ticket.id).execute();
    await tx.updateTable('remote_sessions').set({ note: null }).where('ticket_id', '=', ticket.id).execute();

    const from = ticket.status as TicketStatus;
    const closed = { ...ticket, ...clocksAfterStatus(ctx.operations.get(), ticket, 'closed', now) };
    const updated = await updateTicket(tx, ticket.id, {
      subject: WITHDRAWN_SUBJECT,
      description: ERASED,
      urgency_reason: ticket.urgency_reason === null ? null : ERASED,
      impact_reason: ticket.impact_reason === null ? null : ERASED,
      requester_name: null,
      requester_email: null,
      requester_time_zone: null,
      visitor_id: null,
      handoff: null,
      status: 'closed',
      sla_paused_at: closed.sla_paused_at,
      sla_paused_minutes: closed.sla_paused_minutes,
      next_response_started_at: null,
      next_response_due_at: null,
      next_due_at: null,
      withdrawn_at: at,
      updated_at: at,
    });
    await insertTicketEvent(tx, {
      ticketId: ticket.id,
      type: 'withdrawn',
      actor: { kind: 'customer', id: null, name: ERASED_CUSTOMER_NAME },
      from,
      to: 'closed',
      reason: 'The customer deleted the request; its personal content is erased',
      at: now,
    });
    return { ticket: updated, removedAttachments: attachments.map((a) => a.storage_key), conversation: conversation ?? null };
  });

  if (props.removeFiles && result.removedAttachments.length > 0) {
    await props.removeFiles(result.removedAttachments).catch((err: unknown) => ctx.log.warn({ err, ticketId: props.ticketId }, 'removing attachment files failed'));
  }

  announceUpdated(ctx, result.ticket);
  const conversation = result.conversation;
  if (conversation?.visitor_id) {
    // The visitor's messenger shows the chat as closed; its next message starts a new conversation with Kai.
    const state: ConversationState = { id: conversation.id, mode: 'closed', ticket: null, lastSeq: Number(conversation.last_seq) };
    ctx.events.emit('conversation.updated', { conversationId: conversation.id, visitorId: conversation.visitor_id, state });
  }
  return { ticket: result.ticket, removedAttachments: result.removedAttachments };
}
