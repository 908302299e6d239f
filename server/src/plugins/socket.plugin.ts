import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

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
      const pub = createClient({ url: opts.redisUrl });
      const sub = pub.duplicate();
      for (const client of [pub, sub]) client.on('error', (err: unknown) => app.log.error({ err }, 'redis connection error'));
      await Promise.all([pub.connect(), sub.connect()]);
      io.adapter(createAdapter(pub, sub));
      app.addHook('onClose', async () => {
        await Promise.all([pub.quit(), sub.quit()]).catch(() => undefined);
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
