import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicSiteSettings } from '../../shared/protocol';
import { envelope, type LoaderMessage } from '../bridge';
import { createMessenger, readParentOrigin, type Messenger } from './messenger';
import type { VisitorClientSocket } from './models/connection';
import { memoryStore, storageKeys } from './storage';
import { FakeIoSocket, message } from './test-support/fake-socket';

const HOST = 'https://shop.example';
const SITE: PublicSiteSettings = { key: 'demo', name: 'Acme', agentName: 'Kai', color: '#0f766e', greeting: 'Hi!', position: 'right', language: 'en' };
const keys = storageKeys('demo');

/** The iframe's window as createMessenger sees it: a parent to post to, and message events. */
function fakeWindow() {
  const events = new EventTarget();
  const parent = { postMessage: vi.fn() };
  const win = {
    parent,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  };
  // createMessenger touches only parent, addEventListener and removeEventListener.
  return { win: win as unknown as Window, parent, events };
}

let messenger: Messenger | null = null;

function setup(initial: Record<string, string> = {}) {
  const { win, parent, events } = fakeWindow();
  const store = memoryStore(initial);
  const bodies: Record<string, unknown>[] = [];
  const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    return new Response(JSON.stringify({ token: `tok-${bodies.length}`, visitorId: 'v1', site: SITE }), { status: 200 });
  });
  const sockets: FakeIoSocket[] = [];
  messenger = createMessenger({
    win,
    siteKey: 'demo',
    parentOrigin: HOST,
    store,
    fetch: fetch as unknown as typeof globalThis.fetch,
    timeZone: 'America/New_York',
    bootTimeoutMs: 50,
    openSocket: (token) => {
      const socket = new FakeIoSocket(token);
      socket.handlers['conversation:sync'] = () => ({ ok: true, data: { state: { id: 'c1', mode: 'ai', ticket: null, lastSeq: 0 }, messages: [] } });
      sockets.push(socket);
      return socket as unknown as VisitorClientSocket; // the fake has the socket.io methods the models use
    },
  });
  const fromLoader = (msg: LoaderMessage, origin = HOST, source: unknown = parent) =>
    events.dispatchEvent(new MessageEvent('message', { data: envelope(msg), origin, source: source as Window }));
  const postedTypes = () => parent.postMessage.mock.calls.map((c) => (c[0] as { type: string }).type);
  return { messenger, parent, store, fetch, bodies, sockets, fromLoader, postedTypes };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  messenger?.dispose();
  messenger = null;
});

describe('readParentOrigin', () => {
  it('accepts exact http(s) origins only', () => {
    expect(readParentOrigin('https://shop.example')).toBe('https://shop.example');
    expect(readParentOrigin('http://localhost:3112')).toBe('http://localhost:3112');
    expect(readParentOrigin('https://shop.example/path')).toBeNull();
    expect(readParentOrigin('*')).toBeNull();
    expect(readParentOrigin('null')).toBeNull();
    expect(readParentOrigin('javascript:alert(1)')).toBeNull();
    expect(readParentOrigin(null)).toBeNull();
  });
});

