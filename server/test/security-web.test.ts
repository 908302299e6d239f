/**
 * Findings 3 (DNS rebinding), 4 (cross-origin sockets and CSRF), 7 (visitor tokens), 8 (resource limits) and 9
 * (headers) of the security review, reproduced against a real server with real sockets and raw HTTP.
 */
import { request as httpRequest } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectVisitor, signIn, startServer, widgetSession, type TestServer, type VisitorSocket } from './harness';

/** A raw request, so Host, Origin and Sec-Fetch-Site are exactly what an attacker's browser would send. */
function raw(server: TestServer, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

function socketFrom(server: TestServer, nsp: '/desk' | '/visitor', opts: { origin?: string; cookie?: string; token?: string }): Promise<Socket> {
  const headers: Record<string, string> = {};
  if (opts.origin) headers['origin'] = opts.origin;
  if (opts.cookie) headers['cookie'] = opts.cookie;
  const socket = connect(`${server.url}${nsp}`, { extraHeaders: headers, auth: opts.token ? { token: opts.token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err: Error) => {
      socket.close();
      reject(err);
    });
  });
}

let clockOffsetMs = 0;
let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startServer({ sweepIntervalMs: 0, requestTimeoutMs: 500, now: () => new Date(Date.now() + clockOffsetMs) });
  cookie = await signIn(server);
});
afterAll(async () => server.close());
const port = () => new URL(server.url).port;
const otherLocalOrigin = () => `http://localhost:${Number(port()) + 1}`;

describe('Host allowlist (DNS rebinding)', () => {
  it('a page on a rebound name reaches a loopback install only to be refused with 421', async () => {
    const res = await raw(server, { path: '/api/auth/me', headers: { host: `rebind.attacker.example:${port()}`, cookie } });
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'misdirected_request' } });
    expect((await raw(server, { path: '/', headers: { host: `rebind.attacker.example:${port()}` } })).status).toBe(421);
  });

  it('loopback names of a loopback install, and health probes by any name, are answered', async () => {
    expect((await raw(server, { path: '/api/auth/me', headers: { host: `localhost:${port()}`, cookie } })).status).toBe(200);
    expect((await raw(server, { path: '/api/auth/me', headers: { host: `[::1]:${port()}`, cookie } })).status).toBe(200);
    expect((await raw(server, { path: '/healthz', headers: { host: '10.1.2.3:3000' } })).status).toBe(200);
  });

  it('a public install answers only PUBLIC_URL’s host (and ALLOWED_HOSTS), and sends HSTS', async () => {
    const pub = await startServer({ sweepIntervalMs: 0, env: { PUBLIC_URL: 'https://support.example.com', ALLOWED_HOSTS: 'frontdesk.internal' } });
    try {
      expect((await raw(pub, { path: '/api/widget/sites/demo', headers: { host: `127.0.0.1:${new URL(pub.url).port}` } })).status).toBe(421);
      const ok = await raw(pub, { path: '/api/widget/sites/demo', headers: { host: 'support.example.com' } });
      expect(ok.status).toBe(200);
      expect(ok.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect((await raw(pub, { path: '/api/widget/sites/demo', headers: { host: 'frontdesk.internal:8080' } })).status).toBe(200);
    } finally {
      await pub.close();
    }
  });
});

describe('Origin checks on sockets', () => {
  it('another local port’s page cannot open /desk with the agent’s cookie; the desk’s own origin can', async () => {
    await expect(socketFrom(server, '/desk', { origin: otherLocalOrigin(), cookie })).rejects.toThrow(/forbidden/);
    await expect(socketFrom(server, '/desk', { origin: 'https://sibling.example.com', cookie })).rejects.toThrow(/forbidden/);
    const own = await socketFrom(server, '/desk', { origin: server.url, cookie });
    own.disconnect();
  });

  it('/visitor takes only the messenger iframe’s origin (PUBLIC_URL’s)', async () => {
    const { token } = await widgetSession(server);
    await expect(socketFrom(server, '/visitor', { origin: otherLocalOrigin(), token })).rejects.toThrow(/forbidden/);
    const own = await socketFrom(server, '/visitor', { origin: server.url, token });
    own.disconnect();
  });
});

