import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../test/fakeSocket';
import { detail, message, summary } from '../test/fixtures';
import { DeskConnectionModel } from './DeskConnectionModel';
import { DeskModel } from './DeskModel';
import { HashRouteModel } from './HashRouteModel';
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
  };
  const session = new SessionModel(api);
  const route = new HashRouteModel(window);
  const desk = new DeskModel({
    api,
    session,
    queue: new QueueModel(api),
    route,
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
});
