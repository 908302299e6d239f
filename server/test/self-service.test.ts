/**
 * Customer self-service against a real app, real SQLite (or PostgreSQL with TEST_POSTGRES_URL) and a real SMTP
 * sink: the portal's emailed one-time sign-in link, the `/api/me/requests` routes with the portal cookie and with
 * the messenger's visitor token, and what deleting (withdrawing) a request erases and keeps.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetail, TicketSummary } from '../../shared/protocol';
import type { CustomerIdentity, CustomerReplyResult, CustomerRequest, CustomerRequestDetail } from '../../shared/self-service';
import { ERASED, WITHDRAWN_SUBJECT } from '../src/tickets/withdraw-ticket';
import { api, connectDesk, connectVisitor, nextEvent, signIn, startServer, widgetSession, type TestServer } from './harness';
import { recipientOf, startSmtpSink, type SmtpSink } from './smtp-sink';

let sink: SmtpSink;
let server: TestServer;
/** ATTACHMENTS_DIR of the app under test. */
let attachmentsDir: string;
let agentCookie: string;
/** The app's clock runs this far ahead of the real one (to expire links). */
let clockOffsetMs = 0;

beforeAll(async () => {
  sink = await startSmtpSink();
  attachmentsDir = mkdtempSync(join(tmpdir(), 'frontdesk-self-service-files-'));
  server = await startServer({ env: { SMTP_URL: sink.url, ATTACHMENTS_DIR: attachmentsDir }, outboxIntervalMs: 200, sweepIntervalMs: 0, now: () => new Date(Date.now() + clockOffsetMs) });
  agentCookie = await signIn(server);
});
afterAll(async () => {
  await server.close();
  await sink.close();
  rmSync(attachmentsDir, { recursive: true, force: true });
});

async function raw(path: string, init: RequestInit & { cookie?: string; visitor?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.visitor) headers.set('authorization', `Visitor ${init.visitor}`);
  return fetch(`${server.url}${path}`, { ...init, headers, redirect: 'manual' });
}

/** A self-service call as the portal customer (cookie) or the messenger's visitor (token). */
async function me<T>(method: string, path: string, who: { cookie?: string; visitor?: string }, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await raw(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), ...who });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

async function askForLink(email: string): Promise<string> {
  const before = sink.mails.length;
  const res = await api(server, 'POST', '/api/portal/login-link', { body: { email } });
  expect(res.status).toBe(202);
  const mail = await sink.waitFor((m) => sink.mails.indexOf(m) >= before && recipientOf(m) === email.toLowerCase());
  const link = /https?:\/\/\S+\/portal\/verify\?token=([A-Za-z0-9_%-]+)/.exec(mail.text ?? '');
  expect(link, mail.text).not.toBeNull();
  return decodeURIComponent(link![1]!);
}

/** Opens the link (a page with a Sign in button, which uses nothing up) and presses the button. */
async function verify(token: string): Promise<Response> {
  const page = await raw(`/portal/verify?token=${encodeURIComponent(token)}`);
  if (page.status !== 200 || !(await page.text()).includes('Sign in')) throw new Error(`the link page failed: ${page.status}`);
  return raw('/portal/verify', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }).toString() });
}

/** Signs a customer in through the emailed link; returns their `fd_customer` cookie. */
async function portalSignIn(email: string): Promise<string> {
  const res = await verify(await askForLink(email));
  expect(res.status).toBe(303);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('fd_customer='));
  expect(cookie).toBeDefined();
  return cookie!.split(';')[0]!;
}

