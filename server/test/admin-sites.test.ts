/**
 * The settings area's sites: CRUD with allowed origins (exact, one-level wildcards, any-port), the look and the
 * settings sections, who may do it, and a change reaching the messenger (CSP and sessions) at once on every node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView, SiteView } from '../../shared/admin';
import { api, signIn, startServer, tempDbPath, type TestServer } from './harness';

type ErrorBody = { error: { code: string; message: string } };

let server: TestServer;
let admin: string;
let agentCookie: string;

async function loginAs(s: TestServer, email: string, password: string): Promise<string> {
  const res = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const session = (s: TestServer, siteKey: string, origin: string) => api<ErrorBody>(s, 'POST', '/api/widget/session', { body: { siteKey, origin } });

beforeAll(async () => {
  server = await startServer({ sweepIntervalMs: 0 });
  admin = await signIn(server);
  const created = await api(server, 'POST', '/api/agents', { cookie: admin, body: { email: 'sam@example.com', name: 'Sam Agent', password: 'sam-password-123', role: 'agent' } });
  expect(created.status).toBe(201);
  agentCookie = await loginAs(server, 'sam@example.com', 'sam-password-123');
});
afterAll(async () => server.close());

describe('sites REST', () => {
  it('is for admins only: 401 signed out, 403 for an agent', async () => {
    expect((await api(server, 'GET', '/api/sites')).status).toBe(401);
    for (const [method, path] of [['GET', '/api/sites'], ['POST', '/api/sites'], ['GET', '/api/sites/demo'], ['PATCH', '/api/sites/demo'], ['DELETE', '/api/sites/demo'], ['GET', '/api/audit'], ['GET', '/api/sites/demo/identity-secrets']] as const) {
      const res = await api<ErrorBody>(server, method, path, { cookie: agentCookie, body: method === 'GET' || method === 'DELETE' ? undefined : { name: 'x' } });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('creates a site, lists and reads it, and refuses a duplicate key', async () => {
    const created = await api<SiteView>(server, 'POST', '/api/sites', { cookie: admin, body: { key: 'shop', name: 'Acme Shop', allowedOrigins: ['https://shop.example.com', 'https://*.acme.test'] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'shop', name: 'Acme Shop', allowedOrigins: ['https://shop.example.com', 'https://*.acme.test'], appearance: { position: 'right' } });
    expect(created.body.lastChange).toMatchObject({ action: 'site.created', actor: { label: expect.stringContaining('admin@example.com') } });
    const list = await api<{ sites: SiteView[] }>(server, 'GET', '/api/sites', { cookie: admin });
    expect(list.body.sites.map((s) => s.key)).toEqual(['demo', 'shop']);
    expect((await api<SiteView>(server, 'GET', '/api/sites/shop', { cookie: admin })).body.name).toBe('Acme Shop');
    expect((await api(server, 'GET', '/api/sites/nope', { cookie: admin })).status).toBe(404);
    const dup = await api<ErrorBody>(server, 'POST', '/api/sites', { cookie: admin, body: { key: 'shop', name: 'Again' } });
    expect(dup.status).toBe(409);
    const generated = await api<SiteView>(server, 'POST', '/api/sites', { cookie: admin, body: { name: 'Blue Café', allowedOrigins: [] } });
    expect(generated.body.key).toMatch(/^blue-cafe-[0-9a-f]{4}$/);
  });

  it('refuses bad input with a message naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ name: '' }, /name/],
      [{ name: 'X', allowedOrigins: ['shop.example.com'] }, /allowedOrigins\.0: shop\.example\.com is not an origin/],
      [{ name: 'X', allowedOrigins: ['https://*.com'] }, /wildcard needs a domain/],
      [{ name: 'X', key: 'Bad Key!' }, /key: 2 to 40 lowercase/],
      [{ name: 'X', extra: 1 }, /extra|Unrecognized/i],
    ];
    for (const [body, message] of cases) {
      const res = await api<ErrorBody>(server, 'POST', '/api/sites', { cookie: admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    const patches: [unknown, RegExp][] = [
      [{ appearance: { color: 'red' } }, /color: a colour is #rrggbb/],
      [{ appearance: { position: 'top' } }, /position/],
      [{ appearance: { greeting: '' } }, /greeting/],
      [{ assignment: { maxOpenChats: 0 } }, /assignment\.maxOpenChats/],
      [{ attachments: { maxBytes: 'lots' } }, /attachments\.maxBytes/],
      [{ attachments: { maxBytes: 60 * 1024 * 1024 } }, /attachments\.maxBytes: the largest file is at most 50 MB/],
      [{ attachments: { types: ['image/png', 'pictures'] } }, /attachments\.types\.1: each type is a media type/],
      [{ reach: { mailUnseenAfterMinutes: 2000 } }, /reach\.mailUnseenAfterMinutes: at most 1440 minutes/],
      [{ handoffRules: { vipEmails: ['not-an-email'] } }, /handoffRules\.vipEmails\.0: each VIP is an email address/],
      [{ allowedOrigins: ["https://x.com 'unsafe-inline'"] }, /not an origin/],
    ];
    for (const [body, message] of patches) {
      const res = await api<ErrorBody>(server, 'PATCH', '/api/sites/shop', { cookie: admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('edits the look and sections; the launcher and the audit log show it', async () => {
    const res = await api<SiteView>(server, 'PATCH', '/api/sites/shop', {
      cookie: admin,
      body: { name: 'Acme', language: 'de', appearance: { color: '#ff5500', position: 'left', greeting: 'Hallo!', agentName: 'Ada' }, handoffRules: { categories: ['billing'] }, csat: { enabled: false } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Acme', language: 'de', appearance: { color: '#ff5500', position: 'left', greeting: 'Hallo!', agentName: 'Ada' }, csat: { enabled: false } });
    expect(res.body.handoffRules).toMatchObject({ categories: ['billing'], vipEmails: [] });
    const look = await api<Record<string, unknown>>(server, 'GET', '/api/widget/sites/shop');
    expect(look.body).toMatchObject({ color: '#ff5500', position: 'left', greeting: 'Hallo!', agentName: 'Ada', language: 'de' });
    expect(res.body.lastChange?.action).toBe('site.updated');
    expect(res.body.lastChange?.changes).toMatchObject({ color: { to: '#ff5500' }, csat: { from: { enabled: true }, to: { enabled: false } } });
  });

  it('lets an allowed origin embed the messenger and refuses a removed one at once, on every node', async () => {
    expect((await session(server, 'shop', 'https://shop.example.com')).status).toBe(200);
    expect((await session(server, 'shop', 'https://a.acme.test')).status).toBe(200);
    expect((await session(server, 'shop', 'https://acme.test')).status).toBe(403);
    expect((await session(server, 'shop', 'https://a.b.acme.test')).status).toBe(403);
    const csp = (await fetch(`${server.url}/messenger?site=shop`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors https://shop.example.com https://*.acme.test');

    await api(server, 'PATCH', '/api/sites/shop', { cookie: admin, body: { allowedOrigins: ['https://new.example.com'] } });
    const refused = await session(server, 'shop', 'https://shop.example.com');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('https://shop.example.com');
    expect((await session(server, 'shop', 'https://new.example.com')).status).toBe(200);
    const after = (await fetch(`${server.url}/messenger?site=shop`)).headers.get('content-security-policy') ?? '';
    expect(after).toMatch(/frame-ancestors https:\/\/new\.example\.com$/);
  });

  it('records where the messenger was last seen', async () => {
    const view = await api<SiteView>(server, 'GET', '/api/sites/shop', { cookie: admin });
    expect(view.body.seen.map((s) => s.origin).sort()).toEqual(['https://a.acme.test', 'https://new.example.com', 'https://shop.example.com']);
    expect(view.body.seen.every((s) => !Number.isNaN(Date.parse(s.lastSeenAt)))).toBe(true);
  });

  it('deletes a site without history, refuses one with tickets, and never the last', async () => {
    const spare = await api<SiteView>(server, 'POST', '/api/sites', { cookie: admin, body: { key: 'spare', name: 'Spare' } });
    expect(spare.status).toBe(201);
    expect((await api(server, 'DELETE', '/api/sites/spare', { cookie: admin })).status).toBe(204);
    expect((await api(server, 'GET', '/api/sites/spare', { cookie: admin })).status).toBe(404);

    const ticket = await api(server, 'POST', '/api/tickets', { cookie: admin, body: { site: 'shop', subject: 'Hi', description: 'Help', channel: 'api', urgency: 'low', impact: 'low' } });
    expect(ticket.status).toBe(201);
    const refused = await api<ErrorBody>(server, 'DELETE', '/api/sites/shop', { cookie: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/1 tickets.*its tickets stay in the queue.*remove its allowed origins/);

    const audit = await api<{ entries: AuditEntryView[] }>(server, 'GET', '/api/audit?action=site.deleted', { cookie: admin });
    expect(audit.body.entries).toHaveLength(1);
  });
});

describe('two nodes on one database', () => {
  const db = tempDbPath();
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startServer({ dbPath: db.path, sweepIntervalMs: 0 });
    b = await startServer({ dbPath: db.path, sweepIntervalMs: 0 });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    db.cleanup();
  });

  it('a site made on one node embeds, and is refused after removal, on the other', async () => {
    const cookie = await signIn(a);
    await api(a, 'POST', '/api/sites', { cookie, body: { key: 'multi', name: 'Multi', allowedOrigins: ['https://m.example.com'] } });
    expect((await session(b, 'multi', 'https://m.example.com')).status).toBe(200);
    await api(a, 'PATCH', '/api/sites/multi', { cookie, body: { allowedOrigins: [] } });
    expect((await session(b, 'multi', 'https://m.example.com')).status).toBe(403);
    expect((await fetch(`${b.url}/messenger?site=multi`)).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await api(b, 'DELETE', '/api/sites/multi', { cookie: await signIn(b) })).status).toBe(204);
    const last = await api<ErrorBody>(a, 'DELETE', '/api/sites/demo', { cookie });
    expect(last.status).toBe(409);
    expect(last.body.error.message).toMatch(/last site/);
  });
});
