import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * A shared setting that changed on one node; the others reload it from the database. `everything`: notices
 * may have been missed (the connection to the other nodes was lost and is back), reload all of them.
 */
export type ClusterChange = { kind: 'operations' } | { kind: 'kb'; siteId: string } | { kind: 'webhooks' } | { kind: 'everything' };

/**
 * What the nodes of one deployment coordinate through: change notices for cached settings, per-key
 * serialisation (Kai's turns), one runner at a time for timed jobs, and rate-limit counters. `LocalCluster` is
 * the one-process version; `RedisCluster` (REDIS_URL) spans every node.
 */
export interface Cluster {
  /** This process, for logs and for ignoring its own notices. */
  readonly nodeId: string;
  /** Tells the other nodes that a shared setting changed. */
  announce(change: ClusterChange): void;
  /** Called for every change announced by another node. */
  onChange(listener: (change: ClusterChange) => void): () => void;
  /** Runs the jobs of one key one at a time on every node together, in the order they arrive on each node. */
  serialize(key: string, job: () => Promise<void>): Promise<void>;
  /** Runs a timed job unless another node is running it right now; resolves false when it was skipped. */
  exclusive(name: string, job: () => Promise<unknown>): Promise<boolean>;
  /** A per-key budget of `points` per `durationSeconds`, counted across the deployment. */
  limiter(points: number, durationSeconds: number, name: string): RateLimiterAbstract;
  /** Rejects when the coordination service does not answer (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** In-process chains per key: the order of jobs as they arrive on this node. */
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<void>>();

  run(key: string, job: () => Promise<void>): Promise<void> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const next = previous.then(job, job);
    const tail = next.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return next;
  }
}

/** One process: nothing to tell, nobody to wait for. */
export class LocalCluster implements Cluster {
  readonly nodeId = `local-${process.pid}`;
  readonly #queue = new KeyedQueue();
  readonly #running = new Set<string>();

  announce(): void {}

  onChange(): () => void {
    return () => undefined;
  }

  serialize(key: string, job: () => Promise<void>): Promise<void> {
    return this.#queue.run(key, job);
  }

  async exclusive(name: string, job: () => Promise<unknown>): Promise<boolean> {
    if (this.#running.has(name)) return false;
    this.#running.add(name);
    try {
      await job();
      return true;
    } finally {
      this.#running.delete(name);
    }
  }

  limiter(points: number, durationSeconds: number): RateLimiterAbstract {
    return new RateLimiterMemory({ points, duration: durationSeconds });
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
