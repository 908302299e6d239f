/**
 * Full-text search over tickets (number, subject, description, requester name and email) and message bodies.
 * On PostgreSQL the index is kept by the database itself (GIN expression indexes, migration 0012), in step with
 * every write. On SQLite, FTS5 tables kept by triggers; new messages are queued and indexed in batches (migration
 * 0019, `message-search-index.ts`), so whatever runs a search first calls `indexPendingMessages` (listTickets,
 * countTickets, matchingExcerpts); erasure takes old words out at once. User text never reaches the query syntax:
 * each word is quoted (FTS5) or turned into a lexeme by quote_literal (PostgreSQL).
 */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import { searchWords } from '../../../shared/queue';
import { isPostgres, type DbOrTx } from '../db/database';
import type { Database } from '../db/schema';
import { indexPendingMessages } from './message-search-index';

/** `#1042` or `1042`: a ticket number. */
function ticketNumberOf(words: string[]): number | null {
  const only = words.length === 1 ? /^#?(\d{1,9})$/.exec(words[0]!) : null;
  return only ? Number(only[1]) : null;
}

/** Each word as an FTS5 string (quotes doubled), prefix-matched, all required. */
export function fts5Query(words: string[]): string {
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND ');
}

/** A where-clause on `tickets`: the ticket's own text, a message of its conversation, or its number, matches. */
export function matchesSearch(db: DbOrTx, query: string): ((eb: ExpressionBuilder<Database, 'tickets'>) => Expression<SqlBool>) | null {
  const words = searchWords(query);
  if (!words.length) return null;
  const number = ticketNumberOf(words);
  const textWords = words.map((w) => w.replace(/^#(?=\d)/, ''));
  if (isPostgres(db)) {
    const tsquery = sql.join(
      textWords.map((w) => sql`to_tsquery('simple', quote_literal(${w}) || ':*')`),
      sql` && `,
    );
    // One id set from three index reads (the number, the tickets' GIN index, the messages' GIN index). Written as
    // an OR on `tickets` itself, PostgreSQL computed every ticket's tsvector instead (a search took ~85 ms on 10,000).
    const byNumber = number !== null ? sql`SELECT id FROM tickets WHERE number = ${number} UNION ` : sql``;
    return () =>
      sql<SqlBool>`tickets.id IN (${byNumber}SELECT id FROM tickets WHERE to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(description, '') || ' ' || coalesce(requester_name, '') || ' ' || coalesce(requester_email, '')) @@ (${tsquery})
        UNION SELECT id FROM tickets WHERE conversation_id IN (SELECT conversation_id FROM messages WHERE to_tsvector('simple', body) @@ (${tsquery})))`;
  }
  const match = fts5Query(textWords);
  return (eb) =>
    eb.or([
      ...(number !== null ? [eb('tickets.number', '=', number)] : []),
      sql<SqlBool>`tickets.number IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ${match})`,
      sql<SqlBool>`tickets.conversation_id IN (SELECT conversation_id FROM message_search WHERE message_search MATCH ${match})`,
    ]);
}

/** Longest excerpt of a matching message shown under a search result (characters). */
const EXCERPT_LENGTH = 160;

/**
 * For each conversation, a short excerpt of its first message that matches the search (agents see internal
 * notes too), so the desk can show why a ticket was found. Plain text; the desk marks the words.
 */
export async function matchingExcerpts(db: DbOrTx, query: string, conversationIds: string[]): Promise<Map<string, string>> {
  const words = searchWords(query).map((w) => w.replace(/^#(?=\d)/, ''));
  const out = new Map<string, string>();
  if (!words.length || !conversationIds.length) return out;
  await indexPendingMessages(db);
  const ids = sql.join(conversationIds);
  const rows = isPostgres(db)
    ? await sql<{ conversation_id: string; body: string }>`SELECT conversation_id, body FROM messages WHERE conversation_id IN (${ids}) AND to_tsvector('simple', body) @@ (${sql.join(
        words.map((w) => sql`to_tsquery('simple', quote_literal(${w}) || ':*')`),
        sql` && `,
      )}) ORDER BY created_at`.execute(db)
    : await sql<{ conversation_id: string; body: string }>`SELECT conversation_id, body FROM message_search WHERE message_search MATCH ${fts5Query(words)} AND conversation_id IN (${ids})`.execute(db);
  for (const row of rows.rows) {
    if (!out.has(row.conversation_id)) out.set(row.conversation_id, excerptAround(row.body, words));
  }
  return out;
}

/** The part of `body` around the first word found, cut at EXCERPT_LENGTH characters. */
export function excerptAround(body: string, words: string[]): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const at = Math.min(...words.map((w) => lower.indexOf(w.toLowerCase())).filter((i) => i >= 0), flat.length);
  const start = at === flat.length ? 0 : Math.max(0, at - 40);
  const cut = flat.slice(start, start + EXCERPT_LENGTH);
  return `${start > 0 ? '…' : ''}${cut}${start + EXCERPT_LENGTH < flat.length ? '…' : ''}`;
}
