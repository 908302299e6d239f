/**
 * SQLite's message search index, brought up to date in batches. A message's transaction only queues its id in
 * `message_search_pending` (migration 0019's trigger); `indexPendingMessages` moves the queue into the FTS5 index in
 * one transaction. It runs every `INDEX_EVERY_MS` and before every search (`ticket-search.ts`'s callers), so a search
 * never misses a message that was acknowledged. On PostgreSQL the GIN index is always in step: nothing to do.
 */
import { sql } from 'kysely';
import { isPostgres, type Db, type DbOrTx } from '../db/database';

/** How often queued messages are indexed with no search asking. */
export const INDEX_EVERY_MS = 250;

/** Indexes every queued message (SQLite); returns how many. Safe to call at any time, also inside a transaction. */
export async function indexPendingMessages(db: DbOrTx): Promise<number> {
  if (isPostgres(db)) return 0;
  const any = await db.selectFrom('message_search_pending').select('message_id').limit(1).executeTakeFirst();
  if (!any) return 0;
  const run = async (tx: DbOrTx) => {
    const indexed = await sql`INSERT INTO message_search (body, message_id, conversation_id)
      SELECT m.body, m.id, m.conversation_id FROM message_search_pending p JOIN messages m ON m.id = p.message_id`.execute(tx);
    // One connection writes (SQLite): nothing is queued between the insert and this delete in one transaction.
    await tx.deleteFrom('message_search_pending').execute();
    return Number(indexed.numAffectedRows ?? 0n);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** Indexes queued messages now (what a crash left queued) and then every `INDEX_EVERY_MS`; `stop` indexes once more. */
export function startMessageSearchIndexer(db: Db, onError: (err: unknown) => void): { stop: () => Promise<void> } {
  if (isPostgres(db)) return { stop: async () => undefined };
  let running: Promise<unknown> = indexPendingMessages(db).catch(onError);
  const timer = setInterval(() => {
    running = running.then(() => indexPendingMessages(db)).catch(onError);
  }, INDEX_EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await indexPendingMessages(db).catch(onError);
    },
  };
}
