import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDbPath } from '../../test/harness';
import { migrateToLatest, openDatabase, type Db } from '../db/database';
import { appendMessage, createConversation } from '../messages/message.repository';
import { ensureDemoSite } from '../sites/site.repository';
import { indexPendingMessages, startMessageSearchIndexer } from './message-search-index';
import { matchingExcerpts } from './ticket-search';

const now = new Date('2026-01-13T10:00:00Z');
const file = tempDbPath();
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.destroy()));
});

async function openAt(path: string): Promise<Db> {
  const db = openDatabase(`sqlite:${path}`);
  open.push(db);
  await migrateToLatest(db);
  return db;
}

/** A committed visitor message, as `message:send` stores it before its ack. */
async function storeMessage(db: Db, body: string): Promise<{ conversationId: string; messageId: string }> {
  const site = await ensureDemoSite(db, 'http://127.0.0.1:3000', now);
  return db.transaction().execute(async (tx) => {
    const conversation = await createConversation(tx, { siteId: site.id, visitorId: null, mode: 'human', now });
    const { message } = await appendMessage(tx, { conversationId: conversation.id, author: { kind: 'customer', name: 'Ada' }, body, now });
    return { conversationId: conversation.id, messageId: message.id };
  });
}

const indexed = async (db: Db, messageId: string) =>
  (await db.selectFrom('message_search_pending').select('message_id').where('message_id', '=', messageId).executeTakeFirst()) === undefined;

describe('the batched message search index (SQLite)', () => {
  it('finds a message right after its commit, before any batch ran: the search indexes what is queued first', async () => {
    const db = await openAt(tempDbPath().path);
    const { conversationId, messageId } = await storeMessage(db, 'The export to CSV fails with error 4012');
    expect(await indexed(db, messageId)).toBe(false);
    const found = await matchingExcerpts(db, 'csv 4012', [conversationId]);
    expect(found.get(conversationId)).toContain('error 4012');
    expect(await indexed(db, messageId)).toBe(true);
    // Indexed once: a second search indexes nothing more and finds it once.
    expect(await indexPendingMessages(db)).toBe(0);
    const rows = await sql`SELECT message_id FROM message_search WHERE message_id = ${messageId}`.execute(db);
    expect(rows.rows).toHaveLength(1);
  });

  it('loses no entry to a crash between the commit and the batch: the queue is a table, indexed at the next start', async () => {
    const first = await openAt(file.path);
    const { conversationId, messageId } = await storeMessage(first, 'Invoice PDF shows the wrong VAT number');
    // The process dies here: the commit is on disk, the batch never ran.
    await first.destroy();
    open.splice(open.indexOf(first), 1);

    const second = await openAt(file.path);
    expect(await indexed(second, messageId)).toBe(false);
    const indexer = startMessageSearchIndexer(second, (err) => {
      throw err;
    });
    await indexer.stop();
    expect(await indexed(second, messageId)).toBe(true);
    expect((await matchingExcerpts(second, 'vat', [conversationId])).get(conversationId)).toContain('wrong VAT number');
    file.cleanup();
  });

  it('drops an erased message\u2019s words from the index in the erasure\u2019s own transaction, queued or indexed', async () => {
    const db = await openAt(tempDbPath().path);
    const queued = await storeMessage(db, 'my card number is 4242');
    const done = await storeMessage(db, 'my passport number is 5151');
    await indexPendingMessages(db);
    for (const id of [queued.messageId, done.messageId]) await db.updateTable('messages').set({ body: '[erased]' }).where('id', '=', id).execute();
    expect((await matchingExcerpts(db, '4242', [queued.conversationId])).size).toBe(0);
    expect((await matchingExcerpts(db, '5151', [done.conversationId])).size).toBe(0);
    expect((await matchingExcerpts(db, 'erased', [queued.conversationId, done.conversationId])).size).toBe(2);
  });
});
