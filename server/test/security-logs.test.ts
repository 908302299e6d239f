/**
 * Finding 9 of the security review: personal data in logs. At `info`, a day of ordinary traffic that carries
 * emails and subjects in bodies, query strings and errors leaves none of them in the log.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, startServer, widgetSession, type TestServer } from './harness';

let server: TestServer;
let logs = '';
beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => (logs += c.toString()));
  server = await startServer({ sweepIntervalMs: 0, logStream: stream, env: { LOG_LEVEL: 'info' } });
});
afterAll(async () => server.close());

describe('logs at info', () => {
  it('carry no email address, subject or search words', async () => {
    const cookie = await signIn(server);
    await api(server, 'POST', '/api/tickets', {
      cookie,
      body: { subject: 'Secret merger plans', description: 'x', channel: 'phone', requester: { name: 'Private Person', email: 'private.person@example.com' } },
    });
    await api(server, 'GET', '/api/tickets?q=private.person%40example.com', { cookie });
    await api(server, 'POST', '/api/tickets', { cookie, body: { subject: 'Secret merger plans', requester: { email: 'not-an-email' } } });
    await widgetSession(server, { user: { id: 'u1', email: 'private.person@example.com', name: 'Private Person' } });
    await api(server, 'POST', '/api/portal/login-link', { body: { email: 'private.person@example.com' } });
    await api(server, 'POST', '/api/auth/login', { body: { email: 'private.person@example.com', password: 'wrong' } });
    expect(logs).toContain('"msg":"request completed"');
    expect(logs).not.toMatch(/private\.person|private%2Eperson|Private Person|Secret merger/i);
  });
});
