import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { isPostgres, type DbOrTx } from '../db/database';
import { prepared } from '../db/prepared';
import { indexPendingMessages } from '../search/message-search-index';
import { matchesSearch } from '../search/ticket-search';
import type { CentreId, Channel, TicketStatus } from '../../../shared/protocol';
import type { Level } from '../../../shared/priority';
import type { ActorKind, NewTicket, TicketEventRow, TicketRow, TicketUpdate } from '../db/schema';

/** Who did something to a ticket, for the audit trail. */
export interface Actor {
  kind: ActorKind;
  id?: string | null;
  name: string;
}

export async function insertTicket(db: DbOrTx, row: NewTicket): Promise<void> {
  await db.insertInto('tickets').values(row).execute();
}

export async function findTicket(db: DbOrTx, id: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
}

const ticketOfConversation = prepared(
  (db, p: { conversationId: string }) => db.selectFrom('tickets').selectAll().where('conversation_id', '=', p.conversationId).orderBy('created_at', 'desc').limit(1),
);

/** The conversation's newest ticket (a follow-up replaces a closed one). Every message in a handed-off chat reads it. */
export async function findTicketByConversation(db: DbOrTx, conversationId: string): Promise<TicketRow | undefined> {
  return (await ticketOfConversation(db, { conversationId })).rows[0];
}

export async function updateTicket(db: DbOrTx, id: string, changes: TicketUpdate): Promise<TicketRow> {
  return db.updateTable('tickets').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Writes some columns of a ticket whose new values the caller already has (no row comes back). */
export async function setTicketFields(db: DbOrTx, id: string, changes: TicketUpdate): Promise<void> {
  await db.updateTable('tickets').set(changes).where('id', '=', id).execute();
}

/** Rows of `ticket_tags` (what filters read); `changeTags` keeps the ticket's `tags` column in step. */
export async function addTicketTags(db: DbOrTx, ticketId: string, tags: readonly string[]): Promise<void> {
  if (tags.length) await db.insertInto('ticket_tags').values(tags.map((tag) => ({ ticket_id: ticketId, tag }))).execute();
}

export async function removeTicketTags(db: DbOrTx, ticketId: string, tags: readonly string[]): Promise<void> {
  if (tags.length) await db.deleteFrom('ticket_tags').where('ticket_id', '=', ticketId).where('tag', 'in', tags).execute();
}

/** Per agent, how many tickets in `statuses` are assigned to them (agents with none are absent). */
export async function countAssignedByAgent(db: DbOrTx, statuses: readonly TicketStatus[]): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('tickets')
    .select(['assignee_id', (eb) => eb.fn.countAll().as('n')])
    .where('status', 'in', statuses)
    .where('assignee_id', 'is not', null)
    .groupBy('assignee_id')
    .execute();
  // `assignee_id is not null` above: every row names an agent.
  return Object.fromEntries(rows.map((r) => [r.assignee_id as string, Number(r.n)]));
}

/** The PostgreSQL advisory lock that ticket creations take in turn (any constant of our own; "FD" and "#"). */
const TICKET_NUMBER_LOCK = 0x46_44_23;

/**
 * Ticket numbers are human references, increasing from 1001; call inside the creating transaction. On PostgreSQL
 * several connections create tickets at once, and two could read the same highest number: a transaction-scoped
 * advisory lock makes them take turns until each commits. SQLite has one writer, so its transactions already do.
 */
export async function nextTicketNumber(db: DbOrTx): Promise<number> {
  if (isPostgres(db)) await sql`SELECT pg_advisory_xact_lock(${TICKET_NUMBER_LOCK})`.execute(db);
  const row = await db.selectFrom('tickets').select((eb) => eb.fn.max('number').as('max')).executeTakeFirst();
  const max = row?.max == null ? 1000 : Number(row.max);
  return max + 1;
}

export interface TicketQuery {
  status?: TicketStatus[];
  priority?: Level[];
  channel?: Channel[];
  centre?: CentreId[];
  assignee?: string | null;
  /** Every one of these tags. */
  tag?: string[];
  siteId?: string;
  /** Words to search for (ticket number, subject, description, requester, message bodies). */
  q?: string;
  /** Only tickets whose next deadline is at or before this instant. */
  dueBefore?: string;
}

export interface TicketFilters extends TicketQuery {
  limit: number;
  /** Opaque cursor from the previous page: the last row's next_due_at and id. */
  cursor?: { dueAt: string | null; id: string };
}

/**
 * The queue: ordered by the next SLA deadline (tickets without one last), then id, read in the order of the
 * tickets_queue_order index; the cursor continues strictly after the last row of the previous page.
 */
