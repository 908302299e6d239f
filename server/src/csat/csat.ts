/**
 * "How did we do?": when a ticket is solved its customer is asked once (whatever happens to the ticket later),
 * in the messenger for chat tickets, by email for email tickets, and in the portal's view of the request; never
 * for a withdrawn or spam ticket, and only while the site has `csat.enabled`. One answer per ticket
 * (`csat_responses.ticket_id` is unique); an answer raises `csat.submitted`.
 */
import { randomUUID } from 'node:crypto';
import type { CsatAnswer } from '../../../shared/reach';
import type { DbOrTx, Tx } from '../db/database';
import type { TicketRow } from '../db/schema';
import { AppError } from '../errors';
import { textsFor } from '../i18n';
import { mailLanguageFor } from '../i18n/mail-language';
import { enqueueMail } from '../channels/email/outbox';
import { replySubject } from '../channels/email/outgoing-mail';
import { threadOf, trimReferences } from '../channels/email/threading';
import { findSiteById, siteSettings } from '../sites/site.repository';
import { findTicket, insertTicketEvent, type Actor } from '../tickets/ticket.repository';
import type { Work } from '../work';
import type { ReachContext } from '../reach/reach-context';
import { reachableEmail } from '../reach/visitor-email';
import { csatLink } from './csat-token';

/** The category triage gives junk; such tickets are never asked. */
const SPAM_CATEGORY = 'spam';

/** Whether a solved ticket's customer may be asked (and may answer): enabled for its site, not withdrawn, not spam. */
async function csatApplies(db: DbOrTx, ticket: TicketRow): Promise<boolean> {
  if (ticket.withdrawn_at || ticket.category === SPAM_CATEGORY) return false;
  const site = await findSiteById(db, ticket.site_id);
  return site ? siteSettings(site).csat.enabled : false;
}

/**
 * Asks a just-solved ticket's customer, once: records the question, and for an email ticket (or any ticket whose
 * customer is reachable only by mail) queues the mail with the links to the answer page.
 */
export async function askForCsat(ctx: ReachContext, tx: Tx, ticketId: string): Promise<boolean> {
  const ticket = await findTicket(tx, ticketId);
  if (!ticket || ticket.status !== 'solved' || !(await csatApplies(tx, ticket))) return false;
  const via = ticket.channel === 'chat' ? 'chat' : ticket.channel === 'email' ? 'email' : 'portal';
  const asked = await tx.insertInto('csat_requests').values({ ticket_id: ticket.id, asked_via: via, created_at: ctx.now().toISOString() }).onConflict((oc) => oc.column('ticket_id').doNothing()).executeTakeFirst();
  if (Number(asked.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
  const to = via === 'email' ? await reachableEmail(tx, ticket) : null;
  if (to) await mailCsatQuestion(ctx, tx, ticket, to);
  return true;
}

async function mailCsatQuestion(ctx: ReachContext, tx: Tx, ticket: TicketRow, to: string): Promise<void> {
  const language = await mailLanguageFor(tx, ticket);
  const links = [1, 2, 3, 4, 5].map((n) => `${n} ${'★'.repeat(n)}: ${csatLink(ctx.config.publicUrl, ctx.secret, ticket.id, n, language)}`).join('\n');
  const thread = await threadOf(tx, ticket.id);
  const mail = textsFor(language).mail;
  await enqueueMail(
    tx,
    ctx.supportEmail,
    {
      ticketId: ticket.id,
      kind: 'csat',
      to,
      subject: replySubject(ticket.number, ticket.subject),
      text: `${mail.hello}\n\n${mail.csatBody(ticket.number, links)}`,
      inReplyTo: thread.latestIncoming,
      references: trimReferences(thread.ids),
    },
    ctx.now(),
  );
}

/** Records the customer's answer (once per ticket) and raises `csat.submitted`. */
export async function submitCsat(
  ctx: ReachContext,
  work: Work,
  props: { ticketId: string; rating: number; comment: string | null; via: 'chat' | 'email' | 'portal'; actor: Actor },
): Promise<CsatAnswer> {
  const ticket = await findTicket(work.tx, props.ticketId);
  if (!ticket) throw new AppError('not_found', 'No such request');
  if (!(await csatApplies(work.tx, ticket))) throw new AppError('forbidden', 'This request does not take a rating');
  if (ticket.status !== 'solved' && ticket.status !== 'closed') throw new AppError('invalid_transition', 'Only a solved request can be rated');
  const now = ctx.now();
  const inserted = await work.tx
    .insertInto('csat_responses')
    .values({ id: randomUUID(), ticket_id: ticket.id, site_id: ticket.site_id, rating: props.rating, comment: props.comment, answered_via: props.via, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) throw new AppError('conflict', 'This request has already been rated');
  await insertTicketEvent(work.tx, { ticketId: ticket.id, type: 'csat_submitted', actor: props.actor, to: String(props.rating), reason: `Rated ${props.rating} of 5 (${props.via})`, at: now });
  work.raise('csat.submitted', { ticketId: ticket.id, ticketNumber: Number(ticket.number), siteId: ticket.site_id, rating: props.rating, comment: props.comment, answeredVia: props.via });
  return { rating: props.rating, comment: props.comment, answeredVia: props.via, createdAt: now.toISOString() };
}

/** The question and the answer of one ticket. */
export async function csatOf(db: DbOrTx, ticketId: string): Promise<{ askedAt: string | null; answer: CsatAnswer | null }> {
  const asked = await db.selectFrom('csat_requests').select('created_at').where('ticket_id', '=', ticketId).executeTakeFirst();
  const row = await db.selectFrom('csat_responses').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
  return {
    askedAt: asked?.created_at ?? null,
    answer: row ? { rating: Number(row.rating), comment: row.comment, answeredVia: row.answered_via, createdAt: row.created_at } : null,
  };
}
