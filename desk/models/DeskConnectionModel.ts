import type { QueueCounts } from '../../shared/queue';
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Ack, DeskServerToClient, Message, SlaAlert, TicketSummary, TypingEvent } from '../../shared/protocol';

type S2C = DeskServerToClient;

/**
 * The part of a socket.io client socket the desk uses. `Socket<DeskServerToClient, DeskClientToServer>`
 * satisfies it; tests pass a small fake.
 */
export interface DeskSocket {
  readonly connected: boolean;
  /** False once socket.io has given up reconnecting by itself (e.g. the server refused the handshake). */
  readonly active: boolean;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'connect_error', listener: (err: Error) => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  on(event: 'ticket:created', listener: S2C['ticket:created']): unknown;
  on(event: 'ticket:updated', listener: S2C['ticket:updated']): unknown;
  on(event: 'ticket:sla', listener: S2C['ticket:sla']): unknown;
  on(event: 'queue:counts', listener: S2C['queue:counts']): unknown;
  on(event: 'message:created', listener: S2C['message:created']): unknown;
  on(event: 'typing:changed', listener: S2C['typing:changed']): unknown;
  on(event: 'presence:changed', listener: S2C['presence:changed']): unknown;
  on(event: 'ticket:viewers', listener: S2C['ticket:viewers']): unknown;
  on(event: 'ticket:assigned', listener: S2C['ticket:assigned']): unknown;
  on(event: 'ticket:reach', listener: S2C['ticket:reach']): unknown;
  emit(event: 'ticket:unwatch', payload: { ticketId: string }): unknown;
  emit(event: 'presence:set', payload: { status: 'online' | 'away' }): unknown;
  emit(event: 'typing:set', payload: { ticketId: string; typing: boolean }): unknown;
  timeout(ms: number): {
    emitWithAck(event: 'ticket:watch', payload: { ticketId: string }): Promise<Ack<{ ticketId: string }>>;
  };
  connect(): unknown;
  disconnect(): unknown;
  removeAllListeners(): unknown;
}

/** Where the connection's events go (the desk routes them to the queue and the open ticket). */
export interface DeskConnectionHandlers {
  ticketCreated(ticket: TicketSummary): void;
  ticketUpdated(ticket: TicketSummary): void;
  /** An SLA deadline is near or has passed (the server's operations clock). */
  slaAlert(alert: SlaAlert): void;
  /** What each queue view holds now. */
  queueCounts?(counts: QueueCounts): void;
  messageCreated(event: { ticketId: string; message: Message }): void;
  typingChanged(event: TypingEvent & { ticketId: string }): void;
  /** The team's statuses changed (someone opened or closed the desk, or went away). */
  presenceChanged?(event: Parameters<S2C['presence:changed']>[0]): void;
  /** Who else has the watched ticket open, and who types in it. */
  viewersChanged?(event: Parameters<S2C['ticket:viewers']>[0]): void;
  /** A ticket was just given to this agent. */
  ticketAssigned?(event: Parameters<S2C['ticket:assigned']>[0]): void;
  /** On the watched ticket: how some replies reach the customer now, or its CSAT changed. */
  reachChanged?(event: Parameters<S2C['ticket:reach']>[0]): void;
  /** The socket came back after a drop: refetch whatever may have been missed. */
  reconnected(): void;
  /** The server refused the handshake (perhaps the session ended): worth checking the session. */
  refused(): void;
}

export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'offline';

export interface DeskConnectionOptions {
  /** Makes an unconnected socket, e.g. `() => io('/desk', { withCredentials: true, autoConnect: false })`. */
  createSocket: () => DeskSocket;
  handlers: DeskConnectionHandlers;
  ackTimeoutMs?: number;
  /** After a refused handshake socket.io stops; the desk tries again after this long. */
  retryMs?: number;
  /** Our own "typing" is cleared after this long without a keystroke. */
  typingIdleMs?: number;
}

/** The `/desk` socket: live queue events, watching the open ticket, and our typing state. */
export class DeskConnectionModel {
  readonly #status = signal<ConnectionStatus>('idle');
  readonly #options: Required<DeskConnectionOptions>;
  #socket: DeskSocket | null = null;
  #everConnected = false;
  #watched: string | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #typingTicket: string | null = null;
  #typingTimer: ReturnType<typeof setTimeout> | null = null;
  #presence: 'online' | 'away' = 'online';

  constructor(options: DeskConnectionOptions) {
    this.#options = { ackTimeoutMs: 5000, retryMs: 5000, typingIdleMs: 4000, ...options };
  }

  get status(): ReadonlySignal<ConnectionStatus> {
    return this.#status;
  }

