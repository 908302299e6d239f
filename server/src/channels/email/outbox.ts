import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Readable } from 'node:stream';
import { attachmentsOfMessage } from '../../attachments/attachment.repository';
import type { AttachmentStore } from '../../attachments/attachment-store';
import type { CoreContext } from '../../context';
import type { DbOrTx } from '../../db/database';
import { claimOutboxMail, insertOutboxMail, listDueMail, markMailFailed, markMailSent, recordThreadMessage } from './email.repository';
import { mailError } from './mail-log';

/** A mail to send. Threading headers keep the customer's mail client on one thread per ticket. */
export interface OutgoingMail {
  ticketId?: string | null;
  /** acknowledgement | reply | login_link | remote_session | … (for logs and tests) */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  /** The ticket message this mail carries; a second enqueue of the same message is ignored. */
  sourceMessageId?: string | null;
}

/** The domain part of SUPPORT_EMAIL, for Message-IDs we mint. */
export function messageIdFor(supportEmail: string): string {
  const domain = supportEmail.split('@')[1] ?? 'localhost';
  return `<${randomUUID()}@${domain}>`;
}

/**
 * Queues a mail in the outbox (in the caller's transaction when given one) and records its Message-ID on the
 * ticket's thread, so a reply to it finds the ticket. The outbox worker sends it; nothing is lost while the
 * transport is down.
 */
export async function enqueueMail(db: DbOrTx, supportEmail: string, mail: OutgoingMail, now: Date): Promise<{ id: string; messageId: string }> {
  const id = randomUUID();
  const messageId = messageIdFor(supportEmail);
  await insertOutboxMail(db, {
    id,
    ticket_id: mail.ticketId ?? null,
    source_message_id: mail.sourceMessageId ?? null,
    kind: mail.kind,
    to_address: mail.to,
    subject: mail.subject,
    text_body: mail.text,
    html_body: mail.html ?? null,
    message_id: messageId,
    in_reply_to: mail.inReplyTo ?? null,
    references: mail.references?.length ? mail.references.join(' ') : null,
    status: 'queued',
    attempts: 0,
    next_attempt_at: now.toISOString(),
    last_error: null,
    created_at: now.toISOString(),
    sent_at: null,
  });
  if (mail.ticketId) {
    await recordThreadMessage(db, { message_id: messageId, ticket_id: mail.ticketId, direction: 'out', created_at: now.toISOString() });
  }
  return { id, messageId };
}

/** Kinds of mail a program writes (marked Auto-Submitted so auto-responders stay quiet); `reply` is a person's. */
const AUTOMATIC_KINDS = new Set(['acknowledgement', 'notice', 'login_link', 'email_confirmation', 'csat', 'transcript']);

/** Backoff after the n-th failed attempt: 10 s, 30 s, 1.5 min, … capped at 30 min; mail is never dropped. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30 * 60_000, 10_000 * 3 ** Math.max(0, attempts - 1));
}

/**
 * The files an agent attached to the reply a mail carries, as MIME attachments streamed from the store (read at
 * send time, so a retry sends them again). A file gone from disk is left out rather than holding the mail back.
 */
async function filesOf(ctx: CoreContext & { attachments?: AttachmentStore }, messageId: string | null): Promise<{ filename: string; contentType: string; content: Readable }[]> {
  if (!messageId || !ctx.attachments) return [];
  const files = [];
  for (const row of await attachmentsOfMessage(ctx.db, messageId)) {
    const file = await ctx.attachments.open(row.storage_key);
    if (file) files.push({ filename: row.filename, contentType: row.content_type, content: file.stream });
  }
  return files;
}

export interface OutboxWorker {
  /** Sends what is due now; resolves with how many were sent. Used by the timer and by tests. */
  flush: () => Promise<number>;
  stop: () => Promise<void>;
}

/**
 * Sends queued mail through SMTP_URL (nodemailer), oldest first, with backoff on failure. Several server
 * processes may run it: each mail is claimed with a conditional update before it is sent.
 */
export function startOutboxWorker(ctx: CoreContext & { supportEmail: string; attachments?: AttachmentStore }, smtpUrl: string, intervalMs = 2000): OutboxWorker {
  const transport: Transporter = nodemailer.createTransport(smtpUrl, { from: ctx.supportEmail });
  let running: Promise<number> = Promise.resolve(0);

  async function sendDue(): Promise<number> {
    const now = ctx.now();
    const due = await listDueMail(ctx.db, now.toISOString(), 50);
    let sent = 0;
    for (const mail of due) {
      // Claim it: push its next attempt out so no other process sends it at the same time.
      if (!(await claimOutboxMail(ctx.db, mail, new Date(now.getTime() + 5 * 60_000).toISOString()))) continue;
      try {
        const files = await filesOf(ctx, mail.source_message_id);
        await transport.sendMail({
          ...(files.length > 0 ? { attachments: files } : {}),
          from: ctx.supportEmail,
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body,
          ...(mail.html_body ? { html: mail.html_body } : {}),
          messageId: mail.message_id,
          ...(mail.in_reply_to ? { inReplyTo: mail.in_reply_to } : {}),
          ...(mail.references ? { references: mail.references } : {}),
          // Our own mail is automatic in the RFC 3834 sense only for acknowledgements and notices; replies are from people.
          headers: AUTOMATIC_KINDS.has(mail.kind) ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' } : {},
        });
        await markMailSent(ctx.db, mail.id, ctx.now().toISOString());
        ctx.events.emit('mail.sent', { kind: mail.kind, ticketId: mail.ticket_id, messageId: mail.source_message_id });
        sent++;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        // The transport's error carries the recipient (its envelope, the server's answer): only the scrubbed form is logged.
        ctx.log.warn({ error: mailError(err), mailId: mail.id, kind: mail.kind, attempts: mail.attempts + 1 }, 'sending mail failed; will retry');
        await markMailFailed(ctx.db, mail.id, { error: message.slice(0, 500), nextAttemptAt: new Date(ctx.now().getTime() + retryDelayMs(mail.attempts + 1)).toISOString() });
        // After the error is stored, so a listener reading the outbox sees it.
        ctx.events.emit('mail.failed', { kind: mail.kind, attempts: mail.attempts + 1, ticketId: mail.ticket_id, messageId: mail.source_message_id });
      }
    }
    return sent;
  }

  // One node at a time sends (the cluster's lock); the others skip the pass.
  const sendDueOnce = async () => {
    let sent = 0;
    await ctx.cluster.exclusive('outbox', async () => (sent = await sendDue()));
    return sent;
  };
  const flush = () => (running = running.then(sendDueOnce, sendDueOnce).catch((err: unknown) => {
    ctx.log.error({ err }, 'outbox pass failed');
    return 0;
  }));
  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();
  return {
    flush,
    stop: async () => {
      clearInterval(timer);
      await running.catch(() => 0);
      transport.close();
    },
  };
}
