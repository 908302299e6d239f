/**
 * One mail that arrived for SUPPORT_EMAIL, start to end: parse (any charset), drop what a program sent,
 * quarantine what cannot be read, thread a reply onto its ticket (a closed ticket gets a follow-up), or open a
 * new ticket (triaged, routed, with SLA) and acknowledge it. Attachments are kept on disk within limits.
 */
import { randomUUID } from 'node:crypto';
import type { Language } from '../../../../shared/language';
import type { Message } from '../../../../shared/protocol';
import type { Level } from '../../../../shared/priority';
import type { TriageResult } from '../../ai/engine';
import { insertAttachment, type NewAttachment } from '../../attachments/attachment.repository';
import type { DbOrTx, Tx } from '../../db/database';
import type { SiteRow, TicketRow } from '../../db/schema';
import { languageOfMail } from '../../i18n';
import { appendMessage } from '../../messages/message.repository';
import { assessmentOf, createTicket } from '../../tickets/create-ticket';
import { addCustomerMessage } from '../../tickets/customer-message';
import { confirmByReply } from '../../reach/visitor-email';
import { inTransaction } from '../../work';
import { findTicket, type Actor } from '../../tickets/ticket.repository';
import { findFirstSite } from '../../sites/site.repository';
import { findThreadMessage, firstMessageIdOf, recordThreadMessage, setMessageQuoted } from './email.repository';
import { automatedReason, headerValue, suppressesAutoResponses, type MailHeader } from './automated';
import { addressTag } from './mail-log';
import type { MailReader } from './mail-reader';
import { baseSubject, cleanSubject, textForTriage } from './mail-text';
import { queueAcknowledgement, queueAttachmentNotice, type MailContext } from './outgoing-mail';
import { quarantine, type QuarantineContext } from './quarantine';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, fmtSize, type RejectedAttachment, type StagedFile } from './read-mail';
import { checkSender, type SenderAuthOptions, type SenderCheck } from './sender-auth';
import { findTicketForReply, openFollowUpOf, type IgnoredNumber } from './threading';

export { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, sortAttachments } from './read-mail';

/** Largest mail the SMTP server accepts (bytes, as sent: base64 makes files about a third bigger). */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
/** A Date header earlier than now by at most this much is when the customer wrote (mail waits in queues). */
export const MAX_BACKDATE_MS = 24 * 60 * 60_000;

/** What receiving mail needs: the core context, SUPPORT_EMAIL, Kai's triage, the attachments folder, the mail reader and the sender checks. */
export interface EmailContext extends MailContext, QuarantineContext {
  triage: (text: string) => Promise<TriageResult>;
  reader: MailReader;
  senderAuth: SenderAuthOptions;
}

/** The SMTP envelope: MAIL FROM ('' for the null sender) and the accepted recipients, and who sent it. */
export interface Envelope {
  mailFrom: string | null;
  rcptTo: string[];
  /** The SMTP client's address (unknown: the sender cannot pass SPF). */
  clientIp?: string | null;
  /** What the client said in EHLO/HELO. */
  helo?: string | null;
}

/** What became of a received mail (the SMTP answer and the tests read it). */
export type ReceiveOutcome =
  | { kind: 'ticket'; ticketId: string; number: number; followUpOf: string | null }
  | { kind: 'reply'; ticketId: string; number: number }
  | { kind: 'duplicate'; ticketId: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'quarantined'; reason: string };

/** When the customer wrote: the Date header when it is in the past but not by more than a day, else now. */
export function receivedAtFor(date: Date | undefined, now: Date): Date {
  if (!date || Number.isNaN(date.getTime())) return now;
  const t = date.getTime();
  return t <= now.getTime() && t >= now.getTime() - MAX_BACKDATE_MS ? date : now;
}

async function defaultSite(db: DbOrTx): Promise<SiteRow> {
  // Email has one address for the whole deployment: its tickets belong to the first site (`demo` on a new database).
  const site = await findFirstSite(db);
  if (!site) throw new Error('no site to file email tickets under');
  return site;
}

async function triage(ctx: EmailContext, text: string): Promise<TriageResult> {
  try {
    return await ctx.triage(text);
  } catch (err) {
    ctx.log.warn({ err }, 'triage failed; email ticket filed as medium/medium');
    const medium: Level = 'medium';
    return { urgency: medium, urgencyReason: 'Triage was unavailable', impact: medium, impactReason: 'Triage was unavailable', category: 'other', evidence: [] };
  }
}

