import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely,
  LimitNode,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SelectQueryNode,
  SqliteDialect,
  ValueNode,
  sql,
  type KyselyPlugin,
  type Migration,
  type MigrationProvider,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SqliteDatabase,
  type Transaction,
  type UnknownRow,
} from 'kysely';
import type { Database } from './schema';
import * as m0001 from './migrations/0001_initial';
import * as m0002 from './migrations/0002_visitor_language';
import * as m0003 from './migrations/0003_sla_clocks';
import * as m0004 from './migrations/0004_queue_index';
import * as m0005 from './migrations/0005_channels';
import * as m0006 from './migrations/0006_core';
import * as m0007 from './migrations/0007_security';
import * as m0008mail from './migrations/0008_mail';
import * as m0009team from './migrations/0009_team';
import * as m0010admin from './migrations/0010_admin';
import * as m0011webhooks from './migrations/0011_webhooks';
import * as m0012queue from './migrations/0012_queue';
import * as m0014reach from './migrations/0014_reach';
import * as m0015files from './migrations/0015_files';
import * as m0013collab from './migrations/0013_collab';
import * as m0016queue from './migrations/0016_queue';
import * as m0017sec from './migrations/0017_sec';
import * as m0018ticketLanguage from './migrations/0018_ticket_language';
import * as m0019messageSearchPending from './migrations/0019_message_search_pending';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repository functions take either; one that must run inside a transaction asks for `Tx`. */
export type DbOrTx = Db | Tx;

export type Dialect = 'sqlite' | 'postgres';

/** Migrations are listed here (not read from disk) so they run the same under tsx, vitest and a bundle. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_visitor_language': m0002,
  '0003_sla_clocks': m0003,
  '0004_queue_index': m0004,
  '0005_channels': m0005,
  '0006_core': m0006,
  '0007_security': m0007,
  '0008_mail': m0008mail,
  '0009_team': m0009team,
  '0010_admin': m0010admin,
  '0011_webhooks': m0011webhooks,
  '0012_queue': m0012queue,
  '0013_collab': m0013collab,
  '0014_reach': m0014reach,
  '0015_files': m0015files,
  '0016_queue': m0016queue,
  '0017_sec': m0017sec,
  '0018_ticket_language': m0018ticketLanguage,
  '0019_message_search_pending': m0019messageSearchPending,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export function dialectOf(databaseUrl: string): Dialect {
  return databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/** Prepared statements kept per SQL text: the hot queries are compiled by SQLite once, not on every message. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 behind Kysely, with its prepared statements reused. Kysely prepares every query it runs; the same
 * SQL text (parameters are bound separately) gets the same statement. Safe because Kysely runs one query at a time
 * on this single connection and reads rows with `all()`, never leaving a statement mid-iteration.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (source: string) => {
      let statement = cache.get(source);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        statement = sqlite.prepare(source);
        cache.set(source, statement);
      }
      return statement;
    },
  };
}

/** A whole number bound as a parameter, which can be written into the SQL text instead. */
function inlinable(node: OperationNode): number | null {
  return ValueNode.is(node) && typeof node.value === 'number' && Number.isSafeInteger(node.value) && node.value >= 0 ? node.value : null;
}

/**
 * Writes a select's LIMIT into the SQL as a number instead of binding it: SQLite runs `LIMIT ?` markedly slower
 * than `LIMIT 1` (measured on the message path: an indexed one-row select of a ticket took twice the time). Limits
 * are a handful of constants, so the statement cache still holds every text; offsets, which vary with paging,
 * stay bound. Only whole numbers are inlined, so no text can reach the SQL this way.
 */
export class InlineLimitsPlugin implements KyselyPlugin {
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (!SelectQueryNode.is(node)) return node;
    const limit = node.limit ? inlinable(node.limit.limit) : null;
    return limit === null ? node : SelectQueryNode.cloneWithLimit(node, LimitNode.create(ValueNode.createImmediate(limit)));
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

/** A round trip to the database (the readiness probe's check); rejects when it does not answer. */
export async function pingDatabase(db: DbOrTx): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Whether `db` (a database or a transaction on it) is PostgreSQL, for the few statements the dialects write apart. */
export function isPostgres(db: DbOrTx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Databases with one connection that every write goes through (SQLite): their transactions can share commits. */
const singleWriter = new WeakSet<Db>();

/** Whether every write to `db` goes through one connection (SQLite), so transactions can be grouped into commits. */
export function hasSingleWriter(db: Db): boolean {
  return singleWriter.has(db);
}

/** Opens the database named by a `sqlite:<path>` or `postgres://…` URL. */
export function openDatabase(databaseUrl: string): Db {
  if (dialectOf(databaseUrl) === 'sqlite') {
    const path = databaseUrl.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const sqlite = new SQLite(path);
    // WAL keeps readers off the writer's back; NORMAL sync loses nothing when the process is killed
    // (only on power loss), and every acknowledged message is committed before its ack.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Checkpoint the WAL every ~16 MB rather than every 4 MB: hot pages (a conversation's row, the newest index
    // pages) are copied back once per checkpoint however often they were rewritten, and each checkpoint syncs.
    sqlite.pragma('wal_autocheckpoint = 4000');
    sqlite.pragma('journal_size_limit = 67108864');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new InlineLimitsPlugin()] });
    singleWriter.add(db);
    return db;
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle connection the server ends (restart, failover, admin command) is dropped by the pool and replaced
  // on next use; without a listener the error would crash the process.
  pool.on('error', (err) => console.warn(`PostgreSQL connection lost: ${err.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}

/**
 * Refreshes the query planner's statistics where that is cheap (SQLite's `PRAGMA optimize`), so it picks the
 * queue's indexes; run at start and at close.
 */
export async function optimize(db: Db, databaseUrl: string): Promise<void> {
  if (dialectOf(databaseUrl) === 'sqlite') {
    // A bounded ANALYZE of every table (0x10002), then the usual optimize.
    await sql`PRAGMA analysis_limit = 1000`.execute(db);
    await sql`PRAGMA optimize = 0x10002`.execute(db);
  }
  else await sql`ANALYZE tickets`.execute(db);
}
