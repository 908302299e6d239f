/**
 * The typed postMessage bridge between the loader (host page) and the messenger (iframe).
 *
 * Both bundles import this file, so it holds only types and tiny dependency-free helpers: the loader must stay
 * a few kilobytes and must never pull in Preact, socket.io or zod (hence `import type` only).
 *
 * Every message is a plain object `{ source: 'frontdesk', type, ...payload }`. Senders post only to one known
 * origin (never `'*'`); receivers check `event.origin` and `event.source` before calling `parse*` here.
 */
import type { VisitorTicket } from '../shared/protocol';

/** Marks our messages apart from anything else the page or its other frames post. */
export const BRIDGE_SOURCE = 'frontdesk';

/** The logged-in user a site owner passes to `Frontdesk('boot', { user })`. */
export interface BridgeUser {
  id: string;
  email?: string;
  name?: string;
  /** Signed identity (JWT or HMAC user hash) the server verifies. */
  token?: string;
}

/** `light` or `dark` forces a theme; `auto` (the default) follows `prefers-color-scheme`. */
export type ThemeChoice = 'auto' | 'light' | 'dark';

/** Plain key/value facts a site passes in `boot` or `update` (`attributes`): shown to agents as unverified claims. */
export type BootAttributes = Record<string, string | number | boolean>;

/** What `Frontdesk('boot', …)` may set, as it travels to the messenger. */
export interface BootOptions {
  user?: BridgeUser;
  attributes?: BootAttributes;
  /** BCP 47 tag the site chose for the visitor. */
  language?: string;
  theme?: ThemeChoice;
  /** `false`: store nothing in the browser until a later `consent` message. */
  consent?: boolean;
}

/** Loader → messenger. */
export type LoaderMessage =
  | ({ type: 'boot'; timeZone?: string; page?: string; url?: string; title?: string; referrer?: string } & BootOptions)
  | { type: 'consent' }
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'prefill'; text: string }
  | { type: 'shutdown' };

/** Messenger → loader. */
export type MessengerMessage =
  | { type: 'ready' }
  | { type: 'unread'; count: number }
  | { type: 'close' }
  | { type: 'ticket:created'; ticket: VisitorTicket };

/** A message as it travels through postMessage. */
export type Envelope<M extends { type: string }> = M & { source: typeof BRIDGE_SOURCE };

/** Wraps a message for postMessage. */
export function envelope<M extends { type: string }>(message: M): Envelope<M> {
  return { ...message, source: BRIDGE_SOURCE };
}

type Loose = Record<string, unknown>;

function ours(data: unknown): Loose | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Loose; // checked to be a non-null object just above
  return record.source === BRIDGE_SOURCE && typeof record.type === 'string' ? record : null;
}

function isUser(value: unknown): value is BridgeUser {
  if (typeof value !== 'object' || value === null) return false;
  const u = value as Loose; // checked to be a non-null object just above
  const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
  return typeof u.id === 'string' && optionalString(u.email) && optionalString(u.name) && optionalString(u.token);
}

/**
 * The attributes that travel: at most 30, keys up to 60 characters, values strings up to 500 characters, finite
 * numbers or booleans (the server's limits); anything else is left out. Undefined when none is left.
 */
export function readAttributes(value: unknown): BootAttributes | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: BootAttributes = {};
  let n = 0;
  for (const key of Object.keys(value)) {
    const v = (value as Loose)[key]; // a non-null object, checked above
    if (n < 30 && key.length <= 60 && ((typeof v === 'string' && v.length <= 500) || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))) {
      out[key] = v;
      n++;
    }
  }
  return n ? out : undefined;
}

/** Reads a loader → messenger message, or null when `data` is not a well-formed one. */
export function parseLoaderMessage(data: unknown): LoaderMessage | null {
  const m = ours(data);
  if (!m) return null;
  switch (m.type) {
    case 'open':
    case 'close':
    case 'shutdown':
    case 'consent':
      return { type: m.type };
    case 'prefill':
      return typeof m.text === 'string' ? { type: 'prefill', text: m.text } : null;
    case 'boot': {
      const boot: LoaderMessage = { type: 'boot' };
      if (m.user !== undefined) {
        if (!isUser(m.user)) return null;
        boot.user = m.user;
      }
      if (typeof m.timeZone === 'string') boot.timeZone = m.timeZone;
      if (typeof m.language === 'string' && m.language.length <= 35) boot.language = m.language;
      if (m.theme === 'light' || m.theme === 'dark' || m.theme === 'auto') boot.theme = m.theme;
      if (typeof m.consent === 'boolean') boot.consent = m.consent;
      // The host page's path (no query: it may hold tokens), for the help articles the messenger suggests.
      if (typeof m.page === 'string' && m.page.length <= 500) boot.page = m.page;
      // The page's address (origin and path), title and referrer, shown to agents with the ticket.
      for (const key of ['url', 'title', 'referrer'] as const) {
        const value = m[key];
        if (typeof value === 'string' && value.length <= (key === 'title' ? 300 : 2000)) boot[key] = value;
      }
      // Only the host page's own loader posts here, and it sent them through readAttributes.
      if (typeof m.attributes === 'object' && m.attributes !== null) boot.attributes = m.attributes as BootAttributes;
      return boot;
    }
    default:
      return null;
  }
}

/** Reads a messenger → loader message, or null when `data` is not a well-formed one. */
export function parseMessengerMessage(data: unknown): MessengerMessage | null {
  const m = ours(data);
  if (!m) return null;
  switch (m.type) {
    case 'ready':
    case 'close':
      return { type: m.type };
    case 'unread':
      return typeof m.count === 'number' && m.count >= 0 ? { type: 'unread', count: m.count } : null;
    case 'ticket:created':
      // The loader only forwards the ticket to the site's own handlers; it came from our own origin.
      return typeof m.ticket === 'object' && m.ticket !== null
        ? { type: 'ticket:created', ticket: m.ticket as VisitorTicket }
        : null;
    default:
      return null;
  }
}
