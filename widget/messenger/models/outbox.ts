import { signal, type ReadonlySignal } from '@preact/signals';
import type { KeyValueStore } from '../storage';

/** A message the visitor wrote that the server has not acknowledged yet. */
export interface OutboxItem {
  clientId: string;
  body: string;
  createdAt: string;
  /** Ids of files uploaded beforehand that the message carries. */
  attachmentIds?: string[];
  /** Why the server refused it for good; such an item is not re-sent. */
  error?: string;
}

const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A client id for `message:send`: a UUID, or 32 random hex digits where randomUUID is missing (plain http). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The stored outbox, keeping only well-formed items (the store is the browser's, anything may be there). */
function readOutbox(raw: string | null): OutboxItem[] {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (i): i is OutboxItem =>
        typeof i === 'object' && i !== null && typeof i.clientId === 'string' && CLIENT_ID.test(i.clientId) &&
        typeof i.body === 'string' && typeof i.createdAt === 'string' && (i.error === undefined || typeof i.error === 'string'),
    );
  } catch {
    return [];
  }
}

/**
 * The messages not yet acknowledged, in the order they were written, kept in the store under `key` so they
 * survive a reload (the key is removed when nothing is pending). Each keeps its client id until acknowledged.
 */
export class Outbox {
  readonly #items = signal<OutboxItem[]>([]);
  readonly items: ReadonlySignal<OutboxItem[]> = this.#items;

  readonly #store: KeyValueStore;
  readonly #key: string;

  constructor(store: KeyValueStore, key: string) {
    this.#store = store;
    this.#key = key;
    this.#items.value = readOutbox(store.get(key));
  }

  peek(): OutboxItem[] {
    return this.#items.peek();
  }

  add(item: OutboxItem): void {
    this.#set([...this.peek(), item]);
  }

  /** Takes out the items the server has stored (by client id). */
  settle(clientIds: ReadonlySet<string>): void {
    if (clientIds.size > 0 && this.peek().some((i) => clientIds.has(i.clientId))) this.#set(this.peek().filter((i) => !clientIds.has(i.clientId)));
  }

  remove(item: OutboxItem): void {
    if (this.peek().includes(item)) this.#set(this.peek().filter((i) => i !== item));
  }

  /** Marks an item refused for good (shown with the reason, not re-sent). */
  refuse(item: OutboxItem, error: string): void {
    this.#set(this.peek().map((i) => (i === item ? { ...i, error } : i)));
  }

  /** The oldest item still to send (refused ones are skipped). */
  next(): OutboxItem | undefined {
    return this.peek().find((i) => i.error === undefined);
  }

  clear(): void {
    this.#set([]);
  }

  #set(items: OutboxItem[]): void {
    this.#items.value = items;
    if (items.length > 0) this.#store.set(this.#key, JSON.stringify(items));
    else this.#store.remove(this.#key);
  }
}
