/**
 * The team queue at 10,000 open tickets: views that filter on a status and an assignee (Unassigned, Mine) or a
 * status and a centre read one index in the queue's order, for a page and for a count, instead of looking up
 * every ticket of the status to check the other column. Frozen.
 */
import { sql } from 'kysely';
import type { MigrationDb } from './migration-db';

/** The queue order of migrations 0004 and 0012, which the listing query repeats exactly. */
const QUEUE_ORDER = sql`coalesce(next_due_at, '9999-12-31T23:59:59.999Z'), id`;

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.createIndex('tickets_assignee_status_queue_order').on('tickets').expression(sql`assignee_id, status, ${QUEUE_ORDER}`).execute();
  await db.schema.createIndex('tickets_centre_status_queue_order').on('tickets').expression(sql`centre, status, ${QUEUE_ORDER}`).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('tickets_centre_status_queue_order').execute();
  await db.schema.dropIndex('tickets_assignee_status_queue_order').execute();
}
