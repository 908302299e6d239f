/**
 * Reaching customers after they leave: the email a messenger visitor gave (unverified until they confirm it), how
 * each agent reply reached the customer (seen live, mailed, still waiting) with the time it is due to be mailed,
 * and when a ticket's CSAT question was asked (once per ticket). Frozen.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('visitor_emails')
    .addColumn('visitor_id', 'text', (c) => c.primaryKey().references('visitors.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    // sha256 of the confirmation token mailed to the address; the token itself is never stored.
    .addColumn('token_hash', 'text', (c) => c.notNull())
    // The confirmation mail's Message-ID: a reply to it confirms the address too.
    .addColumn('confirm_message_id', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visitor_emails_token').on('visitor_emails').column('token_hash').execute();
  await db.schema
    .createTable('reply_reach')
    .addColumn('message_id', 'text', (c) => c.primaryKey().references('messages.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    // waiting | seen | mailed | unreachable
    .addColumn('status', 'text', (c) => c.notNull())
    // When an unseen reply is mailed (kept here so a restart loses no due time).
    .addColumn('due_at', 'text')
    .addColumn('outbox_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reply_reach_due').on('reply_reach').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('reply_reach_ticket').on('reply_reach').column('ticket_id').execute();
  await db.schema
    .createTable('csat_requests')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
    .addColumn('asked_via', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('csat_requests').execute();
  await db.schema.dropTable('reply_reach').execute();
  await db.schema.dropTable('visitor_emails').execute();
}
