/**
 * Mail to customers about their email tickets: the acknowledgement of a new request, a notice about files we
 * could not keep, and every public reply an agent writes. All of it goes through the outbox (queued in the
 * database, retried with backoff) and is threaded: In-Reply-To the customer's newest mail, References the
 * ticket's thread, `[#number]` in the subject. Internal notes are never mailed.
 */
import type { Message } from '../../../../shared/protocol';
import type { CoreContext } from '../../context';
import type { Tx } from '../../db/database';
import type { TicketRow } from '../../db/schema';
import { textsFor, type Texts } from '../../i18n';
import { en } from '../../i18n/en';
import { mailLanguageFor, mailTextsFor } from '../../i18n/mail-language';
import { describePromise } from '../../tickets/promise';
import { findTicket } from '../../tickets/ticket.repository';
import { countMailToSince } from './email.repository';
import { baseSubject } from './mail-text';
import { addressTag } from './mail-log';
import { enqueueMail } from './outbox';
import { fmtSize, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type RejectedAttachment } from './read-mail';
import { threadOf, trimReferences } from './threading';

/** The core context and the address mail comes from. */
export interface MailContext extends CoreContext {
  supportEmail: string;
}

/** At most this many automatic mails (acknowledgements, notices) to one address per hour: a loop breaker. */
export const MAX_AUTOMATIC_MAILS_PER_HOUR = 5;

export type { RejectedAttachment };

/** `[#1042] Re: <subject>`: the acknowledgement's subject. */
export function acknowledgementSubject(number: number, subject: string): string {
  return `[#${number}] Re: ${baseSubject(subject)}`;
}

/** `Re: [#1042] <subject>`: every later mail on the ticket. */
export function replySubject(number: number, subject: string): string {
  return `Re: [#${number}] ${baseSubject(subject)}`;
}

/** The files not kept, by name when `echo` (the mail goes back to its sender), else by count only. */
function rejectedLines(mail: Texts['mail'], rejected: readonly RejectedAttachment[], echo: boolean): string {
  if (!rejected.length) return '';
  const why = (r: RejectedAttachment) => (r.limit === 'size' ? mail.tooBig(fmtSize(r.size), fmtSize(MAX_ATTACHMENT_BYTES)) : mail.tooMany(MAX_ATTACHMENTS));
  const lines = echo ? rejected.map((r) => `- ${r.filename}: ${why(r)}`).join('\n') : `- ${mail.overLimits}`;
  return `${mail.notKept(rejected.length, lines)}\n\n`;
}

/** Whether one more automatic mail may go to this address now (see MAX_AUTOMATIC_MAILS_PER_HOUR). */
async function mayMailAutomatically(ctx: MailContext, tx: Tx, to: string): Promise<boolean> {
  const since = new Date(ctx.now().getTime() - 60 * 60_000).toISOString();
  const recent = await countMailToSince(tx, to, ['acknowledgement', 'notice'], since);
  if (recent >= MAX_AUTOMATIC_MAILS_PER_HOUR) {
    ctx.log.warn({ to: addressTag(to), recent }, 'automatic mail to this address held back: too many this hour (possible mail loop)');
    return false;
  }
  return true;
}

/**
 * Queues the acknowledgement of a new email ticket (in the caller's transaction): the ticket number in the
 * subject and the text, the honest promise of who answers by when, and what happened to files we could not
 * keep. Threaded on the customer's mail. Without `echo` (it goes to a Reply-To the sender chose, which may be
 * a stranger's address) it carries no words of the mail: no subject, no name, no file names.
 */
export async function queueAcknowledgement(
  ctx: MailContext,
  tx: Tx,
  props: { ticket: TicketRow; to: string; name: string | null; inReplyTo: string | null; references: string[]; followUpOfNumber: number | null; rejected: readonly RejectedAttachment[]; siteName: string; echo: boolean },
): Promise<boolean> {
  if (!(await mayMailAutomatically(ctx, tx, props.to))) return false;
  const { ticket } = props;
  const now = ctx.now();
  const language = await mailLanguageFor(tx, ticket);
  const mail = textsFor(language).mail;
  const promise = describePromise(ctx.operations.get(), ticket, ticket.requester_time_zone, now, language);
  const opening = props.followUpOfNumber ? mail.followUp(props.followUpOfNumber, ticket.number) : mail.received(ticket.number);
  const text =
    `${props.name && props.echo ? mail.helloName(props.name) : mail.hello}\n\n` +
    `${opening}\n\n` +
    `${promise}\n\n` +
    rejectedLines(mail, props.rejected, props.echo) +
    `${mail.addMore(ticket.number)}\n\n` +
    `${mail.signature(props.siteName)}\n`;
  await enqueueMail(
    tx,
    ctx.supportEmail,
    {
      ticketId: ticket.id,
      kind: 'acknowledgement',
      to: props.to,
      subject: props.echo ? acknowledgementSubject(ticket.number, ticket.subject) : mail.neutralSubject(ticket.number),
      text,
      // Not threaded on the mail either: its Message-ID is text the sender chose.
      inReplyTo: props.echo ? props.inReplyTo : null,
      references: props.echo ? trimReferences(props.references) : [],
    },
    now,
  );
  return true;
}

