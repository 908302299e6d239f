import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { closeRedis } from '../cluster/redis-cluster';

type Publisher = { publish: (...args: never[]) => Promise<unknown> };

/**
 * The adapter does not catch a failed publish (a broadcast queued while Redis was away, dropped when the
 * connection is closed): log it, rather than let it become an unhandled rejection that ends the process.
 */
function catchingPublish<C extends Publisher>(client: C, log: FastifyBaseLogger): C {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (prop === 'publish') {
        return (...args: Parameters<C['publish']>) =>
          target.publish(...args).catch((err: unknown) => {
            log.warn({ err }, 'a broadcast to the other nodes was lost');
            return 0;
          });
      }
      // node-redis keeps private fields: its methods must run on the client itself, not on the proxy.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
  }
}

/**
 * Our own small socket.io plugin (fastify-socket.io is unmaintained): one Server on the app's HTTP server,
 * closed with the app. With REDIS_URL, the Redis adapter carries every room broadcast to the other server
 * processes of the deployment. Namespaces and handlers are set up by realtime/.
 */
export const socketPlugin = fp(
  async (app, opts: { redisUrl?: string | undefined }) => {
    const io = new Server(app.server, {
      path: '/socket.io',
      serveClient: false,
      // Messages are at most 5,000 characters; anything far larger is refused before parsing.
      maxHttpBufferSize: 64 * 1024,
      pingInterval: 10_000,
      pingTimeout: 8_000,
      connectionStateRecovery: undefined,
    });
    if (opts.redisUrl) {
      // Connections of its own, with the offline queue on: while Redis is away the adapter's commands wait
      // rather than fail (the cluster's fail fast instead).
      const pub = createClient({ url: opts.redisUrl });
      const sub = pub.duplicate();
      for (const client of [pub, sub]) client.on('error', (err: unknown) => app.log.error({ err }, 'redis connection error'));
      await Promise.all([pub.connect(), sub.connect()]);
      io.adapter(createAdapter(catchingPublish(pub, app.log), sub));
      app.addHook('onClose', async () => {
        await Promise.all([closeRedis(pub), closeRedis(sub)]);
      });
    }
    app.decorate('io', io);
    app.addHook('preClose', async () => {
      io.local.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
    });
  },
  { name: 'socket.io' },
);
