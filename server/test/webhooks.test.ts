/**
 * Webhooks end to end: real receivers on 127.0.0.1 that check every delivery with the Standard Webhooks reference
 * implementation (`Webhook.verify`), a receiver that is down at first, a restart between the fact and its delivery,
 * internal notes never sent, and the admin routes (agents refused).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook as Verifier } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Webhook, WebhookDelivery } from '../../shared/webhooks';
import { sweepOperations } from '../src/tickets/operations-clock';
import { api, signIn, startServer, tempDbPath, type TestServer } from './harness';
import { recipientOf, startSmtpSink } from './smtp-sink';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP receiver on 127.0.0.1 that answers `status()` and keeps what it got. */
class Receiver {
  readonly got: Received[] = [];
  status = 200;
  /** The receiver's clock: the reference check refuses timestamps more than 5 minutes from it. */
  now: () => number = Date.now;
  #server: Server | null = null;
  port = 0;

  async listen(port = 0): Promise<this> {
    this.#server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        this.got.push({ headers: req.headers, body });
        res.writeHead(this.status, { 'content-type': 'text/plain' }).end(this.status < 300 ? 'thanks' : 'not now');
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
    this.#server = null;
  }

  /** The deliveries of one type, verified with the reference algorithm (throws on a bad signature). */
  verified(secret: string, type?: string): { id: string; payload: { type: string; timestamp: string; data: Record<string, unknown> } }[] {
    // The server under test runs on a clock the test moves forward; the receiver's clock follows it.
    const at = this.now();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(at);
    try {
      return this.verifiedNow(secret, type);
    } finally {
      spy.mockRestore();
    }
  }

  private verifiedNow(secret: string, type?: string): { id: string; payload: { type: string; timestamp: string; data: Record<string, unknown> } }[] {
    return this.got
      .map((r) => ({ id: String(r.headers['webhook-id']), payload: new Verifier(secret).verify(r.body, r.headers as Record<string, string>) as { type: string; timestamp: string; data: Record<string, unknown> } }))
      .filter((r) => !type || r.payload.type === type);
  }
}

/** A clock the test moves forward (retries are due after their backoff). */
function testClock(start = Date.now()) {
  let offset = 0;
  return { now: () => new Date(start + offset), advance: (ms: number) => (offset += ms) };
}

const ENV = { WEBHOOKS_ALLOW_PRIVATE_NETWORK: 'true' };
const ALL_EVENTS = ['ticket.created', 'ticket.updated', 'message.created', 'ticket.sla_breached', 'csat.submitted'];

async function createHook(server: TestServer, cookie: string, url: string, events = ALL_EVENTS) {
  const res = await api<Webhook & { secret: string }>(server, 'POST', '/api/webhooks', { cookie, body: { url, events, description: 'CRM sync' } });
  expect(res.status).toBe(201);
  return res.body;
}

async function phoneTicket(server: TestServer, cookie: string, subject = 'Printer jammed') {
  const res = await api<{ id: string; number: number }>(server, 'POST', '/api/tickets', { cookie, body: { subject, description: 'It jams on every page', channel: 'phone', requester: { name: 'Ada', email: 'ada@example.org' } } });
  expect(res.status).toBe(201);
  return res.body;
}

