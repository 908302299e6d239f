/**
 * The visitor's conversation: it ties the parts below to the socket and answers the view.
 * - `MessageList` (`message-list.ts`): server messages, deduplicated by id, ordered by conversation then seq;
 * - `Outbox` (`outbox.ts`): messages not yet acknowledged, kept across reloads in the store;
 * - `StreamsModel` (`streams.ts`): Kai's replies while they stream;
 * - `OthersTyping` / `VisitorTyping` (`typing.ts`): who is typing, and telling the others the visitor is;
 * and here: the conversation state (mode, ticket), the unread count, sync on connect, sending and escalating.
 *
 * Delivery is at-least-once: each message carries a client id; it is re-sent with the same id after a timeout
 * or a reconnect until the server acknowledges it (the server dedupes by client id). Everything here works
 * against `VisitorSocket`, so tests need no server.
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ErrorCode } from '../../../shared/errors';
import type { Author, ConversationState, Message, MessageDelta, VisitorTicket } from '../../../shared/protocol';
import type { KeyValueStore } from '../storage';
import { MessageList } from './message-list';
import { newClientId, Outbox, type OutboxItem } from './outbox';
import { StreamsModel, type StreamingMessage } from './streams';
import { OthersTyping, VisitorTyping } from './typing';
import type { VisitorListeners, VisitorSocket } from './visitor-socket';

export { newClientId, type OutboxItem } from './outbox';
export { STREAM_IDLE_MS, type StreamingMessage } from './streams';
export { TYPING_TTL_MS } from './typing';

/** The notice when asking for a person failed on our side (no answer, no connection): the view words it. */
export const UNREACHABLE = 'escalate_failed';

export interface ConversationOptions {
  store: KeyValueStore;
  /** Storage key of the outbox. */
  outboxKey: string;
  /** Called once when a ticket appears (a handoff), not for one already there when the messenger started. */
  onTicketCreated?: (ticket: VisitorTicket) => void;
  /** Defaults to `crypto.randomUUID`. */
  newClientId?: () => string;
}

