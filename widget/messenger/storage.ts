/**
 * The messenger's own storage (inside the iframe, on the server's origin). Browsers may block or partition
 * third-party storage, or throw on access, so every call is guarded: without storage the messenger still
 * works, it just forgets the visitor on reload.
 */

/** A string key-value store that never throws. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** The keys the messenger uses for one site. */
export interface StorageKeys {
  /** The visitor token from `POST /api/widget/session`. */
  token: string;
  /** Messages written but not yet acknowledged by the server. */
  outbox: string;
  /** The id of the identified user the token belongs to ('' or absent: anonymous visitor). */
  user: string;
}

/** Storage keys for a site: `frontdesk:{site}:token` and so on. */
export function storageKeys(siteKey: string): StorageKeys {
  const prefix = `frontdesk:${siteKey}:`;
  return { token: `${prefix}token`, outbox: `${prefix}outbox`, user: `${prefix}user` };
}

/** Wraps `localStorage` (read lazily: merely touching it can throw a SecurityError). */
export function browserStore(getStorage: () => Storage): KeyValueStore {
  const attempt = <T>(fn: (storage: Storage) => T, fallback: T): T => {
    try {
      return fn(getStorage());
    } catch {
      return fallback;
    }
  };
  return {
    get: (key) => attempt((s) => s.getItem(key), null),
    set: (key, value) => attempt((s) => s.setItem(key, value), undefined),
    remove: (key) => attempt((s) => s.removeItem(key), undefined),
  };
}

/** An in-memory store (tests, or when nothing else is available). */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
  };
}
