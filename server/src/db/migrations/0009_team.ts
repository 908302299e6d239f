/**
 * What the settings area, the team desk and the customer's answers share: the audit log of who changed what (every
 * settings, agent and token change and every sign-in) and one CSAT answer per ticket. Frozen.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    // The agent who acted; null for the system or for a failed sign-in (actor_label then names the address tried).
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    // e.g. site.updated, agent.deactivated, token.created, auth.login, auth.login_failed, webhook.created
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('site_id', 'text')
    // JSON { field: { from, to } } of what changed; secrets and passwords are never in it.
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_type', 'target_id']).execute();
  await db.schema
    .createTable('csat_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().unique().references('tickets.id').onDelete('cascade'))
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    // Where the customer answered: chat, email or portal.
    .addColumn('answered_via', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('csat_responses_site_created').on('csat_responses').columns(['site_id', 'created_at']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('csat_responses').execute();
  await db.schema.dropTable('audit_log').execute();
}
