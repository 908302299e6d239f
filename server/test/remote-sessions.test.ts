/**
 * Remote support (Zoom, Google Meet, Skype, Webex or the customer's own tool): an agent offers a
 * session on a ticket; the link is checked against the tool's hosts, the start time against the ticket's
 * business hours; the customer gets a public message with a card, live in the messenger; the tool is
 * remembered for the requester; the audit trail records it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message, RemoteSession, RemoteSessionList, TicketDetail, TicketSummary } from '../../shared/protocol';
import { api, clientId, connectDesk, connectVisitor, nextEvent, signIn, startServer, widgetSession, type TestServer } from './harness';

// Tuesday 13 January 2026, 10:00 UTC (GMT): the UK centre is open (09:00–18:00), the US opens at 11:00 UTC.
const clock = { now: new Date('2026-01-13T10:00:00Z') };
let server: TestServer;
let cookie: string;
const sockets: { close: () => void }[] = [];

beforeEach(async () => {
  clock.now = new Date('2026-01-13T10:00:00Z');
  server = await startServer({ now: () => clock.now, sweepIntervalMs: 0 });
  cookie = await signIn(server);
});
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await server.close();
});

async function ticket(body: Record<string, unknown> = {}): Promise<TicketDetail> {
  const res = await api<TicketDetail>(server, 'POST', '/api/tickets', {
    cookie,
    body: { subject: 'Screen share needed', description: 'The export wizard fails', channel: 'phone', urgency: 'medium', impact: 'medium', requester: { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/London' }, ...body },
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

const offer = (id: string, body: Record<string, unknown>) =>
  api<{ session: RemoteSession; message: Message; error?: { code: string; message: string } }>(server, 'POST', `/api/tickets/${id}/remote-sessions`, { cookie, body });

describe('meeting links', () => {
  it.each([
    ['zoom', 'https://zoom.us/j/123456789', 201],
    ['zoom', 'https://us02web.zoom.us/j/123456789?pwd=x', 201],
    ['zoom', 'https://zoom.us.attacker.example/j/1', 400],
    ['zoom', 'http://zoom.us/j/123456789', 400],
    ['google_meet', 'https://meet.google.com/abc-defg-hij', 201],
    ['google_meet', 'https://zoom.us/j/1', 400],
    ['skype', 'https://join.skype.com/AbCdEf', 201],
    ['skype', 'https://skype.com.attacker.example/x', 400],
    ['webex', 'https://acme.webex.com/meet/ada', 201],
    ['webex', 'https://webex.com.attacker.example/x', 400],
    ['other', 'https://whereby.com/acme', 201],
    ['other', 'javascript:alert(1)', 400],
    ['other', 'http://whereby.com/acme', 400],
  ])('%s %s → %i', async (tool, url, status) => {
    const t = await ticket();
    const res = await offer(t.id, { tool, url });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 400) {
      expect(res.body.error?.code).toBe('validation_failed');
      expect(res.body.error?.message).toMatch(/^url: /);
    } else {
      expect(res.body.session).toMatchObject({ ticketId: t.id, tool, url });
    }
  });

  it('names the hosts a named tool needs', async () => {
    const t = await ticket();
    const res = await offer(t.id, { tool: 'zoom', url: 'https://example.com/j/1' });
    expect(res.body.error?.message).toBe('url: a Zoom link must be on zoom.us or *.zoom.us');
  });

  it('refuses unknown tools, unknown tickets and anonymous callers', async () => {
    const t = await ticket();
    expect((await offer(t.id, { tool: 'teams', url: 'https://teams.microsoft.com/x' })).status).toBe(400);
    expect((await offer('no-such-ticket', { tool: 'zoom', url: 'https://zoom.us/j/1' })).status).toBe(404);
    const anonymous = await api(server, 'POST', `/api/tickets/${t.id}/remote-sessions`, { body: { tool: 'zoom', url: 'https://zoom.us/j/1' } });
    expect(anonymous.status).toBe(401);
  });
});

describe('start time inside business hours', () => {
  it('accepts a time inside the UK centre hours, and "now" without one', async () => {
    const t = await ticket();
    expect(t.centre).toBe('uk');
    const later = await offer(t.id, { tool: 'zoom', url: 'https://zoom.us/j/1', startsAt: '2026-01-13T15:00:00Z' });
    expect(later.status).toBe(201);
    expect(later.body.session.startsAt).toBe('2026-01-13T15:00:00.000Z');
    const now = await offer(t.id, { tool: 'zoom', url: 'https://zoom.us/j/2' });
    expect(now.status).toBe(201);
    expect(now.body.session.startsAt).toBeNull();
  });

  it.each([
    ['after the UK close', '2026-01-13T18:00:00Z', /outside the hours of the UK centre \(Mon–Fri 09:00–18:00 UK time\); the UK centre next opens Wed 14 Jan 2026, 09:00 UK time \(2026-01-14T09:00:00\.000Z\)/],
    ['on a Saturday', '2026-01-17T12:00:00Z', /next opens Mon 19 Jan 2026, 09:00 UK time \(2026-01-19T09:00:00\.000Z\)/],
    ['on Easter Monday (summer time)', '2026-04-06T10:00:00Z', /, a holiday\); the UK centre next opens Tue 7 Apr 2026, 09:00 UK time \(2026-04-07T08:00:00\.000Z\)/],
    ['in the past', '2026-01-13T09:30:00Z', /^startsAt: Tue 13 Jan 2026, 09:30 UK time is in the past; the UK centre is open now$/],
  ])('refuses a start %s, naming the next opening', async (_case, startsAt, message) => {
    const t = await ticket();
    const res = await offer(t.id, { tool: 'zoom', url: 'https://zoom.us/j/1', startsAt });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/^startsAt: /);
    expect(res.body.error?.message).toMatch(message);
    // Nothing was stored or posted.
    const list = await api<RemoteSessionList>(server, 'GET', `/api/tickets/${t.id}/remote-sessions`, { cookie });
    expect(list.body.sessions).toEqual([]);
  });

  it("uses the ticket's own centre: a US ticket may start at 15:00 New York time, after the UK has closed", async () => {
    clock.now = new Date('2026-01-13T19:00:00Z');
    const t = await ticket({ requester: { email: 'bob@example.com', timeZone: 'America/New_York' } });
    expect(t.centre).toBe('us');
    expect((await offer(t.id, { tool: 'webex', url: 'https://acme.webex.com/meet/bob', startsAt: '2026-01-13T20:00:00Z' })).status).toBe(201);
    const late = await offer(t.id, { tool: 'webex', url: 'https://acme.webex.com/meet/bob', startsAt: '2026-01-13T21:00:00Z' });
    expect(late.status).toBe(400);
    expect(late.body.error?.message).toMatch(/US centre \(Mon–Fri 06:00–16:00 US Eastern time\)/);
  });

  it("uses the support plan's calendar when the requester has one (a Saturday session)", async () => {
    const saturdays = [{ weekday: 6, open: '10:00', close: '14:00' }];
    const put = await api(server, 'PUT', '/api/operations', {
      cookie,
      body: { plans: [{ id: 'acme', name: 'Acme weekend', match: { domains: ['acme.example'] }, calendar: { id: 'acme', name: 'Acme weekend desk', timeZone: 'Europe/London', periods: saturdays, holidays: null } }] },
    });
    expect(put.status).toBe(200);
    const t = await ticket({ requester: { email: 'it@acme.example', timeZone: 'Europe/London' }, receivedAt: '2026-01-13T09:30:00Z' });
    expect(t.supportPlan).toBe('acme');
    expect((await offer(t.id, { tool: 'zoom', url: 'https://zoom.us/j/7', startsAt: '2026-01-17T11:00:00Z' })).status).toBe(201);
    const weekday = await offer(t.id, { tool: 'zoom', url: 'https://zoom.us/j/7', startsAt: '2026-01-13T15:00:00Z' });
    expect(weekday.status).toBe(400);
    expect(weekday.body.error?.message).toMatch(/the Acme weekend desk next opens Sat 17 Jan 2026, 10:00 UK time/);
    const list = await api<RemoteSessionList>(server, 'GET', `/api/tickets/${t.id}/remote-sessions`, { cookie });
    expect(list.body.hours).toMatchObject({ calendar: 'Acme weekend desk', text: 'Sat 10:00–14:00 UK time', openNow: false, nextOpenAt: '2026-01-17T10:00:00.000Z' });
  });
});

describe('the invitation', () => {
  it('reaches the visitor live as a public agent message with a card, and the desk too; audited, first response met', async () => {
    const session = await widgetSession(server);
    const visitor = await connectVisitor(server, session.token);
    sockets.push(visitor);
    const answered = nextEvent<Message>(visitor, 'message:created', (m) => m.author.kind === 'ai');
    const sent = await visitor.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'Can someone show me how to export?' });
    expect(sent.ok).toBe(true);
    await answered;
    const desk = await connectDesk(server, cookie);
    sockets.push(desk);
    const created = nextEvent<TicketSummary>(desk, 'ticket:created');
    const state = await visitor.timeout(5000).emitWithAck('conversation:escalate', {});
    if (!state.ok) throw new Error(state.error.message);
    const t = await created;
    await desk.timeout(5000).emitWithAck('ticket:watch', { ticketId: t.id });

    const toVisitor = nextEvent<Message>(visitor, 'message:created', (m) => Boolean(m.card));
    const toDesk = nextEvent<{ ticketId: string; message: Message }>(desk, 'message:created', (e) => Boolean(e.message.card));
    const res = await offer(t.id, { tool: 'zoom', url: 'https://zoom.us/j/123456789', startsAt: '2026-01-14T15:00:00Z', note: 'Have the error message ready' });
    expect(res.status).toBe(201);

    const card = { type: 'remote_session', tool: 'zoom', toolName: 'Zoom', url: 'https://zoom.us/j/123456789', startsAt: '2026-01-14T15:00:00.000Z', note: 'Have the error message ready' };
    const message = await toVisitor;
    expect(message).toMatchObject({ author: { kind: 'agent', name: 'Alex Admin' }, internal: false, card });
    expect(message.body).toBe('Alex Admin invited you to a Zoom session: https://zoom.us/j/123456789 (Wed 14 Jan, 15:00 UTC)\nHave the error message ready');
    expect((await toDesk).message.id).toBe(message.id);

    const detail = (await api<TicketDetail>(server, 'GET', `/api/tickets/${t.id}`, { cookie })).body;
    expect(detail.status).toBe('open');
    expect(detail.firstRespondedAt).toBe('2026-01-13T10:00:00.000Z');
    expect(detail.messages.find((m) => m.id === message.id)?.card).toEqual(card);
    expect(detail.events.find((e) => e.type === 'remote_session_offered')).toMatchObject({ actor: { kind: 'agent', name: 'Alex Admin' }, to: 'zoom' });
    // The visitor's replay after a reconnect carries the card too.
    const sync = await visitor.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 0 });
    if (!sync.ok) throw new Error('sync failed');
    expect(sync.data.messages.find((m: Message) => m.id === message.id)?.card).toEqual(card);
    // The anonymous visitor's tool is remembered by visitor id.
    expect(detail.preferredTool).toBe('zoom');
  });

  it('says "a remote session" for another tool and leaves out the time when it starts now', async () => {
    const t = await ticket();
    const res = await offer(t.id, { tool: 'other', url: 'https://whereby.com/acme', note: '  ' });
    expect(res.body.message.body).toBe('Alex Admin invited you to a remote session: https://whereby.com/acme');
    expect(res.body.message.card).toEqual({ type: 'remote_session', tool: 'other', toolName: 'Remote session', url: 'https://whereby.com/acme', startsAt: null, note: null });
  });

  it("is mailed to an email ticket's requester like any public reply, carrying the link and the time", async () => {
    const t = await ticket({ channel: 'email', requester: { name: 'Mia', email: 'mia@example.com', timeZone: 'Europe/London' } });
    expect((await offer(t.id, { tool: 'webex', url: 'https://acme.webex.com/meet/mia', startsAt: '2026-01-13T16:30:00Z' })).status).toBe(201);
    // Queued in the invitation's own transaction: there by the time the route answers.
    const mails = await server.app.db.selectFrom('email_outbox').select(['to_address', 'text_body', 'ticket_id']).where('ticket_id', '=', t.id).where('kind', '=', 'reply').execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toBe('mia@example.com');
    expect(mails[0]!.text_body).toContain('Alex Admin invited you to a Webex session: https://acme.webex.com/meet/mia (Tue 13 Jan, 16:30 UTC)');
  });

  it('refuses a closed ticket', async () => {
    const t = await ticket();
    await api(server, 'PATCH', `/api/tickets/${t.id}`, { cookie, body: { status: 'solved' } });
    await api(server, 'PATCH', `/api/tickets/${t.id}`, { cookie, body: { status: 'closed' } });
    expect((await offer(t.id, { tool: 'zoom', url: 'https://zoom.us/j/1' })).status).toBe(409);
  });
});

describe("the customer's preferred tool", () => {
  it('is remembered by email, returned with their other tickets and the session list', async () => {
    const first = await ticket({ requester: { email: 'Grace@Example.com' } });
    expect(first.preferredTool).toBeNull();
    expect((await offer(first.id, { tool: 'google_meet', url: 'https://meet.google.com/abc-defg-hij' })).status).toBe(201);

    const second = await ticket({ requester: { email: 'grace@example.com' }, channel: 'email' });
    expect(second.preferredTool).toBe('google_meet');
    const detail = (await api<TicketDetail>(server, 'GET', `/api/tickets/${second.id}`, { cookie })).body;
    expect(detail.preferredTool).toBe('google_meet');

    const list = await api<RemoteSessionList>(server, 'GET', `/api/tickets/${first.id}/remote-sessions`, { cookie });
    expect(list.status).toBe(200);
    expect(list.body.preferredTool).toBe('google_meet');
    expect(list.body.sessions).toMatchObject([{ tool: 'google_meet', toolName: 'Google Meet', url: 'https://meet.google.com/abc-defg-hij', startsAt: null, agentId: expect.any(String) }]);
    expect(list.body.hours).toMatchObject({ calendar: 'UK centre', timeZone: 'Europe/London', text: 'Mon–Fri 09:00–18:00 UK time', openNow: true });

    // A later offer with another tool changes the preference.
    expect((await offer(second.id, { tool: 'skype', url: 'https://join.skype.com/x' })).status).toBe(201);
    expect((await api<RemoteSessionList>(server, 'GET', `/api/tickets/${first.id}/remote-sessions`, { cookie })).body.preferredTool).toBe('skype');
    // Someone else has none.
    expect((await ticket({ requester: { email: 'someone@else.example' } })).preferredTool).toBeNull();
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await api<{ paths: Record<string, Record<string, unknown>> }>(server, 'GET', '/api/openapi.json');
    expect(Object.keys(doc.body.paths['/api/tickets/{id}/remote-sessions'] ?? {}).sort()).toEqual(['get', 'post']);
  });
});
