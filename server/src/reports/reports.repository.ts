import { sql, type SelectQueryBuilder } from 'kysely';
import type { ReportQuery } from '../../../shared/reports';
import type { DbOrTx } from '../db/database';
import type { Database } from '../db/schema';

/**
 * The SQL of the reports (`reports.ts` puts the figures together). Plain SQL both dialects run: counts, CASE sums
 * and comparisons of ISO instants, which sort as text. What needs a calendar (business minutes) or a weekday is
 * computed in TypeScript from the instants selected here.
 */

/** The UTC instants a query's days span: [from 00:00, the day after `to` 00:00). */
export function rangeOf(q: Pick<ReportQuery, 'from' | 'to'>): { start: string; end: string } {
  const end = new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000);
  return { start: `${q.from}T00:00:00.000Z`, end: end.toISOString() };
}

type TicketQuery<O> = SelectQueryBuilder<Database, 'tickets', O>;

/** The query's filters on tickets (withdrawn requests are left out of every figure). */
function filtered<O>(qb: TicketQuery<O>, q: ReportQuery): TicketQuery<O> {
  let out = qb.where('tickets.withdrawn_at', 'is', null);
  if (q.siteId) out = out.where('tickets.site_id', '=', q.siteId);
  if (q.centre) out = out.where('tickets.centre', '=', q.centre);
  if (q.channel) out = out.where('tickets.channel', '=', q.channel);
  if (q.priority) out = out.where('tickets.priority', '=', q.priority);
  if (q.agentId) out = out.where('tickets.assignee_id', '=', q.agentId);
  return out;
}

function received<O>(qb: TicketQuery<O>, q: ReportQuery): TicketQuery<O> {
  const { start, end } = rangeOf(q);
  return filtered(qb, q).where('tickets.received_at', '>=', start).where('tickets.received_at', '<', end);
}

