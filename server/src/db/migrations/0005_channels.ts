/**
 * Every channel into one queue: email threading, the outgoing mail outbox, attachments, quarantined mail,
 * customer self-service sign-in (one-time links and sessions), remote sessions and customers' preferences,
 * withdrawn tickets, out-of-hours calls, and message extras (folded quoted text, cards). Frozen.
 */
import type { MigrationDb } from './migration-db';


export async function up(db: MigrationDb): Promise<void> {
  // Every Message-ID of a ticket's thread, both directions, so a reply finds its ticket.
  await db.schema
    .createTable('email_messages')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('email_messages_ticket').on('email_messages').column('ticket_id').execute();

  // Mail waiting to go out; retried with backoff until sent, so nothing is lost while the transport is down.
  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text')
    /** The ticket message this mail carries (an agent's reply), so each is queued exactly once. */
    .addColumn('source_message_id', 'text', (c) => c.unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('in_reply_to', 'text')
    .addColumn('references', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('email_outbox_due').on('email_outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('message_id', 'text', (c) => c.references('messages.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    /** Where the bytes are kept, relative to the attachments folder. */
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_ticket').on('attachments').column('ticket_id').execute();

  // Mail that could not be turned into a ticket, kept with the reason for an admin to look at.
  await db.schema
    .createTable('quarantine')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('sender', 'text')
    .addColumn('subject', 'text')
    .addColumn('storage_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Customers' self-service sign-in: one-time links by email, then a session cookie.
  await db.schema
    .createTable('customer_login_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('customer_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('remote_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('note', 'text')
    .addColumn('agent_id', 'text', (c) => c.references('agents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('remote_sessions_ticket').on('remote_sessions').column('ticket_id').execute();

  // Per customer (email, or a visitor id for anonymous chat): e.g. the remote-support tool they prefer.
  await db.schema
    .createTable('customer_preferences')
    .addColumn('customer_key', 'text', (c) => c.primaryKey())
    .addColumn('preferred_tool', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('tickets').addColumn('withdrawn_at', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('out_of_hours', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('tickets_requester_email').on('tickets').column('requester_email').execute();
  await db.schema.createIndex('tickets_visitor').on('tickets').column('visitor_id').execute();
  /** Quoted history of an email reply, folded away in the desk. */
  await db.schema.alterTable('messages').addColumn('quoted', 'text').execute();
  /** JSON card shown with the message (a remote-session invitation). */
  await db.schema.alterTable('messages').addColumn('card', 'text').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('card').execute();
  await db.schema.alterTable('messages').dropColumn('quoted').execute();
  await db.schema.dropIndex('tickets_visitor').execute();
  await db.schema.dropIndex('tickets_requester_email').execute();
  await db.schema.alterTable('tickets').dropColumn('out_of_hours').execute();
  await db.schema.alterTable('tickets').dropColumn('withdrawn_at').execute();
  for (const t of ['customer_preferences', 'remote_sessions', 'customer_sessions', 'customer_login_tokens', 'quarantine', 'attachments', 'email_outbox', 'email_messages']) {
    await db.schema.dropTable(t).execute();
  }
}
