/**
 * SLA clocks that pause and resume, the next-response clock, warning/breach bookkeeping, follow-up links and
 * extended-support plans. Frozen.
 */
import type { MigrationDb } from './migration-db';


export async function up(db: MigrationDb): Promise<void> {
  const columns: [string, 'text' | 'real'][] = [
    ['next_response_due_at', 'text'],
    ['next_response_started_at', 'text'],
    ['sla_paused_at', 'text'],
    ['sla_paused_minutes', 'real'],
    ['sla_warned_for', 'text'],
    ['sla_breached_for', 'text'],
    ['follow_up_of', 'text'],
    ['support_plan', 'text'],
    ['home_centre', 'text'],
  ];
  for (const [name, type] of columns) {
    await db.schema.alterTable('tickets').addColumn(name, type, (c) => (name === 'sla_paused_minutes' ? c.notNull().defaultTo(0) : c)).execute();
  }
  await db.schema.createIndex('tickets_status_solved').on('tickets').columns(['status', 'solved_at']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('tickets_status_solved').execute();
  for (const name of ['home_centre', 'support_plan', 'follow_up_of', 'sla_breached_for', 'sla_warned_for', 'sla_paused_minutes', 'sla_paused_at', 'next_response_started_at', 'next_response_due_at']) {
    await db.schema.alterTable('tickets').dropColumn(name).execute();
  }
}