export async function volumeByChannel(db: DbOrTx, q: ReportQuery) {
  return received(db.selectFrom('tickets'), q)
    .select(['tickets.channel', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('tickets.channel')
    .orderBy('tickets.channel')
    .execute();
}

/** Received instants and centres, for the hour-of-week grid (weekday and hour taken in TypeScript). */
export async function receivedInstants(db: DbOrTx, q: ReportQuery) {
  return received(db.selectFrom('tickets'), q).select(['tickets.received_at', 'tickets.centre']).execute();
}

/** The clock columns of the tickets received in range, for durations in business minutes. */
export async function ticketClocks(db: DbOrTx, q: ReportQuery) {
  return received(db.selectFrom('tickets'), q)
    .select(['tickets.received_at', 'tickets.first_responded_at', 'tickets.solved_at', 'tickets.status', 'tickets.sla_paused_minutes', 'tickets.support_plan', 'tickets.assignee_id'])
    .execute();
}

/**
 * Met and missed deadlines per priority and centre, of the tickets received in range: a deadline counts once it
 * was met (answered / solved by it) or has passed (`now`) unmet; one still running counts for neither.
 */
export async function slaAttainment(db: DbOrTx, q: ReportQuery, now: string) {
  return received(db.selectFrom('tickets'), q)
    .select([
      'tickets.priority',
      'tickets.centre',
      sql<number>`sum(case when first_responded_at is not null and first_responded_at <= first_response_due_at then 1 else 0 end)`.as('first_met'),
      sql<number>`sum(case when (first_responded_at is not null and first_responded_at > first_response_due_at) or (first_responded_at is null and first_response_due_at < ${now}) then 1 else 0 end)`.as('first_missed'),
      sql<number>`sum(case when solved_at is not null and solved_at <= resolution_due_at then 1 else 0 end)`.as('resolution_met'),
      sql<number>`sum(case when (solved_at is not null and solved_at > resolution_due_at) or (solved_at is null and resolution_due_at < ${now}) then 1 else 0 end)`.as('resolution_missed'),
    ])
    .groupBy(['tickets.priority', 'tickets.centre'])
    .orderBy('tickets.priority')
    .orderBy('tickets.centre')
    .execute();
}

/** Breach events (`sla_breached` in the ticket trail) per UTC day of the range. */
export async function breachesByDay(db: DbOrTx, q: ReportQuery) {
  const { start, end } = rangeOf(q);
  const day = sql<string>`substr(ticket_events.created_at, 1, 10)`;
  return filtered(db.selectFrom('tickets'), q)
    .innerJoin('ticket_events', 'ticket_events.ticket_id', 'tickets.id')
    .where('ticket_events.type', '=', 'sla_breached')
    .where('ticket_events.created_at', '>=', start)
    .where('ticket_events.created_at', '<', end)
    .select([day.as('day'), (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(day)
    .orderBy(day)
    .execute();
}

/** Open tickets now by priority and age bucket; `cutoffs` are the instants 1, 3 and 7 days ago. */
export async function backlog(db: DbOrTx, q: ReportQuery, cutoffs: { d1: string; d3: string; d7: string }) {
  const age = sql<string>`case when received_at > ${cutoffs.d1} then 'under_1d' when received_at > ${cutoffs.d3} then '1_3d' when received_at > ${cutoffs.d7} then '3_7d' else 'over_7d' end`;
  return filtered(db.selectFrom('tickets'), q)
    .where('tickets.status', 'in', ['new', 'open', 'pending', 'on_hold'])
    .select([age.as('age'), 'tickets.priority', (eb) => eb.fn.countAll<number>().as('count')])
    // By position: PostgreSQL would not match a grouped expression whose parameters are bound twice.
    .groupBy([sql`1`, sql`2`])
    .execute();
}

/**
 * Kai's chats started in range (per site): how many Kai answered without them reaching a person, how
 * many became a ticket, and Kai's answers with sources. Centre, channel, priority and agent do not apply here.
 */
export async function kaiConversations(db: DbOrTx, q: ReportQuery) {
  const { start, end } = rangeOf(q);
  // Chats only: a conversation with a visitor (email, phone and portal tickets have conversations of their own).
  let convs = db
    .selectFrom('conversations')
    .where('conversations.visitor_id', 'is not', null)
    .where('conversations.created_at', '>=', start)
    .where('conversations.created_at', '<', end);
  if (q.siteId) convs = convs.where('conversations.site_id', '=', q.siteId);
  const answered = sql<boolean>`exists (select 1 from messages m where m.conversation_id = conversations.id and m.author_kind = 'ai')`;
  const ticketed = sql<boolean>`exists (select 1 from tickets t where t.conversation_id = conversations.id)`;
  const counts = await convs
    .select([
      (eb) => eb.fn.countAll<number>().as('conversations'),
      sql<number>`sum(case when ${answered} and not ${ticketed} then 1 else 0 end)`.as('without_person'),
      sql<number>`sum(case when ${ticketed} then 1 else 0 end)`.as('handed_off'),
    ])
    .executeTakeFirstOrThrow();
  const answers = await convs
    .innerJoin('messages', 'messages.conversation_id', 'conversations.id')
    .where('messages.author_kind', '=', 'ai')
    .select([(eb) => eb.fn.countAll<number>().as('answers'), sql<number>`sum(case when messages.sources <> '[]' then 1 else 0 end)`.as('with_sources')])
    .executeTakeFirstOrThrow();
  return { ...counts, ...answers };
}

/** The handoff summaries (JSON) of the tickets received in range that came from Kai. */
export async function handoffSummaries(db: DbOrTx, q: ReportQuery) {
  return received(db.selectFrom('tickets'), q).where('tickets.handoff', 'is not', null).select('tickets.handoff').execute();
}

/** CSAT answers given in range on the filtered tickets, newest first. */
export async function csatAnswers(db: DbOrTx, q: ReportQuery) {
  const { start, end } = rangeOf(q);
  return filtered(db.selectFrom('tickets'), q)
    .innerJoin('csat_responses', 'csat_responses.ticket_id', 'tickets.id')
    .where('csat_responses.created_at', '>=', start)
    .where('csat_responses.created_at', '<', end)
    .select(['tickets.number', 'csat_responses.rating', 'csat_responses.comment', 'csat_responses.created_at'])
    .orderBy('csat_responses.created_at', 'desc')
    .execute();
}

/** Public replies per agent, written in range on the filtered tickets (the agent filter picks the author). */
export async function repliesByAgent(db: DbOrTx, q: ReportQuery) {
  const { start, end } = rangeOf(q);
  let qb = filtered(db.selectFrom('tickets'), { ...q, agentId: undefined })
    .innerJoin('messages', 'messages.conversation_id', 'tickets.conversation_id')
    .where('messages.author_kind', '=', 'agent')
    .where('messages.internal', '=', 0)
    .where('messages.author_id', 'is not', null)
    .where('messages.created_at', '>=', start)
    .where('messages.created_at', '<', end);
  if (q.agentId) qb = qb.where('messages.author_id', '=', q.agentId);
  return qb.select(['messages.author_id as agent_id', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('messages.author_id').execute();
}

/** Solves per agent: changes to `solved` an agent made in range (the ticket trail). */
export async function solvesByAgent(db: DbOrTx, q: ReportQuery) {
  const { start, end } = rangeOf(q);
  let qb = filtered(db.selectFrom('tickets'), { ...q, agentId: undefined })
    .innerJoin('ticket_events', 'ticket_events.ticket_id', 'tickets.id')
    .where('ticket_events.type', '=', 'status_changed')
    .where('ticket_events.to_value', '=', 'solved')
    .where('ticket_events.actor_kind', '=', 'agent')
    .where('ticket_events.actor_id', 'is not', null)
    .where('ticket_events.created_at', '>=', start)
    .where('ticket_events.created_at', '<', end);
  if (q.agentId) qb = qb.where('ticket_events.actor_id', '=', q.agentId);
  return qb.select(['ticket_events.actor_id as agent_id', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('ticket_events.actor_id').execute();
}

export async function agentNames(db: DbOrTx) {
  return db.selectFrom('agents').select(['id', 'name']).execute();
}
