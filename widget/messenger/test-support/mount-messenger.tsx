/**
 * The whole messenger (`App` on `createMessenger`) rendered for a component test, embedded in a fake host page,
 * with the test's `fetch` and a `FakeIoSocket` answered by `fakeServer`. `unmountMessengers()` in `afterEach`
 * cleans up what was mounted.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { expect } from 'vitest';
import { App } from '../components/App';
import { createMessenger, type Messenger } from '../messenger';
import type { VisitorClientSocket } from '../models/connection';
import { memoryStore } from '../storage';
import { FakeIoSocket, fakeServer } from './fake-socket';

const mounted: Messenger[] = [];

export async function mountMessenger(fetch: typeof globalThis.fetch) {
  let socket: FakeIoSocket | null = null;
  let server: ReturnType<typeof fakeServer> | null = null;
  const events = new EventTarget();
  // Only parent and the message listener functions are used by createMessenger.
  const win = { parent: { postMessage: () => undefined }, addEventListener: events.addEventListener.bind(events), removeEventListener: events.removeEventListener.bind(events) } as unknown as Window;
  const messenger = createMessenger({
    win,
    siteKey: 'demo',
    parentOrigin: 'https://shop.example',
    store: memoryStore(),
    fetch,
    bootTimeoutMs: 0,
    openSocket: (token) => {
      socket = new FakeIoSocket(token);
      server = fakeServer(socket);
      return socket as unknown as VisitorClientSocket; // the fake has the socket.io methods the models use
    },
  });
  mounted.push(messenger);
  render(<App messenger={messenger} />);
  await waitFor(() => expect(socket).not.toBeNull());
  return { messenger, socket: socket as unknown as FakeIoSocket, server: server as unknown as ReturnType<typeof fakeServer> };
}

export function unmountMessengers(): void {
  cleanup();
  mounted.splice(0).forEach((m) => m.dispose());
}
