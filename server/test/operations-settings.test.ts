/**
 * Operations settings: the preview ("a High ticket received now from London would go to … and be due at …")
 * agrees with the ticket really created at that moment, works on unsaved changes, refuses bad input clearly;
 * every change is audited; agents may preview but not change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, startServer, type TestServer } from './harness';

/** Tuesday 13 January 2026, 10:00 UTC: the UK centre is open, the US one (06:00 New York = 11:00 UTC) not yet. */
const NOW = new Date('2026-01-13T10:00:00.000Z');

interface Preview {
  centre: string;
  homeCentre: string;
  centreName: string;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
}

describe('operations settings', () => {
  let server: TestServer;
  let cookie: string;
  let agentCookie: string;

  beforeAll(async () => {
    server = await startServer({ now: () => NOW, sweepIntervalMs: 0, webhookIntervalMs: 0 });
    cookie = await signIn(server);
    expect((await api(server, 'POST', '/api/agents', { cookie, body: { email: 'sam@example.com', name: 'Sam Agent', password: 'a-long-password', role: 'agent' } })).status).toBe(201);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sam@example.com', password: 'a-long-password' }) });
    agentCookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  });
  afterAll(async () => server.close());

  const preview = (body: unknown, as = cookie) => api<Preview & { error?: { code: string; message: string } }>(server, 'POST', '/api/operations/preview', { cookie: as, body });

  it('previews by the rules a real ticket gets: the same centre and the same deadlines', async () => {
    const london = await preview({ priority: 'high', timeZone: 'Europe/London' });
    expect(london.status).toBe(200);
    expect(london.body).toMatchObject({ centre: 'uk', homeCentre: 'uk', centreName: 'UK centre', firstResponseDueAt: '2026-01-13T11:00:00.000Z' });
    // New York's own centre is closed at 10:00 UTC: follow the sun sends it to the UK.
    const newYork = await preview({ priority: 'low', timeZone: 'America/New_York' });
    expect(newYork.body).toMatchObject({ homeCentre: 'us', centre: 'uk' });
    for (const [p, zone] of [[london.body, 'Europe/London'], [newYork.body, 'America/New_York']] as const) {
      const urgency = p === london.body ? 'high' : 'low';
      const created = await api<{ centre: string; firstResponseDueAt: string; resolutionDueAt: string; priority: string }>(server, 'POST', '/api/tickets', {
        cookie,
        body: { subject: 'Preview check', description: 'Is the preview right?', channel: 'phone', requester: { name: 'Ada', timeZone: zone }, urgency, impact: urgency },
      });
      expect(created.status).toBe(201);
      expect({ centre: created.body.centre, firstResponseDueAt: created.body.firstResponseDueAt, resolutionDueAt: created.body.resolutionDueAt }).toEqual({ centre: p.centre, firstResponseDueAt: p.firstResponseDueAt, resolutionDueAt: p.resolutionDueAt });
    }
  });

  it('previews unsaved changes without saving them', async () => {
    const draft = await preview({ priority: 'high', timeZone: 'Europe/London', operations: { sla: { high: { firstResponse: 30, resolution: 240 }, medium: { firstResponse: 240, resolution: 1440 }, low: { firstResponse: 480, resolution: 2400 } } } });
    expect(draft.body.firstResponseDueAt).toBe('2026-01-13T10:30:00.000Z');
    expect((await preview({ priority: 'high', timeZone: 'Europe/London' })).body.firstResponseDueAt).toBe('2026-01-13T11:00:00.000Z');
  });

  it('refuses bad input with a message naming the field', async () => {
    const zone = await preview({ priority: 'high', timeZone: 'Mars/Olympus_Mons' });
    expect(zone.status).toBe(400);
    expect(zone.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('timeZone') });
    const priority = await preview({ priority: 'urgent', timeZone: 'Europe/London' });
    expect(priority.status).toBe(400);
    expect(priority.body.error!.message).toMatch(/^priority: /);
    const put = await api<{ error: { code: string; message: string } }>(server, 'PUT', '/api/operations', { cookie, body: { autoCloseDays: 0 } });
    expect(put.status).toBe(400);
    expect(put.body.error.message).toMatch(/^autoCloseDays: /);

    // Support plans and categories: what the Operations page's forms show next to their fields.
    const calendar = { id: 'acme', name: 'Acme', timeZone: 'Europe/London', periods: [{ weekday: 1, open: '09:00', close: '17:00' }], holidays: null };
    const plan = { id: 'acme', name: 'Acme', match: { domains: ['acme.example'] }, calendar };
    const refusals: [unknown, RegExp][] = [
      [{ plans: [{ ...plan, match: {} }] }, /^plans\.0\.match: say who the plan covers/],
      [{ plans: [plan, { ...plan, name: 'Again' }] }, /^plans\.1\.id: another plan has the id acme/],
      [{ plans: [{ ...plan, match: { domains: ['not a domain'] } }] }, /^plans\.0\.match\.domains\.0: each domain is a name/],
      [{ plans: [{ ...plan, calendar: { ...calendar, periods: [{ weekday: 1, open: '17:00', close: '09:00' }] } }] }, /^plans\.0\.calendar: invalid calendar: period 0: close must be after open$/],
      [{ categories: ['billing', 'billing'] }, /^categories: each category once/],
      [{ categories: [] }, /^categories: keep at least one category/],
    ];
    for (const [body, message] of refusals) {
      const res = await api<{ error: { code: string; message: string } }>(server, 'PUT', '/api/operations', { cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('audits every change with who and what changed, and lets only admins change', async () => {
    expect((await api(server, 'PUT', '/api/operations', { cookie, body: { autoCloseDays: 7 } })).status).toBe(200);
    const [entry] = await server.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'operations.updated').execute();
    expect(entry).toMatchObject({ actor_label: expect.stringContaining('<'), target_type: 'operations' });
    expect(JSON.parse(entry!.changes)).toEqual({ autoCloseDays: { from: 4, to: 7 } });
    expect((await api(server, 'PUT', '/api/operations', { cookie: agentCookie, body: { autoCloseDays: 9 } })).status).toBe(403);
    expect((await preview({ priority: 'medium', timeZone: 'Asia/Tokyo' }, agentCookie)).status).toBe(200);
    expect((await api(server, 'POST', '/api/operations/preview', { body: { priority: 'high', timeZone: 'Europe/London' } })).status).toBe(401);
  });
});