/** A ticket made by an agent on behalf of a customer (as for a phone call). */
async function ticketFor(email: string, subject: string, description = `${subject}: details`): Promise<TicketDetail> {
  const res = await api<TicketDetail>(server, 'POST', '/api/tickets', {
    cookie: agentCookie,
    body: { subject, description, channel: 'phone', requester: { name: 'Ada Lovelace', email, timeZone: 'Europe/London' }, urgency: 'medium', impact: 'medium' },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const agentView = async (id: string) => (await api<TicketDetail>(server, 'GET', `/api/tickets/${id}`, { cookie: agentCookie })).body;
const agentSays = (id: string, body: string, internal = false) => api(server, 'POST', `/api/tickets/${id}/messages`, { cookie: agentCookie, body: { body, internal } });
const setStatus = (id: string, status: string) => api(server, 'PATCH', `/api/tickets/${id}`, { cookie: agentCookie, body: { status } });

describe('portal sign-in by emailed link', () => {
  it('mails a link whose token works once; only its hash is stored; the cookie is HTTP-only and SameSite=Lax', async () => {
    const token = await askForLink('Grace@Example.com');
    const mail = sink.mails.at(-1)!;
    expect(mail.subject).toBe('Your sign-in link for Northwind Cloud');
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.text).toContain('works once, within 15 minutes');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await server.app.db.selectFrom('customer_login_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.some((r) => r.email === 'grace@example.com')).toBe(true);

    // A mail scanner opening the link twice uses nothing up: only the page's button (a POST) signs in.
    for (let i = 0; i < 2; i++) {
      const scanned = await raw(`/portal/verify?token=${encodeURIComponent(token)}`);
      expect(scanned.status).toBe(200);
      expect(scanned.headers.getSetCookie()).toEqual([]);
    }
    const first = await verify(token);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/portal');
    const setCookie = first.headers.getSetCookie().find((c) => c.startsWith('fd_customer='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Max-Age=2592000/);
    const cookie = setCookie.split(';')[0]!;
    expect((await me<CustomerIdentity>('GET', '/api/me', { cookie })).body).toEqual({ kind: 'portal', email: 'grace@example.com', verified: true });

    const again = await verify(token);
    expect(again.status).toBe(400);
    expect(again.headers.getSetCookie()).toEqual([]);
    const page = await again.text();
    expect(page).toContain('already been used');
    expect(page).toContain('<a href="/portal">Email me a new sign-in link</a>');
    expect(again.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('refuses an expired link with a page to ask again', async () => {
    const token = await askForLink('late@example.com');
    clockOffsetMs = 16 * 60_000;
    try {
      const res = await verify(token);
      expect(res.status).toBe(400);
      expect(res.headers.getSetCookie()).toEqual([]);
      const page = await res.text();
      expect(page).toContain('This sign-in link has expired');
      expect(page).toContain('href="/portal"');
    } finally {
      clockOffsetMs = 0;
    }
    const unknown = await verify('not-a-token');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('not valid');
  });

  it('answers 202 for any address (no enumeration), 400 for a malformed one', async () => {
    const res = await api(server, 'POST', '/api/portal/login-link', { body: { email: 'nobody-ever@example.net' } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'sent' });
    const bad = await api<{ error: { code: string } }>(server, 'POST', '/api/portal/login-link', { body: { email: 'not an email' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('signs out: the session is gone', async () => {
    const cookie = await portalSignIn('leaving@example.com');
    expect((await me('GET', '/api/me/requests', { cookie })).status).toBe(200);
    const out = await raw('/api/portal/logout', { method: 'POST', cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/fd_customer=;/);
    expect((await me('GET', '/api/me/requests', { cookie })).status).toBe(401);
  });
});

describe('the portal customer’s requests', () => {
  let ada: string;
  let mine: TicketDetail;
  let theirs: TicketDetail;

  beforeAll(async () => {
    mine = await ticketFor('Ada@Example.com', 'Printer queue stuck');
    theirs = await ticketFor('bob@example.com', 'Bob’s invoice question');
    ada = await portalSignIn('ada@example.com');
  });

  it('lists only the customer’s own requests, case-insensitively by email, with status and promise', async () => {
    const res = await me<{ requests: CustomerRequest[] }>('GET', '/api/me/requests', { cookie: ada });
    expect(res.status).toBe(200);
    const ids = res.body.requests.map((r) => r.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const entry = res.body.requests.find((r) => r.id === mine.id)!;
    expect(entry).toEqual({
      id: mine.id,
      number: mine.number,
      subject: 'Printer queue stuck',
      status: 'new',
      channel: 'phone',
      createdAt: mine.createdAt,
      updatedAt: expect.any(String),
      promise: expect.stringMatching(/^Our (UK|US) team /),
      withdrawn: false,
    });
  });

  it('shows another customer’s request as 404, and nothing without a session', async () => {
    expect((await me('GET', `/api/me/requests/${theirs.id}`, { cookie: ada })).status).toBe(404);
    expect((await me('POST', `/api/me/requests/${theirs.id}/messages`, { cookie: ada }, { body: 'hi' })).status).toBe(404);
    expect((await me('POST', `/api/me/requests/${theirs.id}/reopen`, { cookie: ada })).status).toBe(404);
    expect((await me('DELETE', `/api/me/requests/${theirs.id}`, { cookie: ada })).status).toBe(404);
    expect((await agentView(theirs.id)).withdrawnAt).toBeNull();
    expect((await me('GET', '/api/me/requests', {})).status).toBe(401);
    expect((await me('GET', '/api/me/requests', { cookie: 'fd_customer=forged' })).status).toBe(401);
  });

  it('shows the request’s messages but never internal notes', async () => {
    expect((await agentSays(mine.id, 'We are looking at the print server now.')).status).toBe(201);
    expect((await agentSays(mine.id, 'INTERNAL: customer sounds annoyed', true)).status).toBe(201);
    const res = await me<CustomerRequestDetail>('GET', `/api/me/requests/${mine.id}`, { cookie: ada });
    expect(res.status).toBe(200);
    expect(res.body.description).toBe('Printer queue stuck: details');
    expect(res.body.messages.map((m) => m.body)).toEqual(['Printer queue stuck: details', 'We are looking at the print server now.']);
    expect(JSON.stringify(res.body)).not.toContain('INTERNAL');
    expect(res.body.messages[1]).toMatchObject({ author: { kind: 'agent' } });
    expect(res.body.promise).toContain('is on it');
  });

  it('replies: the message reaches the ticket, and a solved request reopens', async () => {
    expect((await setStatus(mine.id, 'solved')).status).toBe(200);
    const res = await me<CustomerReplyResult>('POST', `/api/me/requests/${mine.id}/messages`, { cookie: ada }, { body: 'It jammed again this morning.' });
    expect(res.status).toBe(201);
    expect(res.body.followUp).toBe(false);
    expect(res.body.request.id).toBe(mine.id);
    expect(res.body.request.status).toBe('open');
    const desk = await agentView(mine.id);
    expect(desk.status).toBe('open');
    expect(desk.messages.at(-1)).toMatchObject({ body: 'It jammed again this morning.', author: { kind: 'customer', name: 'Ada Lovelace' }, internal: false });
    expect(desk.events.at(-1)).toMatchObject({ type: 'reopened', actor: { kind: 'customer' }, from: 'solved', to: 'open' });
    const empty = await me<{ error: { code: string } }>('POST', `/api/me/requests/${mine.id}/messages`, { cookie: ada }, { body: '   ' });
    expect(empty.status).toBe(400);
  });

  it('reopens a solved request (audited as the customer) and refuses to reopen one that is not solved', async () => {
    expect((await setStatus(mine.id, 'solved')).status).toBe(200);
    const before = await me<CustomerRequestDetail>('GET', `/api/me/requests/${mine.id}`, { cookie: ada });
    expect(before.body.canReopen).toBe(true);
    expect(before.body.promise).toContain('solved');
    const res = await me<CustomerRequestDetail>('POST', `/api/me/requests/${mine.id}/reopen`, { cookie: ada });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'open', canReopen: false });
    const desk = await agentView(mine.id);
    expect(desk.status).toBe('open');
    expect(desk.events.at(-1)).toMatchObject({ type: 'reopened', actor: { kind: 'customer', name: 'Ada Lovelace' }, from: 'solved', to: 'open', reason: 'Reopened by the customer' });
    // The customer waits again: a next-response deadline is running.
    expect(desk.nextResponseDueAt).not.toBeNull();
    const twice = await me<{ error: { code: string } }>('POST', `/api/me/requests/${mine.id}/reopen`, { cookie: ada });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('invalid_transition');
  });

  it('a reply to a closed request starts a follow-up linked to it', async () => {
    const old = await ticketFor('ada@example.com', 'VPN certificate expired');
    await setStatus(old.id, 'solved');
    await setStatus(old.id, 'closed');
    const reply = { body: 'The certificate expired again.', clientId: 'retry-key-0001' };
    const res = await me<CustomerReplyResult>('POST', `/api/me/requests/${old.id}/messages`, { cookie: ada }, reply);
    expect(res.status).toBe(201);
    // A retried send (same client id) answers with the same follow-up, not a second one.
    const again = await me<CustomerReplyResult>('POST', `/api/me/requests/${old.id}/messages`, { cookie: ada }, reply);
    expect(again.status).toBe(200);
    expect(again.body.request.id).toBe(res.body.request.id);
    expect(res.body.request.messages.map((m) => m.body)).toEqual(['The certificate expired again.']);
    expect(res.body.followUp).toBe(true);
    expect(res.body.request.id).not.toBe(old.id);
    expect(res.body.request.subject).toBe('Follow-up: VPN certificate expired');
    const desk = await agentView(res.body.request.id);
    expect(desk).toMatchObject({ followUpOf: old.id, description: 'The certificate expired again.', requester: { email: 'ada@example.com' } });
    expect((await agentView(old.id)).status).toBe('closed');
  });

  it('creates a request from the portal form: channel portal, the customer’s words triaged, their urgency weighed but never alone', async () => {
    const res = await me<CustomerRequestDetail>('POST', '/api/me/requests', { cookie: ada }, {
      subject: 'How do I change my avatar?',
      description: 'Where is the setting for the profile picture?',
      urgency: 'critical',
      timeZone: 'Europe/London',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subject: 'How do I change my avatar?', status: 'new', channel: 'portal', withdrawn: false });
    expect(res.body.messages.map((m) => m.body)).toEqual(['Where is the setting for the profile picture?']);
    const desk = await agentView(res.body.id);
    expect(desk).toMatchObject({ channel: 'portal', requester: { email: 'ada@example.com', timeZone: 'Europe/London' } });
    // A casual "critical" on a plain question raises urgency one level at most and never touches impact.
    expect(desk.impact).not.toBe('high');
    expect(desk.priority).not.toBe('high');
    expect(desk.urgencyReason).toContain('Critical, work has stopped');
    expect(desk.handoff).toMatchObject({ identity: 'verified', channel: 'portal', reason: 'visitor_request' });
    expect(desk.handoff?.evidence).toContain('How urgent is it for you? “Critical, work has stopped”');
    const list = await me<{ requests: CustomerRequest[] }>('GET', '/api/me/requests', { cookie: ada });
    expect(list.body.requests.map((r) => r.id)).toContain(res.body.id);

    const bad = await me<{ error: { code: string; message: string } }>('POST', '/api/me/requests', { cookie: ada }, { subject: 'x', description: 'y', urgency: 'asap' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('urgency');
  });

  it('refuses a change sent with the cookie from another origin', async () => {
    const res = await raw(`/api/me/requests/${mine.id}/reopen`, { method: 'POST', cookie: ada, headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
  });
});

describe('deleting (withdrawing) a request', () => {
  it('removes it from the customer’s view and erases exactly the documented personal content', async () => {
    const cookie = await portalSignIn('erase-me@example.com');
    const t = await ticketFor('erase-me@example.com', 'My payroll account 4411 is locked', 'Locked out since my divorce; my new name is Jane Roe.');
    await agentSays(t.id, 'Hello Jane, I have unlocked account 4411.');
    await agentSays(t.id, 'Note: customer mentioned a divorce', true);
    await me('POST', `/api/me/requests/${t.id}/messages`, { cookie }, { body: 'Thanks! My phone is 07700 900123.' });
    await api(server, 'PATCH', `/api/tickets/${t.id}`, { cookie: agentCookie, body: { category: 'hardware', reason: 'Jane asked about payroll access' } });
    // An attachment (row and file), and mail about the request: one sent, one still queued.
    const key = `${t.id}/att-1`;
    const file = join(attachmentsDir, key);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'scan of an ID card');
    const db = server.app.db;
    const now = new Date().toISOString();
    await db.insertInto('attachments').values({ id: `att-${t.id}`, ticket_id: t.id, message_id: null, filename: 'id-card.txt', content_type: 'text/plain', size: 18, storage_key: key, created_at: now }).execute();
    const mail = (id: string, status: 'sent' | 'queued') => ({
      id,
      ticket_id: t.id,
      kind: 'reply',
      to_address: 'erase-me@example.com',
      subject: 'Re: My payroll account 4411 is locked',
      text_body: 'Hello Jane, I have unlocked account 4411.',
      html_body: null,
      message_id: `<${id}@localhost>`,
      in_reply_to: null,
      references: null,
      status,
      attempts: 0,
      next_attempt_at: '2999-01-01T00:00:00.000Z',
      last_error: null,
      created_at: now,
      sent_at: status === 'sent' ? now : null,
    });
    await db.insertInto('email_outbox').values([mail(`sent-${t.id}`, 'sent'), mail(`queued-${t.id}`, 'queued')]).execute();
    await db.insertInto('email_messages').values({ message_id: `<sent-${t.id}@localhost>`, ticket_id: t.id, direction: 'out', created_at: now }).execute();
    const before = await agentView(t.id);

    const desk = await connectDesk(server, agentCookie);
    const updated = nextEvent<TicketSummary>(desk, 'ticket:updated', (s) => s.id === t.id && s.withdrawnAt !== null);
    const res = await raw(`/api/me/requests/${t.id}`, { method: 'DELETE', cookie });
    expect(res.status).toBe(204);
    expect((await updated).subject).toBe(WITHDRAWN_SUBJECT);
    desk.disconnect();

    // Gone from the customer's view.
    const list = await me<{ requests: CustomerRequest[] }>('GET', '/api/me/requests', { cookie });
    expect(list.body.requests.map((r) => r.id)).not.toContain(t.id);
    expect((await me('GET', `/api/me/requests/${t.id}`, { cookie })).status).toBe(404);
    expect((await me('DELETE', `/api/me/requests/${t.id}`, { cookie })).status).toBe(404);

    // Kept for the agents: the record that it existed and how it was handled.
    const after = await agentView(t.id);
    expect(after.withdrawnAt).toEqual(expect.any(String));
    expect(after).toMatchObject({
      number: before.number,
      channel: before.channel,
      category: 'hardware',
      urgency: before.urgency,
      impact: before.impact,
      priority: before.priority,
      centre: before.centre,
      receivedAt: before.receivedAt,
      createdAt: before.createdAt,
      firstResponseDueAt: before.firstResponseDueAt,
      resolutionDueAt: before.resolutionDueAt,
      firstRespondedAt: before.firstRespondedAt,
      status: 'closed',
      nextDueAt: null,
    });
    // Erased.
    expect(after).toMatchObject({ subject: WITHDRAWN_SUBJECT, description: ERASED, requester: { name: null, email: null, timeZone: null }, handoff: null });
    expect(after.urgencyReason === null || after.urgencyReason === ERASED).toBe(true);
    expect(after.messages).toHaveLength(before.messages.length);
    for (const m of after.messages) expect(m.body).toBe(ERASED);
    expect(after.messages.filter((m) => m.internal)).toHaveLength(1);
    expect(after.messages.filter((m) => m.author.kind === 'customer').every((m) => m.author.name === 'Customer')).toBe(true);
    // The audit trail: every event kept, the customer unnamed, free-text reasons gone but the routing explanation.
    expect(after.events.map((e) => e.type)).toEqual([...before.events.map((e) => e.type), 'withdrawn']);
    expect(after.events.find((e) => e.type === 'created')?.reason).toContain('Priority');
    expect(after.events.find((e) => e.type === 'category_changed')?.reason).toBeNull();
    expect(after.events.at(-1)).toMatchObject({ type: 'withdrawn', actor: { kind: 'customer', name: 'Customer' }, to: 'closed' });
    const text = JSON.stringify(after);
    for (const secret of ['4411', 'Jane', 'divorce', '07700', 'erase-me', 'Ada Lovelace', 'payroll']) expect(text).not.toContain(secret);
    // Attachments: rows and files.
    expect(await db.selectFrom('attachments').selectAll().where('ticket_id', '=', t.id).execute()).toEqual([]);
    expect(existsSync(file)).toBe(false);
    // Its mail: what was unsent is gone; what was sent keeps only that it was sent; its Message-IDs are forgotten.
    // (The agent's reply above is mailed by the outbox worker too, sent or not yet when the request is deleted.)
    const mails = await db.selectFrom('email_outbox').selectAll().where('ticket_id', '=', t.id).execute();
    expect(mails.map((m) => m.id)).not.toContain(`queued-${t.id}`);
    expect(mails).toContainEqual(expect.objectContaining({ id: `sent-${t.id}`, sent_at: now }));
    for (const m of mails) expect(m).toMatchObject({ status: 'sent', to_address: ERASED, subject: ERASED, text_body: ERASED, html_body: null });
    expect(await db.selectFrom('email_messages').selectAll().where('ticket_id', '=', t.id).execute()).toEqual([]);
    // Nothing more is written into it.
    const late = await agentSays(t.id, 'Hi Jane, one more thing');
    expect(late.status).toBe(409);
    // In the queue it shows as withdrawn.
    const queue = await api<{ tickets: TicketSummary[] }>(server, 'GET', '/api/tickets?status=closed&limit=200', { cookie: agentCookie });
    expect(queue.body.tickets.find((s) => s.id === t.id)).toMatchObject({ withdrawnAt: after.withdrawnAt, subject: WITHDRAWN_SUBJECT });
  });
});

describe('the messenger’s visitor token', () => {
  it('shows a visitor only their own requests, with the promise; deleting closes the chat', async () => {
    const a = await widgetSession(server);
    const b = await widgetSession(server);
    const socket = await connectVisitor(server, a.token);
    await socket.timeout(5000).emitWithAck('message:send', { clientId: crypto.randomUUID(), body: 'My laptop will not join the Wi-Fi' });
    const state = await socket.timeout(10_000).emitWithAck('conversation:escalate', {});
    if (!state.ok || !state.data.ticket) throw new Error('no ticket from the handoff');
    const ticketId = state.data.ticket.id;

    const listA = await me<{ requests: CustomerRequest[] }>('GET', '/api/me/requests', { visitor: a.token });
    expect(listA.status).toBe(200);
    expect(listA.body.requests).toEqual([expect.objectContaining({ id: ticketId, channel: 'chat', promise: state.data.ticket.promise, withdrawn: false })]);
    const listB = await me<{ requests: CustomerRequest[] }>('GET', '/api/me/requests', { visitor: b.token });
    expect(listB.body.requests).toEqual([]);
    expect((await me('GET', `/api/me/requests/${ticketId}`, { visitor: b.token })).status).toBe(404);
    expect((await me('GET', '/api/me/requests', { visitor: `${a.visitorId}.forged` })).status).toBe(401);
    // The messenger starts requests in the chat, not with the portal's form.
    expect((await me('POST', '/api/me/requests', { visitor: a.token }, { subject: 's', description: 'd', urgency: 'soon' })).status).toBe(403);

    const detail = await me<CustomerRequestDetail>('GET', `/api/me/requests/${ticketId}`, { visitor: a.token });
    expect(detail.body.messages.map((m) => m.body)).toContain('My laptop will not join the Wi-Fi');

    // A reply from the requests view lands in the visitor's chat too.
    const live = nextEvent<{ body: string }>(socket, 'message:created', (m) => m.body === 'Still no Wi-Fi');
    expect((await me('POST', `/api/me/requests/${ticketId}/messages`, { visitor: a.token }, { body: 'Still no Wi-Fi' })).status).toBe(201);
    await live;

    const closed = nextEvent<{ mode: string }>(socket, 'conversation:updated', (s) => s.mode === 'closed');
    expect((await raw(`/api/me/requests/${ticketId}`, { method: 'DELETE', visitor: a.token })).status).toBe(204);
    await closed;
    expect((await me<{ requests: CustomerRequest[] }>('GET', '/api/me/requests', { visitor: a.token })).body.requests).toEqual([]);
    // The chat starts afresh.
    const sync = await socket.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 0 });
    expect(sync.ok && sync.data.state).toMatchObject({ id: null, mode: 'ai', ticket: null });
    socket.disconnect();
    expect((await agentView(ticketId)).withdrawnAt).not.toBeNull();
  });
});

describe('the OpenAPI document', () => {
  it('describes the self-service routes and their two ways to authenticate', async () => {
    const doc = await api<{ paths: Record<string, Record<string, unknown>>; components: { securitySchemes: Record<string, unknown> } }>(server, 'GET', '/api/openapi.json');
    expect(Object.keys(doc.body.paths['/api/me/requests']!)).toEqual(['get', 'post']);
    expect(Object.keys(doc.body.paths['/api/me/requests/{id}']!)).toEqual(['get', 'delete']);
    for (const path of ['/api/portal/login-link', '/portal/verify', '/api/portal/logout', '/api/me', '/api/me/requests/{id}/messages', '/api/me/requests/{id}/reopen']) expect(doc.body.paths[path]).toBeDefined();
    expect(doc.body.components.securitySchemes).toMatchObject({ customer: { in: 'cookie', name: 'fd_customer' }, visitor: { in: 'header', name: 'Authorization' } });
    expect(JSON.stringify(doc.body.paths['/api/me/requests']!['post'])).toContain('not_urgent');
  });
});

describe('sign-in link rate limits', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startServer({ sweepIntervalMs: 0 });
  });
  afterAll(async () => limited.close());

  it('limits links per address and per client with 429', async () => {
    const ask = (email: string) => api<{ error: { code: string } }>(limited, 'POST', '/api/portal/login-link', { body: { email } });
    for (let i = 0; i < 5; i++) expect((await ask('SAME@example.com')).status).toBe(202);
    const sixth = await ask('same@example.com');
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('rate_limited');
    // Other addresses still work until the client's own limit (20 in 15 minutes) is reached.
    let status = 0;
    for (let i = 0; i < 20 && status !== 429; i++) status = (await ask(`other-${i}@example.com`)).status;
    expect(status).toBe(429);
    const queued = await limited.app.db.selectFrom('email_outbox').select('kind').where('kind', '=', 'login_link').execute();
    expect(queued.length).toBeLessThanOrEqual(20);
  });
});
