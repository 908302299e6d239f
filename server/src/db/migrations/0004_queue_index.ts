/**
 * The queue's order (next deadline, tickets without one last, then id) as expression indexes, so listing the
 * queue reads an index in order instead of sorting. The expression must match the query's text exactly
 * (see ticket.repository.ts). Frozen.
 */
import { sql } from 'kysely';
import type { MigrationDb } from './migration-db';


export async function up(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('tickets_queue').execute();
  await db.schema.dropIndex('tickets_status_queue').execute();
  await db.schema.createIndex('tickets_queue_order').on('tickets').expression(sql`coalesce(next_due_at, '9999-12-31T23:59:59.999Z'), id`).execute();
  await db.schema
    .createIndex('tickets_status_queue_order')
    .on('tickets')
    .expression(sql`status, coalesce(next_due_at, '9999-12-31T23:59:59.999Z'), id`)
    .execute();
  // Each centre's queue.
  await db.schema
    .createIndex('tickets_centre_queue_order')
    .on('tickets')
    .expression(sql`centre, coalesce(next_due_at, '9999-12-31T23:59:59.999Z'), id`)
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('tickets_centre_queue_order').execute();
  await db.schema.dropIndex('tickets_status_queue_order').execute();
  await db.schema.dropIndex('tickets_queue_order').execute();
  await db.schema.createIndex('tickets_queue').on('tickets').columns(['next_due_at', 'id']).execute();
  await db.schema.createIndex('tickets_status_queue').on('tickets').columns(['status', 'next_due_at', 'id']).execute();
}
