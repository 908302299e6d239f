/**
 * Several server processes, one deployment: with REDIS_URL the socket.io Redis adapter carries room broadcasts
 * between them, and the cluster (server/src/cluster/) carries setting changes, locks and rate limits. Two apps
 * share one database and a real redis-server (started here on a free port): a visitor on one and an agent on
 * the other talk live; a change on one is seen on the other within 5 s; limits, Kai's per-conversation order
 * and timed jobs hold for both together. The nginx + PostgreSQL recipe is tested in deployment.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationState, Message, TicketSummary } from '../../shared/protocol';
import { api, clientId, connectDesk, connectVisitor, nextEvent, signIn, startServer, tempDbPath, widgetSession, type TestServer } from './harness';
import { startRedis, type RedisServer } from './redis-server';
import { eventually } from './eventually';

let redis: RedisServer;
let a: TestServer;
let b: TestServer;
// Signed in up front: a test below uses up the sign-in limit on purpose.
let cookieA: string;
let cookieB: string;
const db = tempDbPath();

beforeAll(async () => {
  redis = await startRedis();
  a = await startServer({ dbPath: db.path, env: { REDIS_URL: redis.url }, sweepIntervalMs: 0 });
  b = await startServer({ dbPath: db.path, env: { REDIS_URL: redis.url }, sweepIntervalMs: 0 });
  cookieA = await signIn(a);
  cookieB = await signIn(b);
}, 30_000);

afterAll(async () => {
  await a?.app.close();
  await b?.app.close();
  await redis?.stop();
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

describe('one deployment: settings, knowledge base, limits, locks', () => {
  it("an admin's operations change on one node is in force on the other within 5 s", async () => {
    const cookie = await signIn(a);
    const res = await api<{ warningMinutes: number }>(a, 'PUT', '/api/operations', { cookie, body: { warningMinutes: 42, autoCloseDays: 9 } });
    expect(res.status).toBe(200);
    const seen = await eventually(async () => {
      const ops = await api<{ warningMinutes: number; autoCloseDays: number }>(b, 'GET', '/api/operations', { cookie });
      return ops.body.warningMinutes === 42 ? ops.body : null;
    }, 5000);
    expect(seen.autoCloseDays).toBe(9);
  });

  it('an article written on one node is searchable by Kai on the other within 5 s, and a removed one is gone', async () => {
    const cookie = await signIn(a);
    const ask = () => api<{ sources: { id: string; title: string }[] }>(b, 'POST', '/api/ai/preview', { cookie, body: { message: 'How do I recalibrate the zorblax frobnicator?' } });
    expect((await ask()).body.sources.some((s) => s.title.includes('zorblax'))).toBe(false);
    const created = await api<{ id: string }>(a, 'POST', '/api/kb/articles', {
      cookie,
      body: { title: 'Recalibrate the zorblax frobnicator', body: 'To recalibrate the zorblax frobnicator, hold the reset key for ten seconds, then choose Calibrate.' },
    });
    expect(created.status).toBe(201);
    await eventually(async () => ((await ask()).body.sources.some((s) => s.id === created.body.id) ? true : null), 5000);
    expect((await api(a, 'DELETE', `/api/kb/articles/${created.body.id}`, { cookie })).status).toBe(204);
    await eventually(async () => ((await ask()).body.sources.some((s) => s.id === created.body.id) ? null : true), 5000);
  });

  it('a webhook endpoint registered, then switched off, on one node is in force on the other within 5 s', async () => {
    const newTicket = (subject: string) =>
      api(b, 'POST', '/api/tickets', {
        cookie: cookieB,
        body: { subject, description: 'From the scale-out test', channel: 'api', urgency: 'low', impact: 'low', category: 'general', requester: { name: 'Ada', email: 'ada@example.com' } },
      });
    // Node b has read (and cached) the subscriptions: none yet.
    expect((await newTicket('before the endpoint')).status).toBe(201);
    const hook = await api<{ id: string }>(a, 'POST', '/api/webhooks', { cookie: cookieA, body: { url: 'https://hooks.example.com/frontdesk', events: ['ticket.created'] } });
    expect(hook.status).toBe(201);
    const queued = async () => (await api<{ deliveries: unknown[] }>(a, 'GET', `/api/webhooks/${hook.body.id}/deliveries`, { cookie: cookieA })).body.deliveries.length;
    expect(await queued()).toBe(0);
    await eventually(async () => {
      await newTicket('after the endpoint');
      return (await queued()) > 0 ? true : null;
    }, 5000);

    expect((await api(a, 'PATCH', `/api/webhooks/${hook.body.id}`, { cookie: cookieA, body: { enabled: false } })).status).toBe(200);
    await eventually(async () => {
      const before = await queued();
      await newTicket('after switching it off');
      return (await queued()) === before ? true : null;
    }, 5000);
    expect((await api(a, 'DELETE', `/api/webhooks/${hook.body.id}`, { cookie: cookieA })).status).toBe(204);
  });

  it("failed sign-ins of one account are counted across both nodes together", async () => {
    const attempt = (server: TestServer) => api(server, 'POST', '/api/auth/login', { body: { email: 'target@example.com', password: 'wrong-password' } });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt(i % 2 === 0 ? a : b)).status);
    // Ten failures in all, five on each node: the eleventh is refused whichever node gets it.
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });

  it("a route's rate limit counts both nodes' requests together", async () => {
    // A new address each time, so only the route's limit counts (failures per account have their own, shared one).
    let n = 0;
    const attempt = (server: TestServer) => api(server, 'POST', '/api/auth/login', { body: { email: `nobody${n++}@example.com`, password: 'wrong-password' } });
    const first = await attempt(a);
    const limit = Number(first.headers.get('x-ratelimit-limit'));
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    expect(remaining).toBeGreaterThan(1);
    let tries = 1;
    let last = first;
    while (last.status !== 429 && tries <= 2 * limit) {
      last = await attempt(tries % 2 === 0 ? a : b);
      tries++;
    }
    // Counted per node, the alternating attempts would only run out after about twice the budget.
    expect(last.status).toBe(429);
    expect(tries).toBe(remaining + 2);
  });

  it("serialises one key's jobs across nodes: no overlap, no lost update", async () => {
    let value = 0;
    let inside = 0;
    let overlap = 0;
    const increment = async () => {
      inside++;
      overlap = Math.max(overlap, inside);
      const read = value;
      await a.app.cluster.ping(); // a real round trip to Redis between the read and the write
      value = read + 1;
      inside--;
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).app.cluster.serialize('kai:test-conversation', increment)));
    expect({ value, overlap }).toEqual({ value: 20, overlap: 1 });
  });

  it('runs a timed job on one node at a time: the other skips while it runs, and runs it afterwards', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const first = a.app.cluster.exclusive('test-job', async () => {
      started();
      await gate;
    });
    await running;
    expect(await b.app.cluster.exclusive('test-job', async () => undefined)).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(await b.app.cluster.exclusive('test-job', async () => undefined)).toBe(true);
  });
});

describe('while Redis is away', () => {
  it('each node carries on alone (sign-in limits, settings, Kai), and a change made meanwhile reaches the other node once Redis is back', async () => {
    await redis.stop();
    expect((await api(a, 'GET', '/readyz')).status).toBe(503);

    const login = await api<{ error: { code: string } }>(a, 'POST', '/api/auth/login', { body: { email: 'nobody@example.com', password: 'wrong-password' } });
    expect([401, 429]).toContain(login.status);
    expect((await api(a, 'PUT', '/api/operations', { cookie: cookieA, body: { warningMinutes: 23 } })).status).toBe(200);
    const session = await widgetSession(b);
    const visitor = await connectVisitor(b, session.token);
    const answered = nextEvent<Message>(visitor, 'message:created', (m) => m.author.kind === 'ai', 10_000);
    await visitor.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'How do I reset my password?' });
    await answered;
    visitor.close();

    redis = await startRedis(redis.port);
    await eventually(async () => ((await api<{ warningMinutes: number }>(b, 'GET', '/api/operations', { cookie: cookieB })).body.warningMinutes === 23 ? true : null), 10_000);
    await eventually(async () => ((await api(a, 'GET', '/readyz')).status === 200 && (await api(b, 'GET', '/readyz')).status === 200 ? true : null), 10_000);
  }, 30_000);
});
