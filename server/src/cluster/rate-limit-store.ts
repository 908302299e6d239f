import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Cluster } from './cluster';

type Done = Parameters<FastifyRateLimitStore['incr']>[1];

/**
 * A store for @fastify/rate-limit that counts in the cluster's limiters (Redis with REDIS_URL), so a route's
 * limit holds for the deployment, not per node. @fastify/rate-limit builds the store itself and calls
 * `child()` once per route; each route and window gets its own key prefix.
 */
export function clusterRateLimitStore(cluster: Cluster): FastifyRateLimitStoreCtor {
  return class ClusterRateLimitStore implements FastifyRateLimitStore {
    readonly #route: string;
    readonly #limiters = new Map<string, RateLimiterAbstract>();

    constructor(route: unknown = 'global') {
      this.#route = typeof route === 'string' ? route : 'global';
    }

    incr(key: string, done: Done, timeWindowMs: number, max: number): void {
      this.#limiter(timeWindowMs, max)
        .consume(key)
        .then(
          (res) => done(null, { current: res.consumedPoints, ttl: res.msBeforeNext }),
          (res: unknown) => (res instanceof RateLimiterRes ? done(null, { current: res.consumedPoints, ttl: res.msBeforeNext }) : done(res instanceof Error ? res : new Error(String(res)))),
        );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): ClusterRateLimitStore {
      // Its typings name route options, but at run time the plugin passes the merged limit with `routeInfo` (its own RedisStore reads that too).
      const { routeInfo } = routeOptions as unknown as { routeInfo?: { method?: string; url?: string } };
      return new ClusterRateLimitStore(`${routeInfo?.method ?? ''}${routeInfo?.url ?? 'global'}`);
    }

    #limiter(timeWindowMs: number, max: number): RateLimiterAbstract {
      const id = `${timeWindowMs}:${max}`;
      let limiter = this.#limiters.get(id);
      if (!limiter) this.#limiters.set(id, (limiter = cluster.limiter(max, Math.max(1, Math.ceil(timeWindowMs / 1000)), `http:${this.#route}:${id}`)));
      return limiter;
    }
  };
}