export async function listTickets(db: DbOrTx, f: TicketFilters): Promise<TicketRow[]> {
  if (f.q) await indexPendingMessages(db);
  const parts = leavesOf(f);
  if (parts.length === 1) return queuePageQuery(db, parts[0]!).execute();
  // One statement: each part's first page read narrow (id and queue key) in index order, merged and cut to the
  // page in SQL, then the page's rows by primary key. Whole rows for every part would read and decode up to
  // (parts × limit) of them to keep `limit`, and a statement per part would cost PostgreSQL a round trip each.
  const narrow = parts.map((part, i) => sql`SELECT id, due FROM (${queueOrdered(db, part).select(['id', QUEUE_KEY.as('due')])}) AS ${sql.id(`part${i}`)}`);
  const page = sql<string>`(SELECT id FROM (${sql.join(narrow, sql` UNION ALL `)}) AS parts ORDER BY due, id LIMIT ${sql.lit(f.limit)})`;
  const rows = await db.selectFrom('tickets').selectAll().where('id', 'in', page).execute();
  return rows.sort((a, b) => {
    const ka = a.next_due_at ?? FAR_FUTURE;
    const kb = b.next_due_at ?? FAR_FUTURE;
    return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/**
 * Several statuses (or centres, or both): one index-ordered read per value, merged. A single IN (...) would make
 * the database sort every matching ticket before taking the first page. A search's matches are few enough to
 * sort; splitting would run the search once per part.
 */
function leavesOf(f: TicketFilters): TicketFilters[] {
  if (f.q) return [f];
  if (f.status && f.status.length > 1) return f.status.flatMap((status) => leavesOf({ ...f, status: [status] }));
  if (f.centre && f.centre.length > 1) return f.centre.flatMap((centre) => leavesOf({ ...f, centre: [centre] }));
  return [f];
}

/** One index-ordered read of the queue: at most one status and one centre (listTickets splits the rest). */
export function queuePageQuery(db: DbOrTx, f: TicketFilters) {
  return queueOrdered(db, f).selectAll();
}

function queueOrdered(db: DbOrTx, f: TicketFilters) {
  let q = filteredTickets(db, f);
  if (f.cursor) {
    const due = f.cursor.dueAt ?? FAR_FUTURE;
    const id = f.cursor.id;
    q = q.where((eb) => eb.or([eb(QUEUE_KEY, '>', due), eb.and([eb(QUEUE_KEY, '=', due), eb('id', '>', id)])]));
  }
  return q.orderBy(QUEUE_KEY).orderBy('id').limit(f.limit);
}

/** The tickets matching the filters (not the paging), for a page or a count. */
function filteredTickets(db: DbOrTx, f: TicketQuery) {
  let q = db.selectFrom('tickets');
  if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.priority?.length) q = q.where('priority', 'in', f.priority);
  if (f.channel?.length) q = q.where('channel', 'in', f.channel);
  if (f.centre?.length) q = q.where('centre', 'in', f.centre);
  if (f.assignee !== undefined) q = f.assignee === null ? q.where('assignee_id', 'is', null) : q.where('assignee_id', '=', f.assignee);
  if (f.siteId) q = q.where('site_id', '=', f.siteId);
  // On the queue key rather than next_due_at itself, so the queue-order indexes serve it as a range (the same
  // tickets: one without a deadline has the far-future key, after any bound).
  if (f.dueBefore) q = q.where(QUEUE_KEY, '<=', f.dueBefore);
  for (const tag of f.tag ?? []) {
    q = q.where((eb) => eb.exists(eb.selectFrom('ticket_tags').select('ticket_tags.tag').whereRef('ticket_tags.ticket_id', '=', 'tickets.id').where('ticket_tags.tag', '=', tag)));
  }
  const search = f.q ? matchesSearch(db, f.q) : null;
  if (search) q = q.where(search);
  return q;
}

/** How many tickets match (a view's count). */
export async function countTickets(db: DbOrTx, f: TicketQuery): Promise<number> {
  if (f.q) await indexPendingMessages(db);
  const row = await countQuery(db, f).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function countQuery(db: DbOrTx, f: TicketQuery) {
  return filteredTickets(db, f).select((eb) => eb.fn.countAll().as('n'));
}

/** A ticket with no running deadline sorts last. */
const FAR_FUTURE = '9999-12-31T23:59:59.999Z';
/** Exactly the expression of the tickets_queue_order indexes (migration 0004), so the queue is read in index order. */
const QUEUE_KEY = sql<string>`coalesce(next_due_at, '9999-12-31T23:59:59.999Z')`;

let eventCounter = 0;

/**
 * Audit events of one instant (a command writes several with the same time) must read back in the order they
 * happened, so their ids sort in insertion order within a process: the wall clock, a counter, then randomness.
 */
function orderedEventId(): string {
  eventCounter = (eventCounter + 1) % 1_679_616;
  return `${Date.now().toString(36).padStart(9, '0')}${eventCounter.toString(36).padStart(4, '0')}-${randomUUID()}`;
}

export async function insertTicketEvent(
  db: DbOrTx,
  e: { ticketId: string; type: string; actor: Actor; from?: string | null; to?: string | null; reason?: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('ticket_events')
    .values({
      id: orderedEventId(),
      ticket_id: e.ticketId,
      type: e.type,
      actor_kind: e.actor.kind,
      actor_id: e.actor.id ?? null,
      actor_name: e.actor.name,
      from_value: e.from ?? null,
      to_value: e.to ?? null,
      reason: e.reason ?? null,
      created_at: e.at.toISOString(),
    })
    .execute();
}

export async function listTicketEvents(db: DbOrTx, ticketId: string): Promise<TicketEventRow[]> {
  return db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at', 'asc').orderBy('id').execute();
}

// ---- the operations clock's reads and claims ----

/** Untaken tickets (new or open, no assignee) of a centre, for handover at its close. */
export async function listUntakenTicketIds(db: DbOrTx, centre: CentreId, limit: number): Promise<{ id: string }[]> {
  return db.selectFrom('tickets').select('id').where('centre', '=', centre).where('status', 'in', ['new', 'open']).where('assignee_id', 'is', null).limit(limit).execute();
}

/** Moves a ticket to another centre if it is still untaken in `from`; the row, or undefined when someone else won. */
export async function moveUntakenTicket(db: DbOrTx, id: string, move: { from: CentreId; to: CentreId; at: string }): Promise<TicketRow | undefined> {
  return db
    .updateTable('tickets')
    .set({ centre: move.to, updated_at: move.at })
    .where('id', '=', id)
    .where('centre', '=', move.from)
    .where('assignee_id', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function listSolvedBefore(db: DbOrTx, cutoff: string, limit: number): Promise<{ id: string }[]> {
  return db.selectFrom('tickets').select('id').where('status', '=', 'solved').where('solved_at', '<=', cutoff).limit(limit).execute();
}

export async function listOpenTickets(db: DbOrTx): Promise<TicketRow[]> {
  return db.selectFrom('tickets').selectAll().where('status', 'not in', ['solved', 'closed']).execute();
}

const ALERT_MARK = { warning: 'sla_warned_for', breach: 'sla_breached_for' } as const;

/** Tickets whose running deadline lies in (after, until] and that have not had this alert for that deadline. */
export async function listDueForAlert(db: DbOrTx, kind: 'warning' | 'breach', window: { after: string | null; until: string }, limit: number): Promise<TicketRow[]> {
  const mark = ALERT_MARK[kind];
  let q = db
    .selectFrom('tickets')
    .selectAll()
    .where('next_due_at', '<=', window.until)
    .where((eb) => eb.or([eb(mark, 'is', null), eb(mark, '!=', eb.ref('next_due_at'))]));
  if (window.after) q = q.where('next_due_at', '>', window.after);
  return q.orderBy('next_due_at').limit(limit).execute();
}

/** Records that this alert was sent for the ticket's current deadline; false when another pass already did. */
export async function claimSlaAlert(db: DbOrTx, kind: 'warning' | 'breach', t: Pick<TicketRow, 'id' | 'next_due_at'>): Promise<boolean> {
  const mark = ALERT_MARK[kind];
  const claimed = await db
    .updateTable('tickets')
    .set({ [mark]: t.next_due_at })
    .where('id', '=', t.id)
    .where('next_due_at', '=', t.next_due_at)
    .where((eb) => eb.or([eb(mark, 'is', null), eb(mark, '!=', eb.ref('next_due_at'))]))
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) > 0;
}

/** The conversations of tickets merged into this one: its history shows their messages too. */
export async function listMergedConversationIds(db: DbOrTx, ticketId: string): Promise<string[]> {
  const rows = await db.selectFrom('tickets').select('conversation_id').where('merged_into_id', '=', ticketId).execute();
  return rows.map((r) => r.conversation_id).filter((id): id is string => id !== null);
}

/** Changes agents make to a ticket's fields (not messages): what an optimistic update must not overwrite. */
const FIELD_CHANGES = ['status_changed', 'reopened', 'withdrawn', 'assigned', 'urgency_changed', 'impact_changed', 'priority_changed', 'category_changed', 'merged'];

/** Whether anyone but `exceptActorId` changed the ticket's fields after `since`. */
export async function changedByOthersSince(db: DbOrTx, ticketId: string, since: string, exceptActorId: string | null): Promise<boolean> {
  let q = db.selectFrom('ticket_events').select('id').where('ticket_id', '=', ticketId).where('created_at', '>', since).where('type', 'in', FIELD_CHANGES);
  if (exceptActorId) q = q.where((eb) => eb.or([eb('actor_id', 'is', null), eb('actor_id', '!=', exceptActorId)]));
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}
