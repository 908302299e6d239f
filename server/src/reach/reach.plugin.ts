import fp from 'fastify-plugin';
import { askForCsat } from '../csat/csat';
import type { ReachContext } from './reach-context';
import { reachRoutes } from './reach.routes';
import { mailUnseenReplies, trackReply } from './reply-reach';

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
 * job, one node at a time, mails the replies nobody saw in time.
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
      await running.catch(() => 0);
    });
  },
  { name: 'reach', dependencies: ['db', 'auth'] },
);
