import { randomUUID } from 'node:crypto';
import type { Channel, Handoff } from '../../../shared/protocol';
import type { Level } from '../../../shared/priority';
import type { CoreContext } from '../context';
import type { TicketRow } from '../db/schema';
import { isOpenAt } from '../../../shared/calendar';
import { describeOpeningHours } from '../../../shared/hours-text';
import { appendMessage, createConversation } from '../messages/message.repository';
import { planFor, type Operations } from '../operations/operations';
import { findSiteById } from '../sites/site.repository';
import { deadlinesFor, routeNewTicket } from './sla-clock';
import { insertTicket, insertTicketEvent, nextTicketNumber, type Actor } from './ticket.repository';
import { toTicketSummary } from './ticket.presenter';
import type { Work } from '../work';

export interface CreateTicketInput {
  siteId: string;
  subject: string;
  description: string;
  channel: Channel;
  requester: { name?: string | null; email?: string | null; timeZone?: string | null };
  visitorId?: string | null;
  /** The chat the ticket came from; without one a conversation is opened holding the description. */
  conversationId?: string | null;
  urgency: Level;
  impact: Level;
  urgencyReason?: string | null;
  impactReason?: string | null;
  category: string;
  receivedAt: Date;
  /** Kai's summary; its deadline is filled in here. */
  handoff?: Omit<Handoff, 'deadline'> | null;
  actor: Actor;
  /** The closed ticket this one follows up. */
  followUpOf?: string | null;
  /**
   * A phone call received outside the phone line's hours. Left out, a `phone` ticket gets it from the phone
   * line's calendar at `receivedAt` (other channels: false).
   */
  outOfHours?: boolean;
  /** Email: whether the sender's From address was authenticated (left out: not applicable, null). */
  senderVerified?: boolean;
  /** The language the customer used (BCP 47): an email's Content-Language, the portal's, the API's. */
  language?: string | null;
}

/** How urgent and how wide a ticket is and its category, with the reasons: what triage (Kai's or a person's) gives. */
export type TicketAssessment = Pick<CreateTicketInput, 'urgency' | 'impact' | 'urgencyReason' | 'impactReason' | 'category'>;

/** The assessment fields of a triage result (which may carry more, e.g. its evidence), for `createTicket`. */
export function assessmentOf(t: TicketAssessment): TicketAssessment {
  return { urgency: t.urgency, impact: t.impact, urgencyReason: t.urgencyReason ?? null, impactReason: t.impactReason ?? null, category: t.category };
}

/**
 * Whether a call at `receivedAt` came in while the phone line was closed (its hours and holidays). Only
 * recorded: the phone line never changes a ticket's routing or deadlines (README, Support operations).
 */
export function isOutOfHoursCall(ops: Pick<Operations, 'phoneLine'>, receivedAt: Date): boolean {
  return !isOpenAt(ops.phoneLine, receivedAt.getTime());
}

/**
 * Creates a ticket in the caller's transaction: priority from the matrix, centre by follow-the-sun routing, SLA
 * deadlines from the calendars, an audit event, and `ticket.created` for after the commit.
 */
export async function createTicket(ctx: CoreContext, work: Work, input: CreateTicketInput): Promise<TicketRow> {
  const now = ctx.now();
  const tx = work.tx;
  const ops = ctx.operations.get();
  const { priority, centre, homeCentre } = routeNewTicket(ops, { urgency: input.urgency, impact: input.impact, receivedAt: input.receivedAt, timeZone: input.requester.timeZone ?? null });
  const site = await findSiteById(tx, input.siteId);
  const plan = planFor(ops, { email: input.requester.email ?? null, siteKey: site?.key ?? null });
  const outOfHours = input.outOfHours ?? (input.channel === 'phone' && isOutOfHoursCall(ops, input.receivedAt));
  const outOfHoursNote = outOfHours ? `; Call received out of hours (phone line ${describeOpeningHours(ops.phoneLine, { days: false })}); queued` : '';
  let conversationId = input.conversationId ?? null;
  if (!conversationId) {
    const conversation = await createConversation(tx, { siteId: input.siteId, visitorId: input.visitorId ?? null, mode: 'waiting', now });
    conversationId = conversation.id;
    await appendMessage(tx, {
      conversationId,
      author: { kind: 'customer', name: input.requester.name || input.requester.email || 'Customer' },
      body: input.description,
      now: input.receivedAt,
    });
  }
  const ticket: TicketRow = {
    id: randomUUID(),
    number: await nextTicketNumber(tx),
    site_id: input.siteId,
    conversation_id: conversationId,
    subject: input.subject,
    description: input.description,
    status: 'new',
    tags: '[]',
    urgency: input.urgency,
    impact: input.impact,
    priority,
    urgency_reason: input.urgencyReason ?? null,
    impact_reason: input.impactReason ?? null,
    category: input.category,
    channel: input.channel,
    requester_name: input.requester.name ?? null,
    requester_email: input.requester.email ?? null,
    requester_time_zone: input.requester.timeZone ?? null,
    visitor_id: input.visitorId ?? null,
    centre,
    assignee_id: null,
    received_at: input.receivedAt.toISOString(),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    first_response_due_at: null,
    resolution_due_at: null,
    next_due_at: null,
    first_responded_at: null,
    solved_at: null,
    handoff: null,
    next_response_due_at: null,
    next_response_started_at: null,
    sla_paused_at: null,
    sla_paused_minutes: 0,
    sla_warned_for: null,
    sla_breached_for: null,
    follow_up_of: input.followUpOf ?? null,
    merged_into_id: null,
    support_plan: plan?.id ?? null,
    home_centre: homeCentre,
    withdrawn_at: null,
    out_of_hours: outOfHours ? 1 : 0,
    sender_verified: input.senderVerified === undefined ? null : input.senderVerified ? 1 : 0,
    language: input.language ?? null,
  };
  Object.assign(ticket, deadlinesFor(ops, ticket));
  const handoff: Handoff | null = input.handoff ? { ...input.handoff, deadline: ticket.first_response_due_at } : null;
  ticket.handoff = handoff ? JSON.stringify(handoff) : null;
  await insertTicket(tx, ticket);
  await insertTicketEvent(tx, {
    ticketId: ticket.id,
    type: 'created',
    actor: input.actor,
    to: 'new',
    reason: `Priority ${priority} from urgency ${input.urgency} × impact ${input.impact}; routed to ${centre.toUpperCase()}${plan ? `; ${plan.name}` : ''}${input.followUpOf ? '; follows up a closed ticket' : ''}${outOfHoursNote}`,
    at: now,
  });
  work.raise('ticket.created', { ticket: toTicketSummary(ticket) });
  return ticket;
}
