import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../test/fakeSocket';
import { article, detail, message, summary } from '../test/fixtures';
import { DeskConnectionModel } from './DeskConnectionModel';
import { DeskModel } from './DeskModel';
import { HashRouteModel } from './HashRouteModel';
import { KaiPreviewModel } from './KaiPreviewModel';
import { KbModel } from './KbModel';
import { QueueModel } from './QueueModel';
import { SessionModel } from './SessionModel';

const agent = { id: 'a1', email: 'grace@example.com', name: 'Grace', role: 'agent' as const };

function setup() {
  window.location.hash = '';
  const socket = new FakeSocket();
  const api = {
    me: vi.fn(async () => agent),
    login: vi.fn(async () => agent),
    logout: vi.fn(async () => undefined),
    listTickets: vi.fn(async () => ({ tickets: [summary({ id: 't1' })] })),
    getTicket: vi.fn(async (id: string) => detail({ id })),
    updateTicket: vi.fn(async (id: string) => detail({ id })),
    postMessage: vi.fn(),
    handBack: vi.fn(),
    listArticles: vi.fn(async () => [article({ id: 'kb1', title: 'Reset your password' })]),
    createArticle: vi.fn(),
    updateArticle: vi.fn(),
    deleteArticle: vi.fn(),
    previewKai: vi.fn(async () => ({ reply: 'Open Settings.', sources: [], action: 'answer' as const, confidence: 0.9 })),
  };
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
  return { socket, api, session, route, desk };
}

describe('DeskModel', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => {
    dispose?.();
    window.location.hash = '';
  });

  it('goes live on sign-in: socket, queue, and the ticket the hash names', async () => {
    const { socket, api, session, route, desk } = setup();
    dispose = () => (desk.dispose(), route.dispose());
    expect(socket.connectCalls).toBe(0);
    await session.check();
    expect(socket.connectCalls).toBe(1);
    expect(api.listTickets).toHaveBeenCalledTimes(1);

    socket.open();
    desk.openTicket('t1');
    expect(desk.current.value?.id).toBe('t1');
    expect(window.location.hash).toBe('#/tickets/t1');
    expect(socket.sent('ticket:watch')).toEqual([{ ticketId: 't1' }]);
    await vi.waitFor(() => expect(desk.current.value?.detail.value?.id).toBe('t1'));

    socket.serverEmit('message:created', { ticketId: 't1', message: message({ id: 'm-live' }) });
    socket.serverEmit('message:created', { ticketId: 'other', message: message({ id: 'm-other' }) });
    expect(desk.current.value?.messages.value.map((m) => m.id)).toEqual(['m-live']);

    // SLA alerts reach the queue: the row's badge state and a notification.
    const number = desk.queue.tickets.value[0]?.number;
    socket.serverEmit('ticket:sla', { ticketId: 't1', number: 1001, centre: 'uk', kind: 'breach', clock: 'first_response', dueAt: '2025-03-03T13:00:00.000Z' });
    expect(desk.queue.alerts.value.get('t1')?.kind).toBe('breach');
    expect(desk.queue.slaNotices.value.map((n) => n.text)).toEqual([`#${number} breached its first-response deadline`]);

    socket.drop();
    socket.open();
    expect(api.listTickets).toHaveBeenCalledTimes(2);
    expect(api.getTicket).toHaveBeenCalledTimes(2);
    expect(socket.sent('ticket:watch')).toHaveLength(2);
  });

  it('follows the hash and tears everything down on sign-out', async () => {
    const { socket, session, route, desk } = setup();
    dispose = () => (desk.dispose(), route.dispose());
    await session.check();
    socket.open();
    window.location.hash = '#/tickets/t9';
    window.dispatchEvent(new Event('hashchange'));
    expect(desk.current.value?.id).toBe('t9');

    await session.logout();
    expect(desk.current.value).toBeNull();
    expect(socket.sent('ticket:unwatch')).toEqual([{ ticketId: 't9' }]);
    expect(socket.disconnectCalls).toBe(1);
    expect(desk.queue.tickets.value).toEqual([]);
  });

  it('shows the knowledge base on #/kb (closing the ticket), loads it each visit, and forgets it on sign-out', async () => {
    const { api, session, route, desk } = setup();
    dispose = () => (desk.dispose(), route.dispose());
    await session.check();
    desk.openTicket('t1');
    expect(api.listArticles).not.toHaveBeenCalled();
    window.location.hash = '#/kb';
    window.dispatchEvent(new Event('hashchange'));
    expect(route.page.value).toBe('kb');
    expect(desk.current.value).toBeNull();
    await vi.waitFor(() => expect(desk.kb.articles.value.map((a) => a.id)).toEqual(['kb1']));
    await desk.preview.ask('How do I reset my password?');
    expect(desk.preview.result.value?.reply).toBe('Open Settings.');

    window.location.hash = '#/';
    window.dispatchEvent(new Event('hashchange'));
    expect(route.page.value).toBe('queue');
    window.location.hash = '#/kb';
    window.dispatchEvent(new Event('hashchange'));
    expect(api.listArticles).toHaveBeenCalledTimes(2);

    await session.logout();
    expect(desk.kb.articles.value).toEqual([]);
    expect(desk.preview.result.value).toBeNull();
  });
});
