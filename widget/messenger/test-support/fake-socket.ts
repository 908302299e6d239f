/**
 * A stand-in for the `/visitor` socket in unit tests: records what the model emits, lets the test answer
 * commands (or not answer, which the real socket reports as a timeout), and fires server events.
 */
import type { ConversationState, Message } from '../../../shared/protocol';
import type { CommandAck, CommandPayload, VisitorCommand, VisitorListeners, VisitorSocket } from '../models/visitor-socket';

/** How the fake server answers one command; returning `'timeout'` rejects like socket.io does. */
export type FakeHandlers = { [E in VisitorCommand]?: (payload: CommandPayload<E>) => CommandAck<E> | 'timeout' };

export interface SentCommand {
  event: VisitorCommand;
  payload: unknown;
}

type AnyListener = (...args: unknown[]) => void;

export class FakeSocket implements VisitorSocket {
  connected = false;
  readonly sent: SentCommand[] = [];
  readonly typing: boolean[] = [];
  handlers: FakeHandlers = {};
  private readonly listeners = new Map<string, Set<AnyListener>>();

  on<E extends keyof VisitorListeners>(event: E, listener: VisitorListeners[E]): this {
    const set = this.listeners.get(event) ?? new Set<AnyListener>();
    set.add(listener as AnyListener); // stored untyped; fire() passes the event's own arguments
    this.listeners.set(event, set);
    return this;
  }

  off<E extends keyof VisitorListeners>(event: E, listener: VisitorListeners[E]): this {
    this.listeners.get(event)?.delete(listener as AnyListener);
    return this;
  }

  emit(_event: 'typing:set', payload: { typing: boolean }): this {
    this.typing.push(payload.typing);
    return this;
  }

  timeout(_ms: number) {
    return {
      emitWithAck: <E extends VisitorCommand>(event: E, payload: CommandPayload<E>): Promise<CommandAck<E>> => {
        this.sent.push({ event, payload });
        const handler = this.handlers[event] as ((p: CommandPayload<E>) => CommandAck<E> | 'timeout') | undefined;
        const answer = this.connected && handler ? handler(payload) : 'timeout';
        return answer === 'timeout' ? Promise.reject(new Error('operation has timed out')) : Promise.resolve(answer);
      },
    };
  }

  /** Delivers a server event (or connect/disconnect) to the listeners. */
  fire<E extends keyof VisitorListeners>(event: E, ...args: Parameters<VisitorListeners[E]>): void {
    this.fireAny(event, ...args);
  }

  /** Like fire(), for socket.io's own events too (connect_error, disconnect with a reason). */
  fireAny(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  connect(): this {
    this.connected = true;
    this.fire('connect');
    return this;
  }

  /** The server or the network dropped the connection (socket.io would reconnect by itself). */
  drop(): void {
    this.connected = false;
    this.fireAny('disconnect', 'transport close');
  }

  /** The client closed the socket on purpose. */
  disconnect(): this {
    const was = this.connected;
    this.connected = false;
    if (was) this.fireAny('disconnect', 'io client disconnect');
    return this;
  }

  /** Commands of one kind, in order. */
  sentOf(event: VisitorCommand): unknown[] {
    return this.sent.filter((s) => s.event === event).map((s) => s.payload);
  }
}

/**
 * The fake as socket.io's `on` sees it, with any event name. Used by ConnectionModel tests, whose model listens to
 * socket.io's own events (connect_error) besides the protocol's.
 */
export class FakeIoSocket extends FakeSocket {
  /** socket.io's `active`: false after the server refused the handshake (no automatic reconnect then). */
  active = true;
  constructor(readonly token: () => string) {
    super();
  }
}

/** A message as the server would send it (one conversation and seq make one message, as on the server). */
export function message(partial: Partial<Message> & Pick<Message, 'seq'>): Message {
  const conversationId = partial.conversationId ?? 'c1';
  return {
    id: `m-${conversationId}-${partial.seq}`,
    conversationId,
    clientId: null,
    author: { kind: 'ai', name: 'Kai' },
    body: `message ${partial.seq}`,
    internal: false,
    sources: [],
    createdAt: '2025-01-06T10:00:00.000Z',
    ...partial,
  };
}

export const AI_STATE: ConversationState = { id: 'c1', mode: 'ai', ticket: null, lastSeq: 0 };

/** A fake server that keeps a conversation and dedupes sends by client id, like the real one. */
export function fakeServer(socket: FakeSocket, initial: Message[] = []) {
  const messages = [...initial];
  let state: ConversationState = { ...AI_STATE, lastSeq: initial.length };
  const byClientId = new Map<string, Message>();
  socket.handlers = {
    'conversation:sync': ({ afterSeq }) => ({ ok: true, data: { state, messages: messages.filter((m) => m.seq > afterSeq) } }),
    'message:send': ({ clientId, body }) => {
      let stored = byClientId.get(clientId);
      if (!stored) {
        stored = message({ seq: messages.length + 1, clientId, body, author: { kind: 'customer', name: 'Visitor' } });
        byClientId.set(clientId, stored);
        messages.push(stored);
      }
      state = { ...state, lastSeq: messages.length };
      return { ok: true, data: stored };
    },
  };
  return {
    messages,
    get state() {
      return state;
    },
    set state(next: ConversationState) {
      state = next;
    },
  };
}