/** Moves the kept files of a ticket's mail into place; the rows are inserted by the caller's transaction. */
async function storeFiles(ctx: EmailContext, ticketId: string, messageId: string | null, files: readonly StagedFile[]): Promise<NewAttachment[]> {
  const rows: NewAttachment[] = [];
  const now = ctx.now().getTime();
  try {
    for (const [i, f] of files.entries()) {
      const id = randomUUID();
      const key = await ctx.store.adopt(ticketId, id, f.path);
      // A millisecond apart, so the ticket lists them in the mail's order.
      rows.push({ id, ticket_id: ticketId, message_id: messageId, filename: f.filename, content_type: f.contentType, size: f.size, storage_key: key, created_at: new Date(now + i).toISOString() });
    }
  } catch (err) {
    await ctx.store.remove(rows.map((r) => r.storage_key));
    throw err;
  }
  return rows;
}

/** The internal note that tells agents which files were not kept. */
async function noteRejected(ctx: EmailContext, tx: Tx, conversationId: string, rejected: readonly RejectedAttachment[]): Promise<Message | null> {
  if (!rejected.length) return null;
  const lines = rejected.map((r) => `- ${r.filename}: ${r.reason}`).join('\n');
  const { message } = await appendMessage(tx, {
    conversationId,
    author: { kind: 'system', name: 'Email' },
    body: `${rejected.length === 1 ? 'One file' : `${rejected.length} files`} from this email ${rejected.length === 1 ? 'was' : 'were'} not kept (limits: ${MAX_ATTACHMENTS} files, ${fmtSize(MAX_ATTACHMENT_BYTES)} each). The customer was told.\n${lines}`,
    internal: true,
    now: ctx.now(),
  });
  return message;
}

/** What we read from a mail before deciding where it goes. */
interface ReadMail {
  headers: MailHeader[];
  messageId: string | null;
  ids: string[];
  subject: string;
  fromAddress: string;
  requesterEmail: string;
  name: string | null;
  body: string;
  quoted: string | null;
  kept: StagedFile[];
  rejected: RejectedAttachment[];
  date: Date | undefined;
  /** The language the mail says it is in (Content-Language, Accept-Language); null when it says nothing we speak. */
  language: Language | null;
  /** The sender asked for no automatic responses. */
  noAutoResponses: boolean;
  /** Whether the From address is really the sender's (checked once, when first needed: it may look up DNS). */
  sender: () => Promise<SenderCheck>;
}

/**
 * Handles one received mail, spooled at `spooled` (the file is gone when this returns: moved into the
 * quarantine or removed). Never throws for what a mail contains (that is quarantined); throws only when
 * storage fails, so the SMTP server can answer "try again later".
 */
export async function receiveMail(ctx: EmailContext, spooled: string, envelope: Envelope): Promise<ReceiveOutcome> {
  // The reader writes the files it keeps in a folder of this mail's own, removed whole at the end: files a
  // worker stopped mid-mail (over its budget) had begun are removed with it.
  const stageDir = await ctx.store.stagingDir();
  try {
    const read = await ctx.reader.read({ path: spooled, stageDir, supportEmail: ctx.supportEmail });
    return await handleRead(ctx, spooled, envelope, read);
  } finally {
    await ctx.store.discard([spooled, stageDir]);
  }
}

