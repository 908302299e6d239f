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

/** What `Frontdesk('boot', …)` may set, as it travels to the messenger. */
export interface BootOptions {
  user?: BridgeUser;
  /** BCP 47 tag the site chose for the visitor. */
  language?: string;
  theme?: ThemeChoice;
  /** `false`: store nothing in the browser until a later `consent` message. */
  consent?: boolean;
}

/** Loader → messenger. */
export type LoaderMessage =
  | ({ type: 'boot'; timeZone?: string; page?: string } & BootOptions)
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
