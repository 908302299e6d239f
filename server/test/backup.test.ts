/**
 * Backups as docs/deployment.md describes them: taken while the server runs and writes, restored into a fresh
 * database, and the app started on the restore serves what was there (on SQLite, and on PostgreSQL with
 * pg_dump / pg_restore).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../tools/backup';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { TEST_ADMIN_ENV } from './test-admin';
import { api, signIn } from './harness';
import { freshDatabase, type TestDatabase } from './postgres';

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-backup-'));
const databases: TestDatabase[] = [];

afterAll(async () => {
  for (const db of databases) await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function appOn(databaseUrl: string): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp(loadConfig({ ...TEST_ADMIN_ENV, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ATTACHMENTS_DIR: join(dir, 'attachments') }), { sweepIntervalMs: 0 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}` };
}

/** Backs up while tickets are being written, restores into `restoredUrl`, and checks the app there. */
async function roundTrip(sourceUrl: string, restoredUrl: string, file: string): Promise<void> {
  const source = await appOn(sourceUrl);
  const cookie = await signIn(source);
  const create = (subject: string) =>
    api<{ id: string; number: number }>(source, 'POST', '/api/tickets', { cookie, body: { subject, description: 'Printer jammed', channel: 'phone', requester: { name: 'Ada' }, urgency: 'low', impact: 'low' } });
  const before = await create('Before the backup');
  expect(before.status).toBe(201);
  // Writes keep arriving while the backup runs: the copy is consistent, whatever it catches of them.
  const [, ...during] = await Promise.all([backupDatabase(sourceUrl, file), create('During the backup'), create('During the backup')]);
  expect(during.every((r) => r.status === 201)).toBe(true);
  await source.app.close();

  restoreDatabase(file, restoredUrl);
  const restored = await appOn(restoredUrl);
  try {
    const again = await signIn(restored);
    const ticket = await api<{ subject: string; number: number }>(restored, 'GET', `/api/tickets/${before.body.id}`, { cookie: again });
    expect(ticket.body).toMatchObject({ subject: 'Before the backup', number: before.body.number });
    // The restored database keeps working: numbering goes on past everything it holds.
    const listed = await api<{ tickets: { number: number }[] }>(restored, 'GET', '/api/tickets', { cookie: again });
    const next = await api<{ number: number }>(restored, 'POST', '/api/tickets', { cookie: again, body: { subject: 'After the restore', description: 'Still jammed', channel: 'phone', requester: { name: 'Ada' } } });
    expect(next.status).toBe(201);
    expect(next.body.number).toBeGreaterThan(Math.max(...listed.body.tickets.map((t) => t.number)));
  } finally {
    await restored.app.close();
  }
}

describe('backup and restore', () => {
  it('SQLite: online backup while the server writes, restored to a new file, and the app starts on it', async () => {
    await roundTrip(`sqlite:${join(dir, 'live.db')}`, `sqlite:${join(dir, 'restored.db')}`, join(dir, 'frontdesk.sqlite-backup'));
  });

  it('refuses to restore over an existing SQLite database', () => {
    expect(() => restoreDatabase(join(dir, 'frontdesk.sqlite-backup'), `sqlite:${join(dir, 'restored.db')}`)).toThrow(/exists/);
  });

  it('PostgreSQL: pg_dump while the server writes, pg_restore into a fresh database, and the app starts on it', async () => {
    const live = await freshDatabase();
    databases.push(live);
    const empty = await freshDatabase();
    databases.push(empty);
    await roundTrip(live.url, empty.url, join(dir, 'frontdesk.pgdump'));
  }, 60_000);
});
