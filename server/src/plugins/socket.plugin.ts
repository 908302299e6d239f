import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { closeRedis } from '../cluster/redis-cluster';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
  }
}

/**
 * Our own small socket.io plugin (fastify-socket.io is unmaintained): one Server on the app's HTTP server,
 * closed with the app. With REDIS_URL (the cluster plugin's connection), the Redis adapter carries every room broadcast to the other server
 * processes of the deployment. Namespaces and handlers are set up by realtime/.
 */
export const socketPlugin = fp(
  async (app) => {
    const io = new Server(app.server, {
      path: '/socket.io',
      serveClient: false,
      // Messages are at most 5,000 characters; anything far larger is refused before parsing.
      maxHttpBufferSize: 64 * 1024,
      pingInterval: 10_000,
      pingTimeout: 8_000,
      connectionStateRecovery: undefined,
    });
    if (app.redis) {
      // The app's Redis connection publishes; subscribing needs a connection of its own.
      const sub = app.redis.duplicate();
      sub.on('error', (err: unknown) => app.log.error({ err }, 'redis adapter subscriber error'));
      await sub.connect();
      io.adapter(createAdapter(app.redis, sub));
      app.addHook('onClose', async () => {
        await closeRedis(sub);
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
  { name: 'socket.io', dependencies: ['cluster'] },
);
