import fp from 'fastify-plugin';
import { migrateToLatest, openDatabase, optimize, type Db } from '../db/database';
import { startMessageSearchIndexer } from '../search/message-search-index';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/**
 * Opens the database, runs migrations, keeps SQLite's message search index up to date (in batches; see
 * search/message-search-index.ts), and closes it when the app closes.
 */
export const dbPlugin = fp(
  async (app, opts: { databaseUrl: string }) => {
    const db = openDatabase(opts.databaseUrl);
    await migrateToLatest(db);
    await optimize(db, opts.databaseUrl);
    app.decorate('db', db);
    const indexer = startMessageSearchIndexer(db, (err) => app.log.error({ err }, 'indexing messages for search failed'));
    app.addHook('onClose', async () => {
      await indexer.stop();
      await optimize(db, opts.databaseUrl).catch(() => undefined);
      await db.destroy();
    });
  },
  { name: 'db' },
);