describe('webhook deliveries', () => {
  let server: TestServer;
  let cookie: string;
  let receiver: Receiver;
  let clock = testClock();

  beforeEach(async () => {
    clock = testClock();
    server = await startServer({ env: ENV, webhookIntervalMs: 0, sweepIntervalMs: 0, now: () => clock.now() });
    cookie = await signIn(server);
    receiver = await new Receiver().listen();
    receiver.now = () => clock.now().getTime();
  });
  afterEach(async () => {
    await server.close();
    await receiver.close();
  });

  it('are signed per Standard Webhooks and carry public facts only: an internal note is never sent', async () => {
    const hook = await createHook(server, cookie, receiver.url);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const ticket = await phoneTicket(server, cookie);
    expect((await api(server, 'POST', `/api/tickets/${ticket.id}/messages`, { cookie, body: { body: 'SECRET-NOTE: customer is on a watch list', internal: true } })).status).toBe(201);
    expect((await api(server, 'POST', `/api/tickets/${ticket.id}/messages`, { cookie, body: { body: 'Try turning it off and on again' } })).status).toBe(201);
    await server.app.webhooks.flush();

    const created = receiver.verified(hook.secret, 'ticket.created');
    expect(created).toHaveLength(1);
    expect(created[0]!.payload.data).toMatchObject({ id: ticket.id, number: ticket.number, subject: 'Printer jammed' });
    const messages = receiver.verified(hook.secret, 'message.created').map((m) => m.payload.data['body']);
    expect(messages).toContain('Try turning it off and on again');
    expect(receiver.got.some((r) => r.body.includes('SECRET-NOTE'))).toBe(false);
    const first = receiver.got[0]!;
    expect(first.headers['content-type']).toBe('application/json');
    expect(Math.abs(Number(first.headers['webhook-timestamp']) - clock.now().getTime() / 1000)).toBeLessThan(5);
    expect(String(first.headers['webhook-signature'])).toMatch(/^v1,/);
    // A wrong secret does not verify: the signature really is over these bytes with this key.
    expect(() => receiver.verified(`whsec_${Buffer.from('not the secret, 24 bytes').toString('base64')}`)).toThrow();

    const log = await api<{ deliveries: WebhookDelivery[] }>(server, 'GET', `/api/webhooks/${hook.id}/deliveries`, { cookie });
    expect(log.status).toBe(200);
    expect(log.body.deliveries.length).toBe(receiver.got.length);
    expect(log.body.deliveries.every((d) => d.status === 'delivered' && d.responseStatus === 200 && d.attempts === 1 && d.durationMs !== null)).toBe(true);
    expect(log.body.deliveries[0]!.responseExcerpt).toBe('thanks');
  });

  it('to a receiver that is down at first are retried with growing delays and the same webhook-id, then succeed', async () => {
    const hook = await createHook(server, cookie, receiver.url, ['ticket.created']);
    const { port } = receiver;
    await receiver.close(); // down: nothing listens on that port now
    await phoneTicket(server, cookie);
    expect(await server.app.webhooks.flush()).toBe(1);
    let [delivery] = (await api<{ deliveries: WebhookDelivery[] }>(server, 'GET', `/api/webhooks/${hook.id}/deliveries`, { cookie })).body.deliveries;
    expect(delivery).toMatchObject({ status: 'queued', attempts: 1, responseStatus: null });
    expect(delivery!.responseExcerpt).toMatch(/ECONNREFUSED/);
    const firstWait = Date.parse(delivery!.nextAttemptAt!) - clock.now().getTime();
    expect(firstWait).toBeGreaterThan(4_000);
    // Not yet due: nothing is tried.
    expect(await server.app.webhooks.flush()).toBe(0);

    // Up again, but failing: a 503 is retried too, and the wait grows.
    await receiver.listen(port);
    receiver.status = 503;
    clock.advance(firstWait + 1);
    expect(await server.app.webhooks.flush()).toBe(1);
    [delivery] = (await api<{ deliveries: WebhookDelivery[] }>(server, 'GET', `/api/webhooks/${hook.id}/deliveries`, { cookie })).body.deliveries;
    expect(delivery).toMatchObject({ status: 'queued', attempts: 2, responseStatus: 503, responseExcerpt: 'not now' });
    const secondWait = Date.parse(delivery!.nextAttemptAt!) - clock.now().getTime();
    expect(secondWait).toBeGreaterThan(firstWait);

    receiver.status = 200;
    clock.advance(secondWait + 1);
    expect(await server.app.webhooks.flush()).toBe(1);
    [delivery] = (await api<{ deliveries: WebhookDelivery[] }>(server, 'GET', `/api/webhooks/${hook.id}/deliveries`, { cookie })).body.deliveries;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, responseStatus: 200 });
    const got = receiver.verified(hook.secret);
    expect(got).toHaveLength(2);
    expect(new Set(got.map((g) => g.id))).toEqual(new Set([delivery!.id]));

    // Redeliver: the same webhook-id again, at once.
    const again = await api(server, 'POST', `/api/webhooks/${hook.id}/deliveries/${delivery!.id}/redeliver`, { cookie });
    expect(again.status).toBe(202);
    await server.app.webhooks.flush();
    expect(receiver.verified(hook.secret).map((g) => g.id)).toEqual([delivery!.id, delivery!.id, delivery!.id]);
  });

  it('keep retrying for more than 24 hours, then give up', async () => {
    const hook = await createHook(server, cookie, receiver.url, ['ticket.created']);
    receiver.status = 500;
    const started = clock.now().getTime();
    await phoneTicket(server, cookie);
    let lastAttempt = started;
    for (let i = 0; i < 20; i++) {
      await server.app.webhooks.flush();
      const [d] = (await api<{ deliveries: WebhookDelivery[] }>(server, 'GET', `/api/webhooks/${hook.id}/deliveries`, { cookie })).body.deliveries;
      lastAttempt = Date.parse(d!.lastAttemptAt!);
      if (d!.status !== 'queued') break;
      clock.advance(Date.parse(d!.nextAttemptAt!) - clock.now().getTime() + 1);
    }
    const [d] = (await api<{ deliveries: WebhookDelivery[] }>(server, 'GET', `/api/webhooks/${hook.id}/deliveries`, { cookie })).body.deliveries;
    expect(d!.status).toBe('failed');
    expect(lastAttempt - started).toBeGreaterThan(24 * 3_600_000);
    expect(new Set(receiver.got.map((r) => r.headers['webhook-id']))).toEqual(new Set([d!.id]));
  });

  it('tell of an SLA breach once, from the operations clock', async () => {
    const hook = await createHook(server, cookie, receiver.url, ['ticket.sla_breached']);
    const ticket = await api<{ id: string; number: number; firstResponseDueAt: string }>(server, 'POST', '/api/tickets', {
      cookie,
      body: { subject: 'Down', description: 'Everything is down', channel: 'phone', requester: { name: 'Ada', timeZone: 'Europe/London' }, urgency: 'high', impact: 'high' },
    });
    clock.advance(Date.parse(ticket.body.firstResponseDueAt) - clock.now().getTime() + 60_000);
    await sweepOperations(server.app.frontdesk);
    await sweepOperations(server.app.frontdesk);
    await server.app.webhooks.flush();
    const breaches = receiver.verified(hook.secret, 'ticket.sla_breached');
    expect(breaches).toHaveLength(1);
    expect(breaches[0]!.payload.data).toEqual({ ticketId: ticket.body.id, number: ticket.body.number, centre: expect.any(String), clock: 'first_response', dueAt: ticket.body.firstResponseDueAt });
  });

  it('rotating the secret signs later deliveries with the new one only', async () => {
    const hook = await createHook(server, cookie, receiver.url, ['ticket.created']);
    const rotated = await api<Webhook & { secret: string }>(server, 'POST', `/api/webhooks/${hook.id}/rotate-secret`, { cookie });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    await phoneTicket(server, cookie);
    await server.app.webhooks.flush();
    expect(receiver.verified(rotated.body.secret)).toHaveLength(1);
    expect(() => receiver.verified(hook.secret)).toThrow();
    // The secret is never listed afterwards, nor written to the audit log.
    const listed = await api<{ webhooks: Record<string, unknown>[] }>(server, 'GET', '/api/webhooks', { cookie });
    expect(listed.body.webhooks[0]).not.toHaveProperty('secret');
    const audit = await server.app.db.selectFrom('audit_log').selectAll().where('target_type', '=', 'webhook').orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.created', 'webhook.secret_rotated']);
    expect(audit.some((a) => a.changes.includes(rotated.body.secret) || a.changes.includes(hook.secret))).toBe(false);
  });

  it('a disabled or deleted endpoint gets nothing', async () => {
    const hook = await createHook(server, cookie, receiver.url, ['ticket.created']);
    const off = await api<Webhook>(server, 'PATCH', `/api/webhooks/${hook.id}`, { cookie, body: { enabled: false } });
    expect(off.body).toMatchObject({ enabled: false, url: receiver.url });
    await phoneTicket(server, cookie);
    await server.app.webhooks.flush();
    expect(receiver.got).toHaveLength(0);
    expect((await api(server, 'DELETE', `/api/webhooks/${hook.id}`, { cookie })).status).toBe(204);
    expect((await api(server, 'GET', `/api/webhooks/${hook.id}/deliveries`, { cookie })).status).toBe(404);
    expect((await api<{ webhooks: unknown[] }>(server, 'GET', '/api/webhooks', { cookie })).body.webhooks).toEqual([]);
  });
});

