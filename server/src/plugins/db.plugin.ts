import fp from 'fastify-plugin';
import { migrateToLatest, openDatabase, optimize, type Db } from '../db/database';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/** Opens the database, runs migrations, and closes it when the app closes. */
export const dbPlugin = fp(
  async (app, opts: { databaseUrl: string }) => {
    const db = openDatabase(opts.databaseUrl);
    await migrateToLatest(db);
    await optimize(db, opts.databaseUrl);
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      await optimize(db, opts.databaseUrl).catch(() => undefined);
      await db.destroy();
    });
  },
  { name: 'db' },
);
