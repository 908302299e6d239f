/**
 * The deployment recipe of docs/deployment.md, for real: Debian's nginx in front of two server processes
 * (`node server/src/server.ts`, as `npm start` runs it) on one PostgreSQL database and one Redis. nginx balances
 * by client address (`hash $remote_addr consistent`), so a client stays on its node, polling included, and
 * moves to the other when its node dies. Loopback has a whole /8 of addresses: the visitor talks from
 * 127.0.0.1 and the agent from another 127.0.0.x that nginx sends to the other node.
 *
 * Needs PostgreSQL: TEST_POSTGRES_URL (a role that may create databases; CI sets it) or, without it, the
 * PostgreSQL server binaries (`apt-get install postgresql`) to start a throwaway cluster of our own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { DeskClientToServer, DeskServerToClient, Message, TicketSummary, VisitorClientToServer, VisitorServerToClient, WidgetSession } from '../../shared/protocol';
import { eventually } from './eventually';
import { nextEvent as harnessNextEvent } from './harness';
import { freshDatabase, type TestDatabase } from './postgres';
import { freePort, startRedis, type RedisServer } from './redis-server';

const ROOT = new URL('../../', import.meta.url).pathname;
const NGINX = process.env['NGINX'] ?? '/usr/sbin/nginx';
const ADMIN = { email: 'ops@example.com', password: 'deployment-test-password' };

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

interface Node {
  port: number;
  process: ChildProcess;
}

let dir: string;
let pg: TestDatabase;
let redis: RedisServer;
let nginx: ChildProcess;
let publicUrl: string;
const nodes: Node[] = [];

/** The nginx site of docs/deployment.md without TLS, plus a header naming the node that answered (tests only). */
function nginxConfig(listen: number, upstreams: number[]): string {
  return `
worker_processes 1;
${process.getuid?.() === 0 ? 'user root;' : ''}
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;

  map $http_upgrade $connection_upgrade { default upgrade; '' close; }

  upstream frontdesk {
    hash $remote_addr consistent;
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 16;
  }

  server {
    listen 127.0.0.1:${listen};
    client_max_body_size 1m;

    location / {
      proxy_pass http://frontdesk;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 60s;
      proxy_next_upstream error timeout;
      add_header X-Test-Upstream $upstream_addr always;
    }
  }
}
`;
}

async function startNode(databaseUrl: string): Promise<Node> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env['PATH'] ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      TRUST_PROXY: '127.0.0.1',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ATTACHMENTS_DIR: join(dir, `attachments-${port}`),
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('Frontdesk is running')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server on port ${port} exited with ${code}:\n${output}`)));
  });
  return { port, process: child };
}

async function startNginx(): Promise<ChildProcess> {
  const listen = Number(new URL(publicUrl).port);
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(listen, nodes.map((n) => n.port)));
  const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed (apt-get install nginx): ${check.error?.message ?? check.stderr}`);
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  await eventually(async () => ((await http('GET', '/healthz').catch(() => null))?.status === 200 ? true : null), 10_000);
  return child;
}

interface Answer<T> {
  status: number;
  upstream: string | undefined;
  body: T;
}