describe('createMessenger (embedded)', () => {
  it('says ready to the parent origin only, then starts the session on boot with the user', async () => {
    const { parent, bodies, fromLoader, sockets } = setup();
    expect(parent.postMessage).toHaveBeenCalledWith({ source: 'frontdesk', type: 'ready' }, HOST);
    for (const call of parent.postMessage.mock.calls) expect(call[1]).toBe(HOST);
    fromLoader({ type: 'boot', user: { id: 'u1', name: 'Ada' } });
    await settle();
    expect(bodies).toEqual([{ siteKey: 'demo', origin: HOST, timeZone: 'America/New_York', language: 'en', user: { id: 'u1', name: 'Ada' } }]);
    expect(sockets).toHaveLength(1);
  });

  it('starts anonymously when no boot comes', async () => {
    const { bodies } = setup();
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]?.['user']).toBeUndefined();
  });

  it('ignores messages from another origin or another window', async () => {
    const { messenger: m, bodies, fromLoader } = setup();
    fromLoader({ type: 'prefill', text: 'evil' }, 'https://evil.example');
    fromLoader({ type: 'prefill', text: 'evil' }, HOST, {});
    fromLoader({ type: 'boot', user: { id: 'attacker' } }, 'https://evil.example');
    await settle();
    expect(m.conversation.draft.value).toBe('');
    expect(bodies).toHaveLength(0);
  });

  it('re-posts the session with the identity on a later boot, keeping the token', async () => {
    const { bodies, fromLoader } = setup();
    fromLoader({ type: 'boot' });
    await settle();
    fromLoader({ type: 'boot', user: { id: 'u1', email: 'ada@example.com' } });
    await settle();
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toMatchObject({ token: 'tok-1', user: { id: 'u1', email: 'ada@example.com' } });
  });

  it('sends the host page (address, title, referrer) and the boot attributes with the session, again when they change', async () => {
    const { bodies, fromLoader } = setup();
    const billing = { type: 'boot', page: '/billing', url: 'https://shop.example/billing', title: 'Billing', referrer: 'https://www.google.com/', attributes: { plan: 'pro', seats: 12 } } as const;
    fromLoader(billing);
    await settle();
    expect(bodies[0]).toMatchObject({ page: { url: 'https://shop.example/billing', title: 'Billing', referrer: 'https://www.google.com/' }, attributes: { plan: 'pro', seats: 12 } });
    // The same page again (a reloaded iframe's boot): nothing new to tell.
    fromLoader(billing);
    await settle();
    expect(bodies).toHaveLength(1);
    // `update` after the single-page app moved on: the new page goes with a new session call.
    fromLoader({ ...billing, page: '/orders', url: 'https://shop.example/orders', title: 'Orders' });
    await settle();
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toMatchObject({ token: 'tok-1', page: { url: 'https://shop.example/orders', title: 'Orders' } });
  });

  it('prefills and focuses the composer, and tracks open/close for unread', async () => {
    const { messenger: m, fromLoader, sockets, parent } = setup();
    fromLoader({ type: 'boot' });
    await settle();
    const before = m.focusRequests.value;
    fromLoader({ type: 'open' });
    expect(m.focusRequests.value).toBe(before + 1);
    fromLoader({ type: 'prefill', text: 'About my invoice' });
    expect(m.conversation.draft.value).toBe('About my invoice');
    expect(m.focusRequests.value).toBe(before + 2);

    sockets[0]?.connect();
    await settle();
    fromLoader({ type: 'close' });
    sockets[0]?.fire('message:created', message({ seq: 1, author: { kind: 'agent', name: 'Sam' } }));
    expect(parent.postMessage).toHaveBeenLastCalledWith({ source: 'frontdesk', type: 'unread', count: 1 }, HOST);
    fromLoader({ type: 'open' });
    expect(parent.postMessage).toHaveBeenLastCalledWith({ source: 'frontdesk', type: 'unread', count: 0 }, HOST);
  });

  it('posts close when the visitor minimises', () => {
    const { messenger: m, postedTypes } = setup();
    m.minimise();
    expect(postedTypes()).toEqual(['ready', 'unread', 'close']);
  });

  it('forgets the visitor on shutdown: socket closed, token and outbox removed', async () => {
    const { messenger: m, store, fromLoader, sockets } = setup({ [keys.token]: 'old' });
    fromLoader({ type: 'boot', user: { id: 'u1' } });
    await settle();
    sockets[0]?.connect();
    m.conversation.send('pending');
    sockets[0]!.connected = false;
    m.conversation.send('still pending');
    expect(store.get(keys.outbox)).not.toBeNull();
    fromLoader({ type: 'shutdown' });
    expect(sockets[0]?.connected).toBe(false);
    expect(store.get(keys.token)).toBeNull();
    expect(store.get(keys.user)).toBeNull();
    expect(store.get(keys.outbox)).toBeNull();
    expect(m.conversation.outbox.value).toEqual([]);
  });

  it('drops a signed-in user’s conversation when another user boots', async () => {
    const { store, bodies, fromLoader } = setup({ [keys.token]: 'tok-of-u1', [keys.user]: 'u1', [keys.outbox]: '[]' });
    fromLoader({ type: 'boot', user: { id: 'u2' } });
    await settle();
    expect(bodies[0]?.['token']).toBeUndefined();
    expect(store.get(keys.user)).toBe('u2');
  });
});
