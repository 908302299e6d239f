/**
 * The team queue (README, The queue): filters and keyset paging of `GET /api/tickets`, search (numbers, words of
 * subjects and messages, names and emails; never a withdrawn request's erased text; query syntax is only text),
 * tags, bulk actions, saved views with live counts pushed to the desks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetail, TicketSummary } from '../../shared/protocol';
import type { BulkChangeResult, QueueCounts, SavedView, ViewsResponse } from '../../shared/queue';
import { withdrawTicket } from '../src/tickets/withdraw-ticket';
import { inTransaction } from '../src/work';
import { api, connectDesk, nextEvent, signIn, startServer, type TestServer } from './harness';

let server: TestServer;
let admin: string;
let sam: string;
let samId: string;

type Page = { tickets: TicketSummary[]; nextCursor?: string; matches?: Record<string, string> };

beforeAll(async () => {
  server = await startServer({ sweepIntervalMs: 0 });
  admin = await signIn(server);
  const added = await api<{ id: string }>(server, 'POST', '/api/agents', { cookie: admin, body: { email: 'sam@example.com', name: 'Sam Agent', password: 'a-long-password', role: 'agent' } });
  samId = added.body.id;
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sam@example.com', password: 'a-long-password' }) });
  sam = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
});
afterAll(async () => server.close());

async function create(body: Record<string, unknown> = {}): Promise<TicketDetail> {
  const res = await api<TicketDetail>(server, 'POST', '/api/tickets', {
    cookie: admin,
    body: { subject: 'A question', description: 'Some words', channel: 'api', urgency: 'medium', impact: 'medium', category: 'general', requester: { name: 'Ada Lovelace', email: 'ada@example.com' }, ...body },
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

const list = async (query: string, cookie = admin) => {
  const res = await api<Page>(server, 'GET', `/api/tickets?${query}`, { cookie });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body;
};
const ids = (page: Page) => page.tickets.map((t) => t.id);

describe('search', () => {
  it('finds a ticket by a word of a message body, and says which words matched', async () => {
    const t = await create({ subject: 'Login trouble' });
    await api(server, 'POST', `/api/tickets/${t.id}/messages`, { cookie: admin, body: { body: 'Please clear the flux capacitor cache and retry.' } });
    const found = await list('q=capacitor');
    expect(ids(found)).toEqual([t.id]);
    expect(found.matches?.[t.id]).toContain('flux capacitor cache');
    // Prefixes and several words (all must match), any case.
    expect(ids(await list('q=FLUX%20capac'))).toEqual([t.id]);
    expect(ids(await list('q=flux%20nowhere'))).toEqual([]);
  });

  it('finds a ticket by its number, with or without #', async () => {
    const t = await create({ subject: 'Numbered' });
    expect(ids(await list(`q=${encodeURIComponent(`#${t.number}`)}`))).toContain(t.id);
    expect(ids(await list(`q=${t.number}`))).toContain(t.id);
  });

  it('finds a ticket by the requester’s email or name, and by subject words', async () => {
    const t = await create({ subject: 'Invoice copy needed', requester: { name: 'Grace Hopper', email: 'grace.hopper@navy.example' } });
    expect(ids(await list('q=grace.hopper%40navy.example'))).toEqual([t.id]);
    expect(ids(await list('q=hopper'))).toEqual([t.id]);
    expect(ids(await list('q=invoice'))).toEqual([t.id]);
  });

  it('treats query syntax as text: quotes, operators and stars are a clear answer, never a 500', async () => {
    for (const q of ['"', 'a"b', 'NEAR(a b)', 'foo*', 'AND OR NOT', '-x', "'; DROP TABLE tickets; --", '(((', 'a:b', '^', '\\']) {
      const res = await api<Page>(server, 'GET', `/api/tickets?q=${encodeURIComponent(q)}`, { cookie: admin });
      expect(res.status, q).toBe(200);
    }
    const tooLong = await api<{ error: { code: string } }>(server, 'GET', `/api/tickets?q=${'x'.repeat(201)}`, { cookie: admin });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('validation_failed');
  });

  it('never finds a withdrawn request by its erased words', async () => {
    const t = await create({ subject: 'Zanzibar holiday refund', description: 'My passport number is QX77812', requester: { name: 'Mallory Erased', email: 'mallory@erase.example' } });
    await api(server, 'POST', `/api/tickets/${t.id}/messages`, { cookie: admin, body: { body: 'We refunded the xylophone order.' } });
    for (const q of ['zanzibar', 'QX77812', 'mallory', 'xylophone']) expect(ids(await list(`q=${q}`)), q).toEqual([t.id]);
    const ctx = server.app.frontdesk;
    await inTransaction(ctx, (work) => withdrawTicket(ctx, work, t.id));
    for (const q of ['zanzibar', 'QX77812', 'mallory', 'mallory%40erase.example', 'xylophone']) expect(ids(await list(`q=${q}`)), q).toEqual([]);
    // Still found by its number, which is kept.
    expect(ids(await list(`q=${t.number}`))).toEqual([t.id]);
  });
});

describe('tags', () => {
  it('adds and removes tags, audited and announced, and filters by them', async () => {
    const t = await create({ subject: 'Tag me' });
    const desk = await connectDesk(server, admin);
    const announced = nextEvent<TicketSummary>(desk, 'ticket:updated', (s) => s.id === t.id && s.tags.includes('billing'));
    const added = await api<TicketDetail>(server, 'POST', `/api/tickets/${t.id}/tags`, { cookie: sam, body: { tag: ' Billing ' } });
    expect(added.status).toBe(200);
    expect(added.body.tags).toEqual(['billing']);
    expect((await announced).tags).toEqual(['billing']);
    desk.disconnect();
    await api(server, 'POST', `/api/tickets/${t.id}/tags`, { cookie: sam, body: { tag: 'vip' } });
    expect(ids(await list('tag=billing'))).toEqual([t.id]);
    expect(ids(await list('tag=billing,vip'))).toEqual([t.id]);
    const removed = await api<TicketDetail>(server, 'DELETE', `/api/tickets/${t.id}/tags/billing`, { cookie: sam });
    expect(removed.body.tags).toEqual(['vip']);
    expect(ids(await list('tag=billing'))).toEqual([]);
    expect(removed.body.events.filter((e) => e.type.startsWith('tag_')).map((e) => [e.type, e.from ?? e.to, e.actor.name])).toEqual([
      ['tag_added', 'billing', 'Sam Agent'],
      ['tag_added', 'vip', 'Sam Agent'],
      ['tag_removed', 'billing', 'Sam Agent'],
    ]);
  });

  it('refuses a malformed tag and a missing ticket clearly', async () => {
    const t = await create();
    const bad = await api<{ error: { code: string } }>(server, 'POST', `/api/tickets/${t.id}/tags`, { cookie: admin, body: { tag: '<b>x</b>' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect((await api(server, 'POST', '/api/tickets/nope/tags', { cookie: admin, body: { tag: 'x' } })).status).toBe(404);
  });
});

describe('bulk actions', () => {
  it('assigns, tags and changes status of a selection, each ticket through the single-ticket rules', async () => {
    const a = await create({ subject: 'Bulk a' });
    const b = await create({ subject: 'Bulk b' });
    const res = await api<BulkChangeResult>(server, 'POST', '/api/tickets/bulk', { cookie: sam, body: { ticketIds: [a.id, b.id, 'missing'], changes: { assigneeId: samId, addTags: ['outage'], status: 'open' } } });
    expect(res.status).toBe(200);
    expect(res.body.changed.map((t) => [t.id, t.assigneeId, t.tags, t.status])).toEqual([
      [a.id, samId, ['outage'], 'open'],
      [b.id, samId, ['outage'], 'open'],
    ]);
    expect(res.body.failed).toEqual([{ ticketId: 'missing', code: 'not_found', message: 'No such ticket' }]);
    const detail = await api<TicketDetail>(server, 'GET', `/api/tickets/${a.id}`, { cookie: admin });
    expect(detail.body.events.map((e) => e.type)).toEqual(expect.arrayContaining(['assigned', 'tag_added', 'status_changed']));
    expect(ids(await list('assignee=me&tag=outage', sam))).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it('refuses an empty change or selection', async () => {
    expect((await api(server, 'POST', '/api/tickets/bulk', { cookie: admin, body: { ticketIds: [], changes: { status: 'open' } } })).status).toBe(400);
    expect((await api(server, 'POST', '/api/tickets/bulk', { cookie: admin, body: { ticketIds: ['x'], changes: {} } })).status).toBe(400);
  });
});

describe('paging', () => {
  it('pages with a cursor that stays stable when tickets are added', async () => {
    for (let i = 0; i < 5; i++) await create({ subject: `Paged ${i}`, category: 'paging' });
    const first = await list('limit=3&status=new');
    expect(first.nextCursor).toBeTruthy();
    const arrived = await create({ subject: 'Arrived meanwhile' });
    const second = await list(`limit=200&status=new&cursor=${first.nextCursor}`);
    const all = await list('limit=200&status=new');
    // No repeats, nothing skipped, and the pages together are the queue's order. The ticket that arrived shows on
    // the second page unless it sorts before the cursor (same deadline, smaller id): then it is on page one's span.
    expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
    const without = (list: string[]) => list.filter((id) => id !== arrived.id);
    expect(without([...ids(first), ...ids(second)])).toEqual(without(ids(all)));
    expect(ids(all)).toContain(arrived.id);
    expect((await api(server, 'GET', '/api/tickets?cursor=garbage', { cookie: admin })).status).toBe(400);
  });
});

describe('views', () => {
  it('lists the built-in views with counts, and saved personal and shared views', async () => {
    const t = await create({ subject: 'Unassigned one' });
    const views = await api<ViewsResponse>(server, 'GET', '/api/views', { cookie: sam });
    expect(views.body.builtIn.map((v) => v.id)).toEqual(['mine', 'unassigned', 'centre-uk', 'centre-us', 'breaching', 'open', 'pending', 'solved']);
    expect(views.body.builtIn.find((v) => v.id === 'unassigned')!.count).toBeGreaterThan(0);

    const personal = await api<SavedView>(server, 'POST', '/api/views', { cookie: sam, body: { name: 'My outages', filters: { tag: ['outage'], assignee: 'me' } } });
    expect(personal.status).toBe(201);
    expect(personal.body).toMatchObject({ shared: false, ownerId: samId });
    const shared = await api<SavedView>(server, 'POST', '/api/views', { cookie: sam, body: { name: 'API channel', shared: true, filters: { channel: ['api'] } } });
    expect(shared.body.shared).toBe(true);
    // The admin sees the shared view but not Sam's personal one, and cannot touch it.
    const adminViews = await api<ViewsResponse>(server, 'GET', '/api/views', { cookie: admin });
    expect(adminViews.body.saved.map((v) => v.name)).toContain('API channel');
    expect(adminViews.body.saved.map((v) => v.name)).not.toContain('My outages');
    expect((await api(server, 'PATCH', `/api/views/${personal.body.id}`, { cookie: admin, body: { name: 'Mine now' } })).status).toBe(404);
    expect((await api(server, 'DELETE', `/api/views/${personal.body.id}`, { cookie: admin })).status).toBe(404);
    // A shared view is changed by its maker or an admin.
    expect((await api(server, 'PATCH', `/api/views/${shared.body.id}`, { cookie: admin, body: { name: 'API tickets' } })).status).toBe(200);
    const samViews = await api<ViewsResponse>(server, 'GET', '/api/views', { cookie: sam });
    expect(samViews.body.saved.find((v) => v.id === shared.body.id)).toMatchObject({ name: 'API tickets' });
    expect(samViews.body.saved.find((v) => v.id === shared.body.id)!.count).toBeGreaterThan(0);
    expect((await api(server, 'DELETE', `/api/views/${personal.body.id}`, { cookie: sam })).status).toBe(204);
    // Bad filters are a clear 400.
    const bad = await api<{ error: { code: string } }>(server, 'POST', '/api/views', { cookie: sam, body: { name: 'x', filters: { status: ['nope'] } } });
    expect(bad.status).toBe(400);
    expect((await api(server, 'POST', '/api/views', { cookie: sam, body: { name: 'x', filters: { sql: 'x' } } })).status).toBe(400);
    expect(t.id).toBeTruthy();
  });

  it('a saved view may search: its count and the queue it asks for hold the tickets its words find', async () => {
    const found = await create({ subject: 'Zebra crossing refund' });
    await create({ subject: 'Something unrelated' });
    const view = await api<SavedView>(server, 'POST', '/api/views', { cookie: sam, body: { name: 'Zebras', filters: { q: 'zebra', status: ['new', 'open'] } } });
    expect(view.status).toBe(201);
    expect(view.body.filters).toEqual({ q: 'zebra', status: ['new', 'open'] });
    const views = await api<ViewsResponse>(server, 'GET', '/api/views', { cookie: sam });
    expect(views.body.saved.find((v) => v.id === view.body.id)!.count).toBe(1);
    expect(ids(await list('q=zebra&status=new,open', sam))).toEqual([found.id]);
    expect((await api(server, 'POST', '/api/views', { cookie: sam, body: { name: 'Empty words', filters: { q: '   ' } } })).status).toBe(400);
    expect((await api(server, 'POST', '/api/views', { cookie: sam, body: { name: 'Too long', filters: { q: 'x'.repeat(201) } } })).status).toBe(400);
    expect((await api(server, 'DELETE', `/api/views/${view.body.id}`, { cookie: sam })).status).toBe(204);
  });

  it('pushes the counts to the desks after a change, without being asked', async () => {
    const desk = await connectDesk(server, sam);
    const before = (await api<ViewsResponse>(server, 'GET', '/api/views', { cookie: sam })).body.builtIn.find((v) => v.id === 'mine')!.count;
    const t = await create({ subject: 'For Sam' });
    const pushed = nextEvent<QueueCounts>(desk, 'queue:counts', (c) => (c.byAssignee[samId] ?? 0) === before + 1);
    await api(server, 'PATCH', `/api/tickets/${t.id}`, { cookie: admin, body: { assigneeId: samId } });
    const counts = await pushed;
    expect(counts.builtIn['unassigned']).toBeGreaterThanOrEqual(0);
    desk.disconnect();
  });

  it('is in the OpenAPI document', async () => {
    const doc = await api<{ paths: Record<string, unknown> }>(server, 'GET', '/api/openapi.json');
    for (const path of ['/api/views', '/api/views/{id}', '/api/tickets/bulk', '/api/tickets/{id}/tags', '/api/tickets/{id}/tags/{tag}']) expect(doc.body.paths[path], path).toBeDefined();
  });

  it('needs a signed-in agent', async () => {
    expect((await api(server, 'GET', '/api/views')).status).toBe(401);
    expect((await api(server, 'POST', '/api/tickets/bulk', { body: { ticketIds: ['x'], changes: { status: 'open' } } })).status).toBe(401);
  });
});

describe('filters', () => {
  it('filters by site, deadline window and assignee', async () => {
    const t = await create({ subject: 'Filter me', urgency: 'high', impact: 'high' });
    expect(ids(await list('site=demo&limit=200'))).toContain(t.id);
    expect(ids(await list('site=nosuchsite'))).toEqual([]);
    expect(ids(await list('assignee=none&limit=200'))).toContain(t.id);
    const due = await list('dueWithin=10080&limit=200');
    expect(due.tickets.every((s) => s.nextDueAt !== null)).toBe(true);
  });
});
