import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetail, TicketSummary } from '../../shared/protocol';
import { api, signIn, startServer, type TestServer } from './harness';
import { TEST_ADMIN } from './test-admin';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startServer();
  cookie = await signIn(server);
});
afterAll(async () => server.close());

describe('agent authentication', () => {
  it.each([
    ['GET', '/api/tickets'],
    ['POST', '/api/tickets'],
    ['GET', '/api/tickets/some-id'],
    ['PATCH', '/api/tickets/some-id'],
    ['POST', '/api/tickets/some-id/messages'],
    ['POST', '/api/ai/triage'],
    ['POST', '/api/ai/preview'],
    ['GET', '/api/kb/articles'],
    ['GET', '/api/auth/me'],
  ])('%s %s refuses without sign-in', async (method, path) => {
    const res = await api(server, method, path, { body: method === 'GET' ? undefined : {} });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('refuses wrong credentials with 401 and sets no cookie', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: 'wrong' }) });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('sets an HTTP-only session cookie that the REST API accepts, and an API token works as Bearer', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ADMIN@example.com', password: TEST_ADMIN.password }) });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toMatch(/fd_session=.+HttpOnly/i);
    const me = await api<{ email: string }>(server, 'GET', '/api/auth/me', { cookie });
    expect(me.body.email).toBe('admin@example.com');
    const token = await api<{ token: string }>(server, 'POST', '/api/auth/tokens', { cookie, body: { name: 'phone system' } });
    expect(token.status).toBe(201);
    const list = await api(server, 'GET', '/api/tickets', { bearer: token.body.token });
    expect(list.status).toBe(200);
    const bad = await api(server, 'GET', '/api/tickets', { bearer: 'fd_not-a-token' });
    expect(bad.status).toBe(401);
  });
});

