/**
 * A domain context on a real database without the HTTP app: for unit tests of commands (tickets/, work.ts).
 * SQLite in a temporary file (or, for suites that ask, PostgreSQL with TEST_POSTGRES_URL), migrations run,
 * the demo site seeded, a frozen clock that tests move.
 */
import pino from 'pino';
import { migrateToLatest, openDatabase } from '../src/db/database';
import { LocalCluster } from '../src/cluster/cluster';
import type { CoreContext } from '../src/context';
import { DomainEvents, type DomainEventMap } from '../src/events';
import { OperationsStore } from '../src/operations/operations';
import { ensureDemoSite } from '../src/sites/site.repository';
import { tempDbPath } from './harness';
import { freshDatabase } from './postgres';

export interface CoreTestbed {
  ctx: CoreContext;
  siteId: string;
  /** Every published event, in order. */
  published: { event: keyof DomainEventMap; payload: unknown }[];
  setNow: (iso: string) => void;
  close: () => Promise<void>;
}

/**
 * `options.postgres`: run on a fresh PostgreSQL database when TEST_POSTGRES_URL is set (suites whose commands
 * hold on both databases); otherwise SQLite, whose single writer some suites test (group commit).
 */
export async function openCoreTestbed(startIso = '2026-01-13T10:00:00Z', options: { postgres?: boolean } = {}): Promise<CoreTestbed> {
  const pg = options.postgres && process.env['TEST_POSTGRES_URL'] ? await freshDatabase() : null;
  const tmp = pg ? null : tempDbPath();
  const db = openDatabase(pg ? pg.url : `sqlite:${tmp?.path}`);
  await migrateToLatest(db);
  let now = new Date(startIso);
  const events = new DomainEvents((err) => {
    throw err;
  });
  const published: CoreTestbed['published'] = [];
  for (const event of ['message.created', 'ticket.created', 'ticket.updated', 'conversation.updated'] as const) {
    events.on(event, (payload) => published.push({ event, payload }));
  }
  const site = await ensureDemoSite(db, 'http://127.0.0.1:3000', now);
  const ctx: CoreContext = { db, events, log: pino({ level: 'silent' }), now: () => now, operations: new OperationsStore(), cluster: new LocalCluster() };
  return {
    ctx,
    siteId: site.id,
    published,
    setNow: (iso) => {
      now = new Date(iso);
    },
    close: async () => {
      await db.destroy();
      tmp?.cleanup();
      await pg?.drop();
    },
  };
}