async function handleRead(ctx: EmailContext, spooled: string, envelope: Envelope, read: Awaited<ReturnType<MailReader['read']>>): Promise<ReceiveOutcome> {
  const sender = envelope.mailFrom;
  if (!read.ok) {
    ctx.log.info({ reason: read.reason, sender: addressTag(sender) }, 'email quarantined');
    await quarantine(ctx, { reason: read.reason, sender, subject: null, spooled });
    return { kind: 'quarantined', reason: read.reason };
  }
  const parsed = read.mail;
  const { headers, subject } = parsed;
  const fromAddress = parsed.from?.address ?? null;
  const supportEmail = ctx.supportEmail.toLowerCase();

  const automated = automatedReason({ headers, envelopeFrom: sender === null ? null : sender.toLowerCase(), fromAddress, subject, supportEmail });
  if (automated) {
    const reason = `automated: ${automated}`;
    ctx.log.info({ reason, sender: addressTag(fromAddress ?? sender) }, 'automatic email ignored: no ticket, no answer');
    await quarantine(ctx, { reason, sender: fromAddress ?? sender, subject, spooled: null });
    return { kind: 'ignored', reason };
  }
  if (!headers.length || !fromAddress || parsed.unreadable) {
    const reason = !headers.length ? 'malformed: no mail headers' : !fromAddress ? 'malformed: no sender address (From)' : 'malformed: broken MIME structure (no readable part)';
    ctx.log.info({ reason, sender: addressTag(sender) }, 'email quarantined');
    await quarantine(ctx, { reason, sender, subject: parsed.hasSubject ? subject : null, spooled });
    return { kind: 'quarantined', reason };
  }

  const replyTo = parsed.replyTo;
  let check: Promise<SenderCheck> | null = null;
  const client = { ip: envelope.clientIp ?? null, helo: envelope.helo ?? null, mailFrom: sender };
  const mail: ReadMail = {
    headers,
    messageId: parsed.messageId,
    ids: parsed.ids,
    subject,
    fromAddress,
    requesterEmail: replyTo?.address ?? fromAddress,
    // With a Reply-To (a web form relaying for a customer) the person is the Reply-To, not the sending program.
    name: (replyTo ? replyTo.name : parsed.from?.name) ?? null,
    body: parsed.body || (parsed.kept.length || parsed.rejected.length ? '(This email has no text, only attachments.)' : '(This email has no text.)'),
    quoted: parsed.quoted,
    kept: parsed.kept,
    rejected: parsed.rejected,
    date: parsed.date ? new Date(parsed.date) : undefined,
    language: languageOfMail(headerValue(headers, 'content-language'), headerValue(headers, 'accept-language')),
    noAutoResponses: suppressesAutoResponses(headers),
    sender: () => (check ??= checkSender(ctx.senderAuth, ctx.reader, { path: spooled, fromAddress, headers, client })),
  };

  if (mail.messageId) {
    const seen = await findThreadMessage(ctx.db, mail.messageId);
    if (seen?.direction === 'out') {
      const reason = 'automated: loop: our own message came back';
      ctx.log.info({ reason, sender: addressTag(fromAddress) }, 'automatic email ignored: no ticket, no answer');
      await quarantine(ctx, { reason, sender: fromAddress, subject, spooled: null });
      return { kind: 'ignored', reason };
    }
    if (seen) {
      // The same mail again (a sending server retried after a lost answer): already on its ticket.
      ctx.log.info({ ticketId: seen.ticket_id }, 'duplicate email ignored');
      return { kind: 'duplicate', ticketId: seen.ticket_id };
    }
  }

  // A reply to an address confirmation, from that address, confirms it (and is added to its ticket as usual).
  if (await confirmByReply(ctx.db, { ids: mail.ids, from: fromAddress, now: ctx.now() })) ctx.log.info({ sender: addressTag(fromAddress) }, 'email address confirmed by reply');

  // A number in the subject is typed by anyone: it counts only from the requester's own From address, never
  // from a Reply-To the sender chose, and only when that From is authenticated (a From line is forged at will).
  const found = await findTicketForReply(ctx.db, { ids: mail.ids, subject, senders: [fromAddress], verified: async () => (await mail.sender()).verified });
  if (found.ticket) {
    let ticket = found.ticket;
    if (ticket.status === 'closed') {
      const followUp = await openFollowUpOf(ctx.db, ticket);
      if (!followUp) return newTicket(ctx, mail, ticket);
      ticket = followUp;
    }
    return addReply(ctx, mail, ticket);
  }
  if (found.ignored?.why === 'sender not verified') {
    const { reason } = await mail.sender();
    ctx.log.info({ number: found.ignored.number, reason, sender: addressTag(fromAddress) }, 'ticket number in the subject from its requester’s address, but the sender is not authenticated: a new ticket instead');
  } else if (found.ignored) {
    ctx.log.info({ number: found.ignored.number, why: found.ignored.why, sender: addressTag(fromAddress) }, 'ticket number in the subject is not this sender’s ticket: a new ticket instead');
  }
  return newTicket(ctx, mail, null, found.ignored);
}

/** The internal note on a new ticket whose mail named someone's ticket but could not be shown to be from them. */
function refusedNumberNote(ignored: IgnoredNumber | null, check: SenderCheck): string | null {
  if (ignored?.why !== 'sender not verified') return null;
  return `This email names request #${ignored.number} in its subject and comes from that request's address, but the sender could not be verified (${check.reason}), so it was not added there: anyone can write a From line. If it does belong there, merge it.`;
}