/** One HTTP request through nginx, from a chosen loopback address (so nginx's hash picks the node). */
function http<T = unknown>(method: string, path: string, opts: { from?: string; cookie?: string; body?: unknown } = {}): Promise<Answer<T>> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers: Record<string, string> = { origin: publicUrl };
  if (payload) headers['content-type'] = 'application/json';
  if (opts.cookie) headers['cookie'] = opts.cookie;
  return new Promise((resolve, reject) => {
    const req = request(`${publicUrl}${path}`, { method, headers, localAddress: opts.from ?? '127.0.0.1', agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const upstream = res.headers['x-test-upstream'];
        resolve({ status: res.statusCode ?? 0, upstream: typeof upstream === 'string' ? upstream : undefined, body: (text && res.headers['content-type']?.includes('json') ? JSON.parse(text) : text) as T });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** The loopback address (127.0.0.1 first) whose requests nginx sends to the node on `port`. */
async function addressFor(port: number): Promise<string> {
  for (let i = 1; i < 255; i++) {
    const from = `127.0.0.${i}`;
    if ((await http('GET', '/healthz', { from })).upstream === `127.0.0.1:${port}`) return from;
  }
  throw new Error(`no loopback address reaches the node on ${port}`);
}

/** The harness's `nextEvent`, with room for a busy machine: processes, nginx and PostgreSQL all share it. */
const nextEvent = <T,>(socket: Socket, event: string, match: (payload: T) => boolean = () => true, ms = 10_000): Promise<T> => harnessNextEvent(socket, event, match, ms);

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-deployment-'));
  pg = await freshDatabase();
  redis = await startRedis();
  publicUrl = `http://127.0.0.1:${await freePort()}`;
  // A fresh database is set up by the first node; the second starts once it is (docs/deployment.md says so too).
  nodes.push(await startNode(pg.url));
  nodes.push(await startNode(pg.url));
  nginx = await startNginx();
}, 120_000);

afterAll(async () => {
  const exits = [...nodes.map((n) => n.process), nginx].filter((c): c is ChildProcess => c !== undefined && c.exitCode === null && c.signalCode === null).map((c) => {
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    return exited;
  });
  await Promise.all(exits);
  await redis?.stop();
  await pg?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('nginx in front of two nodes on PostgreSQL and Redis', () => {
  it('a visitor on one node and an agent on the other talk live; settings follow; a node killed mid-conversation loses and doubles nothing', async () => {
    // Where each person lands: the visitor (127.0.0.1, like any Node client) and an agent address on the other node.
    const visitorNode = (await http('GET', '/healthz')).upstream!;
    const [victim, survivor] = visitorNode === `127.0.0.1:${nodes[0]!.port}` ? [nodes[0]!, nodes[1]!] : [nodes[1]!, nodes[0]!];
    const agentFrom = await addressFor(survivor.port);

    const login = await new Promise<string>((resolve, reject) => {
      const req = request(`${publicUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: publicUrl }, localAddress: agentFrom, agent: false }, (res) => {
        res.resume();
        if (res.statusCode !== 200) reject(new Error(`login: ${res.statusCode}`));
        resolve((res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '));
      });
      req.on('error', reject);
      req.end(JSON.stringify(ADMIN));
    });
    // engine.io-client hands `localAddress` to the ws client in Node (its typings leave it out).
    const deskOptions = { transports: ['websocket'], localAddress: agentFrom, extraHeaders: { cookie: login, origin: publicUrl }, forceNew: true } as Partial<ManagerOptions & SocketOptions>;
    const desk: Socket<DeskServerToClient, DeskClientToServer> = connect(`${publicUrl}/desk`, deskOptions);
    await connected(desk);

    // The visitor: polling first, then the websocket upgrade, as a browser does; both must reach the same node.
    const session = await http<WidgetSession>('POST', '/api/widget/session', { body: { siteKey: 'demo', origin: publicUrl, timeZone: 'Europe/London' } });
    expect(session.status).toBe(200);
    const visitor: Socket<VisitorServerToClient, VisitorClientToServer> = connect(`${publicUrl}/visitor`, {
      auth: { token: session.body.token },
      extraHeaders: { origin: publicUrl },
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    await connected(visitor);
    let lastSeq = 0;
    visitor.on('message:created', (m) => (lastSeq = Math.max(lastSeq, m.seq)));
    const send = async (clientId: string, body: string) => {
      const ack = (await visitor.timeout(10_000).emitWithAck('message:send', { clientId, body })) as Ack<Message>;
      if (!ack.ok) throw new Error(`message:send: ${ack.error.code}`);
      lastSeq = Math.max(lastSeq, ack.data.seq);
      return ack.data;
    };

    // Live both ways across the nodes.
    const created = nextEvent<TicketSummary>(desk, 'ticket:created');
    await send(crypto.randomUUID(), 'agent please, our nightly exports fail');
    const ticket = await created;
    const watching = (await desk.timeout(10_000).emitWithAck('ticket:watch', { ticketId: ticket.id })) as Ack<{ ticketId: string }>;
    expect(watching.ok).toBe(true);
    const agentSays = async (body: string) => {
      const res = await http('POST', `/api/tickets/${ticket.id}/messages`, { from: agentFrom, cookie: login, body: { body } });
      expect(res.status).toBe(201);
      expect(res.upstream).toBe(`127.0.0.1:${survivor.port}`);
    };
    const reply = nextEvent<Message>(visitor, 'message:created', (m) => m.body === 'Looking at your exports now.');
    await agentSays('Looking at your exports now.');
    await reply;
    const seenByAgent = nextEvent<{ ticketId: string; message: Message }>(desk, 'message:created', (e) => e.message.body === 'They stopped on Monday.');
    await send(crypto.randomUUID(), 'They stopped on Monday.');
    expect((await seenByAgent).ticketId).toBe(ticket.id);

    // An admin's change on the agent's node is in force on the visitor's node within 5 s.
    const put = await http('PUT', '/api/operations', { from: agentFrom, cookie: login, body: { warningMinutes: 37 } });
    expect(put.status).toBe(200);
    let seen = '';
    await eventually(async () => {
      const ops = await http<{ warningMinutes: number }>('GET', '/api/operations', { from: '127.0.0.1', cookie: login });
      seen = `${ops.status} from ${ops.upstream} (the visitor's node is ${victim.port}): warningMinutes ${ops.body.warningMinutes}`;
      return ops.upstream === `127.0.0.1:${victim.port}` && ops.body.warningMinutes === 37 ? true : null;
    }, 5000).catch((err: unknown) => {
      throw new Error(`${String(err)}; last answer ${seen}`);
    });

    // The visitor's node dies while a message is on its way; the agent answers meanwhile.
    const inFlight = crypto.randomUUID();
    const disconnected = nextEvent(visitor, 'disconnect');
    visitor.emit('message:send', { clientId: inFlight, body: 'Here is the error code: E-4411.' }, () => undefined);
    victim.process.kill('SIGKILL');
    await disconnected;
    await agentSays('Thanks, checking E-4411.');

    // The client reconnects through nginx (now to the survivor), sends its unconfirmed message again (the
    // messenger's outbox does this with the same client id) and asks for everything after what it saw.
    await nextEvent(visitor, 'connect', () => true, 20_000);
    const resent = await send(inFlight, 'Here is the error code: E-4411.');
    const sync = (await visitor.timeout(10_000).emitWithAck('conversation:sync', { afterSeq: 0 })) as Ack<{ messages: Message[] }>;
    if (!sync.ok) throw new Error(`conversation:sync: ${sync.error.code}`);
    const bodies = sync.data.messages.map((m) => m.body);
    for (const body of ['agent please, our nightly exports fail', 'Looking at your exports now.', 'They stopped on Monday.', 'Here is the error code: E-4411.', 'Thanks, checking E-4411.']) {
      expect(bodies.filter((b) => b === body), body).toHaveLength(1);
    }
    expect(sync.data.messages.find((m) => m.body === 'Here is the error code: E-4411.')!.id).toBe(resent.id);
    const seqs = sync.data.messages.map((m) => m.seq);
    expect(new Set(seqs).size).toBe(seqs.length);

    // And the agent's view of the ticket has each message once too.
    const full = await http<{ messages: { body: string }[] }>('GET', `/api/tickets/${ticket.id}`, { from: agentFrom, cookie: login });
    expect(full.body.messages.filter((m) => m.body === 'Here is the error code: E-4411.')).toHaveLength(1);
    expect(full.body.messages.filter((m) => m.body === 'Thanks, checking E-4411.')).toHaveLength(1);
    expect((await http('GET', '/readyz')).status).toBe(200);

    visitor.close();
    desk.close();
  }, 90_000);
});
