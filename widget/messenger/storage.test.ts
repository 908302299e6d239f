import { describe, expect, it } from 'vitest';
import { browserStore, cookieStore, memoryStore, messengerStore, storageKeys } from './storage';

/** A cookie jar that keeps name=value pairs and honours Max-Age=0, like document.cookie. */
function fakeJar() {
  const data = new Map<string, string>();
  const lines: string[] = [];
  return {
    data,
    lines,
    get cookie() {
      return [...data].map(([k, v]) => `${k}=${v}`).join('; ');
    },
    set cookie(line: string) {
      lines.push(line);
      const [pair = '', ...attributes] = line.split('; ');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (attributes.includes('Max-Age=0')) data.delete(name);
      else data.set(name, pair.slice(eq + 1));
    },
  };
}

describe('storage', () => {
  it('names keys per site', () => {
    expect(storageKeys('demo')).toEqual({ token: 'frontdesk:demo:token', outbox: 'frontdesk:demo:outbox', user: 'frontdesk:demo:user' });
  });

  it('browserStore never throws when storage is blocked', () => {
    const store = browserStore(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(store.get('a')).toBeNull();
    expect(() => store.set('a', 'b')).not.toThrow();
    expect(() => store.remove('a')).not.toThrow();
  });

  it('cookieStore keeps values in partitioned cookies scoped to the messenger page', () => {
    const jar = fakeJar();
    const store = cookieStore(jar, '/messenger');
    store.set('frontdesk:demo:token', 'a=b; c');
    expect(store.get('frontdesk:demo:token')).toBe('a=b; c');
    expect(store.get('frontdesk:demo:outbox')).toBeNull();
    expect(jar.lines[0]).toContain('; Path=/messenger; SameSite=None; Secure; Partitioned');
    store.remove('frontdesk:demo:token');
    expect(store.get('frontdesk:demo:token')).toBeNull();
  });

  it('messengerStore falls back to cookies when localStorage is refused', () => {
    const jar = fakeJar();
    const win = {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
      document: jar,
      location: { pathname: '/messenger' },
    };
    const store = messengerStore(win as unknown as Window); // only localStorage, document.cookie and location are read
    store.set('k', 'v');
    expect(jar.data.get(encodeURIComponent('k'))).toBe('v');
  });

  it('messengerStore uses localStorage when it works', () => {
    localStorage.clear();
    const store = messengerStore(window);
    store.set('k', 'v');
    expect(localStorage.getItem('k')).toBe('v');
    localStorage.clear();
  });

  it('memoryStore keeps values', () => {
    const store = memoryStore({ a: '1' });
    expect(store.get('a')).toBe('1');
    store.remove('a');
    expect(store.get('a')).toBeNull();
  });
});