/** Tells the customer which files of their reply were not kept (a reply gets no acknowledgement otherwise). */
export async function queueAttachmentNotice(
  ctx: MailContext,
  tx: Tx,
  props: { ticket: TicketRow; to: string; echo: boolean; inReplyTo: string | null; references: string[]; rejected: readonly RejectedAttachment[]; siteName: string },
): Promise<boolean> {
  if (!props.rejected.length || !(await mayMailAutomatically(ctx, tx, props.to))) return false;
  const mail = await mailTextsFor(tx, props.ticket);
  const text = `${mail.hello}\n\n${mail.added(props.ticket.number)}\n\n${rejectedLines(mail, props.rejected, props.echo)}${mail.signature(props.siteName)}\n`;
  await enqueueMail(
    tx,
    ctx.supportEmail,
    { ticketId: props.ticket.id, kind: 'notice', to: props.to, subject: props.echo ? replySubject(props.ticket.number, props.ticket.subject) : mail.neutralSubject(props.ticket.number), text, inReplyTo: props.echo ? props.inReplyTo : null, references: props.echo ? trimReferences(props.references) : [] },
    ctx.now(),
  );
  return true;
}

/** The mail an agent's public reply becomes. */
export function agentReplyText(ticket: Pick<TicketRow, 'number'>, message: Pick<Message, 'body' | 'author'>, mail: Texts['mail'] = en.mail): string {
  return `${message.body.trim()}\n\n--\n${message.author.name}\n${mail.replyFooter(ticket.number)}\n`;
}

/**
 * Queues the mail for an agent's public reply on an email ticket, in the reply's own transaction (so a reply that
 * commits always has its mail, and a rolled-back one has none); internal notes and other channels send nothing
 * here (replies on other channels are mailed by `reach/`, through `queueReplyMail`).
 */
export async function mailAgentReply(ctx: MailContext, tx: Tx, ticketId: string, message: Message): Promise<boolean> {
  if (message.internal || message.author.kind !== 'agent') return false;
  const ticket = await findTicket(tx, ticketId);
  if (!ticket || ticket.channel !== 'email' || !ticket.requester_email || ticket.withdrawn_at) return false;
  await queueReplyMail(ctx, tx, ticket, message, ticket.requester_email);
  return true;
}

/**
 * Queues one agent reply as mail to `to`, threaded like every mail of the ticket (Re: [#number], In-Reply-To the
 * customer's newest mail, References the thread), so the customer's answer comes back to the same ticket.
 * Resolves with the outbox id.
 */
export async function queueReplyMail(ctx: MailContext, tx: Tx, ticket: TicketRow, message: Pick<Message, 'id' | 'body' | 'author' | 'internal'>, to: string): Promise<string> {
  if (message.internal) throw new Error('internal notes are never mailed');
  const thread = await threadOf(tx, ticket.id);
  const mail = await mailTextsFor(tx, ticket);
  const { id } = await enqueueMail(
    tx,
    ctx.supportEmail,
    {
      ticketId: ticket.id,
      sourceMessageId: message.id,
      kind: 'reply',
      to,
      subject: replySubject(ticket.number, ticket.subject),
      text: agentReplyText(ticket, message, mail),
      inReplyTo: thread.latestIncoming ?? thread.ids[thread.ids.length - 1] ?? null,
      references: trimReferences(thread.ids),
    },
    ctx.now(),
  );
  return id;
}

/**
 * Mails agents' public replies on email tickets: each reply's mail is queued in the transaction that stores the
 * reply (a transactional outbox), so none is lost or sent twice whatever the process does. Returns the unsubscribe
 * function.
 */
export function mailAgentReplies(ctx: MailContext): () => void {
  return ctx.events.withinTransaction('message.created', async (tx, { message, ticketId }) => {
    if (!ticketId || message.internal || message.author.kind !== 'agent') return;
    await mailAgentReply(ctx, tx, ticketId, message);
  });
}
