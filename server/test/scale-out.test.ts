/**
 * Several server processes, one deployment: with REDIS_URL the socket.io Redis adapter carries room broadcasts
 * between them. Two apps share one database and a real redis-server (started here on a free port); a visitor
 * on one and an agent on the other talk live.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationState, Message, TicketSummary } from '../../shared/protocol';
import { api, clientId, connectDesk, connectVisitor, nextEvent, signIn, startServer, tempDbPath, widgetSession, type TestServer } from './harness';

let redis: ChildProcess;
let redisUrl: string;
let a: TestServer;
let b: TestServer;
const db = tempDbPath();

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  redisUrl = `redis://127.0.0.1:${port}`;
  redis = spawn(process.env['REDIS_SERVER'] ?? 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    redis.once('error', (err) => reject(new Error(`redis-server could not start (apt-get install redis-server): ${err.message}`)));
    redis.stdout!.on('data', (d: Buffer) => d.toString().includes('Ready to accept connections') && resolve());
  });
  a = await startServer({ dbPath: db.path, env: { REDIS_URL: redisUrl }, sweepIntervalMs: 0 });
  b = await startServer({ dbPath: db.path, env: { REDIS_URL: redisUrl }, sweepIntervalMs: 0 });
}, 30_000);

afterAll(async () => {
  await a?.app.close();
  await b?.app.close();
  redis?.kill('SIGTERM');
  db.cleanup();
});

describe('scale-out with the Redis adapter', () => {
  it('a handoff on one process reaches a desk on the other, and the agent reply comes back live', async () => {
    const cookie = await signIn(b);
    const desk = await connectDesk(b, cookie);
    const session = await widgetSession(a);
    const visitor = await connectVisitor(a, session.token);
    const created = nextEvent<TicketSummary>(desk, 'ticket:created');
    const handedOff = nextEvent<ConversationState>(visitor, 'conversation:updated', (s) => s.ticket !== null);
    await visitor.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'agent please, our exports fail' });
    const ticket = await created;
    expect((await handedOff).ticket?.id).toBe(ticket.id);

    const reply = nextEvent<Message>(visitor, 'message:created', (m) => m.author.kind === 'agent');
    const res = await api(b, 'POST', `/api/tickets/${ticket.id}/messages`, { cookie, body: { body: 'Looking at your exports now.' } });
    expect(res.status).toBe(201);
    expect((await reply).body).toBe('Looking at your exports now.');
    desk.close();
    visitor.close();
  });
});