describe('a restart between the fact and its delivery', () => {
  it('loses nothing: the delivery was written with the fact and is sent by the next process', async () => {
    const receiver = await new Receiver().listen();
    const db = tempDbPath();
    try {
      const first = await startServer({ dbPath: db.path, env: ENV, webhookIntervalMs: 0, sweepIntervalMs: 0 });
      const cookie = await signIn(first);
      const hook = await createHook(first, cookie, receiver.url, ['ticket.created']);
      const ticket = await phoneTicket(first, cookie, 'Written before the restart');
      await first.close(); // never flushed: the process ends with the delivery queued
      expect(receiver.got).toHaveLength(0);

      const second = await startServer({ dbPath: db.path, env: ENV, webhookIntervalMs: 0, sweepIntervalMs: 0 });
      try {
        expect(await second.app.webhooks.flush()).toBe(1);
        const [got] = receiver.verified(hook.secret);
        expect(got!.payload.data).toMatchObject({ id: ticket.id, subject: 'Written before the restart' });
      } finally {
        await second.close();
      }
    } finally {
      await receiver.close();
      db.cleanup();
    }
  });
});

describe('a withdrawn request', () => {
  it('takes its words out of the webhook outbox: nothing unsent goes, and sent bodies are no longer kept', async () => {
    const sink = await startSmtpSink();
    const receiver = await new Receiver().listen();
    const server = await startServer({ env: { ...ENV, SMTP_URL: sink.url }, outboxIntervalMs: 100, webhookIntervalMs: 0, sweepIntervalMs: 0 });
    try {
      const cookie = await signIn(server);
      const hook = await createHook(server, cookie, receiver.url, ['ticket.created', 'message.created']);
      const ticket = await phoneTicket(server, cookie, 'My private matter');
      await server.app.webhooks.flush(); // ticket.created and the description are delivered
      expect((await api(server, 'POST', `/api/tickets/${ticket.id}/messages`, { cookie, body: { body: 'UNSENT-REPLY for Ada' } })).status).toBe(201);

      // Ada signs in to the portal by the emailed link and withdraws the request before the reply's webhook goes.
      expect((await api(server, 'POST', '/api/portal/login-link', { body: { email: 'ada@example.org' } })).status).toBe(202);
      const mail = await sink.waitFor((m) => recipientOf(m) === 'ada@example.org' && /portal\/verify/.test(m.text ?? ''));
      const token = decodeURIComponent(/token=([A-Za-z0-9_%-]+)/.exec(mail.text ?? '')![1]!);
      const verified = await fetch(`${server.url}/portal/verify`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }).toString() });
      const customer = verified.headers.getSetCookie().find((c) => c.startsWith('fd_customer='))!.split(';')[0]!;
      expect((await fetch(`${server.url}/api/me/requests/${ticket.id}`, { method: 'DELETE', headers: { cookie: customer } })).status).toBe(204);

      await server.app.webhooks.flush();
      expect(receiver.got.some((r) => r.body.includes('UNSENT-REPLY'))).toBe(false);
      const rows = await server.app.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', hook.id).execute();
      expect(rows.some((r) => r.payload.includes('My private matter') || r.payload.includes('UNSENT-REPLY') || r.payload.includes('every page'))).toBe(false);
      const log = await api<{ deliveries: WebhookDelivery[] }>(server, 'GET', `/api/webhooks/${hook.id}/deliveries`, { cookie });
      expect(log.body.deliveries.find((d) => d.responseExcerpt === 'not sent: the request was withdrawn')).toBeDefined();
    } finally {
      await server.close();
      await receiver.close();
      await sink.close();
    }
  });
});

