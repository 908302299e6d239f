import fp from 'fastify-plugin';
import { askForCsat } from '../csat/csat';
import type { ReachContext } from './reach-context';
import { reachRoutes } from './reach.routes';
import { announceReach, mailUnseenReplies, trackReply } from './reply-reach';

declare module 'fastify' {
  interface FastifyInstance {
    reach: {
      /** Mails the replies not seen in time, now (the timer does it every interval; tests call it). */
      mailUnseen: () => Promise<number>;
    };
  }
}

/**
 * Reaching customers after they leave: every agent reply is tracked in its own transaction (a transactional
 * outbox, like the email channel's), a solved ticket asks for CSAT in the transaction that solves it, and a timed
 * job, one node at a time, mails the replies nobody saw in time. Each change of how a reply reaches the customer
 * (tracked, seen, mailed, the mail sent or failing) and of the CSAT (asked, answered) is announced after its commit
 * (`reach.changed`), which the desks watching the ticket get as `ticket:reach`.
 */
export const reachPlugin = fp(
  async (app, opts: { ctx: ReachContext; intervalMs?: number }) => {
    const { ctx } = opts;
    const stopTracking = ctx.events.withinTransaction('message.created', async (tx, { message, ticketId }) => {
      if (ticketId) await trackReply(ctx, tx, ticketId, message);
    });
    const stopCsat = ctx.events.withinTransaction('ticket.updated', async (tx, { ticket }) => {
      if (ticket.status === 'solved') await askForCsat(ctx, tx, ticket.id);
    });

    // Announcements read after the commit; those in flight are awaited at close.
    const announcing = new Set<Promise<void>>();
    const announce = (ticketId: string, what: Parameters<typeof announceReach>[2]) => {
      const p = announceReach(ctx, ticketId, what)
        .catch((err: unknown) => ctx.log.warn({ err, ticketId }, 'announcing reply reach failed'))
        .finally(() => announcing.delete(p));
      announcing.add(p);
    };
    const stopAnnouncing = [
      ctx.events.on('message.created', ({ message, ticketId }) => {
        if (ticketId && message.author.kind === 'agent' && !message.internal) announce(ticketId, { messageIds: [message.id] });
      }),
      ctx.events.on('mail.sent', ({ kind, ticketId, messageId }) => {
        if (kind === 'reply' && ticketId && messageId) announce(ticketId, { messageIds: [messageId] });
      }),
      ctx.events.on('mail.failed', ({ kind, ticketId, messageId }) => {
        if (kind === 'reply' && ticketId && messageId) announce(ticketId, { messageIds: [messageId] });
      }),
      ctx.events.on('ticket.updated', ({ ticket }) => {
        if (ticket.status === 'solved') announce(ticket.id, { csat: true });
      }),
      ctx.events.on('csat.submitted', ({ ticketId }) => announce(ticketId, { csat: true })),
    ];

    let running: Promise<number> = Promise.resolve(0);
    const once = async () => {
      let mailed = 0;
      await ctx.cluster.exclusive('reach-unseen', async () => (mailed = await mailUnseenReplies(ctx)));
      return mailed;
    };
    const mailUnseen = () =>
      (running = running.then(once, once).catch((err: unknown) => {
        ctx.log.error({ err }, 'mailing unseen replies failed');
        return 0;
      }));
    const intervalMs = opts.intervalMs ?? 15_000;
    const timer = intervalMs > 0 ? setInterval(() => void mailUnseen(), intervalMs) : null;
    timer?.unref();

    app.decorate('reach', { mailUnseen });
    await app.register(reachRoutes, { ctx });
    app.addHook('preClose', async () => {
      if (timer) clearInterval(timer);
      stopTracking();
      stopCsat();
      stopAnnouncing.forEach((stop) => stop());
      await running.catch(() => 0);
      await Promise.all(announcing);
    });
  },
  { name: 'reach', dependencies: ['db', 'auth'] },
);