/** A new request (or the follow-up of a closed one): a ticket, its Message-ID, files, and the acknowledgement. */
async function newTicket(ctx: EmailContext, mail: ReadMail, closed: TicketRow | null, ignored: IgnoredNumber | null = null): Promise<ReceiveOutcome> {
  const site = await defaultSite(ctx.db);
  const check = await mail.sender();
  const subject = closed ? cleanSubject(baseSubject(mail.subject)) : mail.subject;
  const t = await triage(ctx, textForTriage(subject, mail.body));
  const actor: Actor = { kind: 'customer', name: mail.name ?? mail.requesterEmail };
  const created = await inTransaction(ctx, (work) => createTicket(ctx, work, {
    siteId: site.id,
    subject,
    description: mail.body,
    channel: 'email',
    requester: { name: mail.name, email: mail.requesterEmail, timeZone: null },
    ...assessmentOf(t),
    receivedAt: receivedAtFor(mail.date, ctx.now()),
    actor,
    followUpOf: closed?.id ?? null,
    senderVerified: check.verified,
    // The mail's own word for its language, else the closed request's (a follow-up goes on in it).
    language: mail.language ?? closed?.language ?? null,
  }));
  // From here on the ticket exists: a failure is logged, never turned into "try again" (that would duplicate it).
  try {
    const first = await firstMessageIdOf(ctx.db, created.conversation_id!);
    const { kept, rejected } = mail;
    const rows = await storeFiles(ctx, created.id, first ?? null, kept);
    const notes = await ctx.db.transaction().execute(async (tx) => {
      if (first && mail.quoted) await setMessageQuoted(tx, first, mail.quoted);
      if (mail.messageId) await recordThreadMessage(tx, { message_id: mail.messageId, ticket_id: created.id, direction: 'in', created_at: ctx.now().toISOString() });
      for (const row of rows) await insertAttachment(tx, row);
      const note = await noteRejected(ctx, tx, created.conversation_id!, rejected);
      const refused = refusedNumberNote(ignored, check);
      const warning = refused ? (await appendMessage(tx, { conversationId: created.conversation_id!, author: { kind: 'system', name: 'Email' }, body: refused, internal: true, now: ctx.now() })).message : null;
      if (mail.noAutoResponses) ctx.log.info({ ticketId: created.id }, 'no acknowledgement: the sender asked for no automatic responses');
      else {
        await queueAcknowledgement(ctx, tx, {
          ticket: created,
          to: mail.requesterEmail,
          name: mail.name,
          inReplyTo: mail.messageId,
          references: [...[...mail.ids].reverse(), ...(mail.messageId ? [mail.messageId] : [])],
          followUpOfNumber: closed ? Number(closed.number) : null,
          rejected,
          // A Reply-To other than the sender may be anyone's address, and a From line that is not authenticated
          // may be anyone's too: mail to them carries none of the mail's words (no backscatter of a stranger's text).
          echo: mail.requesterEmail === mail.fromAddress && check.verified,
          siteName: site.name,
        });
      }
      return [note, warning];
    });
    for (const n of notes) if (n) ctx.events.emit('message.created', { message: n, visitorId: created.visitor_id, ticketId: created.id });
  } catch (err) {
    ctx.log.error({ err, ticketId: created.id }, 'email ticket created, but its thread, files or acknowledgement could not be saved');
  }
  ctx.log.info({ ticketId: created.id, number: created.number, followUpOf: closed?.id ?? null, senderVerified: check.verified, senderCheck: check.reason }, 'email became a ticket');
  return { kind: 'ticket', ticketId: created.id, number: Number(created.number), followUpOf: closed?.id ?? null };
}

/** A reply on an existing ticket: a customer message (quoted history folded), files, and the ticket reopened if solved. */
async function addReply(ctx: EmailContext, mail: ReadMail, found: TicketRow): Promise<ReceiveOutcome> {
  if (!found.conversation_id) throw new Error(`ticket ${found.id} has no conversation`);
  const conversationId = found.conversation_id;
  const { kept, rejected } = mail;
  // Files first (outside the transaction), removed again if the transaction fails.
  const rows = await storeFiles(ctx, found.id, null, kept);
  const actor: Actor = { kind: 'customer', name: mail.name ?? mail.fromAddress };
  let result: { ticket: TicketRow };
  try {
    result = await inTransaction(ctx, async (work) => {
      const tx = work.tx;
      const current = (await findTicket(tx, found.id)) ?? found;
      const added = await addCustomerMessage(ctx, work, { conversationId, ticket: current, author: { kind: 'customer', name: actor.name }, body: mail.body, quoted: mail.quoted, visitorId: current.visitor_id });
      const message = added.message;
      const ticket = added.ticket ?? current;
      if (mail.messageId) await recordThreadMessage(tx, { message_id: mail.messageId, ticket_id: ticket.id, direction: 'in', created_at: ctx.now().toISOString() });
      for (const row of rows) await insertAttachment(tx, { ...row, message_id: message.id });
      const note = await noteRejected(ctx, tx, conversationId, rejected);
      if (rejected.length && !mail.noAutoResponses) {
        const site = await defaultSite(tx);
        await queueAttachmentNotice(ctx, tx, { ticket, to: mail.requesterEmail, echo: mail.requesterEmail === mail.fromAddress, inReplyTo: mail.messageId, references: [...[...mail.ids].reverse(), ...(mail.messageId ? [mail.messageId] : [])], rejected, siteName: site.name });
      }
      if (note) work.raise('message.created', { message: note, visitorId: null, ticketId: ticket.id });
      return { ticket };
    });
  } catch (err) {
    await ctx.store.remove(rows.map((r) => r.storage_key));
    throw err;
  }
  ctx.log.info({ ticketId: result.ticket.id, number: result.ticket.number, status: result.ticket.status }, 'email added to its ticket');
  return { kind: 'reply', ticketId: result.ticket.id, number: Number(result.ticket.number) };
}
