/**
 * Webhooks: the endpoints an admin registers and the outbox of their deliveries. A delivery row is written in the
 * transaction of the fact it reports, so nothing is lost on a restart; its id is the `webhook-id` every attempt
 * carries. Frozen.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // JSON array of event types (ticket.created, message.created, …).
    .addColumn('events', 'text', (c) => c.notNull())
    // whsec_<base64>: shown to the admin once, kept to sign deliveries.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('event_type', 'text', (c) => c.notNull())
    // The ticket the fact is about, so withdrawing a request erases what its deliveries carried.
    .addColumn('ticket_id', 'text')
    // The exact JSON body sent ({ type, timestamp, data }), so every attempt signs the same bytes.
    .addColumn('payload', 'text', (c) => c.notNull())
    // queued (waiting or retrying), delivered, failed (gave up after the retry window)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_attempt_at', 'text')
    .addColumn('response_status', 'integer')
    .addColumn('duration_ms', 'integer')
    // The first characters of the receiver's answer, or why there was none (timeout, refused).
    .addColumn('response_excerpt', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_ticket').on('webhook_deliveries').column('ticket_id').execute();
  await db.schema.createIndex('webhook_deliveries_webhook').on('webhook_deliveries').columns(['webhook_id', 'created_at']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhooks').execute();
}
