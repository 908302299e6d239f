import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';

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
