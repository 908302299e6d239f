/**
 * The messenger's own storage (inside the iframe, on the server's origin). Browsers may block or partition
 * third-party storage, or throw on access, so every call is guarded: without storage the messenger still
 * works, it just forgets the visitor on reload.
 *
 * Order of preference: localStorage; else a partitioned cookie (CHIPS) scoped to the messenger page, which
 * browsers that refuse third-party localStorage often still allow (e.g. Chromium with third-party cookies
 * blocked and storage partitioning off, as under Playwright); else memory.
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

/** What cookieStore needs of a document. */
export interface CookieJar {
  cookie: string;
}

const COOKIE_MAX_AGE_S = 180 * 24 * 3600;

/**
 * A store in cookies of the messenger's own origin, `Partitioned` so a browser that blocks third-party
 * cookies keeps them per embedding site, and with `Path` set to the messenger page so they ride along on
 * nothing but its own document request. A value too big for a cookie (~4 KB) is simply not kept.
 */
export function cookieStore(jar: CookieJar, path: string): KeyValueStore {
  const attributes = `; Path=${path}; SameSite=None; Secure; Partitioned`;
  const name = (key: string): string => encodeURIComponent(key);
  return {
    get(key) {
      try {
        const prefix = `${name(key)}=`;
        const found = jar.cookie.split('; ').find((part) => part.startsWith(prefix));
        return found === undefined ? null : decodeURIComponent(found.slice(prefix.length));
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        jar.cookie = `${name(key)}=${encodeURIComponent(value)}${attributes}; Max-Age=${COOKIE_MAX_AGE_S}`;
      } catch {
        // blocked: nothing kept
      }
    },
    remove(key) {
      try {
        jar.cookie = `${name(key)}=${attributes}; Max-Age=0`;
      } catch {
        // blocked: nothing to remove
      }
    },
  };
}

/** Whether a store really keeps what is written (storage can be present but refuse every write). */
function works(store: KeyValueStore): boolean {
  const probe = 'frontdesk:probe';
  store.set(probe, '1');
  const ok = store.get(probe) === '1';
  store.remove(probe);
  return ok;
}

/** The best store this browser allows the messenger: localStorage, a partitioned cookie, or memory. */
export function messengerStore(win: Window): KeyValueStore {
  const local = browserStore(() => win.localStorage);
  if (works(local)) return local;
  const cookies = cookieStore(win.document, win.location.pathname);
  return works(cookies) ? cookies : memoryStore();
}