describe('tickets API', () => {
  it('creates a phone ticket with priority from the matrix, follow-the-sun centre and SLA deadlines from receivedAt', async () => {
    // Tuesday 13 Jan 2026 08:00 UTC: neither centre is open (UK opens 09:00 UTC, US 11:00 UTC); a UK
    // requester goes to the UK, which opens next; high priority = 60 business minutes from 09:00 UTC.
    const res = await api<TicketDetail>(server, 'POST', '/api/tickets', {
      cookie,
      body: {
        subject: 'Phone: cannot send campaign',
        description: 'Caller says the simulation campaign fails to send.',
        channel: 'phone',
        requester: { name: 'Pat Caller', email: 'pat@example.org', timeZone: 'Europe/London' },
        urgency: 'high',
        impact: 'medium',
        receivedAt: '2026-01-13T08:00:00Z',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: expect.any(Number),
      status: 'new',
      priority: 'high',
      centre: 'uk',
      channel: 'phone',
      receivedAt: '2026-01-13T08:00:00.000Z',
      firstResponseDueAt: '2026-01-13T10:00:00.000Z',
      // 480 business minutes from 09:00 UTC: UK 09:00–18:00 UTC and US 11:00–21:00 UTC together cover 09:00–21:00.
      resolutionDueAt: '2026-01-13T17:00:00.000Z',
      requester: { name: 'Pat Caller', email: 'pat@example.org', timeZone: 'Europe/London' },
    });
    expect(res.body.messages[0]).toMatchObject({ author: { kind: 'customer', name: 'Pat Caller' }, body: 'Caller says the simulation campaign fails to send.' });
    expect(res.body.events[0]).toMatchObject({ type: 'created', to: 'new' });
  });

  it('triages a ticket without urgency and impact', async () => {
    const res = await api<TicketDetail>(server, 'POST', '/api/tickets', {
      cookie,
      body: { subject: 'Everyone locked out', description: 'Nobody in the whole company can log in, this is an outage.', channel: 'api' },
    });
    expect(res.status).toBe(201);
    expect(res.body.priority).toBe('high');
    expect(res.body.urgencyReason).toEqual(expect.any(String));
  });

  it.each([
    [{ subject: '', description: 'x', channel: 'phone' }, /subject/],
    [{ subject: 's', description: 'x', channel: 'fax' }, /channel/],
    [{ subject: 's', description: 'x', channel: 'phone', requester: { timeZone: 'Mars/Olympus' } }, /timeZone/],
    [{ subject: 's', description: 'x', channel: 'phone', receivedAt: new Date(Date.now() + 3600_000).toISOString() }, /future/],
    [{ subject: 's', description: 'x', channel: 'phone', urgency: 'extreme' }, /urgency/],
  ])('rejects %j with a 400 naming the field', async (body, message) => {
    const res = await api<{ error: { code: string; message: string } }>(server, 'POST', '/api/tickets', { cookie, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(message);
  });

  it('rejects malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await fetch(`${server.url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{"subject":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const huge = await fetch(`${server.url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ subject: 's', description: 'x'.repeat(300_000), channel: 'phone' }) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect((await api(server, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
  });

  it('lists every status by default, ordered by the next deadline, with filters and cursor paging', async () => {
    for (const [urgency, impact] of [['low', 'low'], ['high', 'high'], ['medium', 'medium']] as const) {
      await api(server, 'POST', '/api/tickets', { cookie, body: { subject: `${urgency}/${impact}`, description: 'd', channel: 'portal', urgency, impact, receivedAt: '2026-02-03T12:00:00Z' } });
    }
    const all = await api<{ tickets: TicketSummary[] }>(server, 'GET', '/api/tickets?limit=200', { cookie });
    const dues = all.body.tickets.map((t) => t.firstRespondedAt ? t.resolutionDueAt : t.firstResponseDueAt);
    expect([...dues].sort()).toEqual(dues);
    const high = await api<{ tickets: TicketSummary[] }>(server, 'GET', '/api/tickets?priority=high&channel=portal', { cookie });
    expect(high.body.tickets.map((t) => t.subject)).toEqual(['high/high']);
    const page1 = await api<{ tickets: TicketSummary[]; nextCursor?: string }>(server, 'GET', '/api/tickets?limit=2', { cookie });
    expect(page1.body.tickets).toHaveLength(2);
    const page2 = await api<{ tickets: TicketSummary[] }>(server, 'GET', `/api/tickets?limit=200&cursor=${page1.body.nextCursor}`, { cookie });
    expect(page2.body.tickets.map((t) => t.id)).toEqual(all.body.tickets.slice(2).map((t) => t.id));
  });

  it('changes urgency with a reason (priority and deadlines follow, audited), and status through the state machine', async () => {
    const created = await api<TicketDetail>(server, 'POST', '/api/tickets', { cookie, body: { subject: 'x', description: 'y', channel: 'email', urgency: 'low', impact: 'low', receivedAt: '2026-02-03T12:00:00Z' } });
    const id = created.body.id;
    const patched = await api<TicketDetail>(server, 'PATCH', `/api/tickets/${id}`, { cookie, body: { urgency: 'high', reason: 'Customer has an audit tomorrow' } });
    expect(patched.status).toBe(200);
    expect(patched.body.priority).toBe('medium');
    expect(patched.body.firstResponseDueAt).not.toBe(created.body.firstResponseDueAt);
    expect(patched.body.events.map((e) => e.type)).toEqual(expect.arrayContaining(['urgency_changed', 'priority_changed']));
    const direct = await api(server, 'PATCH', `/api/tickets/${id}`, { cookie, body: { priority: 'high' } });
    expect(direct.status).toBe(400);
    const solved = await api<TicketDetail>(server, 'PATCH', `/api/tickets/${id}`, { cookie, body: { status: 'solved' } });
    expect(solved.body.status).toBe('solved');
    const closed = await api<TicketDetail>(server, 'PATCH', `/api/tickets/${id}`, { cookie, body: { status: 'closed' } });
    expect(closed.body.status).toBe('closed');
    const reopen = await api<{ error: { code: string } }>(server, 'PATCH', `/api/tickets/${id}`, { cookie, body: { status: 'open' } });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.code).toBe('invalid_transition');
  });

  it('answers 404 with the error body for an unknown ticket', async () => {
    const res = await api(server, 'GET', '/api/tickets/nope', { cookie });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('public endpoints', () => {
  it('serves the OpenAPI document with the contract paths', async () => {
    const res = await api<{ openapi: string; paths: Record<string, unknown> }>(server, 'GET', '/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/tickets', '/api/tickets/{id}', '/api/tickets/{id}/messages', '/api/auth/login', '/api/ai/triage', '/api/kb/articles', '/api/hours']));
  });

  it('reports the centres and the phone line', async () => {
    const res = await api<{ id: string; name: string; timeZone: string; openNow: boolean; nextOpenAt: string | null; nextCloseAt: string | null }[]>(server, 'GET', '/api/hours');
    expect(res.body.map((c) => [c.id, c.timeZone])).toEqual([['uk', 'Europe/London'], ['us', 'America/New_York'], ['phone', 'Europe/London']]);
    for (const entry of res.body) {
      expect(entry).toEqual({ id: expect.any(String), name: expect.any(String), timeZone: expect.any(String), openNow: expect.any(Boolean), nextOpenAt: expect.any(String), nextCloseAt: expect.any(String) });
    }
  });

  it('while a centre is open, names the start of its next period, never now', async () => {
    // Tue 13 Jan 2026 10:00Z: the UK centre is open (09:00–18:00 London); the US opens at 06:00 New York (11:00Z).
    const clocked = await startServer({ now: () => new Date('2026-01-13T10:00:00Z'), sweepIntervalMs: 0 });
    try {
      const res = await api<{ id: string; openNow: boolean; nextOpenAt: string; nextCloseAt: string }[]>(clocked, 'GET', '/api/hours');
      const uk = res.body.find((c) => c.id === 'uk')!;
      expect(uk).toMatchObject({ openNow: true, nextCloseAt: '2026-01-13T18:00:00.000Z', nextOpenAt: '2026-01-14T09:00:00.000Z' });
      const us = res.body.find((c) => c.id === 'us')!;
      expect(us).toMatchObject({ openNow: false, nextOpenAt: '2026-01-13T11:00:00.000Z', nextCloseAt: '2026-01-13T21:00:00.000Z' });
    } finally {
      await clocked.close();
    }
  });

  it('renders a help article with raw HTML escaped', async () => {
    const res = await fetch(`${server.url}/help/reset-password`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<h1>How to reset your password</h1>');
  });
});
