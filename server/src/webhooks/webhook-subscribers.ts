import type { WebhookEventType } from '../../../shared/webhooks';
import type { DbOrTx } from '../db/database';
import { enabledWebhooks } from './webhook.repository';

interface Subscription {
  id: string;
  events: ReadonlySet<string>;
}

/**
 * Which endpoints want which events, kept in memory: every message and ticket change asks, and endpoints change
 * rarely. A change on this node (`changed`, after its commit) reloads here on the next ask and tells the other
 * nodes, which `forget` theirs. Until the first ask after a change, the list is read in the asker's transaction.
 */
export class WebhookSubscribers {
  #subscriptions: Subscription[] | null = null;
  /** Bumped by every change, so a read that began before it does not put the old list back. */
  #generation = 0;

  constructor(private readonly announce: () => void) {}

  /** The ids of the enabled endpoints subscribed to `type`. */
  async of(db: DbOrTx, type: WebhookEventType): Promise<string[]> {
    let subscriptions = this.#subscriptions;
    if (!subscriptions) {
      const generation = this.#generation;
      subscriptions = (await enabledWebhooks(db)).map((row) => ({ id: row.id, events: new Set(JSON.parse(row.events) as string[]) }));
      if (generation === this.#generation) this.#subscriptions = subscriptions;
    }
    return subscriptions.filter((s) => s.events.has(type)).map((s) => s.id);
  }

  /** An endpoint was created, changed or deleted here (and committed). */
  changed(): void {
    this.forget();
    this.announce();
  }

  /** Another node changed an endpoint, or its notices may have been missed. */
  forget(): void {
    this.#generation += 1;
    this.#subscriptions = null;
  }
}