describe('the webhook routes', () => {
  let server: TestServer;
  let cookie: string;
  beforeEach(async () => {
    server = await startServer({ webhookIntervalMs: 0, sweepIntervalMs: 0 });
    cookie = await signIn(server);
  });
  afterEach(async () => server.close());

  it('refuse URLs that are not http(s), and private addresses unless WEBHOOKS_ALLOW_PRIVATE_NETWORK is set', async () => {
    for (const url of ['ftp://example.com/x', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url', 'https://user:pw@example.com/']) {
      const res = await api<{ error: { code: string; message: string } }>(server, 'POST', '/api/webhooks', { cookie, body: { url, events: ['ticket.created'] } });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toMatch(/^url: /);
    }
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://10.1.2.3/x']) {
      const res = await api<{ error: { code: string; message: string } }>(server, 'POST', '/api/webhooks', { cookie, body: { url, events: ['ticket.created'] } });
      expect(res.status, url).toBe(400);
      expect(res.body.error.message).toMatch(/private|localhost/);
    }
    const noEvents = await api<{ error: { message: string } }>(server, 'POST', '/api/webhooks', { cookie, body: { url: 'https://example.com/x', events: [] } });
    expect(noEvents.status).toBe(400);
    const badEvent = await api(server, 'POST', '/api/webhooks', { cookie, body: { url: 'https://example.com/x', events: ['ticket.exploded'] } });
    expect(badEvent.status).toBe(400);
    const ok = await api<Webhook>(server, 'POST', '/api/webhooks', { cookie, body: { url: 'https://hooks.example.com/frontdesk', events: ['ticket.created'] } });
    expect(ok.status).toBe(201);
    expect((await api(server, 'PATCH', `/api/webhooks/${ok.body.id}`, { cookie, body: { url: 'gopher://x' } })).status).toBe(400);
    expect((await api(server, 'PATCH', `/api/webhooks/${ok.body.id}`, { cookie, body: { colour: 'red' } })).status).toBe(400);
    expect((await api(server, 'PATCH', '/api/webhooks/nope', { cookie, body: { enabled: false } })).status).toBe(404);
    expect((await api(server, 'POST', `/api/webhooks/${ok.body.id}/deliveries/nope/redeliver`, { cookie })).status).toBe(404);
  });

  it('are for admins only: an agent gets 403 and a stranger 401 on every one', async () => {
    const hook = await api<Webhook>(server, 'POST', '/api/webhooks', { cookie, body: { url: 'https://hooks.example.com/x', events: ['ticket.created'] } });
    expect((await api(server, 'POST', '/api/agents', { cookie, body: { email: 'sam@example.com', name: 'Sam Agent', password: 'a-long-password', role: 'agent' } })).status).toBe(201);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sam@example.com', password: 'a-long-password' }) });
    const agent = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const id = hook.body.id;
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/webhooks'],
      ['POST', '/api/webhooks', { url: 'https://x.example.com/', events: ['ticket.created'] }],
      ['PATCH', `/api/webhooks/${id}`, { enabled: false }],
      ['POST', `/api/webhooks/${id}/rotate-secret`],
      ['DELETE', `/api/webhooks/${id}`],
      ['GET', `/api/webhooks/${id}/deliveries`],
      ['POST', `/api/webhooks/${id}/deliveries/x/redeliver`],
    ];
    for (const [method, path, body] of routes) {
      expect((await api(server, method, path, { cookie: agent, body })).status, `${method} ${path}`).toBe(403);
      expect((await api(server, method, path, { body })).status, `${method} ${path}`).toBe(401);
    }
    expect((await api<{ webhooks: Webhook[] }>(server, 'GET', '/api/webhooks', { cookie })).body.webhooks).toHaveLength(1);
  });
});
