/**
 * SQLite's message search index is filled in batches rather than inside every message's transaction: inserting
 * into FTS5 writes a new index segment at every commit, the largest part of a message's commit. A new message now
 * only queues its id in `message_search_pending` (a trigger, so every way of writing a message is covered); the
 * server indexes the queue in batches and always before a search runs (`search/message-search-index.ts`). The queue
 * is a table, so ids committed before a crash are indexed after the restart. Erasure still takes a message's old
 * words out of the index in its own transaction (the update trigger), and queues the new text.
 * PostgreSQL's GIN expression index is the rows themselves: nothing changes there. Frozen.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { MigrationDb } from './migration-db';

const isPostgres = (db: MigrationDb) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: MigrationDb): Promise<void> {
  if (isPostgres(db)) return;
  await sql`CREATE TABLE message_search_pending (message_id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID`.execute(db);
  for (const trigger of ['message_search_insert', 'message_search_update', 'message_search_delete']) await sql`DROP TRIGGER ${sql.raw(trigger)}`.execute(db);
  await sql`CREATE TRIGGER message_search_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_search_pending (message_id) VALUES (new.id); END`.execute(db);
  await sql`CREATE TRIGGER message_search_update AFTER UPDATE OF body ON messages BEGIN
    DELETE FROM message_search WHERE message_id = old.id;
    INSERT OR IGNORE INTO message_search_pending (message_id) VALUES (new.id); END`.execute(db);
  await sql`CREATE TRIGGER message_search_delete AFTER DELETE ON messages BEGIN
    DELETE FROM message_search WHERE message_id = old.id;
    DELETE FROM message_search_pending WHERE message_id = old.id; END`.execute(db);
}

export async function down(db: MigrationDb): Promise<void> {
  if (isPostgres(db)) return;
  for (const trigger of ['message_search_insert', 'message_search_update', 'message_search_delete']) await sql`DROP TRIGGER ${sql.raw(trigger)}`.execute(db);
  // What is still queued goes into the index now, as 0012's triggers would have put it there.
  await sql`INSERT INTO message_search (body, message_id, conversation_id)
    SELECT m.body, m.id, m.conversation_id FROM message_search_pending p JOIN messages m ON m.id = p.message_id`.execute(db);
  await sql`DROP TABLE message_search_pending`.execute(db);
  await sql`CREATE TRIGGER message_search_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_search (body, message_id, conversation_id) VALUES (new.body, new.id, new.conversation_id); END`.execute(db);
  await sql`CREATE TRIGGER message_search_update AFTER UPDATE OF body ON messages BEGIN
    DELETE FROM message_search WHERE message_id = old.id;
    INSERT INTO message_search (body, message_id, conversation_id) VALUES (new.body, new.id, new.conversation_id); END`.execute(db);
  await sql`CREATE TRIGGER message_search_delete AFTER DELETE ON messages BEGIN DELETE FROM message_search WHERE message_id = old.id; END`.execute(db);
}
