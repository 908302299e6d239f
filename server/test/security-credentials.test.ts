/**
 * Findings 3, 6 and 7 of the security review, reproduced: no shared default password on a new database,
 * passwords that can change, agents that can be deactivated, API tokens that expire and can be listed and
 * revoked, desk sockets that end with their session, and throttles per account and per real client address.
 */
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, findAgentByEmail } from '../src/auth/agent.repository';
import { api, connectDesk, signIn, startServer, tempDbPath, type DeskSocket, type TestServer } from './harness';
import { TEST_ADMIN } from './test-admin';

const NO_ADMIN_ENV = { ADMIN_EMAIL: '', ADMIN_PASSWORD: '' };

async function login(server: TestServer, email: string, password: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) });
  return { status: res.status, cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), body: (await res.json()) as Record<string, unknown> };
}

function connectDeskWithToken(server: TestServer, token: string): Promise<DeskSocket> {
  const socket: DeskSocket = connect(`${server.url}/desk`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const disconnected = (socket: DeskSocket) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe('first run without ADMIN_EMAIL/ADMIN_PASSWORD', () => {
  const db = tempDbPath();
  afterAll(() => db.cleanup());

  it('makes an admin with a random password, printed once, that must be changed before anything else', async () => {
    const first = await startServer({ dbPath: db.path, env: NO_ADMIN_ENV, sweepIntervalMs: 0 });
    const other = await startServer({ env: NO_ADMIN_ENV, sweepIntervalMs: 0 });
    let password: string;
    try {
      const banner = first.app.frontdesk.signIn ?? '';
      const match = /^admin@example\.com \/ (\S+) /.exec(banner);
      expect(match, banner).not.toBeNull();
      password = match![1]!;
      expect(password).not.toBe('frontdesk-demo');
      expect(password.length).toBeGreaterThanOrEqual(16);
      expect(other.app.frontdesk.signIn).not.toContain(password);
      expect((await login(first, 'admin@example.com', 'frontdesk-demo')).status).toBe(401);

      const session = await login(first, 'admin@example.com', password);
      expect(session.status).toBe(200);
      expect(session.body).toMatchObject({ role: 'admin', mustChangePassword: true });
      const blocked = await api<{ error: { code: string } }>(first, 'GET', '/api/tickets', { cookie: session.cookie });
      expect(blocked.status).toBe(403);
      await expect(connectDesk(first, session.cookie)).rejects.toThrow(/new password/);

      expect((await api(first, 'POST', '/api/auth/password', { cookie: session.cookie, body: { current: 'wrong-password', next: 'a-new-long-password' } })).status).toBe(403);
      expect((await api(first, 'POST', '/api/auth/password', { cookie: session.cookie, body: { current: password, next: 'short' } })).status).toBe(400);
      expect((await api(first, 'POST', '/api/auth/password', { cookie: session.cookie, body: { current: password, next: 'a-new-long-password' } })).status).toBe(204);
      expect((await api(first, 'GET', '/api/tickets', { cookie: session.cookie })).status).toBe(200);
      expect((await login(first, 'admin@example.com', password)).status).toBe(401);
      expect((await login(first, 'admin@example.com', 'a-new-long-password')).body).toMatchObject({ mustChangePassword: false });
    } finally {
      await first.close();
      await other.close();
    }
    // The next start on the same database prints no password at all.
    const again = await startServer({ dbPath: db.path, env: NO_ADMIN_ENV, sweepIntervalMs: 0 });
    try {
      expect(again.app.frontdesk.signIn).toBe('an existing agent');
    } finally {
      await again.close();
    }
  });
});

describe('agents and their credentials', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startServer({ sweepIntervalMs: 0 });
    admin = await signIn(server);
  });
  afterAll(async () => server.close());

  async function newAgent(email: string) {
    const created = await api<{ id: string }>(server, 'POST', '/api/agents', { cookie: admin, body: { email, name: 'Temp Agent', password: 'temp-agent-password', role: 'agent' } });
    expect(created.status).toBe(201);
    const session = await login(server, email, 'temp-agent-password');
    return { id: created.body.id, cookie: session.cookie };
  }

  it('every agent changes their own password; their other sessions and sockets end, this one stays', async () => {
    const a = await newAgent('changer@example.com');
    const elsewhere = (await login(server, 'changer@example.com', 'temp-agent-password')).cookie;
    const otherSocket = await connectDesk(server, elsewhere);
    const ended = disconnected(otherSocket);
    const ownSocket = await connectDesk(server, a.cookie);
    expect((await api(server, 'POST', '/api/auth/password', { cookie: a.cookie, body: { current: 'temp-agent-password', next: 'changed-password-1' } })).status).toBe(204);
    await ended;
    expect((await api(server, 'GET', '/api/auth/me', { cookie: elsewhere })).status).toBe(401);
    expect((await api(server, 'GET', '/api/auth/me', { cookie: a.cookie })).status).toBe(200);
    expect(ownSocket.connected).toBe(true);
    ownSocket.disconnect();
    expect((await login(server, 'changer@example.com', 'changed-password-1')).status).toBe(200);
  });

  it('deactivating an agent ends their sessions, API tokens and desk sockets at once', async () => {
    const a = await newAgent('leaver@example.com');
    const token = (await api<{ token: string }>(server, 'POST', '/api/auth/tokens', { cookie: a.cookie, body: { name: 'ci' } })).body.token;
    const socket = await connectDesk(server, a.cookie);
    const ended = disconnected(socket);

    const patched = await api<{ active: boolean; name: string }>(server, 'PATCH', `/api/agents/${a.id}`, { cookie: admin, body: { active: false, name: 'Former Agent' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ active: false, name: 'Former Agent' });
    expect(await ended).toBe('io server disconnect');
    expect((await api(server, 'GET', '/api/auth/me', { cookie: a.cookie })).status).toBe(401);
    expect((await api(server, 'GET', '/api/tickets', { bearer: token })).status).toBe(401);
    expect((await login(server, 'leaver@example.com', 'temp-agent-password')).status).toBe(401);
    await expect(connectDesk(server, a.cookie)).rejects.toThrow(/unauthorized/);
  });

  it('only an admin changes agents, and not themselves out of the admin role', async () => {
    const a = await newAgent('plain@example.com');
    expect((await api(server, 'PATCH', `/api/agents/${a.id}`, { cookie: a.cookie, body: { role: 'admin' } })).status).toBe(403);
    const me = await api<{ id: string }>(server, 'GET', '/api/auth/me', { cookie: admin });
    expect((await api(server, 'PATCH', `/api/agents/${me.body.id}`, { cookie: admin, body: { active: false } })).status).toBe(409);
    expect((await api(server, 'PATCH', `/api/agents/${a.id}`, { cookie: admin, body: { active: 'no' } })).status).toBe(400);
    expect((await api(server, 'PATCH', '/api/agents/nobody', { cookie: admin, body: { name: 'X' } })).status).toBe(404);
  });

  it('API tokens are listed with their last use, expire, and are revoked (with their desk sockets)', async () => {
    const created = await api<{ id: string; token: string; name: string; expiresAt: string | null }>(server, 'POST', '/api/auth/tokens', {
      cookie: admin,
      body: { name: 'zapier', expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^fd_/);
    expect((await api(server, 'GET', '/api/tickets', { bearer: created.body.token })).status).toBe(200);
    const listed = await api<{ tokens: Array<Record<string, unknown>> }>(server, 'GET', '/api/auth/tokens', { cookie: admin });
    const row = listed.body.tokens.find((t) => t['id'] === created.body.id)!;
    expect(row).toMatchObject({ name: 'zapier', lastUsedAt: expect.any(String), expiresAt: created.body.expiresAt });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    const viaToken = await connectDeskWithToken(server, created.body.token);
    const ended = disconnected(viaToken);
    expect((await api(server, 'DELETE', `/api/auth/tokens/${created.body.id}`, { cookie: admin })).status).toBe(204);
    await ended;
    expect((await api(server, 'GET', '/api/tickets', { bearer: created.body.token })).status).toBe(401);
    expect((await api(server, 'DELETE', `/api/auth/tokens/${created.body.id}`, { cookie: admin })).status).toBe(404);

    expect((await api(server, 'POST', '/api/auth/tokens', { cookie: admin, body: { name: 'old', expiresAt: '2020-01-01T00:00:00Z' } })).status).toBe(400);
    const agent = (await findAgentByEmail(server.app.db, TEST_ADMIN.email))!;
    const expired = await createApiToken(server.app.db, { agentId: agent.id, name: 'expired', expiresAt: new Date(Date.now() - 1000).toISOString(), now: new Date() });
    expect((await api(server, 'GET', '/api/tickets', { bearer: expired.token })).status).toBe(401);
  });

  it('signing out ends that session’s desk sockets at once, and only those', async () => {
    const second = await signIn(server);
    const mine = await connectDesk(server, admin);
    const other = await connectDesk(server, second);
    const ended = disconnected(mine);
    expect((await api(server, 'POST', '/api/auth/logout', { cookie: admin })).status).toBe(204);
    expect(await ended).toBe('io server disconnect');
    expect(other.connected).toBe(true);
    other.disconnect();
    admin = second;
  });
});

describe('throttles that survive a proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ sweepIntervalMs: 0, env: { TRUST_PROXY: '127.0.0.1/8' } });
  });
  afterAll(async () => server.close());

  it('limits failed sign-ins per account, whatever address they come from', async () => {
    for (let i = 0; i < 10; i++) expect((await login(server, TEST_ADMIN.email, 'guess', { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(401);
    const locked = await login(server, TEST_ADMIN.email.toUpperCase(), TEST_ADMIN.password, { 'x-forwarded-for': '198.51.100.7' });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('with TRUST_PROXY, per-client limits key on the forwarded client address, not the proxy’s', async () => {
    const linkFrom = async (ip: string, n: number) =>
      (await fetch(`${server.url}/api/portal/login-link`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ email: `p${n}@example.com` }) })).status;
    for (let i = 0; i < 20; i++) expect(await linkFrom('192.0.2.1', i)).toBe(202);
    expect(await linkFrom('192.0.2.1', 20)).toBe(429);
    expect(await linkFrom('192.0.2.2', 21)).toBe(202);
  });
});
