import type { Channel, Message, TicketStatus } from '../../../../shared/protocol';
import type { CustomerRequestBody } from '../../../../shared/api';
import { findLanguage } from '../../../../shared/language';
import type { CustomerIdentity, CustomerMessage, CustomerRequest, CustomerRequestDetail } from '../../../../shared/self-service';
import type { KaiEngine } from '../../ai/engine';
import type { CoreContext } from '../../context';
import type { DbOrTx } from '../../db/database';
import type { TicketRow, VisitorRow } from '../../db/schema';
import { AppError } from '../../errors';
import { appendMessage, createConversation, findOpenConversationOfVisitor, listMessages } from '../../messages/message.repository';
import { assessmentOf, createTicket } from '../../tickets/create-ticket';
import { describePromise } from '../../tickets/promise';
import { announceTicketChange, transition } from '../../tickets/ticket-lifecycle';
import { addCustomerMessage, customerWaitsAgain } from '../../tickets/customer-message';
import { inTransaction } from '../../work';
import { findTicket, type Actor } from '../../tickets/ticket.repository';
import { findFollowUpByClientId } from './customer.repository';
import { combineStatedUrgency } from './stated-urgency';
import { ownedTickets, portalOwner, visitorOwner } from '../../sites/ownership';

/**
 * Who is asking, for the self-service routes: the messenger's visitor (visitor token) or a portal customer
 * (an email proven by a one-time link, on one site).
 */
export type Customer = { kind: 'visitor'; visitor: VisitorRow } | { kind: 'portal'; siteId: string; email: string };


export function customerIdentity(c: Customer): CustomerIdentity {
  return c.kind === 'portal'
    ? { kind: 'portal', email: c.email, verified: true }
    : // `verified` speaks of the email: true only when the site's signed JWT carried it.
      { kind: 'visitor', email: c.visitor.email ?? c.visitor.claimed_email, verified: Boolean(c.visitor.verified && c.visitor.email) };
}

/** The customer's own tickets: the one ownership rule (`sites/ownership.ts`). */
function ownerOf(c: Customer) {
  return c.kind === 'visitor' ? visitorOwner(c.visitor) : portalOwner(c.siteId, c.email);
}

function ownTickets(db: DbOrTx, c: Customer) {
  return ownedTickets(db, ownerOf(c));
}

export async function listOwnTickets(db: DbOrTx, c: Customer): Promise<TicketRow[]> {
  return ownTickets(db, c).orderBy('updated_at', 'desc').orderBy('id').limit(200).execute();
}

/** One of the customer's tickets; another customer's, an unknown or a withdrawn one is a 404 (never a 403). */
export async function findOwnTicket(db: DbOrTx, c: Customer, id: string): Promise<TicketRow> {
  const row = await ownTickets(db, c).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such request');
  return row;
}

/** The time zone the promise is worded in: the visitor's browser, else what the ticket knows. */
function timeZoneFor(c: Customer, row: TicketRow): string | null {
  return (c.kind === 'visitor' ? c.visitor.time_zone : null) ?? row.requester_time_zone;
}

/** The one place a ticket becomes what the customer sees of it. */
export function toCustomerRequest(ctx: CoreContext, c: Customer, row: TicketRow): CustomerRequest {
  return {
    id: row.id,
    number: Number(row.number),
    subject: row.subject,
    status: row.status as TicketStatus,
    channel: row.channel as Channel,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    promise: describePromise(ctx.operations.get(), row, timeZoneFor(c, row), ctx.now()),
    withdrawn: false,
  };
}

function toCustomerMessage(m: Message): CustomerMessage {
  return { id: m.id, author: { kind: m.author.kind, name: m.author.name }, body: m.body, createdAt: m.createdAt };
}

export async function customerRequestDetail(ctx: CoreContext, c: Customer, row: TicketRow): Promise<CustomerRequestDetail> {
  // Internal notes never leave the desk.
  const messages = row.conversation_id ? await listMessages(ctx.db, row.conversation_id, { includeInternal: false, limit: 5000 }) : [];
  return {
    ...toCustomerRequest(ctx, c, row),
    description: row.description,
    messages: messages.filter((m) => !m.internal).map(toCustomerMessage),
    canReopen: row.status === 'solved',
  };
}

function customerName(c: Customer, row: TicketRow | null): string {
  if (c.kind === 'visitor') return c.visitor.name || c.visitor.email || row?.requester_name || 'Visitor';
  return row?.requester_name || c.email;
}

function actorFor(c: Customer, row: TicketRow | null): Actor {
  return { kind: 'customer', id: c.kind === 'visitor' ? c.visitor.id : null, name: customerName(c, row) };
}

/**
 * The visitor whose messenger should get a message live: only when the ticket's chat is that visitor's
 * current conversation (else the message would land in another chat's log).
 */
async function liveVisitor(db: DbOrTx, row: TicketRow): Promise<string | null> {
  if (!row.visitor_id || !row.conversation_id) return null;
  const open = await findOpenConversationOfVisitor(db, row.visitor_id);
  return open?.id === row.conversation_id ? row.visitor_id : null;
}

export interface SelfServiceContext extends CoreContext {
  kai: KaiEngine;
}

