/**
 * One mail that arrived for SUPPORT_EMAIL, start to end: parse (any charset), drop what a program sent,
 * quarantine what cannot be read, thread a reply onto its ticket (a closed ticket gets a follow-up), or open a
 * new ticket (triaged, routed, with SLA) and acknowledge it. Attachments are kept on disk within limits.
 */
import { randomUUID } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Message } from '../../../../shared/protocol';
import type { Level } from '../../../../shared/priority';
import type { TriageResult } from '../../ai/engine';
import { insertAttachment, type AttachmentRow } from '../../attachments/attachment.repository';
import type { AttachmentStore } from '../../attachments/attachment-store';
import type { DbOrTx, Tx } from '../../db/database';
import type { SiteRow, TicketRow } from '../../db/schema';
import { appendMessage } from '../../messages/message.repository';
import { createTicket } from '../../tickets/create-ticket';
import { addCustomerMessage } from '../../tickets/customer-message';
import { inTransaction } from '../../work';
import { findTicket, type Actor } from '../../tickets/ticket.repository';
import { automatedReason, headerValue, suppressesAutoResponses, type MailHeader } from './automated';
import { MAX_TEXT_LENGTH, baseSubject, cleanSubject, headerList, limitText, readableText, safeFilename, splitReply } from './mail-text';
import { queueAcknowledgement, queueAttachmentNotice, type MailContext, type RejectedAttachment } from './outgoing-mail';
import { findThreadMessage, findTicketForReply, normalizeMessageId, openFollowUpOf, referencedIds } from './threading';

/** Largest mail the SMTP server accepts (bytes, as sent: base64 makes files about a third bigger). */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
/** Files kept per mail; the rest are listed as not kept. */
export const MAX_ATTACHMENTS = 10;
/** Largest file kept (decoded bytes). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** A Date header earlier than now by at most this much is when the customer wrote (mail waits in queues). */
export const MAX_BACKDATE_MS = 24 * 60 * 60_000;

/** What receiving mail needs: the core context, SUPPORT_EMAIL, Kai's triage and the attachments folder. */
export interface EmailContext extends MailContext {
  triage: (text: string) => Promise<TriageResult>;
  store: AttachmentStore;
}

/** The SMTP envelope: MAIL FROM ('' for the null sender) and the accepted recipients. */
export interface Envelope {
  mailFrom: string | null;
  rcptTo: string[];
}

/** What became of a received mail (the SMTP answer and the tests read it). */
export type ReceiveOutcome =
  | { kind: 'ticket'; ticketId: string; number: number; followUpOf: string | null }
  | { kind: 'reply'; ticketId: string; number: number }
  | { kind: 'duplicate'; ticketId: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'quarantined'; reason: string };

interface IncomingFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;
const SIGNATURE_PARTS = /^application\/(pkcs7-signature|x-pkcs7-signature|pgp-signature)$/i;

const fmtSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Which files of a mail are kept: at most MAX_ATTACHMENTS, each at most MAX_ATTACHMENT_BYTES. */
export function sortAttachments(files: readonly IncomingFile[]): { kept: IncomingFile[]; rejected: RejectedAttachment[] } {
  const kept: IncomingFile[] = [];
  const rejected: RejectedAttachment[] = [];
  for (const f of files) {
    if (f.bytes.length > MAX_ATTACHMENT_BYTES) rejected.push({ filename: f.filename, reason: `${fmtSize(f.bytes.length)}, over the ${fmtSize(MAX_ATTACHMENT_BYTES)} limit per file` });
    else if (kept.length >= MAX_ATTACHMENTS) rejected.push({ filename: f.filename, reason: `over the limit of ${MAX_ATTACHMENTS} files per email` });
    else kept.push(f);
  }
  return { kept, rejected };
}

function filesOf(parsed: ParsedMail): IncomingFile[] {
  return parsed.attachments
    .filter((a) => !SIGNATURE_PARTS.test(a.contentType))
    .map((a, i) => ({
      filename: safeFilename(a.filename, `attachment-${i + 1}${a.contentType.startsWith('image/') ? `.${a.contentType.slice(6).replace(/[^a-z0-9]/gi, '') || 'img'}` : ''}`),
      contentType: /^[\w.+-]+\/[\w.+-]+$/.test(a.contentType) ? a.contentType.toLowerCase() : 'application/octet-stream',
      bytes: a.content,
    }));
}

/** When the customer wrote: the Date header when it is in the past but not by more than a day, else now. */
export function receivedAtFor(date: Date | undefined, now: Date): Date {
  if (!date || Number.isNaN(date.getTime())) return now;
  const t = date.getTime();
  return t <= now.getTime() && t >= now.getTime() - MAX_BACKDATE_MS ? date : now;
}

async function quarantine(ctx: EmailContext, props: { reason: string; sender: string | null; subject: string | null; raw: Buffer | null }): Promise<void> {
  let storageKey: string | null = null;
  if (props.raw) {
    try {
      storageKey = await ctx.store.saveQuarantined(props.raw);
    } catch (err) {
      ctx.log.error({ err }, 'could not keep the raw bytes of a quarantined mail');
    }
  }
  await ctx.db
    .insertInto('quarantine')
    .values({ id: randomUUID(), reason: props.reason.slice(0, 500), sender: props.sender?.slice(0, 320) ?? null, subject: props.subject?.slice(0, 300) ?? null, storage_key: storageKey, created_at: ctx.now().toISOString() })
    .execute();
}

