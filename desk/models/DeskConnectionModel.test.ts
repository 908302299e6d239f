import { describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../test/fakeSocket';
import { message, summary } from '../test/fixtures';
import { DeskConnectionModel, type DeskConnectionHandlers } from './DeskConnectionModel';

function setup() {
  const socket = new FakeSocket();
  const handlers: DeskConnectionHandlers = {
    ticketCreated: vi.fn(),
    ticketUpdated: vi.fn(),
    slaAlert: vi.fn(),
    messageCreated: vi.fn(),
    typingChanged: vi.fn(),
    reconnected: vi.fn(),
    refused: vi.fn(),
  };
  const connection = new DeskConnectionModel({ createSocket: () => socket, handlers });
  return { socket, handlers, connection };
}

describe('DeskConnectionModel', () => {
  it('connects on start and routes server events to the handlers', () => {
    const { socket, handlers, connection } = setup();
    connection.start();
    expect(socket.connectCalls).toBe(1);
    expect(connection.status.value).toBe('connecting');
    socket.open();
    expect(connection.status.value).toBe('online');

    const t = summary();
    socket.serverEmit('ticket:created', t);
    socket.serverEmit('ticket:updated', t);
    const event = { ticketId: t.id, message: message() };
    socket.serverEmit('message:created', event);
    const alert = { ticketId: t.id, number: t.number, centre: 'uk', kind: 'breach', clock: 'first_response', dueAt: '2025-03-03T13:00:00.000Z' } as const;
    socket.serverEmit('ticket:sla', alert);
    expect(handlers.slaAlert).toHaveBeenCalledWith(alert);
    expect(handlers.ticketCreated).toHaveBeenCalledWith(t);
    expect(handlers.ticketUpdated).toHaveBeenCalledWith(t);
    expect(handlers.messageCreated).toHaveBeenCalledWith(event);
    expect(handlers.reconnected).not.toHaveBeenCalled();
  });

  it('watches the open ticket, and re-watches it and asks for a refetch after a reconnect', async () => {
    const { socket, handlers, connection } = setup();
    connection.start();
    connection.watch('t1'); // before the socket is up: joined on connect
    expect(socket.sent('ticket:watch')).toEqual([]);
    socket.open();
    expect(socket.sent('ticket:watch')).toEqual([{ ticketId: 't1' }]);

    socket.drop();
    expect(connection.status.value).toBe('offline');
    socket.open();
    expect(socket.sent('ticket:watch')).toEqual([{ ticketId: 't1' }, { ticketId: 't1' }]);
    expect(handlers.reconnected).toHaveBeenCalledTimes(1);
  });

  it('unwatches the previous ticket when another is opened', () => {
    const { socket, connection } = setup();
    connection.start();
    socket.open();
    connection.watch('t1');
    connection.watch('t2');
    expect(socket.sent('ticket:unwatch')).toEqual([{ ticketId: 't1' }]);
    expect(socket.sent('ticket:watch')).toEqual([{ ticketId: 't1' }, { ticketId: 't2' }]);
    expect(connection.watchedTicketId).toBe('t2');
  });

  it('sends typing only when it changes, and stops after a pause', () => {
    vi.useFakeTimers();
    try {
      const { socket, connection } = setup();
      connection.start();
      socket.open();
      connection.noteTyping('t1');
      connection.noteTyping('t1');
      expect(socket.sent('typing:set')).toEqual([{ ticketId: 't1', typing: true }]);
      vi.advanceTimersByTime(4500);
      expect(socket.sent('typing:set')).toEqual([
        { ticketId: 't1', typing: true },
        { ticketId: 't1', typing: false },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes the socket on stop', () => {
    const { socket, connection } = setup();
    connection.start();
    socket.open();
    connection.stop();
    expect(socket.disconnectCalls).toBe(1);
    expect(connection.status.value).toBe('idle');
  });

  it('tells the desk when the server refuses the handshake, and retries', () => {
    vi.useFakeTimers();
    try {
      const { socket, handlers, connection } = setup();
      connection.start();
      socket.active = false; // socket.io gives up after a middleware refusal
      socket.serverEmit('connect_error', new Error('unauthorized'));
      expect(handlers.refused).toHaveBeenCalled();
      vi.advanceTimersByTime(5000);
      expect(socket.connectCalls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
