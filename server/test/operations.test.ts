/**
 * The help desk's engine with a frozen clock: follow-the-sun routing, handover at a centre's close, SLA pause
 * and resume, recompute on priority and calendar changes, warning and breach events pushed to the desk,
 * automatic close, follow-ups and extended-support plans.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationState, SlaAlert, TicketDetail, TicketSummary } from '../../shared/protocol';
import { sweepOperations } from '../src/tickets/operations-clock';
import { api, clientId, connectDesk, connectVisitor, nextEvent, signIn, startServer, widgetSession, type TestServer } from './harness';

const clock = { now: new Date('2026-01-13T10:00:00Z') };
let server: TestServer;
let cookie: string;

beforeEach(async () => {
  clock.now = new Date('2026-01-13T10:00:00Z');
  server = await startServer({ now: () => clock.now, sweepIntervalMs: 0 });
  cookie = await signIn(server);
});
afterEach(async () => server.close());

const at = (iso: string) => {
  clock.now = new Date(iso);
};

async function create(body: Record<string, unknown>): Promise<TicketDetail> {
  const res = await api<TicketDetail>(server, 'POST', '/api/tickets', { cookie, body: { subject: 'Test', description: 'Something is wrong', channel: 'phone', urgency: 'high', impact: 'high', ...body } });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

const get = async (id: string) => (await api<TicketDetail>(server, 'GET', `/api/tickets/${id}`, { cookie })).body;
const patch = async (id: string, body: Record<string, unknown>) => (await api<TicketDetail>(server, 'PATCH', `/api/tickets/${id}`, { cookie, body })).body;

describe('follow-the-sun routing (README, Support operations)', () => {
  it.each([
    // [case, requester zone, receivedAt, expected centre]
    ['UK requester while the UK is open', 'Europe/London', '2026-01-13T10:00:00Z', 'uk'],
    ['US requester while only the UK is open goes to the UK', 'America/Chicago', '2026-01-13T10:00:00Z', 'uk'],
    ['US requester while the US is open', 'America/Chicago', '2026-01-13T15:00:00Z', 'us'],
    ['UK requester after UK close goes to the US, still open', 'Europe/Paris', '2026-01-13T18:30:00Z', 'us'],
    ['nobody open at night: the centre that opens next (UK, 09:00 UTC)', 'America/New_York', '2026-01-14T02:00:00Z', 'uk'],
    ['US Thanksgiving: the US is closed all day, the UK takes it', 'America/New_York', '2026-11-26T15:00:00Z', 'uk'],
    ['England & Wales Easter Monday: the US takes a UK ticket once it opens', 'Europe/London', '2026-04-06T09:30:00Z', 'us'],
    ['DST gap week: on 16 Mar 2026 the US opens at 10:00 UTC', 'America/New_York', '2026-03-16T10:00:00Z', 'us'],
    ['DST gap week: at 09:59 UTC only the UK is open', 'America/New_York', '2026-03-16T09:59:00Z', 'uk'],
    ['unknown requester goes home to the UK when both are open', undefined, '2026-01-13T12:00:00Z', 'uk'],
  ])('%s', async (_case, timeZone, receivedAt, centre) => {
    at('2026-12-01T00:00:00Z');
    const t = await create({ requester: timeZone ? { timeZone } : {}, receivedAt });
    expect(t.centre).toBe(centre);
  });

  it('computes deadlines in business time across a weekend and from the next opening', async () => {
    // Friday 16 Jan 2026 20:30 UTC, low priority (480 business minutes): the US is open until 21:00 (30 min),
    // then nothing until Monday 09:00 UTC; 450 more minutes on the union (UK 09–18, US 11–21 UTC) → 16:30.
    at('2026-01-20T00:00:00Z');
    const low = await create({ urgency: 'low', impact: 'low', receivedAt: '2026-01-16T20:30:00Z' });
    expect(low.firstResponseDueAt).toBe('2026-01-19T16:30:00.000Z');
    // Saturday: nothing open, so the clock starts Monday 09:00 UTC; high = 60 minutes.
    const high = await create({ receivedAt: '2026-01-17T12:00:00Z' });
    expect(high.firstResponseDueAt).toBe('2026-01-19T10:00:00.000Z');
  });
});

describe('SLA clocks', () => {
  it('pause while pending on the customer and resume with the paused business time added', async () => {
    const t = await create({ receivedAt: '2026-01-13T10:00:00Z' });
    expect(t.firstResponseDueAt).toBe('2026-01-13T11:00:00.000Z');
    at('2026-01-13T10:30:00Z');
    const pending = await patch(t.id, { status: 'pending', reason: 'Asked for logs' });
    expect(pending.status).toBe('pending');
    const queue = (await api<{ tickets: TicketSummary[] }>(server, 'GET', '/api/tickets?status=pending', { cookie })).body.tickets;
    expect(queue.map((q) => q.id)).toContain(t.id);
    at('2026-01-13T12:00:00Z');
    const resumed = await patch(t.id, { status: 'open' });
    // 90 business minutes paused: 11:00 + 90 min = 12:30.
    expect(resumed.firstResponseDueAt).toBe('2026-01-13T12:30:00.000Z');
    expect(resumed.resolutionDueAt).toBe('2026-01-13T19:30:00.000Z');
  });

  it('stop at solved, and a reopen resumes them', async () => {
    const t = await create({ receivedAt: '2026-01-13T10:00:00Z' });
    at('2026-01-13T10:10:00Z');
    await api(server, 'POST', `/api/tickets/${t.id}/messages`, { cookie, body: { body: 'We are on it' } });
    await patch(t.id, { status: 'solved' });
    at('2026-01-13T14:10:00Z');
    const reopened = await patch(t.id, { status: 'open', reason: 'Came back' });
    // 4 h paused: resolution 18:00 → 22:00 UTC? The union is open until 21:00, so 60 minutes carry to 09:00+1h next day.
    expect(reopened.resolutionDueAt).toBe('2026-01-14T10:00:00.000Z');
    expect(reopened.events.map((e) => e.type)).toContain('reopened');
  });

  it('recompute when an admin changes the calendars', async () => {
    at('2026-01-13T17:30:00Z');
    const t = await create({ receivedAt: '2026-01-13T17:30:00Z', requester: { timeZone: 'Europe/London' } });
    expect(t.firstResponseDueAt).toBe('2026-01-13T18:30:00.000Z');
    const ops = (await api<{ centres: { uk: unknown; us: { closures: string[] } } }>(server, 'GET', '/api/operations', { cookie })).body;
    // The US centre closes for a company event on 13 January: only the UK's last 30 minutes count that day.
    const res = await api(server, 'PUT', '/api/operations', { cookie, body: { centres: { ...ops.centres, us: { ...ops.centres.us, closures: ['2026-01-13'] } } } });
    expect(res.status).toBe(200);
    expect((await get(t.id)).firstResponseDueAt).toBe('2026-01-14T09:30:00.000Z');
    const bad = await api<{ error: { code: string; message: string } }>(server, 'PUT', '/api/operations', { cookie, body: { centres: { ...ops.centres, us: { ...ops.centres.us, timeZone: 'Mars/Olympus' } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/time zone/);
  });

  it('warn shortly before a breach and record the breach at it, pushed live to the desk, once each', async () => {
    const desk = await connectDesk(server, cookie);
    const t = await create({ receivedAt: '2026-01-13T10:00:00Z' });
    const alerts: SlaAlert[] = [];
    desk.on('ticket:sla', (a) => alerts.push(a));
    at('2026-01-13T10:40:00Z');
    expect((await sweepOperations(server.app.frontdesk)).warnings).toBe(0);
    at('2026-01-13T10:46:00Z');
    const warning = nextEvent<SlaAlert>(desk, 'ticket:sla');
    expect((await sweepOperations(server.app.frontdesk)).warnings).toBe(1);
    expect(await warning).toEqual({ ticketId: t.id, number: t.number, centre: 'uk', kind: 'warning', clock: 'first_response', dueAt: '2026-01-13T11:00:00.000Z' });
    at('2026-01-13T10:50:00Z');
    expect((await sweepOperations(server.app.frontdesk)).warnings).toBe(0);
    at('2026-01-13T11:00:00Z');
    const breach = nextEvent<SlaAlert>(desk, 'ticket:sla', (a) => a.kind === 'breach');
    expect((await sweepOperations(server.app.frontdesk)).breaches).toBe(1);
    expect((await breach).clock).toBe('first_response');
    expect((await sweepOperations(server.app.frontdesk)).breaches).toBe(0);
    expect((await get(t.id)).events.map((e) => e.type)).toEqual(expect.arrayContaining(['sla_warning', 'sla_breached']));
    expect(alerts).toHaveLength(2);
    desk.close();
  });

  it('run a next-response clock when the customer writes again after an answer, ended by the next reply', async () => {
    const session = await widgetSession(server);
    const socket = await connectVisitor(server, session.token);
    const handedOff = nextEvent<ConversationState>(socket, 'conversation:updated', (s) => s.ticket !== null);
    await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'Production is down for everyone in the company, agent please' });
    const id = (await handedOff).ticket!.id;
    at('2026-01-13T10:20:00Z');
    await api(server, 'POST', `/api/tickets/${id}/messages`, { cookie, body: { body: 'First answer' } });
    const answered = await get(id);
    expect(answered.priority).toBe('high');
    expect(answered.firstRespondedAt).toBe('2026-01-13T10:20:00.000Z');
    expect(answered.nextResponseDueAt).toBeNull();
    expect(answered.nextDueAt).toBe(answered.resolutionDueAt);
    at('2026-01-13T10:30:00Z');
    await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'It is still down' });
    const waiting = await get(id);
    expect(waiting.nextResponseDueAt).toBe('2026-01-13T11:30:00.000Z');
    expect(waiting.nextDueAt).toBe('2026-01-13T11:30:00.000Z');
    at('2026-01-13T10:40:00Z');
    await api(server, 'POST', `/api/tickets/${id}/messages`, { cookie, body: { body: 'Second answer' } });
    expect((await get(id)).nextResponseDueAt).toBeNull();
    socket.close();
  });
});

describe('a deployment priority matrix', () => {
  it('decides new tickets and moves open ones, audited, and only an admin may change it', async () => {
    const open = await create({ urgency: 'low', impact: 'high', receivedAt: '2026-01-13T10:00:00Z' });
    expect(open.priority).toBe('medium');
    const strict = { high: { high: 'high', medium: 'high', low: 'high' }, medium: { high: 'high', medium: 'medium', low: 'low' }, low: { high: 'high', medium: 'low', low: 'low' } };
    expect((await api(server, 'PUT', '/api/operations', { cookie, body: { priorityMatrix: strict } })).status).toBe(200);
    const moved = await get(open.id);
    expect(moved.priority).toBe('high');
    expect(moved.firstResponseDueAt).toBe('2026-01-13T11:00:00.000Z');
    expect(moved.events.find((e) => e.type === 'priority_changed')).toMatchObject({ from: 'medium', to: 'high', reason: 'The priority matrix changed' });
    expect((await create({ urgency: 'high', impact: 'low' })).priority).toBe('high');
    const added = await api(server, 'POST', '/api/agents', { cookie, body: { email: 'sam@example.com', name: 'Sam Agent', password: 'a-long-password', role: 'agent' } });
    expect(added.status).toBe(201);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sam@example.com', password: 'a-long-password' }) });
    const samCookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const refused = await api<{ error: { code: string } }>(server, 'PUT', '/api/operations', { cookie: samCookie, body: { priorityMatrix: strict } });
    expect(refused.status).toBe(403);
    expect((await api(server, 'POST', '/api/agents', { cookie: samCookie, body: { email: 'x@example.com', name: 'X', password: 'a-long-password' } })).status).toBe(403);
  });
});

describe('the category list', () => {
  it('is the deployment\'s: triage picks from the list the admin set', async () => {
    const text = 'Someone logged into our admin account from another country, we think it was hacked';
    const before = await api<{ category: string }>(server, 'POST', '/api/ai/triage', { cookie, body: { text } });
    expect(before.body.category).toBe('security');
    expect((await api(server, 'PUT', '/api/operations', { cookie, body: { categories: ['billing', 'technical', 'other'] } })).status).toBe(200);
    const after = await api<{ category: string }>(server, 'POST', '/api/ai/triage', { cookie, body: { text } });
    expect(['billing', 'technical', 'other']).toContain(after.body.category);
  });
});

describe('handover at close and automatic close', () => {
  it("moves a closing centre's untaken open tickets to the next centre, with an audit event; assigned ones stay", async () => {
    const me = (await api<{ id: string }>(server, 'GET', '/api/auth/me', { cookie })).body;
    at('2026-01-13T17:00:00Z');
    const loose = await create({ receivedAt: '2026-01-13T17:00:00Z', requester: { timeZone: 'Europe/London' } });
    const taken = await create({ receivedAt: '2026-01-13T17:00:00Z', requester: { timeZone: 'Europe/London' } });
    await patch(taken.id, { assigneeId: me.id });
    expect(loose.centre).toBe('uk');
    at('2026-01-13T17:59:59Z');
    expect((await sweepOperations(server.app.frontdesk)).handedOver).toBe(0);
    at('2026-01-13T18:00:00Z');
    expect((await sweepOperations(server.app.frontdesk)).handedOver).toBe(1);
    const moved = await get(loose.id);
    expect(moved.centre).toBe('us');
    expect(moved.events.find((e) => e.type === 'centre_changed')).toMatchObject({ from: 'uk', to: 'us' });
    expect((await get(taken.id)).centre).toBe('uk');
  });

  it('closes solved tickets after the configured days', async () => {
    const t = await create({ receivedAt: '2026-01-13T10:00:00Z' });
    await patch(t.id, { status: 'solved' });
    at('2026-01-17T09:59:00Z');
    expect((await sweepOperations(server.app.frontdesk)).autoClosed).toBe(0);
    at('2026-01-17T10:00:01Z');
    expect((await sweepOperations(server.app.frontdesk)).autoClosed).toBe(1);
    expect((await get(t.id)).status).toBe('closed');
  });
});

describe('extended support', () => {
  it("runs a covered customer's clocks on their plan's calendar", async () => {
    const ops = (await api<Record<string, unknown>>(server, 'GET', '/api/operations', { cookie })).body;
    expect(ops).toHaveProperty('plans');
    const allWeek = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
    const res = await api(server, 'PUT', '/api/operations', {
      cookie,
      body: { plans: [{ id: 'bigcorp', name: 'BigCorp 24/7', team: 'BigCorp dedicated team', match: { domains: ['bigcorp.example'] }, calendar: { id: 'bigcorp', name: 'BigCorp 24/7', timeZone: 'UTC', periods: allWeek, holidays: null } }] },
    });
    expect(res.status).toBe(200);
    // Saturday 17 Jan 2026 12:00 UTC: no centre is open, but the plan runs around the clock.
    at('2026-01-20T00:00:00Z');
    const covered = await create({ receivedAt: '2026-01-17T12:00:00Z', requester: { email: 'ops@bigcorp.example' } });
    expect(covered.firstResponseDueAt).toBe('2026-01-17T13:00:00.000Z');
    const other = await create({ receivedAt: '2026-01-17T12:00:00Z', requester: { email: 'someone@elsewhere.example' } });
    expect(other.firstResponseDueAt).toBe('2026-01-19T10:00:00.000Z');
  });
});
