/**
 * `npm run backup -- <file>` and `npm run restore -- <file>`: a consistent copy of the database named by
 * DATABASE_URL while the server runs, and its restore into an empty database (docs/deployment.md, "Backups").
 * SQLite: SQLite's online backup API (better-sqlite3 `.backup()`), safe while the server writes. PostgreSQL:
 * `pg_dump --format=custom` (one consistent snapshot) and `pg_restore`, the client programs of the
 * `postgresql-client` package.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';

function sqlitePath(databaseUrl: string): string | null {
  return databaseUrl.startsWith('sqlite:') ? resolve(databaseUrl.slice('sqlite:'.length)) : null;
}

function run(program: string, args: string[]): void {
  const res = spawnSync(program, args, { encoding: 'utf8' });
  if (res.error) throw new Error(`${program} could not run (apt-get install postgresql-client): ${res.error.message}`);
  if (res.status !== 0) throw new Error(`${program} failed: ${res.stderr.trim()}`);
}

/** Writes a consistent copy of the database to `file`. */
export async function backupDatabase(databaseUrl: string, file: string): Promise<void> {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  const path = sqlitePath(databaseUrl);
  if (!path) return run('pg_dump', ['--format=custom', '--no-owner', '--file', file, databaseUrl]);
  const db = new SQLite(path, { fileMustExist: true });
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the database, which must be empty or absent (stop the server first; restore
 * PostgreSQL into a new, empty database). Refuses to overwrite an existing SQLite file.
 */
export function restoreDatabase(file: string, databaseUrl: string): void {
  if (!existsSync(file)) throw new Error(`no backup at ${file}`);
  const path = sqlitePath(databaseUrl);
  if (!path) return run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', databaseUrl, file]);
  if (existsSync(path)) throw new Error(`${path} exists: move it away first (and its -wal and -shm files)`);
  mkdirSync(dirname(path), { recursive: true });
  for (const stale of [`${path}-wal`, `${path}-shm`]) rmSync(stale, { force: true });
  copyFileSync(file, path);
}

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  const databaseUrl = process.env['DATABASE_URL'] || 'sqlite:./data/frontdesk.db';
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error('usage: npm run backup -- <file>   |   npm run restore -- <file>   (DATABASE_URL names the database)');
    process.exit(2);
  }
  if (command === 'backup') await backupDatabase(databaseUrl, file);
  else restoreDatabase(file, databaseUrl);
  console.log(`${command === 'backup' ? 'Backed up to' : 'Restored from'} ${file}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
