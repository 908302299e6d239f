import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { createClient } from 'redis';
import { KeyedQueue, type Cluster, type ClusterChange } from './cluster';

export type RedisClient = ReturnType<typeof createClient>;

/**
 * Closes a connection: gracefully while Redis answers, at once while it is away (a graceful close would wait
 * for it forever). A connection that is just coming back gets a moment to finish, since destroying it then
 * would reject the subscriptions the client is renewing.
 */
interface Closable {
  readonly isOpen: boolean;
  readonly isReady: boolean;
  once(event: 'ready', listener: () => void): unknown;
  close(): Promise<void>;
  destroy(): void;
}

export async function closeRedis(client: Closable): Promise<void> {
  if (client.isOpen && !client.isReady) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      client.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  if (client.isReady) await client.close().catch(() => client.destroy());
  else if (client.isOpen) client.destroy();
}

const CHANGES = 'frontdesk:changes';
const RELEASES = 'frontdesk:lock-released';
/** A lock outlives a crashed holder by at most this long; a live holder renews it every third of it. */
const LOCK_TTL_MS = 15_000;
/** How long a job waits for its key before giving up (a Kai turn is bounded far below this). */
const WAIT_LIMIT_MS = 60_000;
/** Waiters wake on a release notice; this only bounds the wait when a notice is lost or a holder died. */
const RECHECK_MS = 250;

// Delete or extend the lock only while we still hold it (the token), never another node's.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const EXTEND = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

interface Notice {
  from: string;
  change: ClusterChange;
}

/**
 * Several nodes through one Redis: notices by pub/sub, locks as `SET NX PX` keys with a random token (renewed
 * while the job runs, released by compare-and-delete), and rate limits in rate-limiter-flexible's Redis store.
 *
 * While Redis is away (its commands fail at once), the node carries on alone rather than stall: rate limits
 * count in memory (the insurance limiter), serialised jobs keep only this node's order, and timed jobs run
 * on each node, which their own conditional claims make safe; once the subscriber is back, every listener
 * hears `everything`, since notices sent meanwhile were lost.
 */
export class RedisCluster implements Cluster {
  readonly nodeId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  readonly #redis: RedisClient;
  readonly #sub: RedisClient;
  readonly #log: FastifyBaseLogger;
  readonly #queue = new KeyedQueue();
  readonly #listeners = new Set<(change: ClusterChange) => void>();
  readonly #waiters = new Map<string, Set<() => void>>();

  private constructor(redis: RedisClient, sub: RedisClient, log: FastifyBaseLogger) {
    this.#redis = redis;
    this.#sub = sub;
    this.#log = log;
  }

  /** Subscribes on a second connection (a subscribed Redis connection cannot send commands). */
  static async start(redis: RedisClient, log: FastifyBaseLogger): Promise<RedisCluster> {
    const sub = redis.duplicate();
    sub.on('error', (err: unknown) => log.error({ err }, 'redis subscriber error'));
    await sub.connect();
    const cluster = new RedisCluster(redis, sub, log);
    await sub.subscribe(CHANGES, (raw) => cluster.#received(raw));
    await sub.subscribe(RELEASES, (key) => cluster.#wake(key));
    // 'ready' comes again after every reconnect (the client subscribes again by itself).
    sub.on('ready', () => cluster.#notify({ kind: 'everything' }));
    return cluster;
  }

  announce(change: ClusterChange): void {
    const notice: Notice = { from: this.nodeId, change };
    this.#redis.publish(CHANGES, JSON.stringify(notice)).catch((err: unknown) => this.#log.error({ err, change }, 'announcing a change failed'));
  }

  onChange(listener: (change: ClusterChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  serialize(key: string, job: () => Promise<void>): Promise<void> {
    return this.#queue.run(key, async () => {
      const lock = `frontdesk:lock:${key}`;
      const token = await this.#acquire(lock, Date.now() + WAIT_LIMIT_MS).catch((err: unknown) => this.#unreachable(err, lock));
      if (token) await this.#holding(lock, token, job);
      else await job();
    });
  }

  async exclusive(name: string, job: () => Promise<unknown>): Promise<boolean> {
    const lock = `frontdesk:job:${name}`;
    const token = await this.#trySet(lock).catch((err: unknown) => this.#unreachable(err, lock));
    if (token === null) return false;
    if (token) await this.#holding(lock, token, job);
    else await job();
    return true;
  }

  limiter(points: number, durationSeconds: number, name: string): RateLimiterAbstract {
    return new RateLimiterRedis({
      storeClient: this.#redis,
      useRedisPackage: true,
      keyPrefix: `frontdesk:rl:${name}`,
      points,
      duration: durationSeconds,
      insuranceLimiter: new RateLimiterMemory({ points, duration: durationSeconds }),
    });
  }

  async ping(): Promise<void> {
    await this.#redis.ping();
  }

  async close(): Promise<void> {
    for (const wake of [...this.#waiters.values()].flatMap((set) => [...set])) wake();
    await closeRedis(this.#sub);
  }

  #received(raw: string): void {
    let notice: Notice;
    try {
      notice = JSON.parse(raw) as Notice;
    } catch {
      return;
    }
    if (notice.from !== this.nodeId) this.#notify(notice.change);
  }

  #notify(change: ClusterChange): void {
    for (const listener of this.#listeners) listener(change);
  }

  /** Redis did not answer: go on without the lock (undefined); a lock held by another node is not this. */
  #unreachable(err: unknown, lock: string): undefined {
    if (err instanceof Error && err.message.startsWith('waited too long')) throw err;
    this.#log.warn({ err, lock }, 'Redis is unreachable; running without the cluster lock');
    return undefined;
  }

  async #trySet(lock: string): Promise<string | null> {
    const token = randomUUID();
    const ok = await this.#redis.set(lock, token, { condition: 'NX', expiration: { type: 'PX', value: LOCK_TTL_MS } });
    return ok === 'OK' ? token : null;
  }

  async #acquire(lock: string, deadline: number): Promise<string> {
    for (;;) {
      const token = await this.#trySet(lock);
      if (token) return token;
      if (Date.now() >= deadline) throw new Error(`waited too long for ${lock}`);
      await this.#released(lock);
    }
  }

  /** Resolves when the lock's holder announces its release, or after a short recheck interval. */
  #released(lock: string): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.#waiters.get(lock) ?? new Set();
      this.#waiters.set(lock, waiters);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0 && this.#waiters.get(lock) === waiters) this.#waiters.delete(lock);
        resolve();
      };
      const timer = setTimeout(done, RECHECK_MS);
      waiters.add(done);
    });
  }

  #wake(lock: string): void {
    for (const wake of [...(this.#waiters.get(lock) ?? [])]) wake();
  }

  async #holding(lock: string, token: string, job: () => Promise<unknown>): Promise<void> {
    const renew = setInterval(() => {
      this.#redis
        .eval(EXTEND, { keys: [lock], arguments: [token, String(LOCK_TTL_MS)] })
        .catch((err: unknown) => this.#log.warn({ err, lock }, 'renewing a lock failed'));
    }, LOCK_TTL_MS / 3);
    renew.unref();
    try {
      await job();
    } finally {
      clearInterval(renew);
      await this.#redis.eval(RELEASE, { keys: [lock], arguments: [token] }).catch((err: unknown) => this.#log.warn({ err, lock }, 'releasing a lock failed'));
      await this.#redis.publish(RELEASES, lock).catch(() => undefined);
    }
  }
}