describe('cross-site requests with cookies (CSRF)', () => {
  it('refuses sign-out, sign-in and state changes from another origin, and keeps the session', async () => {
    const json = { 'content-type': 'application/json' };
    const logout = await raw(server, { method: 'POST', path: '/api/auth/logout', headers: { origin: otherLocalOrigin(), cookie } });
    expect(logout.status).toBe(403);
    expect(JSON.parse(logout.body)).toMatchObject({ error: { code: 'forbidden' } });
    expect((await api(server, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    const create = await raw(server, { method: 'POST', path: '/api/tickets', headers: { ...json, 'sec-fetch-site': 'cross-site', cookie }, body: '{}' });
    expect(create.status).toBe(403);
    const loginCsrf = await raw(server, { method: 'POST', path: '/api/auth/login', headers: { ...json, origin: 'https://attacker.example' }, body: '{"email":"a@b.c","password":"x"}' });
    expect(loginCsrf.status).toBe(403);
  });

  it('portal sign-in and sign-out are no longer CSRF-able; from the portal’s own page they work', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const signInFromAttacker = await raw(server, { method: 'POST', path: '/portal/verify', headers: { ...form, origin: 'https://attacker.example' }, body: 'token=whatever' });
    expect(signInFromAttacker.status).toBe(403);
    const signOutFromAttacker = await raw(server, { method: 'POST', path: '/api/portal/logout', headers: { origin: 'null', cookie: 'fd_customer=x' } });
    expect(signOutFromAttacker.status).toBe(403);
    const ownPage = await raw(server, { method: 'POST', path: '/portal/verify', headers: { ...form, origin: server.url }, body: 'token=unknown' });
    expect(ownPage.status).toBe(400); // reached the route: an unknown link's page
  });
});

describe('security headers', () => {
  it('the demo page and help pages carry a strict CSP with a nonce for their one inline script, and cannot be framed', async () => {
    for (const path of ['/', '/help/reset-password']) {
      const res = await raw(server, { path });
      expect(res.status).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, csp).toBeTruthy();
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self' 'nonce-");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const inline = [...res.body.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
      expect(inline.length).toBeGreaterThan(0);
      for (const m of inline) expect(m[1]).toContain(`nonce="${nonce}"`);
    }
    expect((await raw(server, { path: '/' })).headers['content-security-policy']).not.toBe((await raw(server, { path: '/' })).headers['content-security-policy']);
  });

  it('every other answer has the baseline headers; the messenger is framed by CSP frame-ancestors, not refused by X-Frame-Options', async () => {
    const apiAnswer = await raw(server, { path: '/api/hours' });
    expect(apiAnswer.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'strict-origin-when-cross-origin' });
    expect(apiAnswer.headers['content-security-policy']).toContain("default-src 'none'");
    expect(apiAnswer.headers['strict-transport-security']).toBeUndefined();
    const notFound = await raw(server, { path: '/nope' });
    expect(notFound.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw(server, { path: '/messenger?site=demo' })).headers['x-frame-options']).toBeUndefined();
  });
});

describe('visitor tokens expire and rotate', () => {
  it('an expired token opens no socket and no self-service, and resumes nothing', async () => {
    const first = await widgetSession(server);
    expect(first.token.split('.')).toHaveLength(3);
    expect(Date.parse(first.tokenExpiresAt!)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    clockOffsetMs = 1000;
    const rotated = await widgetSession(server, { token: first.token });
    expect(rotated.visitorId).toBe(first.visitorId);
    expect(rotated.token).not.toBe(first.token);
    clockOffsetMs = 31 * 86_400_000;
    try {
      await expect(connectVisitor(server, first.token)).rejects.toThrow(/unauthorized/);
      expect((await fetch(`${server.url}/api/me`, { headers: { authorization: `Visitor ${first.token}` } })).status).toBe(401);
      expect((await widgetSession(server, { token: first.token })).visitorId).not.toBe(first.visitorId);
    } finally {
      clockOffsetMs = 0;
    }
  });
});

describe('resource limits', () => {
  it('bounds the sockets one visitor token may hold open', async () => {
    const { token } = await widgetSession(server);
    const open: VisitorSocket[] = [];
    try {
      for (let i = 0; i < 10; i++) open.push(await connectVisitor(server, token));
      await expect(connectVisitor(server, token)).rejects.toThrow(/too many/);
      // Closed by the server, whose own disconnect handler frees the slot before the client hears of it.
      const last = open.pop()!;
      const gone = new Promise((resolve) => last.once('disconnect', resolve));
      server.app.io.of('/visitor').sockets.get(last.id!)?.disconnect(true);
      await gone;
      open.push(await connectVisitor(server, token));
    } finally {
      for (const s of open) s.disconnect();
    }
  });

  it('rate-limits conversation:sync (each answer can be megabytes)', async () => {
    const { token } = await widgetSession(server);
    const socket = await connectVisitor(server, token);
    try {
      const answers = await Promise.all(Array.from({ length: 40 }, () => socket.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 0 })));
      const refused = answers.filter((a) => !a.ok && a.error.code === 'rate_limited');
      expect(answers.filter((a) => a.ok).length).toBe(20);
      expect(refused.length).toBe(20);
    } finally {
      socket.disconnect();
    }
  });

  it('a slow body cannot hold a connection: the request times out', async () => {
    const url = new URL(server.url);
    const closed = await new Promise<string>((resolve) => {
      const sock = tcpConnect(Number(url.port), url.hostname, () => {
        sock.write(`POST /api/auth/login HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":`);
      });
      let answer = '';
      sock.on('data', (c: Buffer) => (answer += c.toString()));
      sock.on('close', () => resolve(answer));
    });
    expect(closed).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('the OpenAPI document', () => {
  it('lists the credential and identity routes', async () => {
    const doc = await api<{ paths: Record<string, Record<string, unknown>> }>(server, 'GET', '/api/openapi.json');
    expect(Object.keys(doc.body.paths['/api/auth/tokens']!)).toEqual(['get', 'post']);
    for (const path of ['/api/auth/password', '/api/auth/tokens/{id}', '/api/agents/{id}', '/api/sites/{key}/identity-secrets', '/api/sites/{key}/identity-secrets/{id}']) {
      expect(doc.body.paths[path], path).toBeDefined();
    }
  });
});
