import type { CoreContext } from './context';
import type { Tx } from './db/database';
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

/** Runs `fn` in one transaction; its events reach `ctx.events` after the commit, exactly once. */
export async function inTransaction<T>(ctx: Pick<CoreContext, 'db' | 'events'>, fn: (work: Work) => Promise<T>): Promise<T> {
  const raised: Raised[] = [];
  const result = await ctx.db.transaction().execute(async (tx) => {
    const value = await fn({
      tx,
      raise: (event, payload) => {
        raised.push([event, payload] as Raised);
      },
    });
    for (const item of raised) await runWithinOne(ctx.events, tx, item);
    return value;
  });
  publish(ctx.events, raised);
  return result;
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
