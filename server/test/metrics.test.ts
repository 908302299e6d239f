/**
 * Running in production: `GET /readyz` says whether this node's database (and Redis, when configured) answer;
 * `GET /metrics` is Prometheus text, counted from the domain's events and every HTTP answer, behind
 * METRICS_TOKEN when that is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/protocol';
import { api, clientId, connectVisitor, nextEvent, signIn, startServer, widgetSession, type TestServer } from './harness';
import { eventually } from './eventually';
import { startRedis } from './redis-server';

const TOKEN = 'metrics-token-for-tests-0123456789';
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ env: { METRICS_TOKEN: TOKEN }, sweepIntervalMs: 0 });
});

afterAll(async () => {
  await server?.close();
});

async function scrape(target: TestServer = server): Promise<string> {
  const res = await fetch(`${target.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

/** The value of one series, e.g. `frontdesk_tickets_created_total{channel="phone"}`; 0 when absent. */
function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /metrics', () => {
  it('answers 401 without the token or with a wrong one, in the error catalogue', async () => {
    const none = await api<{ error: { code: string } }>(server, 'GET', '/metrics');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');
    expect((await api(server, 'GET', '/metrics', { bearer: 'wrong-token-wrong-token' })).status).toBe(401);
  });

  it('exposes process metrics and every frontdesk_ metric the README lists', async () => {
    const text = await scrape();
    for (const name of [
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_seconds',
      'frontdesk_http_requests_total',
      'frontdesk_http_request_duration_seconds',
      'frontdesk_socket_connections',
      'frontdesk_socket_connections_total',
      'frontdesk_messages_total',
      'frontdesk_tickets_created_total',
      'frontdesk_sla_warnings_total',
      'frontdesk_sla_breaches_total',
      'frontdesk_mail_sent_total',
      'frontdesk_mail_failed_total',
      'frontdesk_kai_turns_total',
      'frontdesk_kai_turn_duration_seconds',
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
  });

  it('counts tickets by channel, messages by author, Kai turns with their latency, sockets and HTTP answers by route', async () => {
    const before = await scrape();
    const cookie = await signIn(server);
    const created = await api(server, 'POST', '/api/tickets', {
      cookie,
      body: { subject: 'Printer on fire', description: 'It is smoking', channel: 'phone', requester: { name: 'Ada' }, urgency: 'high', impact: 'low' },
    });
    expect(created.status).toBe(201);
    const session = await widgetSession(server);
    const visitor = await connectVisitor(server, session.token);
    const answered = nextEvent<Message>(visitor, 'message:created', (m) => m.author.kind === 'ai');
    await visitor.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'How do I reset my password?' });
    await answered;
    const during = await scrape();
    visitor.close();

    expect(value(during, 'frontdesk_tickets_created_total{channel="phone"}') - value(before, 'frontdesk_tickets_created_total{channel="phone"}')).toBe(1);
    expect(value(during, 'frontdesk_messages_total{author="customer",visibility="public"}') - value(before, 'frontdesk_messages_total{author="customer",visibility="public"}')).toBe(1);
    expect(value(during, 'frontdesk_messages_total{author="ai",visibility="public"}') - value(before, 'frontdesk_messages_total{author="ai",visibility="public"}')).toBe(1);
    const turns = (t: string) => ['answer', 'offer_handoff'].reduce((n, o) => n + value(t, `frontdesk_kai_turns_total{outcome="${o}"}`), 0);
    expect(turns(during) - turns(before)).toBe(1);
    expect(during).toMatch(/frontdesk_kai_turn_duration_seconds_count\{outcome="(answer|offer_handoff)"\} [1-9]/);
    expect(value(during, 'frontdesk_socket_connections{namespace="/visitor"}')).toBe(1);
    expect(value(during, 'frontdesk_socket_connections_total{namespace="/visitor"}') - value(before, 'frontdesk_socket_connections_total{namespace="/visitor"}')).toBe(1);
    // Routes are counted by pattern, so ids never become series of their own.
    expect(value(during, 'frontdesk_http_requests_total{method="POST",route="/api/tickets",status="201"}') - value(before, 'frontdesk_http_requests_total{method="POST",route="/api/tickets",status="201"}')).toBe(1);
    expect(during).not.toContain(`route="/api/tickets/${(created.body as { id: string }).id}"`);
  });
});

describe('GET /readyz', () => {
  it('is 200 while the database answers and 503 once it does not', async () => {
    const own = await startServer({ sweepIntervalMs: 0 });
    const ready = await api<{ status: string; checks: Record<string, string> }>(own, 'GET', '/readyz');
    expect(ready).toMatchObject({ status: 200, body: { status: 'ok', checks: { database: 'ok' } } });
    await own.app.db.destroy();
    const down = await api<{ status: string; checks: Record<string, string> }>(own, 'GET', '/readyz');
    expect(down).toMatchObject({ status: 503, body: { status: 'unavailable', checks: { database: 'failed' } } });
    expect((await api(own, 'GET', '/healthz')).status).toBe(200);
    await own.close().catch(() => undefined);
  });

  it('checks Redis when REDIS_URL is set: 503 within a bounded time while Redis is down, 200 once it is back', async () => {
    let redis = await startRedis();
    const own = await startServer({ env: { REDIS_URL: redis.url }, sweepIntervalMs: 0 });
    try {
      expect(await api(own, 'GET', '/readyz')).toMatchObject({ status: 200, body: { checks: { database: 'ok', redis: 'ok' } } });
      await redis.stop();
      const started = Date.now();
      const down = await api(own, 'GET', '/readyz');
      expect(down).toMatchObject({ status: 503, body: { status: 'unavailable', checks: { database: 'ok', redis: 'failed' } } });
      expect(Date.now() - started).toBeLessThan(3000);
      redis = await startRedis(redis.port);
      await eventually(async () => ((await api(own, 'GET', '/readyz')).status === 200 ? true : null), 10_000);
    } finally {
      await own.close().catch(() => undefined);
      await redis.stop();
    }
  });
});
