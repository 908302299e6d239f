/**
 * Finding 2 of the security review, reproduced: a visitor verified for their own user id claims another
 * customer's email. Only what a valid signed JWT carries is verified; a claimed email is stored apart and never
 * matches anyone's requests (`/api/me`, Kai's lookup, the portal), nor becomes a ticket's requester.
 */
import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../shared/protocol';
import type { CustomerIdentity, CustomerRequest } from '../../shared/self-service';
import { ownedTickets, portalOwner, visitorOwner } from '../src/sites/ownership';
import { api, clientId, connectVisitor, nextEvent, signIn, startServer, widgetSession, type TestServer } from './harness';

let server: TestServer;
let cookie: string;
let victimTicket: TicketDetail;
const VICTIM = 'victim@example.com';

const createSecret = async (kind: 'jwt' | 'user_hash') => {
  const res = await api<{ id: string; secret: string; kind: string }>(server, 'POST', '/api/sites/demo/identity-secrets', { cookie, body: { kind } });
  expect(res.status).toBe(201);
  return res.body;
};
const jwtFor = (sub: string, claims: Record<string, unknown>, key: { id: string; secret: string }) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: key.id }).setSubject(sub).setExpirationTime('10m').sign(new TextEncoder().encode(key.secret));
/** A self-service call with the messenger's visitor token. */
async function me<T>(path: string, token: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Visitor ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

beforeAll(async () => {
  server = await startServer({ sweepIntervalMs: 0 });
  cookie = await signIn(server);
  const res = await api<TicketDetail>(server, 'POST', '/api/tickets', {
    cookie,
    body: { subject: 'Invoice dispute', description: 'Private billing details', channel: 'phone', requester: { name: 'Vic Tim', email: VICTIM }, urgency: 'low', impact: 'low' },
  });
  victimTicket = res.body;
});
afterAll(async () => server.close());

describe('a verified user id does not cover an email passed beside it', () => {
  it('HMAC user hash for the attacker’s own id + the victim’s email: no access to the victim’s requests', async () => {
    const hashKey = await createSecret('user_hash');
    const token = createHmac('sha256', hashKey.secret).update('attacker-1').digest('hex');
    const attacker = await widgetSession(server, { user: { id: 'attacker-1', email: VICTIM, token } });

    expect((await me<CustomerIdentity>('/api/me', attacker.token)).body).toEqual({ kind: 'visitor', email: VICTIM, verified: false });
    expect((await me<{ requests: CustomerRequest[] }>('/api/me/requests', attacker.token)).body.requests).toEqual([]);
    expect((await me(`/api/me/requests/${victimTicket.id}`, attacker.token)).status).toBe(404);
    expect((await me(`/api/me/requests/${victimTicket.id}/messages`, attacker.token, 'POST', { body: 'attacker text' })).status).toBe(404);
    expect((await me(`/api/me/requests/${victimTicket.id}`, attacker.token, 'DELETE')).status).toBe(404);

    // Kai's "my requests" lookup uses the same rule.
    const row = await server.app.db.selectFrom('visitors').selectAll().where('id', '=', attacker.visitorId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: null, claimed_email: VICTIM, verified: 1 });
    expect(await ownedTickets(server.app.db, visitorOwner(row)).execute()).toEqual([]);
  });

  it('a JWT for the attacker’s own id without an email claim, and the victim’s email outside it: still nothing', async () => {
    const jwtKey = await createSecret('jwt');
    const token = await jwtFor('attacker-2', {}, jwtKey);
    const attacker = await widgetSession(server, { user: { id: 'attacker-2', email: VICTIM, token } });
    expect((await me<{ requests: CustomerRequest[] }>('/api/me/requests', attacker.token)).body.requests).toEqual([]);
  });

  it('an unverified widget email never becomes the requester, so the attacker’s chat stays out of the victim’s portal', async () => {
    const attacker = await widgetSession(server, { user: { id: 'attacker-3', email: VICTIM } });
    const socket = await connectVisitor(server, attacker.token);
    try {
      const answered = nextEvent(socket, 'message:created', (m: { author: { kind: string } }) => m.author.kind === 'ai');
      await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'Please refund my last invoice' });
      await answered;
      const state = await socket.timeout(5000).emitWithAck('conversation:escalate', {});
      if (!state.ok) throw new Error(state.error.message);
      const ticketId = state.data.ticket!.id;
      const detail = (await api<TicketDetail>(server, 'GET', `/api/tickets/${ticketId}`, { cookie })).body;
      expect(detail.requester.email).toBeNull();
      // The agent still sees what the visitor said, marked as unproven.
      expect(detail.handoff).toMatchObject({ identity: 'unverified', claimedEmail: VICTIM });
      const site = await server.app.db.selectFrom('sites').select('id').where('key', '=', 'demo').executeTakeFirstOrThrow();
      const victimSees = (await ownedTickets(server.app.db, portalOwner(site.id, VICTIM)).execute()).map((t) => t.id);
      expect(victimSees).toEqual([victimTicket.id]);
    } finally {
      socket.disconnect();
    }
  });
});

