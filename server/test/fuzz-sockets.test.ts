/**
 * Every socket event of /visitor and /desk fed generated payloads (fast-check): every command is acknowledged
 * with the closed union and a catalogued error code, signals without an ack never break the socket, an oversized
 * frame only closes that one socket, and the server keeps serving throughout.
 */
import fc from 'fast-check';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { signIn, startServer, widgetSession, type TestServer } from './harness';
import { payload } from './fuzz-payloads';

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startServer({ sweepIntervalMs: 0 });
  cookie = await signIn(server);
});
afterAll(async () => server.close());

/** An untyped client: the fuzzer sends what the typed contract forbids. */
function open(nsp: '/visitor' | '/desk', auth: Record<string, string>, headers: Record<string, string> = {}): Promise<Socket> {
  const socket = connect(`${server.url}${nsp}`, { auth, extraHeaders: headers, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** What socket.io's client can encode (its binary scan recurses) within the server's 64 KB frame limit; deeper goes raw below. */
const fits = (v: unknown) => (JSON.stringify(v) ?? '').length < 60_000 && depthOf(v) < 500;

function depthOf(v: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[v, 0]];
  while (stack.length) {
    const [cur, depth] = stack.pop()!;
    max = Math.max(max, depth);
    if (cur && typeof cur === 'object') for (const child of Object.values(cur)) stack.push([child, depth + 1]);
  }
  return max;
}

function expectAck(ack: unknown, what: string): void {
  const a = ack as { ok?: unknown; error?: { code?: string } };
  expect(typeof a === 'object' && a !== null && typeof a.ok === 'boolean', `${what}: ${JSON.stringify(ack)?.slice(0, 200)}`).toBe(true);
  if (a.ok === false) expect(ERROR_CODES as readonly string[], what).toContain(a.error?.code);
}

async function fuzzNamespace(socket: Socket, commands: string[], signals: string[], alive: () => Promise<unknown>): Promise<void> {
  const event = fc.constantFrom(...commands, ...signals, 'no:such-event', '__proto__', 'constructor');
  await fc.assert(
    fc.asyncProperty(event, payload.filter(fits), fc.array(payload.filter(fits), { maxLength: 2 }), async (name, first, rest) => {
      if (commands.includes(name)) {
        expectAck(await socket.timeout(5000).emitWithAck(name, first, ...rest), name);
      } else {
        socket.emit(name, first, ...rest);
        await alive();
      }
      expect(socket.connected).toBe(true);
    }),
    { numRuns: 150, endOnFailure: true },
  );
}

describe('fuzzing socket events', () => {
  it('/visitor: every command acked from the catalogue; signals and unknown events harmless', { timeout: 60_000 }, async () => {
    const { token } = await widgetSession(server);
    const socket = await open('/visitor', { token });
    try {
      // A command with a generated payload is the liveness probe: any answer means the handler loop is alive.
      const alive = () => socket.timeout(5000).emitWithAck('conversation:escalate', 'probe');
      await fuzzNamespace(socket, ['message:send', 'conversation:sync', 'conversation:escalate'], ['typing:set'], alive);
    } finally {
      socket.disconnect();
    }
  });

  it('/desk: every command acked from the catalogue; signals and unknown events harmless', { timeout: 60_000 }, async () => {
    const socket = await open('/desk', {}, { cookie });
    try {
      const alive = () => socket.timeout(5000).emitWithAck('ticket:watch', {});
      await fuzzNamespace(socket, ['ticket:watch'], ['ticket:unwatch', 'typing:set'], alive);
    } finally {
      socket.disconnect();
    }
  });

  it('handshakes with generated auth are refused cleanly; an oversized frame closes only its own socket', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(payload.filter(fits), async (token) => {
        await expect(open('/visitor', { token: token as string })).rejects.toThrow();
      }),
      { numRuns: 40 },
    );
    const { token } = await widgetSession(server);
    // Raw frames the client library would never write: 10,000 levels deep, and not JSON at all. Each is
    // either answered or ends its own socket; the next socket is served as before.
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const frame of [`421/visitor,["message:send",${deep}]`, `42/visitor,["typing:set",${deep}]`, `420/visitor,["conversation:sync",{"afterSeq":`]) {
      const raw = await open('/visitor', { token });
      const outcome = new Promise((resolve) => {
        raw.once('disconnect', () => resolve('closed'));
        raw.io.engine.once('packet', () => resolve('answered'));
      });
      raw.io.engine.send(frame);
      await outcome;
      const next = await open('/visitor', { token });
      expectAck(await next.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 0 }), `after ${frame.slice(0, 30)}`);
      next.disconnect();
      raw.disconnect();
    }
    const victim = await open('/visitor', { token });
    const bystander = await open('/visitor', { token });
    const closed = new Promise((resolve) => victim.once('disconnect', resolve));
    victim.emit('message:send', { clientId: crypto.randomUUID(), body: 'x'.repeat(200_000) });
    await closed;
    expectAck(await bystander.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 0 }), 'after oversize');
    bystander.disconnect();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
