import fp from 'fastify-plugin';
import { createClient } from 'redis';
import { LocalCluster, type Cluster } from '../cluster/cluster';
import { closeRedis, RedisCluster, type RedisClient } from '../cluster/redis-cluster';

declare module 'fastify' {
  interface FastifyInstance {
    /** The connection to REDIS_URL, or null on a single node. */
    redis: RedisClient | null;
    /** How this node coordinates with the others (or alone). */
    cluster: Cluster;
  }
}

/**
 * With REDIS_URL, one Redis connection for the whole app (socket.io adapter, notices, locks, rate limits) and
 * a RedisCluster over it; without, a LocalCluster: one process, nothing to coordinate.
 */
export const clusterPlugin = fp(
  async (app, opts: { redisUrl?: string | undefined }) => {
    let redis: RedisClient | null = null;
    let cluster: Cluster = new LocalCluster();
    if (opts.redisUrl) {
      redis = createClient({ url: opts.redisUrl });
      redis.on('error', (err: unknown) => app.log.error({ err }, 'redis connection error'));
      await redis.connect();
      cluster = await RedisCluster.start(redis, app.log);
    }
    app.decorate('redis', redis);
    app.decorate('cluster', cluster);
    app.addHook('onClose', async () => {
      await cluster.close();
      if (redis) await closeRedis(redis);
    });
  },
  { name: 'cluster' },
);
