import fp from 'fastify-plugin';
import type { ServerContext } from '../context';
import { queueWebhookDeliveries } from './webhook-outbox';
import type { WebhookSubscribers } from './webhook-subscribers';
import { startWebhookSender } from './webhook-sender';
import { webhookRoutes } from './webhooks.routes';

declare module 'fastify' {
  interface FastifyInstance {
    webhooks: {
      /** Sends the deliveries due now; resolves with how many attempts were made (tests drive it). */
      flush: () => Promise<number>;
    };
  }
}

/**
 * Webhooks: deliveries queued in the transaction of each fact (the outbox), sent by a timer on one node at a time,
 * and the admin routes. Stopped before the database closes.
 */
export const webhooksPlugin = fp(
  async (app, opts: { ctx: ServerContext; intervalMs: number; subscribers: WebhookSubscribers }) => {
    const { ctx, subscribers } = opts;
    const allowPrivate = ctx.config.webhooksAllowPrivateNetwork;
    const stopQueueing = queueWebhookDeliveries(ctx, subscribers);
    const sender = startWebhookSender(ctx, { intervalMs: opts.intervalMs, allowPrivate });
    app.decorate('webhooks', { flush: sender.flush });
    app.addHook('preClose', async () => {
      stopQueueing();
      await sender.stop();
    });
    await app.register(webhookRoutes, { ctx, allowPrivate, kick: () => void sender.flush(), subscribers });
  },
  { name: 'webhooks', dependencies: ['db', 'auth'] },
);