export const SYNC_TIMEOUT_MS = 5000;
export const SEND_TIMEOUT_MS = 8000;
const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 30000;
/** Refusals worth retrying: the server was busy or broken, not the message. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['rate_limited', 'internal']);

type SyncData = { state: ConversationState; messages: Message[] };

const EMPTY_STATE: ConversationState = { id: null, mode: 'ai', ticket: null, lastSeq: 0 };
const NOBODY: Author[] = [];

export class ConversationModel {
  readonly #list = new MessageList();
  readonly #pending: Outbox;
  readonly #others = new OthersTyping();
  readonly #streaming = new StreamsModel();
  readonly #visitorTyping = new VisitorTyping((typing) => {
    if (this.#socket?.connected) this.#socket.emit('typing:set', { typing });
  });
  readonly #state = signal<ConversationState>(EMPTY_STATE);
  readonly #unread = signal(0);
  readonly #escalating = signal(false);
  readonly #notice = signal<string | null>(null);
  readonly #connected = signal(false);

  /** Server messages, ordered by seq, each id once. */
  readonly messages: ReadonlySignal<Message[]> = this.#list.messages;
  /** Messages waiting for the server's ack, in the order they were written. */
  readonly outbox: ReadonlySignal<OutboxItem[]>;
  readonly state: ReadonlySignal<ConversationState> = this.#state;
  /** Others (Kai, agents) typing right now; nobody while a reply streams (the growing bubble says it all). */
  readonly typing: ReadonlySignal<Author[]> = computed(() => (this.#streaming.streams.value.length > 0 ? NOBODY : this.#others.typing.value));
  /** Replies being streamed, in the order they started. */
  readonly streams: ReadonlySignal<StreamingMessage[]> = this.#streaming.streams;
  /** Messages from others that arrived while the messenger was closed. */
  readonly unread: ReadonlySignal<number> = this.#unread;
  readonly escalating: ReadonlySignal<boolean> = this.#escalating;
  /** A one-line problem to show the visitor (e.g. a failed escalation), or null. */
  readonly notice: ReadonlySignal<string | null> = this.#notice;
  readonly connected: ReadonlySignal<boolean> = this.#connected;
  /** The visitor may ask for a person while Kai is answering. */
  readonly canEscalate = computed(() => this.#state.value.mode === 'ai');
  /** What the composer holds; the bridge's `prefill` writes here. */
  readonly draft = signal('');

  #socket: VisitorSocket | null = null;
  #detachSocket: (() => void) | null = null;
  #open = true;
  #synced = false;
  /** The newest agent reply the server was told the visitor saw. */
  #seenId = '';
  #flushing: Promise<void> | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #retryDelay = RETRY_FIRST_MS;
  readonly #reportedTickets = new Set<string>();
  readonly #makeClientId: () => string;

  readonly #options: ConversationOptions;

  constructor(options: ConversationOptions) {
    this.#options = options;
    this.#makeClientId = options.newClientId ?? newClientId;
    this.#pending = new Outbox(options.store, options.outboxKey);
    this.outbox = this.#pending.items;
  }

  /** Listens to a socket (one at a time) and syncs and flushes the outbox on every connect. */
  attach(socket: VisitorSocket): void {
    this.detach();
    this.#socket = socket;
    const listeners: { [E in keyof VisitorListeners]: VisitorListeners[E] } = {
      connect: () => {
        this.#connected.value = true;
        this.#retryDelay = RETRY_FIRST_MS;
        void this.sync().then(() => this.flush());
      },
      disconnect: () => {
        this.#connected.value = false;
        this.#clearRetry();
        this.#visitorTyping.set(false);
        this.#streaming.dropAll(); // unfinished: the sync on reconnect brings the stored final message
      },
      'message:created': (message) => this.receive(message),
      'message:delta': (delta) => this.applyDelta(delta),
      'conversation:updated': (state) => this.applyState(state),
      'typing:changed': (event) => {
        // Kai stops typing after its final message; a stream still open then was abandoned (a handoff, a failure).
        if (!event.typing) this.#streaming.endAllOf(event.author);
        this.#others.set(event.author, event.typing);
      },
    };
    const names = Object.keys(listeners) as (keyof VisitorListeners)[]; // the keys of the object just built
    for (const name of names) socket.on(name, listeners[name]);
    this.#detachSocket = () => {
      for (const name of names) socket.off(name, listeners[name]);
    };
    if (socket.connected) listeners.connect();
  }

  /** Stops listening to the current socket. */
  detach(): void {
    this.#detachSocket?.();
    this.#detachSocket = null;
    this.#socket = null;
    this.#connected.value = false;
    this.#clearRetry();
    this.#streaming.dropAll();
  }

  /**
   * Asks the server for everything after the last seq we have of the current conversation, and the state.
   * When the server's open conversation is another one (the old one was closed), asks again from the start.
   */
  async sync(): Promise<void> {
    const target = this.#state.peek().id;
    const afterSeq = target ? this.#list.lastSeqOf(target) : 0;
    let data = await this.#requestSync(afterSeq);
    if (data && data.state.id !== null && data.state.id !== target && afterSeq > 0) {
      data = (await this.#requestSync(0)) ?? data;
    }
    if (!data) return;
    const { messages, state } = data;
    batch(() => {
      this.merge(messages);
      this.applyState(state);
    });
    this.#synced = true;
  }

  /** Adds messages: dedupes by id, orders by conversation then seq, settles matching outbox items, counts unread. */
  merge(incoming: readonly Message[]): void {
    batch(() => {
      const added = this.#list.merge(incoming);
      if (added.length === 0) return;
      this.#pending.settle(new Set(added.map((m) => m.clientId).filter((id): id is string => id !== null)));
      for (const m of added) this.#others.set(m.author, false);
      const fromOthers = added.filter((m) => m.author.kind !== 'customer').length;
      if (!this.#open && this.#synced && fromOthers > 0) this.#unread.value += fromOthers;
    });
    this.#ackSeen();
  }

  /**
   * Tells the server the visitor has seen the conversation up to its newest agent reply (shown while the
   * messenger is open), so that reply is not mailed to them. Each seq is told once; a lost ack only means a mail.
   */
  #ackSeen(): void {
    const newest = this.#list.newestAgentReply();
    if (!this.#open || !newest || newest.id === this.#seenId || !this.#socket?.connected) return;
    this.#seenId = newest.id;
    this.#socket.timeout(SYNC_TIMEOUT_MS).emitWithAck('message:seen', { upToSeq: newest.seq }).catch(() => undefined);
  }

  /** A live `message:created`: ends its stream, if it completes one, and merges it. */
  receive(message: Message): void {
    batch(() => {
      if (message.streamId) this.#streaming.end(message.streamId);
      this.merge([message]);
    });
  }

  /** A live `message:delta`: appends to its stream (started by the first delta), unless it is for another conversation. */
  applyDelta(event: MessageDelta): void {
    // The conversation shown now: the server's open one, else the one our latest message belongs to.
    this.#streaming.applyDelta(event, this.#state.peek().id ?? this.#list.latestConversationId());
  }

  /** Takes the server's view of the conversation; reports a ticket that has just appeared. */
  applyState(state: ConversationState): void {
    this.#state.value = state;
    if (state.mode !== 'ai') this.#streaming.dropAll(); // Kai is silent after a handoff: its unfinished reply will not come
    const ticket = state.ticket;
    if (!ticket || this.#reportedTickets.has(ticket.id)) return;
    this.#reportedTickets.add(ticket.id);
    // A ticket already there in the first sync was reported by the page view that saw it appear.
    if (this.#synced) this.#options.onTicketCreated?.(ticket);
  }

  /** Queues a message (text, or uploaded files) and sends it when connected. Returns false for an empty message. */
  send(text: string, attachmentIds?: string[]): boolean {
    const body = text.trim();
    if (!body && !attachmentIds) return false;
    this.#pending.add({ clientId: this.#makeClientId(), body, createdAt: new Date().toISOString(), attachmentIds });
    this.#visitorTyping.set(false);
    void this.flush();
    return true;
  }

  /** Takes a refused message out of the outbox and puts its text back in the composer. */
  edit(clientId: string): void {
    const item = this.#pending.peek().find((i) => i.clientId === clientId);
    if (!item) return;
    batch(() => {
      this.#pending.remove(item);
      this.draft.value = item.body;
    });
  }

  /** Sends what is pending, oldest first, one at a time. Concurrent calls share one run. */
  flush(): Promise<void> {
    if (!this.#flushing) {
      this.#flushing = this.#drain().finally(() => {
        this.#flushing = null;
        // Something may have been queued just as the run ended.
        if (this.#pending.next() && this.#socket?.connected && !this.#retryTimer) void this.flush();
      });
    }
    return this.#flushing;
  }

  /** Asks for a person (`conversation:escalate`), after the visitor's pending messages went out. */
  async escalate(): Promise<void> {
    const socket = this.#socket;
    if (!socket?.connected || this.#escalating.peek() || !this.canEscalate.peek()) return;
    this.#escalating.value = true;
    this.#notice.value = null;
    try {
      await this.flush();
      const ack = await socket.timeout(SEND_TIMEOUT_MS).emitWithAck('conversation:escalate', {});
      if (ack.ok) this.applyState(ack.data);
      else this.#notice.value = ack.error.message;
    } catch {
      this.#notice.value = UNREACHABLE; // worded in the visitor's language by the view
    } finally {
      this.#escalating.value = false;
    }
  }

  /** The visitor read the conversation in another tab. */
  markRead(): void {
    this.#unread.value = 0;
  }

  /** The loader opened or closed the messenger. Opening clears the unread count. */
  setOpen(open: boolean): void {
    this.#open = open;
    if (open) this.#unread.value = 0;
    this.#ackSeen();
  }

  /** The visitor typed: tell the others (at most once until they stop). */
  noteVisitorTyping(): void {
    this.#visitorTyping.note();
  }

  /**
   * Forgets the conversation: `shutdown` or another user signed in (the stored outbox too), or the server
   * gave us a new visitor (then unsent messages stay, to go to the new conversation).
   */
  clear({ keepOutbox = false } = {}): void {
    batch(() => {
      this.#list.clear();
      if (!keepOutbox) this.#pending.clear();
      this.#state.value = EMPTY_STATE;
      this.#others.clear();
      this.#streaming.dropAll();
      this.#unread.value = 0;
      this.#notice.value = null;
      this.draft.value = '';
    });
    this.#synced = false;
    this.#reportedTickets.clear();
  }

  dispose(): void {
    this.detach();
    this.#others.dispose();
    this.#visitorTyping.dispose();
  }

  async #requestSync(afterSeq: number): Promise<SyncData | null> {
    const socket = this.#socket;
    if (!socket?.connected) return null;
    try {
      const ack = await socket.timeout(SYNC_TIMEOUT_MS).emitWithAck('conversation:sync', { afterSeq });
      return ack.ok ? ack.data : null;
    } catch {
      return null; // no answer in time: the next reconnect syncs again, and live events keep arriving meanwhile
    }
  }

  async #drain(): Promise<void> {
    for (;;) {
      const socket = this.#socket;
      const item = this.#pending.next();
      if (!socket?.connected || !item || this.#retryTimer) return;
      let ack;
      try {
        ack = await socket.timeout(SEND_TIMEOUT_MS).emitWithAck('message:send', { clientId: item.clientId, body: item.body, attachmentIds: item.attachmentIds });
      } catch {
        return this.#scheduleRetry(); // no ack in time: keep it pending, same client id next time
      }
      if (ack.ok) {
        this.#retryDelay = RETRY_FIRST_MS;
        this.merge([ack.data]);
        // An ack for a message we already had (a duplicate send) still settles the outbox item.
        this.#pending.remove(item);
      } else if (RETRYABLE.has(ack.error.code)) {
        return this.#scheduleRetry();
      } else {
        this.#pending.refuse(item, ack.error.message);
      }
    }
  }

  #scheduleRetry(): void {
    if (this.#retryTimer || !this.#socket?.connected) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.flush();
    }, this.#retryDelay);
    this.#retryDelay = Math.min(this.#retryDelay * 2, RETRY_MAX_MS);
  }

  #clearRetry(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }
}
