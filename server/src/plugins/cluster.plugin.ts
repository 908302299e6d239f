import fp from 'fastify-plugin';
import { createClient } from 'redis';
import { LocalCluster, type Cluster } from '../cluster/cluster';
import { closeRedis, RedisCluster, type RedisClient } from '../cluster/redis-cluster';

declare module 'fastify' {
  interface FastifyInstance {
    /** How this node coordinates with the others (or alone). */
    cluster: Cluster;
    /** The Redis connection the cluster uses (REDIS_URL), for state the nodes share (desk presence); null alone. */
    clusterRedis: RedisClient | null;
  }
}

/**
 * With REDIS_URL, a RedisCluster (notices, locks, rate limits) on a connection of its own whose commands fail
 * at once while Redis is away, so nothing waits on it (see RedisCluster for what each part does then);
 * without, a LocalCluster: one process, nothing to coordinate.
 */
export const clusterPlugin = fp(
  async (app, opts: { redisUrl?: string | undefined }) => {
    let redis: RedisClient | null = null;
    let cluster: Cluster = new LocalCluster();
    if (opts.redisUrl) {
      redis = createClient({ url: opts.redisUrl, disableOfflineQueue: true });
      redis.on('error', (err: unknown) => app.log.error({ err }, 'redis connection error'));
      await redis.connect();
      cluster = await RedisCluster.start(redis, app.log);
    }
    app.decorate('cluster', cluster);
    app.decorate('clusterRedis', redis);
    app.addHook('onClose', async () => {
      await cluster.close();
      if (redis) await closeRedis(redis);
    });
  },
  { name: 'cluster' },
);
