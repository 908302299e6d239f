/**
 * The team queue: tags on tickets, saved views, an index per assignee's queue, and full-text search over tickets
 * (number, subject, description, requester name and email) and message bodies. Frozen.
 *
 * Search stays in step with every write without application code: on SQLite, FTS5 tables kept by triggers (a
 * withdrawal's erasure rewrites the rows, so the triggers drop the erased words from the index in the same
 * transaction); on PostgreSQL, GIN expression indexes over `to_tsvector('simple', …)`, which are the rows themselves.
 * The `simple` configuration and FTS5's unicode61 tokenizer stem nothing, so every language is searchable.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { MigrationDb } from './migration-db';

const QUEUE_ORDER = sql`coalesce(next_due_at, '9999-12-31T23:59:59.999Z'), id`;

export async function up(db: MigrationDb): Promise<void> {
  // Tags: the sorted JSON array on the ticket is what the API shows; ticket_tags is what filters read.
  await db.schema.alterTable('tickets').addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema
    .createTable('ticket_tags')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_tags_pk', ['ticket_id', 'tag'])
    .execute();
  await db.schema.createIndex('ticket_tags_tag').on('ticket_tags').columns(['tag', 'ticket_id']).execute();
  await db.schema
    .createTable('views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // The agent whose personal view it is; null for a view shared with the team.
    .addColumn('owner_id', 'text', (c) => c.references('agents.id').onDelete('cascade'))
    // JSON filters { status?, priority?, channel?, centre?, assignee?, tag?, site? }.
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('views_owner').on('views').column('owner_id').execute();
  // Mine and Unassigned read each assignee's queue in order.
  await db.schema.createIndex('tickets_assignee_queue_order').on('tickets').expression(sql`assignee_id, ${QUEUE_ORDER}`).execute();
  await db.schema.createIndex('tickets_site_queue_order').on('tickets').expression(sql`site_id, ${QUEUE_ORDER}`).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresSearch(db);
  else await sqliteSearch(db);
}

async function postgresSearch(db: MigrationDb): Promise<void> {
  await sql`CREATE INDEX tickets_search ON tickets USING gin (to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(description, '') || ' ' || coalesce(requester_name, '') || ' ' || coalesce(requester_email, '')))`.execute(db);
  await sql`CREATE INDEX messages_search ON messages USING gin (to_tsvector('simple', body))`.execute(db);
}

async function sqliteSearch(db: MigrationDb): Promise<void> {
  const tokenizer = sql.raw(`tokenize = "unicode61 remove_diacritics 2 tokenchars '@._-'"`);
  // rowid = the ticket's number (unique and stable).
  await sql`CREATE VIRTUAL TABLE ticket_search USING fts5(subject, description, requester_name, requester_email, ${tokenizer})`.execute(db);
  await sql`CREATE VIRTUAL TABLE message_search USING fts5(body, message_id UNINDEXED, conversation_id UNINDEXED, ${tokenizer})`.execute(db);
  const ticketRow = sql.raw(`new.number, new.subject, new.description, coalesce(new.requester_name, ''), coalesce(new.requester_email, '')`);
  await sql`CREATE TRIGGER ticket_search_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_search (rowid, subject, description, requester_name, requester_email) VALUES (${ticketRow}); END`.execute(db);
  await sql`CREATE TRIGGER ticket_search_update AFTER UPDATE OF subject, description, requester_name, requester_email ON tickets BEGIN
    DELETE FROM ticket_search WHERE rowid = old.number;
    INSERT INTO ticket_search (rowid, subject, description, requester_name, requester_email) VALUES (${ticketRow}); END`.execute(db);
  await sql`CREATE TRIGGER ticket_search_delete AFTER DELETE ON tickets BEGIN DELETE FROM ticket_search WHERE rowid = old.number; END`.execute(db);
  await sql`CREATE TRIGGER message_search_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_search (body, message_id, conversation_id) VALUES (new.body, new.id, new.conversation_id); END`.execute(db);
  // Bodies change only when a withdrawal erases them; a scan of the index then is fine.
  await sql`CREATE TRIGGER message_search_update AFTER UPDATE OF body ON messages BEGIN
    DELETE FROM message_search WHERE message_id = old.id;
    INSERT INTO message_search (body, message_id, conversation_id) VALUES (new.body, new.id, new.conversation_id); END`.execute(db);
  await sql`CREATE TRIGGER message_search_delete AFTER DELETE ON messages BEGIN DELETE FROM message_search WHERE message_id = old.id; END`.execute(db);
  // Backfill what exists.
  await sql`INSERT INTO ticket_search (rowid, subject, description, requester_name, requester_email)
    SELECT number, subject, description, coalesce(requester_name, ''), coalesce(requester_email, '') FROM tickets`.execute(db);
  await sql`INSERT INTO message_search (body, message_id, conversation_id) SELECT body, id, conversation_id FROM messages`.execute(db);
}

export async function down(db: MigrationDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`DROP INDEX messages_search`.execute(db);
    await sql`DROP INDEX tickets_search`.execute(db);
  } else {
    for (const trigger of ['ticket_search_insert', 'ticket_search_update', 'ticket_search_delete', 'message_search_insert', 'message_search_update', 'message_search_delete']) {
      await sql`DROP TRIGGER ${sql.raw(trigger)}`.execute(db);
    }
    await sql`DROP TABLE message_search`.execute(db);
    await sql`DROP TABLE ticket_search`.execute(db);
  }
  await db.schema.dropIndex('tickets_site_queue_order').execute();
  await db.schema.dropIndex('tickets_assignee_queue_order').execute();
  await db.schema.dropTable('views').execute();
  await db.schema.dropTable('ticket_tags').execute();
  await db.schema.alterTable('tickets').dropColumn('tags').execute();
}
