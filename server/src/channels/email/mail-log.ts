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
