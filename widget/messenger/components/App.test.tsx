import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicSiteSettings, VisitorTicket } from '../../../shared/protocol';
import { createMessenger, type Messenger } from '../messenger';
import type { VisitorClientSocket } from '../models/connection';
import { memoryStore } from '../storage';
import { AI_STATE, FakeIoSocket, fakeServer } from '../test-support/fake-socket';
import { App } from './App';

const SITE: PublicSiteSettings = {
  key: 'demo',
  name: 'Acme Help',
  agentName: 'Kai',
  color: '#0f766e',
  greeting: 'Hi! I am Kai. Ask me anything.',
  position: 'right',
  language: 'en',
};
const ticket: VisitorTicket = { id: 't1', number: 1042, status: 'new', priority: 'high', promise: 'The UK team replies from 09:00, in about 3 hours.', firstResponseDueAt: null };

let messenger: Messenger | null = null;

async function setup({ embedded = true } = {}) {
  const parent = { postMessage: vi.fn() };
  const events = new EventTarget();
  // Only parent and the message listener functions are used by createMessenger.
  const win = { parent: embedded ? parent : undefined, addEventListener: events.addEventListener.bind(events), removeEventListener: events.removeEventListener.bind(events) } as unknown as Window;
  if (!embedded) Object.assign(win, { parent: win });
  let socket: FakeIoSocket | null = null;
  messenger = createMessenger({
    win,
    siteKey: 'demo',
    parentOrigin: 'https://shop.example',
    store: memoryStore(),
    fetch: (async () => new Response(JSON.stringify({ token: 't', visitorId: 'v1', site: SITE }))) as unknown as typeof fetch,
    bootTimeoutMs: 0,
    openSocket: (token) => {
      socket = new FakeIoSocket(token);
      fakeServer(socket);
      return socket as unknown as VisitorClientSocket; // the fake has the socket.io methods the models use
    },
  });
  render(<App messenger={messenger} />);
  await waitFor(() => expect(socket).not.toBeNull());
  return { parent, socket: socket as unknown as FakeIoSocket, messenger };
}

afterEach(() => {
  cleanup();
  messenger?.dispose();
  messenger = null;
});

describe('App', () => {
  it('shows the site, the greeting, the connection line, and the composer', async () => {
    const { socket } = await setup();
    await screen.findByText('Acme Help');
    expect(screen.getByText('Hi! I am Kai. Ask me anything.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Connecting…');
    act(() => void socket.connect());
    expect(screen.getByRole('status').textContent).toBe('');
    act(() => socket.drop());
    expect(screen.getByRole('status').textContent).toBe('Reconnecting…');
    expect(screen.getByRole('log')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Talk to a person' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.style.getPropertyValue('--fd-primary')).toBe('#0f766e'));
  });

  it('sends what the visitor writes and shows it in the log', async () => {
    const { socket } = await setup();
    act(() => void socket.connect());
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.input(box, { target: { value: 'How do I reset my password?' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByText('How do I reset my password?');
    await waitFor(() => expect(socket.sentOf('message:send')).toHaveLength(1));
    expect(screen.getByText('You')).toBeTruthy();
  });

  it('hands off: Talk to a person, then the ticket banner replaces the button', async () => {
    const { socket, parent } = await setup();
    socket.handlers['conversation:escalate'] = () => ({ ok: true, data: { ...AI_STATE, mode: 'waiting', ticket } });
    act(() => void socket.connect());
    const button = await screen.findByRole('button', { name: 'Talk to a person' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await screen.findByText('Ticket #1042');
    expect(screen.getByText(ticket.promise)).toBeTruthy();
    expect(socket.sentOf('conversation:escalate')).toEqual([{}]);
    expect(screen.queryByRole('button', { name: 'Talk to a person' })).toBeNull();
    expect(parent.postMessage).toHaveBeenCalledWith({ source: 'frontdesk', type: 'ticket:created', ticket }, 'https://shop.example');
  });

  it('minimises through the loader', async () => {
    const { parent } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Minimise messenger' }));
    expect(parent.postMessage).toHaveBeenLastCalledWith({ source: 'frontdesk', type: 'close' }, 'https://shop.example');
  });
});
