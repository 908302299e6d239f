import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

/** A POST with no User-Agent header at all (node:http sends none), as some proxies and embedded browsers do. */
function postWithoutUserAgent(path: string, body: unknown): Promise<number> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(data);
  });
}

describe('messenger session', () => {
  it('starts for a browser that tells nothing of itself (no User-Agent, page or attributes)', async () => {
    expect(await postWithoutUserAgent('/api/widget/session', { siteKey: 'demo', origin: 'http://localhost:8080', timeZone: 'Europe/London' })).toBe(200);
  });
});
