/**
 * Which ticket a mail belongs to. Every Message-ID of a ticket's thread, both directions, is kept in
 * `email_messages`; a reply names some of them in In-Reply-To and References. A mail client that drops those
 * headers still keeps the subject, so `[#1042]` (or `#1042`) in the subject counts too, but only from the
 * ticket's own requester, authenticated (sender-auth.ts): anyone can type a number and forge a From line, and a
 * number must never attach mail to someone else's ticket.
 */
import type { DbOrTx } from '../../db/database';
import type { TicketRow } from '../../db/schema';
import { findTicket } from '../../tickets/ticket.repository';
import { findThreadMessages, findTicketByNumber, listThreadMessages, newestFollowUpOf } from './email.repository';

/** `<id@host>` with the angle brackets, as mail headers carry it; null for something that is not one. */
export function normalizeMessageId(id: string | undefined | null): string | null {
  // Length first: nothing below may run on a header of any length a sender likes.
  const value = (id ?? '').trim();
  if (!value || value.length > MAX_MESSAGE_ID) return null;
  let start = 0;
  let end = value.length;
  while (start < end && value[start] === '<') start++;
  while (end > start && value[end - 1] === '>') end--;
  const bare = value.slice(start, end).trim();
  if (!bare || /[\s<>]/.test(bare)) return null;
  return `<${bare}>`;
}

/** Longest Message-ID looked at (RFC 5322 allows a line of 998 characters; real ones are under 100). */
const MAX_MESSAGE_ID = 500;
/** Longest In-Reply-To or References header looked at: 100 ids of real length fit. */
const MAX_REFERENCES_LENGTH = 20_000;

/** The Message-IDs a reply names: In-Reply-To first, then References newest first. */
export function referencedIds(inReplyTo: string | undefined, references: string | string[] | undefined): string[] {
  const list = Array.isArray(references) ? references.slice(-200) : (references ?? '').slice(-MAX_REFERENCES_LENGTH).split(/\s+/);
  const refs = list.flatMap((r) => r.slice(0, MAX_REFERENCES_LENGTH).split(/(?<=>)\s*(?=<)/));
  const ids = [...(inReplyTo ?? '').slice(0, MAX_REFERENCES_LENGTH).split(/\s+/), ...refs.reverse()].map(normalizeMessageId).filter((id): id is string => id !== null);
  return [...new Set(ids)].slice(0, 100);
}

/** The ticket number in a subject: `[#1042]` anywhere, else `#1042` as a word. */
export function ticketNumberInSubject(subject: string): number | null {
  const m = /\[#(\d{1,9})\]/.exec(subject) ?? /(?:^|[\s(:])#(\d{1,9})\b/.exec(subject);
  return m ? Number(m[1]) : null;
}

/** Why a number in the subject did not thread the mail. */
export type IgnoredNumber = { number: number; why: 'no such ticket' | 'not the requester' | 'sender not verified' };

/**
 * The ticket a reply belongs to: by the Message-IDs it names (the most recent one we know wins), else by the
 * number in its subject when the sender is that ticket's requester and `verified` says the sender's address is
 * really theirs (asked only then: it may look up DNS). Our Message-IDs are random, so naming one proves the
 * sender had our mail; a number is typed by anyone and a From line is forged as easily.
 */
export async function findTicketForReply(
  db: DbOrTx,
  props: { ids: string[]; subject: string; senders: string[]; verified: () => Promise<boolean> },
): Promise<{ ticket: TicketRow; by: 'headers' | 'subject' } | { ticket: null; ignored: IgnoredNumber | null }> {
  if (props.ids.length) {
    const known = await findThreadMessages(db, props.ids);
    const byId = new Map(known.map((k) => [k.message_id, k.ticket_id]));
    const ticketId = props.ids.map((id) => byId.get(id)).find((t) => t !== undefined);
    if (ticketId) {
      const ticket = await findTicket(db, ticketId);
      if (ticket) return { ticket, by: 'headers' };
    }
  }
  const number = ticketNumberInSubject(props.subject);
  if (number === null) return { ticket: null, ignored: null };
  const ticket = await findTicketByNumber(db, number);
  if (!ticket) return { ticket: null, ignored: { number, why: 'no such ticket' } };
  const requester = ticket.requester_email?.toLowerCase();
  if (!requester || !props.senders.includes(requester)) return { ticket: null, ignored: { number, why: 'not the requester' } };
  if (!(await props.verified())) return { ticket: null, ignored: { number, why: 'sender not verified' } };
  return { ticket: await survivorOf(db, ticket), by: 'subject' };
}

/** A merged ticket's number still reaches its history: the ticket it was merged into (following the chain). */
async function survivorOf(db: DbOrTx, ticket: TicketRow): Promise<TicketRow> {
  let current = ticket;
  for (let depth = 0; depth < 20 && current.merged_into_id; depth++) {
    const next = await findTicket(db, current.merged_into_id);
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * Where a reply to a closed ticket goes: the newest follow-up of it that is not closed itself (following the
 * chain), or null when a new follow-up must start.
 */
export async function openFollowUpOf(db: DbOrTx, closed: TicketRow): Promise<TicketRow | null> {
  let current = closed;
  for (let depth = 0; depth < 20; depth++) {
    const next = await newestFollowUpOf(db, current.id);
    if (!next) return null;
    if (next.status !== 'closed') return next;
    current = next;
  }
  return null;
}

/** Every Message-ID of a ticket's thread, oldest first, and the newest one the customer sent. */
export async function threadOf(db: DbOrTx, ticketId: string): Promise<{ ids: string[]; latestIncoming: string | null }> {
  const rows = await listThreadMessages(db, ticketId);
  const incoming = rows.filter((r) => r.direction === 'in');
  return { ids: rows.map((r) => r.message_id), latestIncoming: incoming[incoming.length - 1]?.message_id ?? null };
}

/** References for a new mail on a thread: the first id and the newest ones (RFC 5322 §3.6.4 allows trimming). */
export function trimReferences(ids: readonly string[], max = 20): string[] {
  const unique = [...new Set(ids)];
  return unique.length <= max ? unique : [unique[0]!, ...unique.slice(unique.length - (max - 1))];
}
