import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskApi } from '../api';
import { DeskConnectionModel } from '../models/DeskConnectionModel';
import { DeskModel } from '../models/DeskModel';
import { HashRouteModel } from '../models/HashRouteModel';
import { KaiPreviewModel } from '../models/KaiPreviewModel';
import { KbModel } from '../models/KbModel';
import { QueueModel } from '../models/QueueModel';
import { SessionModel } from '../models/SessionModel';
import { FakeSocket } from '../test/fakeSocket';
import { article, detail, json, message, summary } from '../test/fixtures';
import { App } from './App';

const agent = { id: 'a1', email: 'grace@example.com', name: 'Grace Hopper', role: 'agent' };

/** A tiny fake server behind `fetch`. */
function fakeServer() {
  let signedIn = false;
  const ticket = summary({ id: 't1', number: 101, subject: 'VPN keeps dropping' });
  return vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (url === '/api/auth/me') return signedIn ? json(200, agent) : json(401, { error: { code: 'unauthorized', message: 'Sign in' } });
    if (url === '/api/auth/login') {
      const { password } = JSON.parse(String(init?.body)) as { password: string };
      if (password !== 'secret') return json(401, { error: { code: 'unauthorized', message: 'Invalid credentials' } });
      signedIn = true;
      return json(200, agent);
    }
    if (url === '/api/auth/logout') {
      signedIn = false;
      return new Response(null, { status: 204 });
    }
    if (url === '/api/kb/articles') return json(200, { articles: [article({ id: 'kb1', title: 'Reset your password' })] });
    if (url.startsWith('/api/tickets?')) return json(200, { tickets: [ticket] });
    if (url === '/api/tickets/t1' && method === 'GET') return json(200, detail({ ...ticket, messages: [message({ body: 'It drops every hour' })] }));
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
}

function mount() {
  window.location.hash = '';
  const socket = new FakeSocket();
  const api = new DeskApi();
  const session = new SessionModel(api);
  const route = new HashRouteModel(window);
  const desk = new DeskModel({
    api,
    session,
    queue: new QueueModel(api),
    route,
    kb: new KbModel(api),
    preview: new KaiPreviewModel(api),
    connect: (handlers) => new DeskConnectionModel({ createSocket: () => socket, handlers }),
  });
  render(<App desk={desk} now={signal(Date.parse('2025-03-03T12:00:00Z'))} />);
  void session.check();
  return { socket, desk, route };
}

describe('App', () => {
  let teardown: (() => void) | undefined;
  afterEach(() => {
    cleanup();
    teardown?.();
    vi.unstubAllGlobals();
    window.location.hash = '';
  });

  it('signs in, shows the live queue, and opens a ticket from the hash', async () => {
    vi.stubGlobal('fetch', fakeServer());
    const { socket, desk, route } = mount();
    teardown = () => (desk.dispose(), route.dispose());

    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: 'grace@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong email or password');

    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const queue = await screen.findByRole('region', { name: 'Queue' });
    expect(await within(queue).findByText('VPN keeps dropping')).toBeTruthy();
    expect(screen.getByText('Grace Hopper')).toBeTruthy();

    socket.open();
    socket.serverEmit('ticket:created', summary({ id: 't2', number: 102, subject: 'New from the widget', firstResponseDueAt: null }));
    expect(await within(queue).findByText('New from the widget')).toBeTruthy();

    window.location.hash = '#/tickets/t1';
    window.dispatchEvent(new Event('hashchange'));
    expect(await screen.findByRole('heading', { name: '#101 VPN keeps dropping' })).toBeTruthy();
    expect(within(screen.getByRole('log')).getByText('It drops every hour')).toBeTruthy();
    expect(socket.sent('ticket:watch')).toEqual([{ ticketId: 't1' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(socket.disconnectCalls).toBe(1);
  });

  it('goes to the knowledge base from the top bar and back to the queue', async () => {
    vi.stubGlobal('fetch', fakeServer());
    const { desk, route } = mount();
    teardown = () => (desk.dispose(), route.dispose());
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: 'grace@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('region', { name: 'Queue' });
    const kbLink = screen.getByRole('link', { name: 'Knowledge base' });
    expect(kbLink.getAttribute('href')).toBe('#/kb');
    expect(screen.getByRole('link', { name: 'Queue' }).getAttribute('aria-current')).toBe('page');

    window.location.hash = '#/kb';
    window.dispatchEvent(new Event('hashchange'));
    const articles = await screen.findByRole('region', { name: 'Articles' });
    expect(await within(articles).findByText('Reset your password')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Queue' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Try Kai' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Knowledge base' }).getAttribute('aria-current')).toBe('page');

    const queueLink = screen.getByRole('link', { name: 'Queue' });
    expect(queueLink.getAttribute('href')).toBe('#/');
    window.location.hash = '#/';
    window.dispatchEvent(new Event('hashchange'));
    expect(await screen.findByRole('region', { name: 'Queue' })).toBeTruthy();
  });
});
