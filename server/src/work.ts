import type { CoreContext } from './context';
import { hasSingleWriter, type Db, type Tx } from './db/database';
import type { DomainEventMap, DomainEvents } from './events';

/**
 * A unit of work: the caller's transaction, and the domain events its commands raise. Commands write through
 * `tx` and `raise` what happened; `inTransaction` publishes the events once, after the commit, in the order they
 * were raised. A rolled-back transaction publishes nothing, so no listener ever sees a fact that was not stored.
 * Handlers registered with `withinTransaction` run just before the commit, in the same transaction.
 */
export interface Work {
  readonly tx: Tx;
  raise<K extends keyof DomainEventMap>(event: K, payload: DomainEventMap[K]): void;
}

type Raised = { [K in keyof DomainEventMap]: [K, DomainEventMap[K]] }[keyof DomainEventMap];

/**
 * Runs `fn` in one transaction; its events reach `ctx.events` after the commit, exactly once. On SQLite, commands
 * share commits (group commit): a command waits for the event loop's current turn to end (`setImmediate`), so every
 * command the sockets read in that turn, and any that arrive while a commit is being prepared, share the next
 * commit. Each runs in its own savepoint, so one that fails rolls back alone, and every one resolves only after the
 * commit that holds it. Under load this saves a commit (and the WAL pages it writes) per command; alone, a command
 * runs as a plain transaction, one turn of the event loop later.
 */
export async function inTransaction<T>(ctx: Pick<CoreContext, 'db' | 'events'>, fn: (work: Work) => Promise<T>): Promise<T> {
  if (hasSingleWriter(ctx.db)) return groupCommitFor(ctx).run(fn);
  const raised: Raised[] = [];
  const result = await ctx.db.transaction().execute(async (tx) => runCommand(ctx.events, tx, raised, fn));
  publish(ctx.events, raised);
  return result;
}

/** Runs one command in `tx` and its in-transaction handlers; its raised events are collected in `raised`. */
async function runCommand<T>(bus: DomainEvents, tx: Tx, raised: Raised[], fn: (work: Work) => Promise<T>): Promise<T> {
  const value = await fn({
    tx,
    raise: (event, payload) => {
      raised.push([event, payload] as Raised);
    },
  });
  for (const item of raised) await runWithinOne(bus, tx, item);
  return value;
}

interface Job {
  fn: (work: Work) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** Most commands one commit holds. */
const MAX_GROUP = 64;

const groups = new WeakMap<Db, GroupCommit>();

function groupCommitFor(ctx: Pick<CoreContext, 'db' | 'events'>): GroupCommit {
  let group = groups.get(ctx.db);
  if (!group) groups.set(ctx.db, (group = new GroupCommit(ctx.db, ctx.events)));
  return group;
}

class GroupCommit {
  readonly #queue: Job[] = [];
  /** A drain is scheduled or running: new jobs join its queue. */
  #draining = false;

  constructor(
    private readonly db: Db,
    private readonly bus: DomainEvents,
  ) {}

  run<T>(fn: (work: Work) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // The job's own result type is restored by the promise it resolves (T in, T out).
      this.#queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) {
        this.#draining = true;
        // After the I/O callbacks of this turn (each socket packet read in it queues its command here).
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) await this.#commitBatch(this.#queue.splice(0, MAX_GROUP));
    } finally {
      this.#draining = false;
    }
  }

  async #commitBatch(batch: Job[]): Promise<void> {
    if (batch.length === 1) {
      const job = batch[0]!;
      const raised: Raised[] = [];
      try {
        const value = await this.db.transaction().execute((tx) => runCommand(this.bus, tx, raised, job.fn));
        publish(this.bus, raised);
        job.resolve(value);
      } catch (err) {
        job.reject(err);
      }
      return;
    }
    const done: { job: Job; value: unknown; raised: Raised[] }[] = [];
    const failed: { job: Job; err: unknown }[] = [];
    let trx;
    try {
      trx = await this.db.startTransaction().execute();
      for (const job of batch) {
        const raised: Raised[] = [];
        const point = await trx.savepoint('command').execute();
        try {
          const value = await runCommand(this.bus, point, raised, job.fn);
          await point.releaseSavepoint('command').execute();
          done.push({ job, value, raised });
        } catch (err) {
          await point.rollbackToSavepoint('command').execute();
          await point.releaseSavepoint('command').execute();
          failed.push({ job, err });
        }
      }
      await trx.commit().execute();
    } catch (err) {
      if (trx) await trx.rollback().execute().catch(() => undefined);
      for (const { job } of done) job.reject(err);
      for (const { job, err: own } of failed) job.reject(own);
      if (done.length + failed.length < batch.length) for (const job of batch.slice(done.length + failed.length)) job.reject(err);
      return;
    }
    for (const { job, value, raised } of done) {
      publish(this.bus, raised);
      job.resolve(value);
    }
    for (const { job, err } of failed) job.reject(err);
  }
}

function publish(bus: DomainEvents, raised: readonly Raised[]): void {
  for (const item of raised) emitOne(bus, item);
}

function runWithinOne<K extends keyof DomainEventMap>(bus: DomainEvents, tx: Tx, [event, payload]: [K, DomainEventMap[K]]): Promise<void> {
  return bus.runWithin(tx, event, payload);
}

function emitOne<K extends keyof DomainEventMap>(bus: DomainEvents, [event, payload]: [K, DomainEventMap[K]]): void {
  bus.emit(event, payload);
}
