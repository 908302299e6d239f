/**
 * Test harness: a real app on a real port (0) with a real SQLite file, real socket.io clients and real HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import type { DeskClientToServer, DeskServerToClient, VisitorClientToServer, VisitorServerToClient, WidgetSession } from '../../shared/protocol';
import { buildApp, type AppOptions } from '../src/app';
import { loadConfig } from '../src/config';
import { freshDatabase } from './postgres';
import { TEST_ADMIN, TEST_ADMIN_ENV } from './test-admin';

export type VisitorSocket = Socket<VisitorServerToClient, VisitorClientToServer>;
export type DeskSocket = Socket<DeskServerToClient, DeskClientToServer>;

export interface TestServer {
  app: FastifyInstance;
  url: string;
  dbPath: string;
  close: () => Promise<void>;
}

export function tempDbPath(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-test-'));
  return { path: join(dir, 'test.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * With TEST_POSTGRES_URL (a server URL whose role may create databases), tests that do not name a SQLite file
 * run on a fresh PostgreSQL database each, dropped afterwards: the same suites, the other dialect.
 */
export async function startServer(opts: AppOptions & { dbPath?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const usePostgres = !opts.dbPath && Boolean(process.env['TEST_POSTGRES_URL']);
  const tmp = opts.dbPath || usePostgres ? null : tempDbPath();
  const dbPath = opts.dbPath ?? tmp?.path ?? '';
  const pgDb = usePostgres ? await freshDatabase() : null;
  const databaseUrl = pgDb ? pgDb.url : `sqlite:${dbPath}`;
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', PORT: '0', ...TEST_ADMIN_ENV, ...opts.env });
  const app = await buildApp(config, opts);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    dbPath,
    close: async () => {
      await app.close();
      tmp?.cleanup();
      await pgDb?.drop();
    },
  };
}

export async function api<T = unknown>(
  server: Pick<TestServer, 'url'>,
  method: string,
  path: string,
  opts: { body?: unknown; cookie?: string; bearer?: string } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.cookie) headers['cookie'] = opts.cookie;
  if (opts.bearer) headers['authorization'] = `Bearer ${opts.bearer}`;
  const res = await fetch(`${server.url}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/** Signs in the first admin (ADMIN_EMAIL/ADMIN_PASSWORD of the test server); returns the session cookie. */
export async function signIn(server: Pick<TestServer, 'url'>): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

export async function widgetSession(server: Pick<TestServer, 'url'>, body: Record<string, unknown> = {}): Promise<WidgetSession> {
  const res = await api<WidgetSession>(server, 'POST', '/api/widget/session', { body: { siteKey: 'demo', origin: 'http://localhost:8080', timeZone: 'Europe/London', ...body } });
  if (res.status !== 200) throw new Error(`session failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function connectVisitor(server: Pick<TestServer, 'url'>, token: string): Promise<VisitorSocket> {
  const socket: VisitorSocket = connect(`${server.url}/visitor`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

export async function connectDesk(server: Pick<TestServer, 'url'>, cookie: string): Promise<DeskSocket> {
  const socket: DeskSocket = connect(`${server.url}/desk`, { extraHeaders: { cookie }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

/** Resolves with the first event payload that satisfies `match`, or rejects after `ms`. */
export function nextEvent<T>(socket: Socket, event: string, match: (payload: T) => boolean = () => true, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`timed out waiting for ${event}`));
    }, ms);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}

export const clientId = () => crypto.randomUUID();
