/**
 * The email a messenger visitor gives so a person can answer them after they leave. An address typed into the
 * messenger proves nothing: the first and only mail it gets before it is confirmed is the confirmation itself
 * ("reply or click to confirm"), so the messenger cannot be used to mail strangers. A verified identity's email
 * (the site's signed JWT) needs no question and no confirmation.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTx, Tx } from '../db/database';
import type { TicketRow, VisitorRow } from '../db/schema';
import { enqueueMail } from '../channels/email/outbox';
import type { ReachContext } from './reach-context';
import { replySubject } from '../channels/email/outgoing-mail';
import { addressTag } from '../channels/email/mail-log';
import { textsFor } from '../i18n';
import { visitorLanguage } from '../i18n/mail-language';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** What the messenger knows about reaching this visitor by mail. */
export type EmailReach =
  | { status: 'verified'; email: string }
  | { status: 'confirmed'; email: string }
  | { status: 'pending'; email: string }
  | { status: 'none'; email: null };

export async function emailReachOf(db: DbOrTx, visitor: VisitorRow): Promise<EmailReach> {
  if (visitor.verified && visitor.email) return { status: 'verified', email: visitor.email };
  const row = await db.selectFrom('visitor_emails').selectAll().where('visitor_id', '=', visitor.id).executeTakeFirst();
  if (!row) return { status: 'none', email: null };
  return { status: row.confirmed_at ? 'confirmed' : 'pending', email: row.email };
}

/**
 * Where mail for a ticket may go: its requester's email (from a verified identity, an email ticket, or an agent
 * who logged a call), else the email its visitor confirmed; null when there is none.
 */
export async function reachableEmail(db: DbOrTx, ticket: TicketRow): Promise<string | null> {
  if (ticket.requester_email) return ticket.requester_email;
  if (!ticket.visitor_id) return null;
  const row = await db.selectFrom('visitor_emails').select(['email', 'confirmed_at']).where('visitor_id', '=', ticket.visitor_id).executeTakeFirst();
  return row?.confirmed_at ? row.email : null;
}

/**
 * Records the address a visitor gave and queues its confirmation mail (threaded on their newest ticket, so a reply
 * to it confirms the address and lands on that ticket). Giving the same address again while it is pending sends
 * one more confirmation; a new address replaces the old one, unconfirmed.
 */
export async function giveEmail(ctx: ReachContext, tx: Tx, props: { visitor: VisitorRow; email: string; siteName: string; ticket: TicketRow | undefined }): Promise<EmailReach> {
  const email = props.email.trim().toLowerCase();
  const current = await tx.selectFrom('visitor_emails').selectAll().where('visitor_id', '=', props.visitor.id).executeTakeFirst();
  if (current?.confirmed_at && current.email === email) return { status: 'confirmed', email };
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  // In the language the visitor's messenger speaks (the session told the server), else the site's; the link's
  // page speaks it too.
  const language = await visitorLanguage(tx, props.visitor);
  const mail = textsFor(language).mail;
  const link = `${ctx.config.publicUrl}/reach/confirm?token=${encodeURIComponent(token)}&lang=${language}`;
  const { messageId } = await enqueueMail(
    tx,
    ctx.supportEmail,
    {
      ticketId: props.ticket?.id ?? null,
      kind: 'email_confirmation',
      to: email,
      // Our words only: the address may be anyone's, so nothing the visitor wrote goes into this mail.
      subject: props.ticket ? replySubject(props.ticket.number, mail.confirmSubject) : mail.confirmSubject,
      text: `${mail.hello}\n\n${mail.confirmBody(props.siteName, props.ticket?.number ?? null, link)}`,
    },
    now,
  );
  const values = { email, token_hash: sha256(token), confirm_message_id: messageId, confirmed_at: null, created_at: now.toISOString() };
  if (current) await tx.updateTable('visitor_emails').set(values).where('visitor_id', '=', props.visitor.id).execute();
  else await tx.insertInto('visitor_emails').values({ visitor_id: props.visitor.id, ...values }).execute();
  ctx.log.info({ visitorId: props.visitor.id, to: addressTag(email) }, 'visitor gave an email; confirmation queued');
  return { status: 'pending', email };
}

/** The visitor whose confirmation link carried `token` (confirmed or not), or null for an unknown token. */
export async function visitorOfConfirmation(db: DbOrTx, token: string): Promise<string | null> {
  const row = await db.selectFrom('visitor_emails').select('visitor_id').where('token_hash', '=', sha256(token)).executeTakeFirst();
  return row?.visitor_id ?? null;
}

/** Confirms the address whose link carried `token`; resolves with the visitor, or null for an unknown token. */
export async function confirmByToken(db: DbOrTx, token: string, now: Date): Promise<{ visitorId: string } | null> {
  const row = await db.selectFrom('visitor_emails').select(['visitor_id', 'confirmed_at']).where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row) return null;
  if (!row.confirmed_at) await db.updateTable('visitor_emails').set({ confirmed_at: now.toISOString() }).where('visitor_id', '=', row.visitor_id).execute();
  return { visitorId: row.visitor_id };
}

/**
 * A reply to a confirmation mail confirms its address, when it comes from that address: only its owner has the
 * confirmation's Message-ID. Resolves true when it confirmed one.
 */
export async function confirmByReply(db: DbOrTx, props: { ids: readonly string[]; from: string; now: Date }): Promise<boolean> {
  if (!props.ids.length) return false;
  const result = await db
    .updateTable('visitor_emails')
    .set({ confirmed_at: props.now.toISOString() })
    .where('confirm_message_id', 'in', [...props.ids])
    .where('email', '=', props.from.toLowerCase())
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
