import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicSiteSettings, VisitorTicket } from '../../../shared/protocol';
import { createMessenger, type Messenger } from '../messenger';
import type { VisitorClientSocket } from '../models/connection';
import { memoryStore } from '../storage';
import { AI_STATE, FakeIoSocket, fakeServer, message } from '../test-support/fake-socket';
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

const OFFLINE = {
  openNow: false,
  text: 'Our team is offline right now. Our UK team opens at Mon 19 Jan, 09:00 your time. Kai can help straight away, and a person will follow up on anything Kai can’t solve.',
};
const ONLINE = { openNow: true, text: 'Our US team is online now.' };

async function setup({ embedded = true, availability }: { embedded?: boolean; availability?: unknown } = {}) {
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
    fetch: (async () => new Response(JSON.stringify({ token: 't', visitorId: 'v1', site: SITE, availability }))) as unknown as typeof fetch,
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

  it('streams Kai’s reply into one bubble that the final message replaces; a disconnect drops it', async () => {
    const { socket } = await setup();
    act(() => void socket.connect());
    await waitFor(() => expect(socket.sentOf('conversation:sync')).toHaveLength(1));
    const kai = { kind: 'ai', name: 'Kai' } as const;
    const log = screen.getByRole('log');
    act(() => socket.fire('typing:changed', { conversationId: 'c1', author: kai, typing: true }));
    expect(screen.getByText('Kai is typing…')).toBeTruthy();
    act(() => {
      socket.fire('message:delta', { conversationId: 'c1', streamId: 's1', author: kai, delta: 'You can reset ' });
      socket.fire('message:delta', { conversationId: 'c1', streamId: 's1', author: kai, delta: 'it in <b>Settings</b>' });
      socket.fire('message:delta', { conversationId: 'c2', streamId: 's2', author: kai, delta: 'Another conversation' });
    });
    expect(screen.getByText('You can reset it in <b>Settings</b>')).toBeTruthy();
    expect(log.querySelector('b')).toBeNull();
    expect(screen.queryByText('Another conversation')).toBeNull();
    expect(screen.queryByText('Kai is typing…')).toBeNull();
    expect(within(log).getAllByRole('listitem')).toHaveLength(1);

    act(() => socket.fire('message:created', message({ seq: 1, author: kai, body: 'You can reset it in Settings > Security.', streamId: 's1' })));
    expect(screen.queryByText('You can reset it in <b>Settings</b>')).toBeNull();
    const items = within(log).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(within(items[0]!).getByText('You can reset it in Settings > Security.')).toBeTruthy();
    expect(items[0]!.hasAttribute('aria-busy')).toBe(false);

    act(() => socket.fire('message:delta', { conversationId: 'c1', streamId: 's3', author: kai, delta: 'Half a rep' }));
    expect(screen.getByText('Half a rep')).toBeTruthy();
    act(() => socket.drop());
    expect(screen.queryByText('Half a rep')).toBeNull();
    expect(within(log).getAllByRole('listitem')).toHaveLength(1);
  });

  it('says before the visitor asks that the team is offline and when it opens, and hides it after a handoff', async () => {
    const { socket } = await setup({ availability: OFFLINE });
    const note = await screen.findByRole('note');
    expect(note.textContent).toBe(OFFLINE.text);
    expect(note.className).toContain('fd-availability--offline');
    expect(note.getAttribute('data-state')).toBe('offline');
    // Not a second live region: the connection line stays the messenger's one status.
    expect(screen.getAllByRole('status')).toHaveLength(1);
    // Above the conversation, under the header.
    expect(note.compareDocumentPosition(screen.getByRole('log')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    socket.handlers['conversation:escalate'] = () => ({ ok: true, data: { ...AI_STATE, mode: 'waiting', ticket } });
    act(() => void socket.connect());
    const button = await screen.findByRole('button', { name: 'Talk to a person' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByRole('note')).toBeTruthy();
    fireEvent.click(button);
    await screen.findByText('Ticket #1042');
    // The ticket banner's promise says what matters now.
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.queryByText(OFFLINE.text)).toBeNull();
    expect(screen.getByText(ticket.promise)).toBeTruthy();
  });

  it('shows an online team differently from an offline one', async () => {
    await setup({ availability: ONLINE });
    const note = await screen.findByRole('note');
    expect(note.textContent).toBe('Our US team is online now.');
    expect(note.className).toContain('fd-availability--online');
    expect(note.className).not.toContain('fd-availability--offline');
  });

  it('keeps the note hidden when the conversation was already handed off (a reload after the handoff)', async () => {
    const { socket } = await setup({ availability: ONLINE });
    await screen.findByRole('note');
    socket.handlers['conversation:sync'] = () => ({ ok: true, data: { state: { ...AI_STATE, mode: 'human', ticket: { ...ticket, status: 'open' } }, messages: [] } });
    act(() => void socket.connect());
    await screen.findByText('Ticket #1042');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('shows no availability when the server sends none or a malformed one', async () => {
    await setup({ availability: { openNow: 'yes', text: 42 } });
    await screen.findByText('Acme Help');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('minimises through the loader', async () => {
    const { parent } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Minimise messenger' }));
    expect(parent.postMessage).toHaveBeenLastCalledWith({ source: 'frontdesk', type: 'close' }, 'https://shop.example');
  });
});
