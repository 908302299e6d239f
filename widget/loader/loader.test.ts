import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getByRole, queryByRole } from '@testing-library/dom';
import { envelope, type MessengerMessage } from '../bridge';
import { installFrontdesk, type FrontdeskFunction } from './loader';

const PUBLIC_ORIGIN = 'https://frontdesk.example';
const CONFIG = { siteKey: 'demo', publicOrigin: PUBLIC_ORIGIN };

/** Stands in for the iframe's window: happy-dom does not load cross-origin frames. */
interface FakeFrameWindow {
  postMessage: ReturnType<typeof vi.fn>;
}

function host(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-frontdesk]');
}

function root(): HTMLElement {
  const shadow = host()?.shadowRoot;
  if (!shadow) throw new Error('launcher not drawn');
  // testing-library queries only need querySelectorAll, which a ShadowRoot has.
  return shadow as unknown as HTMLElement;
}

async function drawn(): Promise<HTMLElement> {
  await vi.waitFor(() => root());
  return root();
}

function frame(): HTMLIFrameElement | null {
  return host()?.shadowRoot?.querySelector('iframe') ?? null;
}

/** Gives the (unloaded) iframe a fake window and returns it. */
function fakeFrameWindow(): FakeFrameWindow {
  const iframe = frame();
  if (!iframe) throw new Error('no iframe');
  const fake: FakeFrameWindow = { postMessage: vi.fn() };
  Object.defineProperty(iframe, 'contentWindow', { configurable: true, value: fake });
  return fake;
}

function fromFrame(message: MessengerMessage, source: unknown, origin = PUBLIC_ORIGIN): void {
  // happy-dom's MessageEvent takes any object as source; a real browser would give the frame's WindowProxy.
  window.dispatchEvent(new MessageEvent('message', { data: envelope(message), origin, source: source as Window }));
}

function posted(fake: FakeFrameWindow): unknown[] {
  return fake.postMessage.mock.calls.map((call) => {
    expect(call[1]).toBe(PUBLIC_ORIGIN);
    return (call[0] as { type: string }).type;
  });
}

function stubSettings(body: unknown, ok = true): ReturnType<typeof vi.fn> {
  const fetch = vi.fn(async () => ({ ok, json: async () => body }) as Response);
  window.fetch = fetch as unknown as typeof window.fetch;
  return fetch;
}

const realFetch = window.fetch;

/** happy-dom's window API; not part of the DOM types. */
interface HappyDomWindow {
  happyDOM: { settings: { enableIframePageLoading: boolean; navigation: { disableChildFrameNavigation: boolean } } };
}

beforeEach(() => {
  delete window.Frontdesk;
  stubSettings({ key: 'demo', color: '#0f766e', position: 'right' });
  // Let happy-dom create the iframe's (blank) window without fetching the messenger page from the network.
  const { settings } = (window as unknown as HappyDomWindow).happyDOM; // vitest's happy-dom environment has it
  settings.enableIframePageLoading = true;
  settings.navigation.disableChildFrameNavigation = true;
});

afterEach(() => {
  document.body.replaceChildren();
  window.fetch = realFetch;
  vi.restoreAllMocks();
});