async function defaultSite(db: DbOrTx): Promise<SiteRow> {
  // Email has one address for the whole deployment: its tickets belong to the first site (`demo` on a new database).
  const site = await db.selectFrom('sites').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
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

/** Writes the kept files of a ticket's mail to disk; the rows are inserted by the caller's transaction. */
async function storeFiles(ctx: EmailContext, ticketId: string, messageId: string | null, files: readonly IncomingFile[]): Promise<AttachmentRow[]> {
  const rows: AttachmentRow[] = [];
  const now = ctx.now().getTime();
  try {
    for (const [i, f] of files.entries()) {
      const id = randomUUID();
      const key = await ctx.store.save(ticketId, id, f.bytes);
      // A millisecond apart, so the ticket lists them in the mail's order.
      rows.push({ id, ticket_id: ticketId, message_id: messageId, filename: f.filename, content_type: f.contentType, size: f.bytes.length, storage_key: key, created_at: new Date(now + i).toISOString() });
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
  files: IncomingFile[];
  date: Date | undefined;
  /** The sender asked for no automatic responses. */
  noAutoResponses: boolean;
}

/**
 * Handles one received mail. Never throws for what a mail contains (that is quarantined); throws only when
 * storage fails, so the SMTP server can answer "try again later".
 */
export async function receiveMail(ctx: EmailContext, raw: Buffer, envelope: Envelope): Promise<ReceiveOutcome> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, keepCidLinks: true });
  } catch (err) {
    const reason = `malformed: the message could not be parsed (${err instanceof Error ? err.message : String(err)})`;
    ctx.log.info({ reason, envelopeFrom: envelope.mailFrom }, 'email quarantined');
    await quarantine(ctx, { reason, sender: envelope.mailFrom, subject: null, raw });
    return { kind: 'quarantined', reason };
  }
  const headers = headerList(parsed.headerLines).filter((h) => h.name !== '');
  const from = parsed.from?.value.find((a) => a.address && EMAIL.test(a.address));
  const fromAddress = from?.address?.toLowerCase() ?? null;
  const subject = cleanSubject(parsed.subject);
  const supportEmail = ctx.supportEmail.toLowerCase();

  const automated = automatedReason({ headers, envelopeFrom: envelope.mailFrom === null ? null : envelope.mailFrom.toLowerCase(), fromAddress, subject, supportEmail });
  if (automated) {
    const reason = `automated: ${automated}`;
    ctx.log.info({ reason, from: fromAddress ?? envelope.mailFrom, subject }, 'automatic email ignored: no ticket, no answer');
    await quarantine(ctx, { reason, sender: fromAddress ?? envelope.mailFrom, subject, raw: null });
    return { kind: 'ignored', reason };
  }
  // A multipart mail none of whose parts could be found (wrong or missing boundary) has nothing to read.
  const unreadable = /^multipart\//i.test(headerValue(headers, 'content-type') ?? '') && !parsed.text && !parsed.html && parsed.attachments.length === 0;
  if (!headers.length || !fromAddress || unreadable) {
    const reason = !headers.length ? 'malformed: no mail headers' : !fromAddress ? 'malformed: no sender address (From)' : 'malformed: broken MIME structure (no readable part)';
    ctx.log.info({ reason, envelopeFrom: envelope.mailFrom }, 'email quarantined');
    await quarantine(ctx, { reason, sender: envelope.mailFrom, subject: parsed.subject ? subject : null, raw });
    return { kind: 'quarantined', reason };
  }

  const replyTo = parsed.replyTo?.value.find((a) => a.address && EMAIL.test(a.address) && a.address.toLowerCase() !== supportEmail);
  // Far more than is ever kept (MAX_TEXT_LENGTH), so splitting a huge mail stays cheap.
  const text = readableText(parsed).slice(0, 10 * MAX_TEXT_LENGTH);
  const split = splitReply(text);
  const files = filesOf(parsed);
  const mail: ReadMail = {
    headers,
    messageId: normalizeMessageId(parsed.messageId),
    ids: referencedIds(parsed.inReplyTo, parsed.references),
    subject,
    fromAddress,
    requesterEmail: replyTo?.address?.toLowerCase() ?? fromAddress,
    // With a Reply-To (a web form relaying for a customer) the person is the Reply-To, not the sending program.
    name: ((replyTo ? replyTo.name : from?.name) || '').trim() || null,
    body: limitText(split.body) || (files.length ? '(This email has no text, only attachments.)' : '(This email has no text.)'),
    quoted: split.quoted ? limitText(split.quoted) : null,
    files,
    date: parsed.date,
    noAutoResponses: suppressesAutoResponses(headers),
  };

  if (mail.messageId) {
    const seen = await findThreadMessage(ctx.db, mail.messageId);
    if (seen?.direction === 'out') {
      const reason = 'automated: loop: our own message came back';
      ctx.log.info({ reason, messageId: mail.messageId }, 'automatic email ignored: no ticket, no answer');
      await quarantine(ctx, { reason, sender: fromAddress, subject, raw: null });
      return { kind: 'ignored', reason };
    }
    if (seen) {
      // The same mail again (a sending server retried after a lost answer): already on its ticket.
      ctx.log.info({ messageId: mail.messageId, ticketId: seen.ticket_id }, 'duplicate email ignored');
      return { kind: 'duplicate', ticketId: seen.ticket_id };
    }
  }

  const senders = [...new Set([fromAddress, mail.requesterEmail])];
  const found = await findTicketForReply(ctx.db, { ids: mail.ids, subject, senders });
  if (found.ticket) {
    let ticket = found.ticket;
    if (ticket.status === 'closed') {
      const followUp = await openFollowUpOf(ctx.db, ticket);
      if (!followUp) return newTicket(ctx, mail, ticket);
      ticket = followUp;
    }
    return addReply(ctx, mail, ticket);
  }
  if (found.ignoredNumber !== null) {
    ctx.log.info({ number: found.ignoredNumber, from: fromAddress }, 'ticket number in the subject is not this sender’s ticket: a new ticket instead');
  }
  return newTicket(ctx, mail, null);
}

