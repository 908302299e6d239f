import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicSiteSettings, WidgetSession } from '../../../shared/protocol';
import { memoryStore, storageKeys } from '../storage';
import { FakeIoSocket } from '../test-support/fake-socket';
import { ConnectionModel, type VisitorClientSocket } from './connection';

const SITE: PublicSiteSettings = { key: 'demo', name: 'Acme', agentName: 'Kai', color: '#0f766e', greeting: 'Hi!', position: 'right', language: 'en' };
const keys = storageKeys('demo');

type Reply = { status: number; body: unknown } | 'network';

function setup(replies: Reply[], initial: Record<string, string> = {}, language = 'en-GB') {
  const store = memoryStore(initial);
  const requests: Record<string, unknown>[] = [];
  const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
    requests.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    const reply = replies.shift() ?? { status: 500, body: null };
    if (reply === 'network') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
  });
  const sockets: FakeIoSocket[] = [];
  const onSocket = vi.fn();
  const onNewVisitor = vi.fn();
  const model = new ConnectionModel({
    siteKey: 'demo',
    origin: 'https://shop.example',
    timeZone: 'Europe/London',
    language,
    store,
    keys,
    fetch: fetch as unknown as typeof globalThis.fetch,
    openSocket: (token) => {
      const socket = new FakeIoSocket(token);
      sockets.push(socket);
      // The fake has the socket.io methods ConnectionModel uses (on, connect, disconnect, active, connected).
      return socket as unknown as VisitorClientSocket;
    },
    onSocket,
    onNewVisitor,
  });
  return { model, store, fetch, requests, sockets, onSocket, onNewVisitor };
}

const session = (token: string, visitorId = 'v1'): Reply => ({ status: 200, body: { token, visitorId, site: SITE, availability: { openNow: true, text: 'Our team is online.' } } satisfies WidgetSession });

afterEach(() => {
  vi.useRealTimers();
});

describe('ConnectionModel', () => {
  it('posts the session, keeps the token, and opens the socket with it', async () => {
    const { model, store, fetch, requests, sockets, onSocket } = setup([session('tok-1')], { [keys.token]: 'tok-0' });
    await model.session(undefined);
    expect(fetch).toHaveBeenCalledWith('/api/widget/session', expect.objectContaining({ method: 'POST' }));
    expect(requests[0]).toEqual({ siteKey: 'demo', token: 'tok-0', origin: 'https://shop.example', timeZone: 'Europe/London', language: 'en-GB' });
    expect(store.get(keys.token)).toBe('tok-1');
    expect(model.site.value).toEqual(SITE);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]?.token()).toBe('tok-1');
    expect(onSocket).toHaveBeenCalledTimes(1);
    expect(model.status.value).toBe('connecting');
    sockets[0]?.connect();
    expect(model.status.value).toBe('connected');
    sockets[0]?.drop();
    expect(model.status.value).toBe('reconnecting');
  });

  it('keeps the availability the session answered, and forgets it with the visitor', async () => {
    const offline = { openNow: false, text: 'Our team is offline right now. Our UK team opens at Mon 19 Jan, 09:00 your time.' };
    const { model } = setup([{ status: 200, body: { token: 'tok-1', visitorId: 'v1', site: SITE, availability: offline } }, { status: 200, body: { token: 'tok-2', visitorId: 'v1', site: SITE } }]);
    expect(model.availability.value).toBeNull();
    await model.session(undefined);
    expect(model.availability.value).toEqual(offline);
    // A server that sends none (older, or a malformed answer) shows none rather than a stale one.
    await model.session(undefined);
    expect(model.availability.value).toBeNull();
    model.forget();
    expect(model.availability.value).toBeNull();
  });

  it('leaves out a language tag longer than the server accepts, rather than have the session refused', async () => {
    const { model, requests } = setup([session('tok-1')], {}, `x-${'a'.repeat(40)}`);
    await model.session(undefined);
    expect(requests[0]).not.toHaveProperty('language');
    expect(model.site.value).toEqual(SITE);
  });

  it('starts over as a new visitor when the stored token is refused', async () => {
    const { model, store, requests } = setup(
      [{ status: 401, body: { error: { code: 'unauthorized', message: 'bad token' } } }, session('tok-new')],
      { [keys.token]: 'expired' },
    );
    await model.session(undefined);
    expect(requests.map((r) => r['token'])).toEqual(['expired', undefined]);
    expect(store.get(keys.token)).toBe('tok-new');
  });

  it('reports a refusal (origin not allowed) and opens no socket', async () => {
    const { model, sockets } = setup([{ status: 403, body: { error: { code: 'forbidden', message: 'The origin https://shop.example may not embed this messenger' } } }]);
    await model.session(undefined);
    expect(model.status.value).toBe('failed');
    expect(model.error.value).toBe('The origin https://shop.example may not embed this messenger');
    expect(sockets).toHaveLength(0);
  });

  it('retries after network trouble', async () => {
    vi.useFakeTimers();
    const { model, fetch, sockets } = setup(['network', { status: 503, body: null }, session('tok-1')]);
    const done = model.session(undefined);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(sockets).toHaveLength(1);
  });

  it('sends the identity, remembers whose conversation it is, and keeps the socket for the same visitor', async () => {
    const { model, store, requests, sockets, onNewVisitor } = setup([session('tok-1'), session('tok-2')]);
    await model.session(undefined);
    sockets[0]?.connect();
    const user = { id: 'u1', email: 'ada@example.com', name: 'Ada' };
    await model.session(user);
    expect(requests[1]).toMatchObject({ token: 'tok-1', user });
    expect(store.get(keys.user)).toBe('u1');
    expect(sockets[0]?.token()).toBe('tok-2');
    expect(sockets[0]?.connected).toBe(true);
    expect(onNewVisitor).not.toHaveBeenCalled();
    expect(model.canContinueAs(user)).toBe(true);
    expect(model.canContinueAs({ id: 'u2' })).toBe(false);
    expect(model.canContinueAs(undefined)).toBe(false);
  });

  it('lets an anonymous conversation continue once the visitor signs in', () => {
    const { model } = setup([]);
    expect(model.canContinueAs(undefined)).toBe(true);
    expect(model.canContinueAs({ id: 'u1' })).toBe(true);
  });

  it('makes a new session when the server refuses the socket handshake', async () => {
    vi.useFakeTimers();
    const { model, sockets, requests, onNewVisitor } = setup([session('tok-1', 'v1'), session('tok-2', 'v2')]);
    await model.session(undefined);
    const socket = sockets[0]!;
    socket.active = false;
    socket.fireAny('connect_error', new Error('unauthorized'));
    expect(model.status.value).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toHaveLength(2);
    expect(onNewVisitor).toHaveBeenCalledTimes(1);
    expect(socket.token()).toBe('tok-2');
    expect(socket.connected).toBe(true);
  });

  it('forget() disconnects and removes the stored token', async () => {
    const { model, store, sockets } = setup([session('tok-1')]);
    await model.session({ id: 'u1' });
    sockets[0]?.connect();
    model.forget();
    expect(sockets[0]?.connected).toBe(false);
    expect(store.get(keys.token)).toBeNull();
    expect(store.get(keys.user)).toBeNull();
    expect(model.status.value).toBe('idle');
  });
});
