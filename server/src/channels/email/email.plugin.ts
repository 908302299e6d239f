import fp from 'fastify-plugin';
import type { KaiEngine } from '../../ai/engine';
import { AttachmentStore } from '../../attachments/attachment-store';
import type { ServerContext } from '../../context';
import { startInboundServer, type InboundServer } from './inbound-server';
import { MailReader } from './mail-reader';
import { mailAgentReplies } from './outgoing-mail';
import { MAX_MESSAGE_BYTES, receiveMail, type EmailContext } from './receive-mail';
import { systemResolver, type DnsResolver } from './sender-auth';

declare module 'fastify' {
  interface FastifyInstance {
    email: {
      /** The inbound SMTP port, or null when SMTP_INBOUND_PORT is unset. */
      inboundPort: number | null;
      /** Resolves when the mail work in progress (received mail, replies being queued) is done. */
      settled: () => Promise<void>;
    };
  }
}

/**
 * The email channel: agents' public replies on email tickets are queued as mail (always; the outbox sends them
 * when SMTP_URL is set), and with SMTP_INBOUND_PORT the built-in SMTP server turns mail into tickets and
 * replies. Started with the app, stopped on close.
 */
export const emailPlugin = fp(
  async (app, opts: { ctx: ServerContext; kai: Pick<KaiEngine, 'triage'>; resolver?: DnsResolver }) => {
    const { ctx, kai } = opts;
    const pending = new Set<Promise<unknown>>();
    const track = (work: Promise<unknown>) => {
      pending.add(work);
      void work.finally(() => pending.delete(work)).catch(() => undefined);
    };
    const settled = async () => {
      while (pending.size) await Promise.allSettled([...pending]);
    };

    const mailCtx = { ...ctx, supportEmail: ctx.config.supportEmail };
    const stopReplies = mailAgentReplies(mailCtx);

    let inbound: InboundServer | null = null;
    let reader: MailReader | null = null;
    if (ctx.config.smtpInboundPort !== undefined) {
      const store = new AttachmentStore(ctx.config.attachmentsDir);
      await store.prepare();
      reader = new MailReader();
      // Loaded before SMTP opens (a worker takes a second or more to load on a busy machine), so no sender
      // waits on it. Should it fail, each mail tries again and is answered 451 while it cannot.
      await reader.warm().catch((err: unknown) => ctx.log.error({ err }, 'the mail reader could not start; received mail is answered 451 until it can'));
      const senderAuth = { resolver: opts.resolver ?? systemResolver(), trustedAuthservId: ctx.config.emailTrustedAuthservId, mta: ctx.config.supportEmail.split('@')[1] || 'frontdesk' };
      const emailCtx: EmailContext = { ...mailCtx, store, reader, senderAuth, triage: (text) => kai.triage(text) };
      inbound = await startInboundServer({
        limiter: (points, seconds, name) => ctx.cluster.limiter(points, seconds, name),
        host: ctx.config.host,
        port: ctx.config.smtpInboundPort,
        supportEmail: ctx.config.supportEmail,
        maxBytes: MAX_MESSAGE_BYTES,
        spoolPath: () => store.spoolPath(),
        log: ctx.log,
        onMessage: async (spooled, envelope) => {
          const work = receiveMail(emailCtx, spooled, envelope);
          track(work);
          const outcome = await work;
          if (outcome.kind === 'ticket') return `OK: received as request #${outcome.number}`;
          if (outcome.kind === 'reply') return `OK: added to request #${outcome.number}`;
          return 'OK: message accepted';
        },
      });
    }

    app.decorate('email', { inboundPort: inbound?.port ?? null, settled });
    // Registered after the database, so this runs before it closes (onClose runs in reverse order).
    app.addHook('onClose', async () => {
      await inbound?.close();
      stopReplies();
      await Promise.race([settled(), new Promise((r) => setTimeout(r, 3_000).unref())]);
      await reader?.close();
    });
  },
  { name: 'email', dependencies: ['db'] },
);