/** A new request (or the follow-up of a closed one): a ticket, its Message-ID, files, and the acknowledgement. */
async function newTicket(ctx: EmailContext, mail: ReadMail, closed: TicketRow | null): Promise<ReceiveOutcome> {
  const site = await defaultSite(ctx.db);
  const subject = closed ? cleanSubject(baseSubject(mail.subject)) : mail.subject;
  const t = await triage(ctx, `${subject}\n${mail.body}`);
  const actor: Actor = { kind: 'customer', name: mail.name ?? mail.requesterEmail };
  const created = await inTransaction(ctx, (work) => createTicket(ctx, work, {
    siteId: site.id,
    subject,
    description: mail.body,
    channel: 'email',
    requester: { name: mail.name, email: mail.requesterEmail, timeZone: null },
    urgency: t.urgency,
    impact: t.impact,
    urgencyReason: t.urgencyReason,
    impactReason: t.impactReason,
    category: t.category,
    receivedAt: receivedAtFor(mail.date, ctx.now()),
    actor,
    followUpOf: closed?.id ?? null,
  }));
  // From here on the ticket exists: a failure is logged, never turned into "try again" (that would duplicate it).
  try {
    const first = await ctx.db.selectFrom('messages').select('id').where('conversation_id', '=', created.conversation_id!).orderBy('seq').limit(1).executeTakeFirst();
    const { kept, rejected } = sortAttachments(mail.files);
    const rows = await storeFiles(ctx, created.id, first?.id ?? null, kept);
    const note = await ctx.db.transaction().execute(async (tx) => {
      if (first && mail.quoted) await tx.updateTable('messages').set({ quoted: mail.quoted }).where('id', '=', first.id).execute();
      if (mail.messageId) await tx.insertInto('email_messages').values({ message_id: mail.messageId, ticket_id: created.id, direction: 'in', created_at: ctx.now().toISOString() }).execute();
      for (const row of rows) await insertAttachment(tx, row);
      const note = await noteRejected(ctx, tx, created.conversation_id!, rejected);
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
          siteName: site.name,
        });
      }
      return note;
    });
    if (note) ctx.events.emit('message.created', { message: note, visitorId: created.visitor_id, ticketId: created.id });
  } catch (err) {
    ctx.log.error({ err, ticketId: created.id }, 'email ticket created, but its thread, files or acknowledgement could not be saved');
  }
  ctx.log.info({ ticketId: created.id, number: created.number, followUpOf: closed?.id ?? null }, 'email became a ticket');
  return { kind: 'ticket', ticketId: created.id, number: Number(created.number), followUpOf: closed?.id ?? null };
}

/** A reply on an existing ticket: a customer message (quoted history folded), files, and the ticket reopened if solved. */
async function addReply(ctx: EmailContext, mail: ReadMail, found: TicketRow): Promise<ReceiveOutcome> {
  if (!found.conversation_id) throw new Error(`ticket ${found.id} has no conversation`);
  const conversationId = found.conversation_id;
  const { kept, rejected } = sortAttachments(mail.files);
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
      if (mail.messageId) await tx.insertInto('email_messages').values({ message_id: mail.messageId, ticket_id: ticket.id, direction: 'in', created_at: ctx.now().toISOString() }).execute();
      for (const row of rows) await insertAttachment(tx, { ...row, message_id: message.id });
      const note = await noteRejected(ctx, tx, conversationId, rejected);
      if (rejected.length && !mail.noAutoResponses) {
        const site = await defaultSite(tx);
        await queueAttachmentNotice(ctx, tx, { ticket, to: mail.requesterEmail, inReplyTo: mail.messageId, references: [...[...mail.ids].reverse(), ...(mail.messageId ? [mail.messageId] : [])], rejected, siteName: site.name });
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
