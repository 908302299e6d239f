/**
 * The reports' figures against a small fixed set of tickets whose every figure is computed by hand below.
 * Times are in January 2026 (GMT = UTC; New York is UTC−5): the clocks run while either centre is open,
 * UK 09:00–18:00 UTC and US 11:00–21:00 UTC, so on weekdays business time is 09:00–21:00 UTC.
 * Runs on SQLite, and on PostgreSQL with TEST_POSTGRES_URL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handoff } from '../../shared/protocol';
import type { Report } from '../../shared/reports';
import type { NewTicket } from '../src/db/schema';
import { api, signIn, startServer, type TestServer } from './harness';

const NOW = new Date('2026-01-16T12:00:00Z'); // Friday noon
const RANGE = 'from=2026-01-12&to=2026-01-16';

let server: TestServer;
let cookie: string;
let siteId: string;
let alex: string; // the admin agent, "Alex"
let bea: string; // a second agent

const handoff = (reason: Handoff['reason']): string =>
  JSON.stringify({
    reason,
    problem: 'p',
    tried: [],
    sources: [],
    urgency: { level: 'low', reason: 'r' },
    impact: { level: 'low', reason: 'r' },
    evidence: [],
    identity: 'anonymous',
    channel: 'chat',
    deadline: null,
  } satisfies Handoff);

let number = 2000;
async function ticket(t: Partial<NewTicket> & Pick<NewTicket, 'channel' | 'priority' | 'centre' | 'received_at' | 'status'>): Promise<string> {
  const id = randomUUID();
  await server.app.db
    .insertInto('tickets')
    .values({
      id,
      number: number++,
      site_id: siteId,
      conversation_id: null,
      subject: 's',
      description: 'd',
      urgency: t.priority,
      impact: t.priority,
      category: 'other',
      requester_name: null,
      requester_email: null,
      requester_time_zone: null,
      visitor_id: null,
      assignee_id: null,
      created_at: t.received_at,
      updated_at: t.received_at,
      first_response_due_at: null,
      resolution_due_at: null,
      next_due_at: null,
      first_responded_at: null,
      solved_at: null,
      handoff: null,
      next_response_due_at: null,
      next_response_started_at: null,
      sla_paused_at: null,
      sla_paused_minutes: 0,
      sla_warned_for: null,
      sla_breached_for: null,
      follow_up_of: null,
      support_plan: null,
      home_centre: null,
      withdrawn_at: null,
      out_of_hours: 0,
      urgency_reason: null,
      impact_reason: null,
      ...t,
    })
    .execute();
  return id;
}

async function conversation(createdAt: string, visitorId: string | null): Promise<string> {
  const id = randomUUID();
  await server.app.db.insertInto('conversations').values({ id, site_id: siteId, visitor_id: visitorId, mode: 'human', last_seq: 0, offered_handoff: 0, created_at: createdAt, updated_at: createdAt }).execute();
  return id;
}

let seq = 0;
async function message(conversationId: string, m: { kind: 'ai' | 'agent' | 'customer'; authorId?: string; at: string; sources?: boolean; internal?: boolean }): Promise<void> {
  await server.app.db
    .insertInto('messages')
    .values({
      id: randomUUID(),
      conversation_id: conversationId,
      seq: ++seq,
      client_id: null,
      author_kind: m.kind,
      author_name: m.kind,
      author_id: m.authorId ?? null,
      body: 'text',
      internal: m.internal ? 1 : 0,
      sources: m.sources ? JSON.stringify([{ id: 'a1', title: 'Exports', url: '/help/exports' }]) : '[]',
      created_at: m.at,
      quoted: null,
      card: null,
      attachments: null,
    })
    .execute();
}

async function event(ticketId: string, e: { type: string; at: string; actorId?: string; to?: string }): Promise<void> {
  await server.app.db
    .insertInto('ticket_events')
    .values({ id: randomUUID(), ticket_id: ticketId, type: e.type, actor_kind: e.actorId ? 'agent' : 'system', actor_id: e.actorId ?? null, actor_name: 'x', from_value: null, to_value: e.to ?? null, reason: null, created_at: e.at })
    .execute();
}

async function csat(ticketId: string, rating: number, comment: string | null, at: string): Promise<void> {
  await server.app.db.insertInto('csat_responses').values({ id: randomUUID(), ticket_id: ticketId, site_id: siteId, rating, comment, answered_via: 'chat', created_at: at }).execute();
}

let t1Number = 0;
let t3Number = 0;

beforeAll(async () => {
  server = await startServer({ now: () => NOW, sweepIntervalMs: 0 });
  cookie = await signIn(server);
  const db = server.app.db;
  siteId = (await db.selectFrom('sites').select('id').where('key', '=', 'demo').executeTakeFirstOrThrow()).id;
  alex = (await db.selectFrom('agents').select('id').executeTakeFirstOrThrow()).id;
  await db.updateTable('agents').set({ name: 'Alex' }).where('id', '=', alex).execute();
  bea = randomUUID();
  await db.insertInto('agents').values({ id: bea, email: 'bea@example.org', name: 'Bea', password_hash: 'x', role: 'agent', created_at: NOW.toISOString() }).execute();
  const visitor = randomUUID();
  await db.insertInto('visitors').values({ id: visitor, site_id: siteId, external_id: null, name: null, email: null, claimed_email: null, time_zone: null, language: null, verified: 0, created_at: NOW.toISOString(), last_seen_at: NOW.toISOString() }).execute();

  // T1: chat, high, UK, Tue 10:00. First reply 10:30 (30 bm; due 10:20: missed). Solved 12:00 (120 bm; due 14:00: met).
  const c1 = await conversation('2026-01-13T09:55:00Z', visitor);
  t1Number = number;
  const t1 = await ticket({ channel: 'chat', priority: 'high', centre: 'uk', received_at: '2026-01-13T10:00:00Z', status: 'solved', conversation_id: c1, assignee_id: alex, first_response_due_at: '2026-01-13T10:20:00.000Z', resolution_due_at: '2026-01-13T14:00:00.000Z', first_responded_at: '2026-01-13T10:30:00.000Z', solved_at: '2026-01-13T12:00:00.000Z', handoff: handoff('button') });
  await message(c1, { kind: 'ai', at: '2026-01-13T09:56:00Z', sources: true });
  await message(c1, { kind: 'agent', authorId: alex, at: '2026-01-13T10:30:00Z' });
  await message(c1, { kind: 'agent', authorId: alex, at: '2026-01-13T11:00:00Z' });
  await event(t1, { type: 'sla_breached', at: '2026-01-13T10:20:00Z' });
  await event(t1, { type: 'status_changed', to: 'solved', actorId: alex, at: '2026-01-13T12:00:00Z' });
  await csat(t1, 5, 'Quick and kind', '2026-01-13T13:00:00Z');

  // T2: email, medium, US, Tue 20:00. First reply Wed 10:00: 20–21 + 09–10 = 120 bm (due Wed 11:00: met).
  // Solved Wed 12:00: 60 + 180 = 240 bm less 30 paused = 210 (due Wed 11:00: missed). Solved by Bea.
  const c2 = await conversation('2026-01-13T20:00:00Z', null);
  const t2 = await ticket({ channel: 'email', priority: 'medium', centre: 'us', received_at: '2026-01-13T20:00:00Z', status: 'solved', conversation_id: c2, assignee_id: alex, first_response_due_at: '2026-01-14T11:00:00.000Z', resolution_due_at: '2026-01-14T11:00:00.000Z', first_responded_at: '2026-01-14T10:00:00.000Z', solved_at: '2026-01-14T12:00:00.000Z', sla_paused_minutes: 30 });
  await message(c2, { kind: 'agent', authorId: alex, at: '2026-01-14T10:00:00Z' });
  await message(c2, { kind: 'agent', authorId: alex, at: '2026-01-14T10:05:00Z', internal: true });
  await event(t2, { type: 'status_changed', to: 'solved', actorId: bea, at: '2026-01-14T12:00:00Z' });
  await csat(t2, 2, null, '2026-01-14T13:00:00Z');

  // T3: chat, low, UK, Wed 09:00, open. First reply 09:10 (10 bm; due 09:30: met); resolution due next week (counts neither).
  const c3 = await conversation('2026-01-14T08:58:00Z', visitor);
  t3Number = number;
  const t3 = await ticket({ channel: 'chat', priority: 'low', centre: 'uk', received_at: '2026-01-14T09:00:00Z', status: 'open', conversation_id: c3, assignee_id: bea, first_response_due_at: '2026-01-14T09:30:00.000Z', resolution_due_at: '2026-01-20T12:00:00.000Z', first_responded_at: '2026-01-14T09:10:00.000Z', handoff: handoff('no_answer') });
  await message(c3, { kind: 'ai', at: '2026-01-14T08:59:00Z' });
  await message(c3, { kind: 'agent', authorId: bea, at: '2026-01-14T09:10:00Z' });
  await csat(t3, 4, 'ok', '2026-01-14T10:00:00Z');

  // T4: email, high, UK, Thu 15:00, new and unanswered: both deadlines passed before now (both missed); two breaches.
  const t4 = await ticket({ channel: 'email', priority: 'high', centre: 'uk', received_at: '2026-01-15T15:00:00Z', status: 'new', first_response_due_at: '2026-01-15T15:15:00.000Z', resolution_due_at: '2026-01-15T19:00:00.000Z' });
  await event(t4, { type: 'sla_breached', at: '2026-01-15T15:15:00Z' });
  await event(t4, { type: 'sla_breached', at: '2026-01-15T19:00:00Z' });

  // T5: phone, medium, US, received before the range and still open: backlog only (over 7 days old).
  await ticket({ channel: 'phone', priority: 'medium', centre: 'us', received_at: '2026-01-02T10:00:00Z', status: 'open' });

  // T6: withdrawn: in no figure, though its trail has a breach and a solve.
  const t6 = await ticket({ channel: 'chat', priority: 'high', centre: 'uk', received_at: '2026-01-14T10:00:00Z', status: 'open', withdrawn_at: '2026-01-14T11:00:00Z', first_responded_at: '2026-01-14T10:01:00.000Z' });
  await event(t6, { type: 'sla_breached', at: '2026-01-14T10:30:00Z' });
  await event(t6, { type: 'status_changed', to: 'solved', actorId: alex, at: '2026-01-14T10:40:00Z' });

  // Kai's other chats: C7 answered twice (once with sources), C8 answered once, C9 never answered; none reached a person.
  const c7 = await conversation('2026-01-15T08:00:00Z', visitor);
  await message(c7, { kind: 'ai', at: '2026-01-15T08:01:00Z', sources: true });
  await message(c7, { kind: 'ai', at: '2026-01-15T08:02:00Z' });
  const c8 = await conversation('2026-01-15T09:00:00Z', visitor);
  await message(c8, { kind: 'ai', at: '2026-01-15T09:01:00Z' });
  await conversation('2026-01-16T09:00:00Z', visitor);
});
afterAll(async () => server?.close());

const report = async (query = RANGE) => {
  const res = await api<Report>(server, 'GET', `/api/reports?${query}`, { cookie });
  expect(res.status).toBe(200);
  return res.body;
};

describe('the reports', () => {
  it('count volume by channel and by hour of the week, per centre', async () => {
    const r = await report();
    expect(r.volume.total).toBe(4);
    expect(r.volume.byChannel).toEqual([
      { channel: 'chat', count: 2 },
      { channel: 'email', count: 2 },
    ]);
    expect(r.volume.byHourOfWeek).toEqual([
      { weekday: 2, hour: 10, centre: 'uk', count: 1 },
      { weekday: 2, hour: 20, centre: 'us', count: 1 },
      { weekday: 3, hour: 9, centre: 'uk', count: 1 },
      { weekday: 4, hour: 15, centre: 'uk', count: 1 },
    ]);
  });

  it('give first response and resolution in business minutes (median, 90th percentile)', async () => {
    const r = await report();
    // First responses 10, 30, 120: median 30, p90 (nearest rank 3 of 3) 120.
    expect(r.firstResponse).toEqual({ count: 3, median: 30, p90: 120 });
    // Resolutions 120, 210: median (rank 1 of 2) 120, p90 (rank 2) 210.
    expect(r.resolution).toEqual({ count: 2, median: 120, p90: 210 });
  });

  it('give SLA attainment per priority and centre, and breaches per day', async () => {
    const r = await report();
    expect(r.sla.attainment).toEqual([
      { priority: 'high', centre: 'uk', firstResponseMet: 0, firstResponseMissed: 2, resolutionMet: 1, resolutionMissed: 1 },
      { priority: 'low', centre: 'uk', firstResponseMet: 1, firstResponseMissed: 0, resolutionMet: 0, resolutionMissed: 0 },
      { priority: 'medium', centre: 'us', firstResponseMet: 1, firstResponseMissed: 0, resolutionMet: 0, resolutionMissed: 1 },
    ]);
    expect(r.sla.breachesByDay).toEqual([
      { day: '2026-01-13', count: 1 },
      { day: '2026-01-15', count: 2 },
    ]);
  });

  it('give the backlog open now by age and priority', async () => {
    const r = await report();
    expect(r.backlog.filter((b) => b.count > 0)).toEqual([
      { age: 'under_1d', priority: 'high', count: 1 },
      { age: '1_3d', priority: 'low', count: 1 },
      { age: 'over_7d', priority: 'medium', count: 1 },
    ]);
    expect(r.backlog).toHaveLength(12);
  });

  it('give Kai’s chats answered without a person, handoff rate and reasons, answers with sources', async () => {
    const r = await report();
    expect(r.kai).toEqual({
      conversations: 5,
      answeredWithoutPerson: 2,
      handedOff: 2,
      handoffRate: 0.4,
      handoffReasons: [
        { reason: 'button', count: 1 },
        { reason: 'no_answer', count: 1 },
      ],
      answers: 5,
      answersWithSources: 2,
    });
  });

  it('give CSAT average, distribution and comments', async () => {
    const r = await report();
    expect(r.csat).toEqual({
      responses: 3,
      average: 3.67,
      distribution: [
        { rating: 1, count: 0 },
        { rating: 2, count: 1 },
        { rating: 3, count: 0 },
        { rating: 4, count: 1 },
        { rating: 5, count: 1 },
      ],
      comments: [
        { ticketNumber: t3Number, rating: 4, comment: 'ok', createdAt: '2026-01-14T10:00:00Z' },
        { ticketNumber: t1Number, rating: 5, comment: 'Quick and kind', createdAt: '2026-01-13T13:00:00Z' },
      ],
    });
  });

  it('give replies, solves and median first response per agent', async () => {
    const r = await report();
    expect(r.agents).toEqual([
      // Alex: 3 public replies (the note does not count), solved T1; assigned T1 (30) and T2 (120): median 30.
      { agentId: alex, name: 'Alex', replies: 3, solves: 1, medianFirstResponse: 30 },
      // Bea: 1 reply, solved T2; assigned T3 (10).
      { agentId: bea, name: 'Bea', replies: 1, solves: 1, medianFirstResponse: 10 },
    ]);
  });

  it('filter by channel, priority, centre and agent', async () => {
    const email = await report(`${RANGE}&channel=email`);
    expect(email.volume.total).toBe(2);
    expect(email.firstResponse).toEqual({ count: 1, median: 120, p90: 120 });
    expect((await report(`${RANGE}&priority=high&centre=uk`)).volume.total).toBe(2);
    const byBea = await report(`${RANGE}&agentId=${bea}`);
    expect(byBea.volume.total).toBe(1);
    expect(byBea.agents).toEqual([{ agentId: bea, name: 'Bea', replies: 1, solves: 1, medianFirstResponse: 10 }]);
    expect((await report(`${RANGE}&siteId=nope`)).volume.total).toBe(0);
  });

  it('export the same figures as CSV', async () => {
    const res = await fetch(`${server.url}/api/reports.csv?${RANGE}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="frontdesk-report-2026-01-12-2026-01-16.csv"');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('section,item,measure,value');
    expect(lines).toContain('first_response,all,median_business_minutes,30');
    expect(lines).toContain('sla_attainment,high-uk,first_response_missed,2');
    expect(lines).toContain('csat,all,average,3.67');
    expect(lines).toContain('agent,Bea,solves,1');
  });

  it('are for signed-in agents only, and refuse a bad range', async () => {
    expect((await api(server, 'GET', `/api/reports?${RANGE}`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/reports.csv?${RANGE}`)).status).toBe(401);
    const bad = await api<{ error: { code: string; message: string } }>(server, 'GET', '/api/reports?from=2026-02-01&to=2026-01-01', { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect((await api(server, 'GET', '/api/reports?from=yesterday&to=2026-01-01', { cookie })).status).toBe(400);
  });
});