/**
 * The customer's reply on one of their requests. A pending or solved request reopens (addCustomerMessage);
 * a closed one is final, so the reply starts a follow-up request linked to it, as in the chat.
 */
export async function replyAsCustomer(
  ctx: SelfServiceContext,
  c: Customer,
  ticketId: string,
  input: { body: string; clientId?: string | undefined },
): Promise<{ ticket: TicketRow; followUp: boolean; duplicate: boolean }> {
  const current = await findOwnTicket(ctx.db, c, ticketId);
  if (current.status === 'closed' || !current.conversation_id) {
    // A retried send (same client id) finds the follow-up it already started.
    if (input.clientId) {
      const earlier = await findFollowUpByClientId(ctx.db, current.id, input.clientId);
      if (earlier) return { ticket: earlier, followUp: true, duplicate: true };
    }
    const actor = actorFor(c, current);
    const visitorId = c.kind === 'visitor' ? c.visitor.id : current.visitor_id;
    const triage = await ctx.kai.triage(input.body);
    const followUp = await inTransaction(ctx, async (work) => {
      // The follow-up's conversation starts with the reply itself, under its client id.
      const conversation = await createConversation(work.tx, { siteId: current.site_id, visitorId, mode: 'waiting', now: ctx.now() });
      await appendMessage(work.tx, { conversationId: conversation.id, clientId: input.clientId ?? null, author: { kind: 'customer', name: actor.name, id: actor.id ?? null }, body: input.body, now: ctx.now() });
      const conversationId = conversation.id;
      return createTicket(ctx, work, {
        siteId: current.site_id,
        subject: `Follow-up: ${current.subject}`.slice(0, 200),
        description: input.body,
        channel: c.kind === 'visitor' ? 'chat' : 'portal',
        requester: {
          name: current.requester_name ?? (c.kind === 'visitor' ? c.visitor.name : null),
          email: current.requester_email ?? ownerOf(c).verifiedEmail,
          timeZone: current.requester_time_zone ?? (c.kind === 'visitor' ? c.visitor.time_zone : null),
        },
        visitorId,
        conversationId,
        ...assessmentOf(triage),
        receivedAt: ctx.now(),
        actor,
        followUpOf: current.id,
      });
    });
    return { ticket: followUp, followUp: true, duplicate: false };
  }
  const actor = actorFor(c, current);
  const conversationId = current.conversation_id;
  const { duplicate, ticket } = await inTransaction(ctx, async (work) => {
    const fresh = (await findTicket(work.tx, current.id)) ?? current;
    return addCustomerMessage(ctx, work, {
      conversationId,
      ticket: fresh,
      author: { kind: 'customer', name: actor.name, id: actor.id ?? null },
      body: input.body,
      clientId: input.clientId ?? null,
      visitorId: await liveVisitor(work.tx, fresh),
    });
  });
  return { ticket: ticket ?? current, followUp: false, duplicate };
}

/** The customer reopens a solved request (audited as `reopened` by the customer); the team owes a reply again. */
export async function reopenAsCustomer(ctx: CoreContext, c: Customer, ticketId: string): Promise<TicketRow> {
  const current = await findOwnTicket(ctx.db, c, ticketId);
  if (current.status !== 'solved') throw new AppError('invalid_transition', 'Only a solved request can be reopened');
  const actor = actorFor(c, current);
  return inTransaction(ctx, async (work) => {
    const reopened = await transition(ctx, work, current, { to: 'open', actor, reason: 'Reopened by the customer' });
    // The customer is waiting again: the next-response clock starts, as after a reply.
    const ticket = await customerWaitsAgain(ctx, work, reopened, actor);
    await announceTicketChange(ctx, work, current, ticket);
    return ticket;
  });
}

/**
 * A new request from the portal's form. The customer's words are evidence for Kai's triage (never
 * instructions); their own answer to "How urgent is it for you?" is combined with it by
 * `combineStatedUrgency`. The packet marks the identity verified: the email was proven by the sign-in link.
 */
export async function createPortalRequest(ctx: SelfServiceContext, c: Customer, body: CustomerRequestBody): Promise<TicketRow> {
  if (c.kind !== 'portal') throw new AppError('forbidden', 'Start a new request in the chat');
  const triage = combineStatedUrgency(await ctx.kai.triage(`${body.subject}\n${body.description}`), body.urgency);
  const problem = body.description.replace(/\s+/g, ' ').trim();
  return inTransaction(ctx, (work) => createTicket(ctx, work, {
    siteId: c.siteId,
    subject: body.subject,
    description: body.description,
    channel: 'portal',
    requester: { email: c.email, timeZone: body.timeZone ?? null },
    language: findLanguage(body.language),
    ...assessmentOf(triage),
    receivedAt: ctx.now(),
    handoff: {
      reason: 'visitor_request',
      problem: problem.length > 280 ? `${problem.slice(0, 277)}…` : problem,
      tried: [],
      sources: [],
      urgency: { level: triage.urgency, reason: triage.urgencyReason },
      impact: { level: triage.impact, reason: triage.impactReason },
      evidence: triage.evidence,
      identity: 'verified',
      channel: 'portal',
    },
    actor: { kind: 'customer', id: null, name: c.email },
  }));
}
