import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from './database';
import { prepared } from './prepared';

describe('SQLite query shape', () => {
  it('writes a whole-number LIMIT into the SQL (SQLite runs `LIMIT ?` slower) and keeps every value bound', async () => {
    const db = openDatabase('sqlite::memory:');
    try {
      const query = db.selectFrom('tickets').select('id').where('conversation_id', '=', "x' or 1=1 --").orderBy('created_at', 'desc').limit(1).offset(20);
      const compiled = query.compile();
      // Plugins run when the query executes, not at compile(): check the text the executor sends.
      const sent = db.getExecutor().transformQuery(compiled.query, compiled.queryId);
      const { sql, parameters } = db.getExecutor().compileQuery(sent, compiled.queryId);
      expect(sql).toBe('select "id" from "tickets" where "conversation_id" = ? order by "created_at" desc limit 1 offset ?');
      expect(parameters).toEqual(["x' or 1=1 --", 20]);
    } finally {
      await db.destroy();
    }
  });
});

describe('prepared queries', () => {
  it('compile once and run again with new values, as the built query would', async () => {
    const db = openDatabase('sqlite::memory:');
    try {
      await migrateToLatest(db);
      const byKey = prepared((d, p: { key: string }) => d.selectFrom('sites').select(['key', 'name']).where('key', '=', p.key).limit(1));
      await db.insertInto('sites').values([
        { id: 's1', key: 'one', name: 'One', allowed_origins: '[]', settings: '{}', created_at: '2026-01-01T00:00:00Z' },
        { id: 's2', key: "two' or '1'='1", name: 'Two', allowed_origins: '[]', settings: '{}', created_at: '2026-01-01T00:00:00Z' },
      ]).execute();
      expect((await byKey(db, { key: 'one' })).rows).toEqual([{ key: 'one', name: 'One' }]);
      expect((await byKey(db, { key: "two' or '1'='1" })).rows).toEqual([{ key: "two' or '1'='1", name: 'Two' }]);
      expect((await byKey(db, { key: 'none' })).rows).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('refuse at once a value used where only SQL text can go, or a value never used', async () => {
    const db = openDatabase('sqlite::memory:');
    try {
      const asIdentifier = prepared((d, p: { column: string }) => d.selectFrom('sites').select(sql.ref(p.column).as('x')));
      await expect(asIdentifier(db, { column: 'key' })).rejects.toThrow(/only SQL text/);
      const unused = prepared((d, _p: { key: string }) => d.selectFrom('sites').select('key'));
      await expect(unused(db, { key: 'one' })).rejects.toThrow(/never used key/);
    } finally {
      await db.destroy();
    }
  });
});
