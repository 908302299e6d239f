/**
 * The queue's reads as the database plans them (SQLite, or a fresh PostgreSQL database with TEST_POSTGRES_URL): each page of a
 * view is one index read in the queue's order (no sort of every matching ticket), and the views' counts read an
 * index alone. With 10,000 open tickets a sort or a lookup of every ticket is what made the queue slow to open.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDbPath } from '../../test/harness';
import { freshDatabase } from '../../test/postgres';
import { migrateToLatest, openDatabase, type Db } from '../db/database';
import { isPostgres } from '../db/database';
import { countQuery, queuePageQuery, type TicketFilters, type TicketQuery } from './ticket.repository';

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  if (process.env['TEST_POSTGRES_URL']) {
    const pg = await freshDatabase();
    db = openDatabase(pg.url);
    close = pg.drop;
  } else {
    const tmp = tempDbPath();
    db = openDatabase(`sqlite:${tmp.path}`);
    close = async () => tmp.cleanup();
  }
  await migrateToLatest(db);
});
afterAll(async () => {
  await db.destroy();
  await close();
});

/** The compiled query with its parameters written in (EXPLAIN cannot bind them on PostgreSQL). */
function inline(q: CompiledQuery): string {
  const literal = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
  let i = 0;
  return isPostgres(db) ? q.sql.replace(/\$(\d+)/g, (_, n: string) => literal(q.parameters[Number(n) - 1])) : q.sql.replace(/\?/g, () => literal(q.parameters[i++]));
}

/** The plan's lines. On PostgreSQL scans of the whole table are ruled out, so a Sort left means no index fits the order. */
async function plan(q: CompiledQuery): Promise<string> {
  if (!isPostgres(db)) {
    const rows = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${sql.raw(inline(q))}`.execute(db);
    return rows.rows.map((r) => r.detail).join('\n');
  }
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    await sql`SET LOCAL enable_bitmapscan = off`.execute(tx);
    const rows = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${sql.raw(inline(q))}`.execute(tx);
    return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

const page = (f: Omit<TicketFilters, 'limit'>) => plan(queuePageQuery(db, { ...f, limit: 101 }).compile());
const count = (f: TicketQuery) => plan(countQuery(db, f).compile());
const SORTED = /TEMP B-TREE|Sort/;

describe("the queue's plans", () => {
  it.each([
    ['All open (one status of it)', { status: ['new' as const] }],
    ['Unassigned', { status: ['open' as const], assignee: null }],
    ['Mine', { status: ['pending' as const], assignee: 'agent-1' }],
    ['a centre', { status: ['on_hold' as const], centre: ['uk' as const] }],
    ['breaching within the hour', { status: ['new' as const], dueBefore: '2026-01-13T11:00:00.000Z' }],
    ['the next page', { status: ['open' as const], cursor: { dueAt: '2026-01-13T12:00:00.000Z', id: 'x' } }],
  ])('%s: a page is an index read in queue order', async (_name, f) => {
    const p = await page(f);
    expect(p).toMatch(/INDEX|Index Scan/);
    expect(p).not.toMatch(SORTED);
  });

  it('counts of Unassigned, a centre and breaching read an index that holds every column they test', async () => {
    const pg = isPostgres(db);
    const unassigned = await count({ status: ['new', 'open', 'on_hold'], assignee: null });
    const centre = await count({ status: ['new', 'open', 'on_hold'], centre: ['us'] });
    const breaching = await count({ status: ['new', 'open', 'on_hold'], dueBefore: '2026-01-13T11:00:00.000Z' });
    // SQLite answers from the index alone. PostgreSQL from the index too: an index-only scan (conditions checked
    // on index entries), or an index scan with every condition in its Index Cond (no Filter on fetched rows).
    const fromIndex = (p: string, index: string) => {
      if (!pg) return expect(p).toMatch(new RegExp(`COVERING INDEX ${index}`));
      expect(p).toMatch(new RegExp(`Index (Only )?Scan using ${index}`));
      if (!/Index Only Scan/.test(p)) expect(p).not.toMatch(/Filter:/);
    };
    fromIndex(unassigned, 'tickets_assignee_status_queue_order');
    fromIndex(centre, 'tickets_centre_status_queue_order');
    fromIndex(breaching, 'tickets_status_queue_order');
  });
});
