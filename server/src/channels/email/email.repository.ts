/**
 * The email channel's storage: the outbox (mail to send), each ticket's thread of Message-IDs, and the
 * quarantine. The ticket and message lookups only the email channel makes live here too.
 */
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database';
import type { EmailMessageTable, EmailOutboxTable, QuarantineTable, TicketRow } from '../../db/schema';

export type OutboxRow = Selectable<EmailOutboxTable>;

// ---- the outbox ----

export async function insertOutboxMail(db: DbOrTx, row: Insertable<EmailOutboxTable>): Promise<void> {
  await db.insertInto('email_outbox').values(row).execute();
}

/** Queued mail whose attempt is due at `now`, oldest first. */
export async function listDueMail(db: DbOrTx, now: string, limit: number): Promise<OutboxRow[]> {
  return db.selectFrom('email_outbox').selectAll().where('status', '=', 'queued').where('next_attempt_at', '<=', now).orderBy('created_at').limit(limit).execute();
}

/**
 * Claims a queued mail for one sending attempt: counts the attempt and pushes its next one to `nextAttemptAt`,
 * only if no other process claimed it since it was read. Resolves true when this caller has it.
 */
export async function claimOutboxMail(db: DbOrTx, mail: Pick<OutboxRow, 'id' | 'attempts'>, nextAttemptAt: string): Promise<boolean> {
  const claim = await db
    .updateTable('email_outbox')
    .set({ next_attempt_at: nextAttemptAt, attempts: mail.attempts + 1 })
    .where('id', '=', mail.id)
    .where('status', '=', 'queued')
    .where('attempts', '=', mail.attempts)
    .executeTakeFirst();
  return Number(claim.numUpdatedRows) > 0;
}

export async function markMailSent(db: DbOrTx, id: string, at: string): Promise<void> {
  await db.updateTable('email_outbox').set({ status: 'sent', sent_at: at, last_error: null }).where('id', '=', id).execute();
}

/** Keeps a failed attempt's error and when to try again (the mail stays queued). */
export async function markMailFailed(db: DbOrTx, id: string, failure: { error: string; nextAttemptAt: string }): Promise<void> {
  await db.updateTable('email_outbox').set({ last_error: failure.error, next_attempt_at: failure.nextAttemptAt }).where('id', '=', id).execute();
}

/** Mail of these kinds queued to one address since `since` (how many automatic mails it got this hour). */
export async function countMailToSince(db: DbOrTx, to: string, kinds: readonly string[], since: string): Promise<number> {
  const row = await db
    .selectFrom('email_outbox')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('to_address', '=', to)
    .where('kind', 'in', [...kinds])
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---- threads ----

/** Puts a Message-ID on a ticket's thread, in the direction the mail went. */
export async function recordThreadMessage(db: DbOrTx, row: Insertable<EmailMessageTable>): Promise<void> {
  await db.insertInto('email_messages').values(row).execute();
}

/** Whose thread a Message-ID is on, and in which direction. */
export async function findThreadMessage(db: DbOrTx, messageId: string): Promise<{ ticket_id: string; direction: string } | undefined> {
  return db.selectFrom('email_messages').select(['ticket_id', 'direction']).where('message_id', '=', messageId).executeTakeFirst();
}

/** The ticket of each of these Message-IDs that is on a thread. */
export async function findThreadMessages(db: DbOrTx, messageIds: readonly string[]): Promise<{ message_id: string; ticket_id: string }[]> {
  return db.selectFrom('email_messages').select(['message_id', 'ticket_id']).where('message_id', 'in', [...messageIds]).execute();
}

/** A ticket's thread, oldest first. */
export async function listThreadMessages(db: DbOrTx, ticketId: string): Promise<{ message_id: string; direction: 'in' | 'out' }[]> {
  return db.selectFrom('email_messages').select(['message_id', 'direction']).where('ticket_id', '=', ticketId).orderBy('created_at').execute();
}

// ---- tickets and messages, as the email channel looks them up ----

/** The ticket a number in a subject names. */
export async function findTicketByNumber(db: DbOrTx, number: number): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirst();
}

/** The newest follow-up started from a ticket (a reply to a closed ticket), closed or not. */
export async function newestFollowUpOf(db: DbOrTx, ticketId: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('follow_up_of', '=', ticketId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

/** The first message of a conversation (the mail a new email ticket was made from). */
export async function firstMessageIdOf(db: DbOrTx, conversationId: string): Promise<string | undefined> {
  return (await db.selectFrom('messages').select('id').where('conversation_id', '=', conversationId).orderBy('seq').limit(1).executeTakeFirst())?.id;
}

/** Keeps the quoted history a mail carried below the customer's new text. */
export async function setMessageQuoted(db: DbOrTx, messageId: string, quoted: string): Promise<void> {
  await db.updateTable('messages').set({ quoted }).where('id', '=', messageId).execute();
}

// ---- quarantine ----

export async function insertQuarantined(db: DbOrTx, row: Insertable<QuarantineTable>): Promise<void> {
  await db.insertInto('quarantine').values(row).execute();
}

/** How many entries the quarantine holds, and their bytes of raw mail. */
export async function quarantineTotals(db: DbOrTx): Promise<{ count: number; bytes: number }> {
  const totals = await db
    .selectFrom('quarantine')
    .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.sum<string | number | null>('size').as('bytes')])
    .executeTakeFirst();
  return { count: Number(totals?.n ?? 0), bytes: Number(totals?.bytes ?? 0) };
}

/** The oldest entries first. */
export async function listOldestQuarantined(db: DbOrTx, limit: number): Promise<Pick<Selectable<QuarantineTable>, 'id' | 'storage_key' | 'size'>[]> {
  return db.selectFrom('quarantine').select(['id', 'storage_key', 'size']).orderBy('created_at').orderBy('id').limit(limit).execute();
}

export async function deleteQuarantined(db: DbOrTx, ids: readonly string[]): Promise<void> {
  await db.deleteFrom('quarantine').where('id', 'in', [...ids]).execute();
}