describe('verified identities and secret rotation', () => {
  it('an email inside a valid JWT is verified (any case) and matches; a deleted secret stops verifying at once', async () => {
    const first = await createSecret('jwt');
    const second = await createSecret('jwt');
    expect(first.secret).not.toBe(second.secret);
    const viaFirst = await widgetSession(server, { user: { id: 'victim-7', token: await jwtFor('victim-7', { email: 'Victim@Example.com' }, first) } });
    expect((await me<CustomerIdentity>('/api/me', viaFirst.token)).body).toEqual({ kind: 'visitor', email: VICTIM, verified: true });
    expect((await me<{ requests: CustomerRequest[] }>('/api/me/requests', viaFirst.token)).body.requests.map((r) => r.id)).toEqual([victimTicket.id]);

    // Rotation: the new secret works alongside the old; once the old one is deleted its tokens are refused.
    const viaSecond = await widgetSession(server, { user: { id: 'victim-7', token: await jwtFor('victim-7', { email: VICTIM }, second) } });
    expect((await me<{ requests: CustomerRequest[] }>('/api/me/requests', viaSecond.token)).body.requests).toHaveLength(1);
    expect((await api(server, 'DELETE', `/api/sites/demo/identity-secrets/${first.id}`, { cookie })).status).toBe(204);
    // What the deleted secret proved no longer counts, even for a token issued before.
    expect((await me<{ requests: CustomerRequest[] }>('/api/me/requests', viaFirst.token)).body.requests).toEqual([]);
    expect((await api(server, 'DELETE', `/api/sites/demo/identity-secrets/${first.id}`, { cookie })).status).toBe(404);
    const stale = await widgetSession(server, { token: viaFirst.token, user: { id: 'victim-7', token: await jwtFor('victim-7', { email: VICTIM }, first) } });
    expect((await me<CustomerIdentity>('/api/me', stale.token)).body.verified).toBe(false);
    expect((await me<{ requests: CustomerRequest[] }>('/api/me/requests', stale.token)).body.requests).toEqual([]);
  });

  it('a token left in the browser by a verified user does not carry their identity to the next visitor', async () => {
    const key = await createSecret('jwt');
    const signedIn = await widgetSession(server, { user: { id: 'victim-8', token: await jwtFor('victim-8', { email: VICTIM }, key) } });
    const nextPerson = await widgetSession(server, { token: signedIn.token });
    expect(nextPerson.visitorId).not.toBe(signedIn.visitorId);
    expect((await me<{ requests: CustomerRequest[] }>('/api/me/requests', nextPerson.token)).body.requests).toEqual([]);
  });

  it('only admins manage identity secrets', async () => {
    await api(server, 'POST', '/api/agents', { cookie, body: { email: 'plain-agent@example.com', name: 'Plain', password: 'plain-agent-pass', role: 'agent' } });
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'plain-agent@example.com', password: 'plain-agent-pass' }) });
    const agentCookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect((await api(server, 'POST', '/api/sites/demo/identity-secrets', { cookie: agentCookie, body: {} })).status).toBe(403);
    expect((await api(server, 'POST', '/api/sites/nope/identity-secrets', { cookie, body: {} })).status).toBe(404);
  });
});
