/**
 * Every REST route fed generated payloads (fast-check), signed in as an admin and as nobody: the server never
 * answers 500, never crashes, and every error body carries a code from the catalogue (`shared/errors.ts`).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { signIn, startServer, widgetSession, type TestServer } from './harness';
import { encode, nastyString, pathSegment, payload } from './fuzz-payloads';

const routes: Array<{ method: string; url: string }> = [];
let server: TestServer;
let cookie: string;
let visitorToken: string;

beforeAll(async () => {
  server = await startServer({ sweepIntervalMs: 0, onRoute: (r) => routes.push(r) });
  cookie = await signIn(server);
  visitorToken = (await widgetSession(server)).token;
});
afterAll(async () => server.close());

/** Routes that end the fuzzer's own session are fuzzed without it (the session is the fuzzer's harness). */
const ENDS_SESSION = new Set(['/api/auth/logout', '/api/auth/password']);

function fill(url: string, segments: string[]): string {
  let i = 0;
  return url.replace(/:[A-Za-z]+|\*$/g, () => segments[i++ % segments.length]!);
}

function bodyOf(value: unknown): { body?: string; type?: string } {
  if (value === undefined) return {};
  if (typeof value === 'string' && value.length % 3 === 0) return { body: value, type: 'application/json' }; // often not JSON at all
  return { body: JSON.stringify(value), type: 'application/json' };
}

async function check(res: Response, what: string): Promise<void> {
  const text = await res.text();
  // The app pages answer 503 until `npm run build` has made their bundles (unit tests may run before it).
  if (res.status === 503 && text.includes('bundles are not built')) return;
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400 && (res.headers.get('content-type') ?? '').includes('json')) {
    const code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    expect(ERROR_CODES as readonly string[], `${what}: ${text.slice(0, 200)}`).toContain(code);
  }
}

describe('fuzzing every REST route', () => {
  it('answers every generated request with a catalogued error or success, never a 500', { timeout: 120_000 }, async () => {
    const fuzzed = routes.filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/socket.io'));
    expect(fuzzed.length).toBeGreaterThan(40);
    const auth = fc.constantFrom<'agent' | 'visitor' | 'none'>('agent', 'visitor', 'none');
    for (const route of fuzzed) {
      await fc.assert(
        fc.asyncProperty(fc.array(pathSegment, { minLength: 1, maxLength: 3 }), fc.option(nastyString), payload, auth, async (segments, query, body, who) => {
          const headers: Record<string, string> = {};
          if (who === 'agent' && !ENDS_SESSION.has(route.url)) headers['cookie'] = cookie;
          if (who === 'visitor') headers['authorization'] = `Visitor ${visitorToken}`;
          const withBody = route.method !== 'GET' && route.method !== 'DELETE' ? bodyOf(body) : {};
          if (withBody.type) headers['content-type'] = withBody.type;
          const path = fill(route.url, segments) + (query ? `?q=${encode(query.slice(0, 2000))}&site=${encode(query.slice(0, 200))}` : '');
          const res = await fetch(`${server.url}${path}`, { method: route.method, headers, body: withBody.body });
          await check(res, `${route.method} ${route.url} as ${who}`);
        }),
        { numRuns: 25, endOnFailure: true },
      );
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('what the fuzzer found', () => {
  it('NUL characters (which PostgreSQL text cannot hold) are a 400 in URLs, bodies and socket payloads alike', async () => {
    const res = await fetch(`${server.url}/api/kb/articles?q=a%00b`, { headers: { cookie } });
    expect(res.status).toBe(400);
    const post = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'a\u0000b', description: 'x', channel: 'phone', requester: { email: 'n@example.com' } }),
    });
    expect(post.status).toBe(400);
    expect(await post.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
