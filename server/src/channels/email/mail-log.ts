/**
 * What mail logging may show. At `info` and above a log line carries no address, subject or text of a
 * mail: an address becomes a short tag (the same address always gives the same tag, so one sender's mails
 * can still be followed through the log), and the address itself is logged at `debug` only.
 */
import { createHash } from 'node:crypto';

/** A short, stable tag for an address (the first 12 hex digits of its SHA-256, lower-cased first). */
export function addressTag(address: string | null | undefined): string | null {
  if (!address) return null;
  return createHash('sha256').update(address.toLowerCase()).digest('hex').slice(0, 12);
}

/** What looks like an address in an error text (bounded: the text is cut first, so the scan stays short). */
const ADDRESS_IN_TEXT = /[^\s<>"'(),;:[\]@]{1,64}@[a-z0-9.-]{1,255}/gi;

/**
 * A mail transport's error as a log may carry it: the message (addresses in it, as an SMTP server's answer
 * "550 <jane@example.com>: no such user" has them, replaced by their tags) and the SMTP codes. Never the
 * error object itself: nodemailer hangs the envelope, the rejected recipients and the server's whole answer on it.
 */
export function mailError(err: unknown): { message: string; code?: string; responseCode?: number; command?: string } {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { message?: unknown; code?: unknown; responseCode?: unknown; command?: unknown };
  const text = typeof e.message === 'string' ? e.message : String(err);
  const message = text.slice(0, 500).replace(ADDRESS_IN_TEXT, (a) => `<address ${addressTag(a)}>`);
  return {
    message,
    ...(typeof e.code === 'string' ? { code: e.code.slice(0, 50) } : {}),
    ...(typeof e.responseCode === 'number' ? { responseCode: e.responseCode } : {}),
    ...(typeof e.command === 'string' ? { command: e.command.slice(0, 20).replace(ADDRESS_IN_TEXT, '<address>') } : {}),
  };
}