  /** The ticket whose room we are in (or will join on connect). */
  get watchedTicketId(): string | null {
    return this.#watched;
  }

  /** Opens the socket (after sign-in). Calling it again while started does nothing. */
  start(): void {
    if (this.#socket) return;
    const socket = this.#options.createSocket();
    const h = this.#options.handlers;
    this.#socket = socket;
    this.#status.value = 'connecting';
    socket.on('connect', () => {
      this.#status.value = 'online';
      // A new socket starts online on the server; say again what the agent chose.
      if (this.#presence === 'away') socket.emit('presence:set', { status: 'away' });
      if (this.#watched) void this.#join(this.#watched);
      if (this.#everConnected) h.reconnected();
      this.#everConnected = true;
    });
    socket.on('disconnect', () => {
      this.#status.value = 'offline';
      this.#typingTicket = null;
    });
    socket.on('connect_error', () => {
      this.#status.value = 'offline';
      // socket.io retries by itself unless the server refused us; then we retry on our own clock.
      if (!socket.active) {
        h.refused();
        this.#scheduleRetry();
      }
    });
    socket.on('ticket:created', (t) => h.ticketCreated(t));
    socket.on('ticket:updated', (t) => h.ticketUpdated(t));
    socket.on('ticket:sla', (a) => h.slaAlert(a));
    socket.on('queue:counts', (c) => h.queueCounts?.(c));
    socket.on('message:created', (e) => h.messageCreated(e));
    socket.on('typing:changed', (e) => h.typingChanged(e));
    socket.on('presence:changed', (e) => h.presenceChanged?.(e));
    socket.on('ticket:viewers', (e) => h.viewersChanged?.(e));
    socket.on('ticket:assigned', (e) => h.ticketAssigned?.(e));
    socket.on('ticket:reach', (e) => h.reachChanged?.(e));
    socket.connect();
  }

  /** Closes the socket (sign-out). */
  stop(): void {
    this.#clearTimers();
    const socket = this.#socket;
    this.#socket = null;
    this.#everConnected = false;
    this.#watched = null;
    this.#typingTicket = null;
    this.#status.value = 'idle';
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
  }

  /** Join a ticket's room (leaving the previous one); re-joined on every reconnect. */
  watch(ticketId: string): void {
    if (this.#watched === ticketId) return;
    if (this.#watched) this.unwatch(this.#watched);
    this.#watched = ticketId;
    if (this.#socket?.connected) void this.#join(ticketId);
  }

  unwatch(ticketId: string): void {
    if (this.#watched !== ticketId) return;
    this.setTyping(ticketId, false);
    this.#watched = null;
    if (this.#socket?.connected) this.#socket.emit('ticket:unwatch', { ticketId });
  }

  /** The agent typed in the composer: say "typing" once, and "stopped" after a pause. */
  noteTyping(ticketId: string): void {
    this.setTyping(ticketId, true);
    if (this.#typingTimer) clearTimeout(this.#typingTimer);
    this.#typingTimer = setTimeout(() => this.setTyping(ticketId, false), this.#options.typingIdleMs);
  }

  /** The agent's status (chosen, or away after no input); kept across reconnects. */
  setPresence(status: 'online' | 'away'): void {
    if (this.#presence === status) return;
    this.#presence = status;
    if (this.#socket?.connected) this.#socket.emit('presence:set', { status });
  }

  /** Sends `typing:set` only when our state changes. */
  setTyping(ticketId: string, typing: boolean): void {
    if (!typing && this.#typingTimer) {
      clearTimeout(this.#typingTimer);
      this.#typingTimer = null;
    }
    const current = this.#typingTicket === ticketId;
    if (current === typing) return;
    if (!this.#socket?.connected) return;
    this.#typingTicket = typing ? ticketId : null;
    this.#socket.emit('typing:set', { ticketId, typing });
  }

  dispose(): void {
    this.stop();
  }

  async #join(ticketId: string): Promise<void> {
    const socket = this.#socket;
    if (!socket) return;
    try {
      const ack = await socket.timeout(this.#options.ackTimeoutMs).emitWithAck('ticket:watch', { ticketId });
      if (!ack.ok) console.warn(`Frontdesk: cannot watch ticket ${ticketId}: ${ack.error.message}`);
    } catch {
      // No ack in time: the next reconnect joins again, and the ticket is refetched then.
    }
  }

  #scheduleRetry(): void {
    if (this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      const socket = this.#socket;
      if (socket && !socket.connected && !socket.active) {
        this.#status.value = 'connecting';
        socket.connect();
      }
    }, this.#options.retryMs);
  }

  #clearTimers(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    if (this.#typingTimer) clearTimeout(this.#typingTimer);
    this.#retryTimer = null;
    this.#typingTimer = null;
  }
}