describe('loader', () => {
  it('drains calls queued by the snippet before it loaded', async () => {
    const ready = vi.fn();
    const onOpen = vi.fn();
    const stub: FrontdeskFunction = function (...args: unknown[]) {
      (stub.q = stub.q || []).push(args);
    };
    window.Frontdesk = stub;
    window.Frontdesk('on', 'ready', ready);
    window.Frontdesk('on', 'open', onOpen);
    window.Frontdesk('open');

    installFrontdesk(window, CONFIG);
    const shadow = await drawn();
    await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(getByRole(shadow, 'button', { name: 'Close messenger' })).toBeTruthy();
    expect(window.Frontdesk).not.toBe(stub);
  });

  it('calls a late ready handler at once, and works after load', async () => {
    const api = installFrontdesk(window, CONFIG);
    await drawn();
    const ready = vi.fn();
    api('on', 'ready', ready);
    expect(ready).toHaveBeenCalledTimes(1);
    window.Frontdesk?.('open');
    expect(queryByRole(root(), 'button', { name: 'Close messenger' })).toBeTruthy();
  });

  it('toggles the button between Open messenger and Close messenger', async () => {
    const api = installFrontdesk(window, CONFIG);
    const shadow = await drawn();
    const button = getByRole(shadow, 'button', { name: 'Open messenger' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    expect(button.getAttribute('aria-label')).toBe('Close messenger');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    button.click();
    expect(button.getAttribute('aria-label')).toBe('Open messenger');
    api('toggle');
    expect(button.getAttribute('aria-label')).toBe('Close messenger');
    api('close');
    expect(button.getAttribute('aria-label')).toBe('Open messenger');
  });

  it('creates the iframe only on the first open and keeps it when closed', async () => {
    const api = installFrontdesk(window, CONFIG);
    await drawn();
    expect(frame()).toBeNull();
    expect(document.querySelector('iframe')).toBeNull();
    api('open');
    const iframe = frame();
    expect(iframe?.title).toBe('Messenger');
    expect(iframe?.getAttribute('src')).toBe(
      `${PUBLIC_ORIGIN}/messenger?site=demo&origin=${encodeURIComponent(location.origin)}`,
    );
    api('close');
    expect(frame()).toBe(iframe);
    api('open');
    expect(root().querySelectorAll('iframe')).toHaveLength(1);
  });

  it('writes no cookie, localStorage or sessionStorage', async () => {
    localStorage.clear();
    sessionStorage.clear();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const cookieBefore = document.cookie;
    const api = installFrontdesk(window, CONFIG);
    await drawn();
    api('boot', { user: { id: 'u1', email: 'ada@example.com', name: 'Ada' } });
    api('open');
    const fake = fakeFrameWindow();
    fromFrame({ type: 'ready' }, fake);
    fromFrame({ type: 'unread', count: 2 }, fake);
    api('update', { user: { id: 'u1', name: 'Ada L.' } });
    api('close');
    api('shutdown');
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe(cookieBefore);
  });

  it('queues messages until the iframe is ready, then posts them to the server origin only', async () => {
    const api = installFrontdesk(window, CONFIG);
    await drawn();
    document.title = 'Billing <b>help</b>';
    api('boot', { user: { id: 'u1', name: 'Ada', extra: () => 1 }, attributes: { plan: 'pro', seats: 12, trial: false, fn: () => 1, nested: { a: 1 }, long: 'x'.repeat(501) } });
    api('showNewMessage', 'Hello there');
    const fake = fakeFrameWindow();
    expect(fake.postMessage).not.toHaveBeenCalled();
    fromFrame({ type: 'ready' }, fake);
    expect(posted(fake)).toEqual(['boot', 'open', 'prefill']);
    // The page's address without query (none here), its title, and only the attributes that can travel.
    expect(fake.postMessage.mock.calls[0]?.[0]).toEqual({
      source: 'frontdesk',
      type: 'boot',
      page: '/',
      url: `${location.origin}/`,
      title: 'Billing <b>help</b>',
      user: { id: 'u1', name: 'Ada' },
      attributes: { plan: 'pro', seats: 12, trial: false },
    });
    expect(fake.postMessage.mock.calls[2]?.[0]).toEqual({ source: 'frontdesk', type: 'prefill', text: 'Hello there' });
    api('close');
    expect(posted(fake).at(-1)).toBe('close');
  });

  it('update tells the messenger the page the visitor is on now, and merges new attributes', async () => {
    const api = installFrontdesk(window, CONFIG);
    await drawn();
    api('boot', { attributes: { plan: 'free', seats: 1 } });
    api('open');
    const fake = fakeFrameWindow();
    fromFrame({ type: 'ready' }, fake);
    document.title = 'Orders';
    history.pushState(null, '', '/orders?session=secret#top');
    api('update', { attributes: { plan: 'pro' } });
    const last = fake.postMessage.mock.calls.at(-1)?.[0];
    expect(last).toMatchObject({ type: 'boot', page: '/orders', url: `${location.origin}/orders`, title: 'Orders', attributes: { plan: 'pro', seats: 1 } });
    expect(JSON.stringify(last)).not.toContain('secret');
    history.pushState(null, '', '/');
  });

  it('ignores messages from another origin or another window', async () => {
    const api = installFrontdesk(window, CONFIG);
    await drawn();
    const unread = vi.fn();
    api('on', 'unread', unread);
    api('open');
    const fake = fakeFrameWindow();
    api('close');
    fromFrame({ type: 'ready' }, fake, 'https://evil.example');
    fromFrame({ type: 'unread', count: 3 }, fake, 'https://evil.example');
    fromFrame({ type: 'unread', count: 4 }, window);
    expect(fake.postMessage).not.toHaveBeenCalled();
    expect(unread).not.toHaveBeenCalled();
    expect(root().querySelector('.u')?.textContent ?? '').toBe('');

    fromFrame({ type: 'unread', count: 3 }, fake);
    expect(unread).toHaveBeenCalledWith(3);
    const badge = root().querySelector<HTMLElement>('.u');
    expect(badge?.hidden).toBe(false);
    expect(badge?.textContent).toBe('3');
    expect(getByRole(root(), 'button', { name: 'Open messenger' })).toBeTruthy();
  });

  it('follows the messenger: close, unread, ticket:created', async () => {
    const api = installFrontdesk(window, CONFIG);
    await drawn();
    const onClose = vi.fn();
    const onTicket = vi.fn();
    api('on', 'close', onClose);
    api('on', 'ticket:created', onTicket);
    api('open');
    const fake = fakeFrameWindow();
    fromFrame({ type: 'ready' }, fake);
    fromFrame({ type: 'close' }, fake);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(getByRole(root(), 'button', { name: 'Open messenger' })).toBeTruthy();
    const ticket = { id: 't1', number: 1042, status: 'new', priority: 'high', promise: 'soon', firstResponseDueAt: null } as const;
    fromFrame({ type: 'ticket:created', ticket }, fake);
    expect(onTicket).toHaveBeenCalledWith(ticket);
    api('off', 'ticket:created', onTicket);
    fromFrame({ type: 'ticket:created', ticket }, fake);
    expect(onTicket).toHaveBeenCalledTimes(1);
  });

  it('tells a reloaded iframe again who the visitor is and whether it is open', async () => {
    const api = installFrontdesk(window, CONFIG);
    await drawn();
    api('open');
    const fake = fakeFrameWindow();
    fromFrame({ type: 'ready' }, fake);
    fake.postMessage.mockClear();
    fromFrame({ type: 'ready' }, fake);
    expect(posted(fake)).toEqual(['boot', 'open']);
  });

  it('warns about unknown commands and bad subscriptions without throwing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = installFrontdesk(window, CONFIG);
    await drawn();
    expect(() => api('explode', 1)).not.toThrow();
    expect(() => api('on', 'nope', () => {})).not.toThrow();
    expect(() => api('on', 'open', 'not a function')).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('asks for the site look without credentials and places the button on the left', async () => {
    const fetch = stubSettings({ color: '#ffcc00', position: 'left' });
    installFrontdesk(window, CONFIG);
    await drawn();
    expect(fetch).toHaveBeenCalledWith(`${PUBLIC_ORIGIN}/api/widget/sites/demo`, expect.objectContaining({ credentials: 'omit' }));
    expect(host()?.style.getPropertyValue('--c')).toBe('#ffcc00');
    expect(host()?.style.getPropertyValue('--t')).toBe('#000');
    expect(root().querySelector('.l')).not.toBeNull();
  });

  it('falls back to the default look when the settings cannot be had', async () => {
    window.fetch = vi.fn(async () => {
      throw new TypeError('network');
    }) as unknown as typeof window.fetch;
    installFrontdesk(window, CONFIG);
    await drawn();
    expect(host()?.style.getPropertyValue('--c')).toBe('#4f46e5');
    expect(root().querySelector('.l')).toBeNull();
  });

  it('refuses a hostile colour', async () => {
    stubSettings({ color: 'red;background:url(https://evil.example/x)', position: 'left' });
    installFrontdesk(window, CONFIG);
    await drawn();
    expect(host()?.style.getPropertyValue('--c')).toBe('#4f46e5');
  });

  it('shuts down: tells the messenger, removes the button, and boots again on request', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const api = installFrontdesk(window, CONFIG);
      await vi.waitFor(() => root());
      api('open');
      const fake = fakeFrameWindow();
      fromFrame({ type: 'ready' }, fake);
      api('shutdown');
      expect(posted(fake).at(-1)).toBe('shutdown');
      expect(host()?.style.getPropertyValue('display')).toBe('none');
      vi.advanceTimersByTime(1000);
      expect(host()).toBeNull();
      api('open');
      expect(host()).toBeNull();
      api('boot');
      expect(getByRole(root(), 'button', { name: 'Open messenger' })).toBeTruthy();
      expect(frame()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('does nothing when installed twice', async () => {
    const first = installFrontdesk(window, CONFIG);
    expect(installFrontdesk(window, CONFIG)).toBe(first);
    await drawn();
    expect(document.querySelectorAll('[data-frontdesk]')).toHaveLength(1);
  });
});
