/**
 * The settings area's people and credentials: inviting an agent by email (a one-time link to set a password),
 * resets, deactivation (sessions, tokens and sockets end), centres, identity secrets listed without the secret,
 * API tokens, and the audit log of all of it and of every sign-in, with filters and never a secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../shared/admin';
import { api, connectDesk, signIn, startServer, widgetSession, type TestServer } from './harness';
import { recipientOf, startSmtpSink, type SmtpSink } from './smtp-sink';

type ErrorBody = { error: { code: string; message: string } };
type AgentView = { id: string; email: string; role: string; active: boolean; invited: boolean; centres: string[] };

let sink: SmtpSink;
let server: TestServer;
let admin: string;

async function login(email: string, password: string) {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return { status: res.status, cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

const tokenIn = (text: string) => /set-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';
const audit = (query: string) => api<{ entries: AuditEntryView[] }>(server, 'GET', `/api/audit${query}`, { cookie: admin });

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startServer({ sweepIntervalMs: 0, outboxIntervalMs: 100, env: { SMTP_URL: sink.url } });
  admin = await signIn(server);
});
afterAll(async () => {
  await server.close();
  await sink.close();
});

describe('agents', () => {
  it('invites by email; the one-time link sets the password; the agent then signs in', async () => {
    const invited = await api<AgentView>(server, 'POST', '/api/agents', { cookie: admin, body: { email: 'Nina@Example.com', name: 'Nina', role: 'agent', centres: ['uk'] } });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: 'nina@example.com', invited: true, centres: ['uk'] });
    const mail = await sink.waitFor((m) => recipientOf(m) === 'nina@example.com');
    expect(mail.subject).toMatch(/invited/);
    const token = tokenIn(mail.text ?? '');
    expect(token.length).toBeGreaterThan(20);

    const list = await api<{ agents: AgentView[] }>(server, 'GET', '/api/agents', { cookie: admin });
    expect(list.body.agents.find((a) => a.email === 'nina@example.com')?.invited).toBe(true);

    const weak = await api<ErrorBody>(server, 'POST', '/api/auth/links/accept', { body: { token, password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toMatch(/at least 10/);
    expect((await api(server, 'POST', '/api/auth/links/accept', { body: { token, password: 'nina-password-1' } })).status).toBe(204);
    const again = await api<ErrorBody>(server, 'POST', '/api/auth/links/accept', { body: { token, password: 'nina-password-2' } });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/used up or expired/);
    expect((await login('nina@example.com', 'nina-password-1')).status).toBe(200);
    const after = await api<{ agents: AgentView[] }>(server, 'GET', '/api/agents', { cookie: admin });
    expect(after.body.agents.find((a) => a.email === 'nina@example.com')?.invited).toBe(false);
  });

  it('sends a reset link that sets a new password and ends the old sessions', async () => {
    const nina = (await api<{ agents: AgentView[] }>(server, 'GET', '/api/agents', { cookie: admin })).body.agents.find((a) => a.email === 'nina@example.com')!;
    const old = await login('nina@example.com', 'nina-password-1');
    const sent = await api(server, 'POST', `/api/agents/${nina.id}/password-reset`, { cookie: admin });
    expect(sent.status).toBe(202);
    const mail = await sink.waitFor((m) => recipientOf(m) === 'nina@example.com' && /new password/.test(m.subject ?? ''));
    expect((await api(server, 'POST', '/api/auth/links/accept', { body: { token: tokenIn(mail.text ?? ''), password: 'nina-password-new' } })).status).toBe(204);
    expect((await api(server, 'GET', '/api/auth/me', { cookie: old.cookie })).status).toBe(401);
    expect((await login('nina@example.com', 'nina-password-1')).status).toBe(401);
    expect((await login('nina@example.com', 'nina-password-new')).status).toBe(200);
  });

  it('changes role and centres, and deactivation ends sessions, tokens and desk sockets at once', async () => {
    const nina = (await api<{ agents: AgentView[] }>(server, 'GET', '/api/agents', { cookie: admin })).body.agents.find((a) => a.email === 'nina@example.com')!;
    const changed = await api<AgentView>(server, 'PATCH', `/api/agents/${nina.id}`, { cookie: admin, body: { centres: ['uk', 'us'], role: 'admin' } });
    expect(changed.body).toMatchObject({ centres: ['uk', 'us'], role: 'admin' });
    expect((await api<ErrorBody>(server, 'PATCH', `/api/agents/${nina.id}`, { cookie: admin, body: { centres: ['mars'] } })).status).toBe(400);

    const session = await login('nina@example.com', 'nina-password-new');
    const token = await api<{ token: string }>(server, 'POST', '/api/auth/tokens', { cookie: session.cookie, body: { name: 'ci' } });
    const socket = await connectDesk(server, session.cookie);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect((await api(server, 'PATCH', `/api/agents/${nina.id}`, { cookie: admin, body: { active: false } })).status).toBe(200);
    expect(await gone).toBeTruthy();
    expect((await api(server, 'GET', '/api/auth/me', { cookie: session.cookie })).status).toBe(401);
    expect((await api(server, 'GET', '/api/tickets', { bearer: token.body.token })).status).toBe(401);
    expect((await login('nina@example.com', 'nina-password-new')).status).toBe(401);
    const reset = await api<ErrorBody>(server, 'POST', `/api/agents/${nina.id}/password-reset`, { cookie: admin });
    expect(reset.status).toBe(409);

    const lines = await audit(`?target=${nina.id}`);
    expect(lines.body.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['agent.invited', 'agent.invitation_accepted', 'agent.password_reset_sent', 'auth.password_reset', 'agent.updated', 'agent.deactivated']));
    expect(lines.body.entries.find((e) => e.action === 'agent.updated')?.changes).toMatchObject({ role: { from: 'agent', to: 'admin' }, centres: { from: ['uk'], to: ['uk', 'us'] } });
  });

  it('keeps agent administration to admins', async () => {
    await api(server, 'POST', '/api/agents', { cookie: admin, body: { email: 'lee@example.com', name: 'Lee', password: 'lee-password-12' } });
    const lee = await login('lee@example.com', 'lee-password-12');
    expect((await api(server, 'POST', '/api/agents', { cookie: lee.cookie, body: { email: 'x@example.com', name: 'X' } })).status).toBe(403);
    const me = (await api<{ id: string }>(server, 'GET', '/api/auth/me', { cookie: lee.cookie })).body;
    expect((await api(server, 'PATCH', `/api/agents/${me.id}`, { cookie: lee.cookie, body: { role: 'admin' } })).status).toBe(403);
    expect((await api(server, 'POST', `/api/agents/${me.id}/password-reset`, { cookie: lee.cookie })).status).toBe(403);
    expect((await api(server, 'GET', '/api/sites/demo/identity-secrets', { cookie: lee.cookie })).status).toBe(403);
    expect((await api(server, 'POST', '/api/agents', { body: { email: 'x@example.com', name: 'X' } })).status).toBe(401);
    const dup = await api<ErrorBody>(server, 'POST', '/api/agents', { cookie: admin, body: { email: 'lee@example.com', name: 'Lee' } });
    expect(dup.status).toBe(409);
  });
});

describe('identity secrets', () => {
  it('lists secrets without the secret, counts verified visitors of the last day, and audits create and revoke', async () => {
    const created = await api<{ id: string; secret: string }>(server, 'POST', '/api/sites/demo/identity-secrets', { cookie: admin, body: { kind: 'user_hash' } });
    expect(created.status).toBe(201);
    const { createHmac } = await import('node:crypto');
    const userHash = createHmac('sha256', created.body.secret).update('user-7').digest('hex');
    await widgetSession(server, { user: { id: 'user-7', token: userHash } });
    const list = await api<{ secrets: Record<string, unknown>[]; verifiedLastDay: number; lastChange: AuditEntryView }>(server, 'GET', '/api/sites/demo/identity-secrets', { cookie: admin });
    expect(list.body.secrets).toEqual([{ id: created.body.id, kind: 'user_hash', createdAt: expect.any(String) }]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect(list.body.verifiedLastDay).toBe(1);
    expect(list.body.lastChange.action).toBe('identity_secret.created');
    expect((await api(server, 'DELETE', `/api/sites/demo/identity-secrets/${created.body.id}`, { cookie: admin })).status).toBe(204);
    const lines = await audit('?action=identity_secret.');
    expect(lines.body.entries.map((e) => e.action)).toEqual(['identity_secret.revoked', 'identity_secret.created']);
    expect(JSON.stringify(lines.body)).not.toContain(created.body.secret);
  });
});

describe('API tokens and sign-ins in the audit log', () => {
  it('records token changes and sign-ins with the address, never the secret or password', async () => {
    const token = await api<{ id: string; token: string }>(server, 'POST', '/api/auth/tokens', { cookie: admin, body: { name: 'zapier', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } });
    expect(token.status).toBe(201);
    const listed = await api<{ tokens: { id: string; lastUsedAt: string | null }[] }>(server, 'GET', '/api/auth/tokens', { bearer: token.body.token });
    expect(listed.body.tokens.find((t) => t.id === token.body.id)?.lastUsedAt).not.toBeNull();
    expect((await api(server, 'DELETE', `/api/auth/tokens/${token.body.id}`, { cookie: admin })).status).toBe(204);
    expect((await login('admin@example.com', 'wrong-password-x')).status).toBe(401);

    const all = await audit('?limit=500');
    const text = JSON.stringify(all.body);
    expect(text).not.toContain(token.body.token);
    expect(text).not.toContain('wrong-password-x');
    expect(text).not.toContain('nina-password');
    const failed = (await audit('?action=auth.login_failed')).body.entries[0]!;
    expect(failed).toMatchObject({ actor: { id: null, label: 'admin@example.com' }, ip: '127.0.0.1' });
    expect((await audit('?action=auth.login&actor=admin@example.com')).body.entries.length).toBeGreaterThan(0);
    expect((await audit(`?target=${token.body.id}`)).body.entries.map((e) => e.action)).toEqual(['token.revoked', 'token.created']);
    expect((await audit('?target=token')).body.entries.length).toBeGreaterThanOrEqual(3);
  });

  it('filters by time and refuses bad filters', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await audit(`?from=${encodeURIComponent(future)}`)).body.entries).toEqual([]);
    expect((await audit(`?to=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).body.entries).toEqual([]);
    const bad = await api<ErrorBody>(server, 'GET', '/api/audit?from=yesterday', { cookie: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/from/);
    expect((await api(server, 'GET', '/api/audit?limit=100000', { cookie: admin })).status).toBe(400);
  });
});
