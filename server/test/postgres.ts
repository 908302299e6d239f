/**
 * A fresh PostgreSQL database for a test: on the server named by TEST_POSTGRES_URL (CI), or else on a
 * throwaway cluster started here from the installed server binaries (`apt-get install postgresql`), so the
 * test runs on a developer's box too. Without either it fails, saying what to install.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './redis-server';

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

const NEEDS = 'needs PostgreSQL: set TEST_POSTGRES_URL=postgres://user:password@127.0.0.1:5432/postgres (a role that may create databases), or apt-get install postgresql';

async function query(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The newest installed server's bin folder, e.g. /usr/lib/postgresql/17/bin. */
function serverBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((x, y) => Number(y) - Number(x));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

/** As root, PostgreSQL refuses to run: its programs run as the `postgres` account the package creates. */
function runAs(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error(`this test ${NEEDS} (no postgres account to run it as)`);
  return { uid, gid: id('-g') };
}

async function ownCluster(): Promise<{ url: string; stop: () => Promise<void> }> {
  const bin = serverBin();
  if (!bin) throw new Error(`this test ${NEEDS}`);
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-pg-'));
  const user = runAs();
  if ('uid' in user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'frontdesk', '--no-sync'], { encoding: 'utf8', ...user });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const server: ChildProcess = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'], { stdio: 'pipe', ...user });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    server.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('ready to accept connections')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`postgres exited with ${code}: ${log}`)));
  });
  return {
    url: `postgres://frontdesk@127.0.0.1:${port}/postgres`,
    stop: async () => {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGINT'); // fast shutdown
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Drops a test database. FORCE ends our own connections, but not a superuser's autovacuum worker that may be on
 * it for a moment ("must be a member of the role whose process is being terminated"): that is tried again a few
 * times, then the database is left for the server's owner. Cleaning up never fails a test.
 */
async function dropDatabase(admin: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await query(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (err) {
      if (attempt >= 5) {
        console.warn(`test database ${name} left behind: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

export async function freshDatabase(): Promise<TestDatabase> {
  const configured = process.env['TEST_POSTGRES_URL'];
  const cluster = configured ? null : await ownCluster();
  const admin = configured ?? cluster!.url;
  const name = `frontdesk_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await query(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await dropDatabase(admin, name);
      await cluster?.stop();
    },
  };
}
