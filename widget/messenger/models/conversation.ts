/**
 * The visitor's conversation: server messages (deduplicated by id, ordered by seq), the outbox of messages not
 * yet acknowledged, the conversation state (mode, ticket), who is typing, and the unread count.
 *
 * Delivery is at-least-once: each message carries a client id; it is re-sent with the same id after a timeout
 * or a reconnect until the server acknowledges it (the server dedupes by client id). The outbox survives a
 * reload through the store. Everything here works against `VisitorSocket`, so tests need no server.
 *
 * Kai's replies may stream: `message:delta` events grow a streaming bubble until `message:created` with the same
 * streamId replaces it (the final body is authoritative). Streams are live only: a disconnect drops them, and the
 * sync on reconnect brings the stored final message.
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ErrorCode } from '../../../shared/errors';
import type { Author, ConversationState, Message, MessageDelta, VisitorTicket } from '../../../shared/protocol';
import type { KeyValueStore } from '../storage';
import type { VisitorListeners, VisitorSocket } from './visitor-socket';

/** A message the visitor wrote that the server has not acknowledged yet. */
/** The notice when asking for a person failed on our side (no answer, no connection): the view words it. */
export const UNREACHABLE = 'escalate_failed';

export interface OutboxItem {
  clientId: string;
  body: string;
  createdAt: string;
  /** Ids of files uploaded beforehand that the message carries. */
  attachmentIds?: string[];
  /** Why the server refused it for good; such an item is not re-sent. */
  error?: string;
}

/** A reply being written (Kai's, streamed): what has arrived so far. */
export interface StreamingMessage {
  streamId: string;
  conversationId: string;
  author: Author;
  body: string;
}

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
/** How long someone shows as typing without news from them. */
export const TYPING_TTL_MS = 8000;
/** After this long without a keystroke, the visitor stops showing as typing. */
const VISITOR_TYPING_IDLE_MS = 4000;
/** A stream with no delta and no final message for this long is dropped (the final message may still come). */
export const STREAM_IDLE_MS = 30000;
/** How many finished stream ids are remembered, so a late delta cannot reopen a finished stream. */
const FINISHED_STREAMS_KEPT = 50;
const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 30000;
/** Refusals worth retrying: the server was busy or broken, not the message. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['rate_limited', 'internal']);
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

type SyncData = { state: ConversationState; messages: Message[] };

const EMPTY_STATE: ConversationState = { id: null, mode: 'ai', ticket: null, lastSeq: 0 };
const NOBODY: Author[] = [];

/** A client id for `message:send`: a UUID, or 32 random hex digits where randomUUID is missing (plain http). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function readOutbox(raw: string | null): OutboxItem[] {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (i): i is OutboxItem =>
        typeof i === 'object' && i !== null && typeof i.clientId === 'string' && CLIENT_ID.test(i.clientId) &&
        typeof i.body === 'string' && typeof i.createdAt === 'string' && (i.error === undefined || typeof i.error === 'string'),
    );
  } catch {
    return [];
  }
}

const authorKey = (a: Author): string => `${a.kind}:${a.name}`;

export class ConversationModel {
  private readonly _messages = signal<Message[]>([]);
  private readonly _outbox = signal<OutboxItem[]>([]);
  private readonly _state = signal<ConversationState>(EMPTY_STATE);
  private readonly _typing = signal<Author[]>([]);
  private readonly _streams = signal<StreamingMessage[]>([]);
  private readonly _unread = signal(0);
  private readonly _escalating = signal(false);
  private readonly _notice = signal<string | null>(null);

  private readonly _connected = signal(false);

  /** Server messages, ordered by seq, each id once. */
  readonly messages: ReadonlySignal<Message[]> = this._messages;
  /** Messages waiting for the server's ack, in the order they were written. */
  readonly outbox: ReadonlySignal<OutboxItem[]> = this._outbox;
  readonly state: ReadonlySignal<ConversationState> = this._state;
  /** Others (Kai, agents) typing right now; nobody while a reply streams (the growing bubble says it all). */
  readonly typing: ReadonlySignal<Author[]> = computed(() => (this._streams.value.length > 0 ? NOBODY : this._typing.value));
  /** Replies being streamed, in the order they started. */
  readonly streams: ReadonlySignal<StreamingMessage[]> = this._streams;
  /** Messages from others that arrived while the messenger was closed. */
  readonly unread: ReadonlySignal<number> = this._unread;
  readonly escalating: ReadonlySignal<boolean> = this._escalating;
  /** A one-line problem to show the visitor (e.g. a failed escalation), or null. */
  readonly notice: ReadonlySignal<string | null> = this._notice;
  readonly connected: ReadonlySignal<boolean> = this._connected;
  /** The visitor may ask for a person while Kai is answering. */
  readonly canEscalate = computed(() => this._state.value.mode === 'ai');
  /** What the composer holds; the bridge's `prefill` writes here. */
  readonly draft = signal('');

  private socket: VisitorSocket | null = null;
  private detachSocket: (() => void) | null = null;
  private open = true;
  private synced = false;
  /** The newest agent reply the server was told the visitor saw. */
  private seenId = '';
  private flushing: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay = RETRY_FIRST_MS;
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly streamTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly finishedStreams = new Set<string>();
  private visitorTypingTimer: ReturnType<typeof setTimeout> | null = null;
  private visitorTyping = false;
  private readonly reportedTickets = new Set<string>();
  /** Conversations in the order first seen, to order messages across a closed conversation and its successor. */
  private readonly conversationOrder = new Map<string, number>();
  private readonly makeClientId: () => string;

  constructor(private readonly options: ConversationOptions) {
    this.makeClientId = options.newClientId ?? newClientId;
    this._outbox.value = readOutbox(options.store.get(options.outboxKey));
  }

  /** Listens to a socket (one at a time) and syncs and flushes the outbox on every connect. */
  attach(socket: VisitorSocket): void {
    this.detach();
    this.socket = socket;
    const listeners: { [E in keyof VisitorListeners]: VisitorListeners[E] } = {
      connect: () => {
        this._connected.value = true;
        this.retryDelay = RETRY_FIRST_MS;
        void this.sync().then(() => this.flush());
      },
      disconnect: () => {
        this._connected.value = false;
        this.clearRetry();
        this.setVisitorTyping(false);
        this.dropStreams(); // unfinished: the sync on reconnect brings the stored final message
      },
      'message:created': (message) => this.receive(message),
      'message:delta': (delta) => this.applyDelta(delta),
      'conversation:updated': (state) => this.applyState(state),
      'typing:changed': (event) => {
        // Kai stops typing after its final message; a stream still open then was abandoned (a handoff, a failure).
        if (!event.typing) this.endStreamsOf(event.author);
        this.setTyping(event.author, event.typing);
      },
    };
    const names = Object.keys(listeners) as (keyof VisitorListeners)[]; // the keys of the object just built
    for (const name of names) socket.on(name, listeners[name]);
    this.detachSocket = () => {
      for (const name of names) socket.off(name, listeners[name]);
    };
    if (socket.connected) listeners.connect();
  }

  /** Stops listening to the current socket. */
  detach(): void {
    this.detachSocket?.();
    this.detachSocket = null;
    this.socket = null;
    this._connected.value = false;
    this.clearRetry();
    this.dropStreams();
  }

  /**
   * Asks the server for everything after the last seq we have of the current conversation, and the state.
   * When the server's open conversation is another one (the old one was closed), asks again from the start.
   */
  async sync(): Promise<void> {
    const target = this._state.peek().id;
    const afterSeq = target ? this.lastSeqOf(target) : 0;
    let data = await this.requestSync(afterSeq);
    if (data && data.state.id !== null && data.state.id !== target && afterSeq > 0) {
      data = (await this.requestSync(0)) ?? data;
    }
    if (!data) return;
    const { messages, state } = data;
    batch(() => {
      this.merge(messages);
      this.applyState(state);
    });
    this.synced = true;
  }

  /** Adds messages: dedupes by id, orders by conversation then seq, settles matching outbox items, counts unread. */
  merge(incoming: readonly Message[]): void {
    const byId = new Map(this._messages.peek().map((m) => [m.id, m]));
    const added = incoming.filter((m) => !m.internal && !byId.has(m.id));
    if (added.length === 0) return;
    for (const m of added) {
      byId.set(m.id, m);
      // Seqs restart in a new conversation: it goes after those we saw before.
      if (!this.conversationOrder.has(m.conversationId)) this.conversationOrder.set(m.conversationId, this.conversationOrder.size);
    }
    const order = (m: Message): number => this.conversationOrder.get(m.conversationId) ?? 0;
    const settled = new Set(added.map((m) => m.clientId).filter((id): id is string => id !== null));
    batch(() => {
      this._messages.value = [...byId.values()].sort((a, b) => order(a) - order(b) || a.seq - b.seq);
      if (settled.size > 0) this.setOutbox(this._outbox.peek().filter((i) => !settled.has(i.clientId)));
      for (const m of added) this.setTyping(m.author, false);
      const fromOthers = added.filter((m) => m.author.kind !== 'customer').length;
      if (!this.open && this.synced && fromOthers > 0) this._unread.value += fromOthers;
    });
    this.ackSeen();
  }

  /**
   * Tells the server the visitor has seen the conversation up to its newest agent reply (shown while the
   * messenger is open), so that reply is not mailed to them. Each seq is told once; a lost ack only means a mail.
   */
  private ackSeen(): void {
    // Messages are ordered by conversation, so the last agent reply is the current conversation's, if it has one.
    const newest = this._messages.peek().findLast((m) => m.author.kind === 'agent');
    if (!this.open || !newest || newest.id === this.seenId || !this.socket?.connected) return;
    this.seenId = newest.id;
    this.socket.timeout(SYNC_TIMEOUT_MS).emitWithAck('message:seen', { upToSeq: newest.seq }).catch(() => undefined);
  }

  /** A live `message:created`: ends its stream, if it completes one, and merges it. */
  receive(message: Message): void {
    batch(() => {
      if (message.streamId) this.endStream(message.streamId);
      this.merge([message]);
    });
  }

  /** A live `message:delta`: appends to its stream (started by the first delta), unless it is for another conversation. */
  applyDelta(event: MessageDelta): void {
    const { streamId, conversationId, author, delta } = event;
    if (author.kind === 'customer' || typeof delta !== 'string' || this.finishedStreams.has(streamId)) return;
    const current = this.currentConversationId();
    if (current !== null && conversationId !== current) return;
    const streams = this._streams.peek();
    const found = streams.some((s) => s.streamId === streamId);
    this._streams.value = found
      ? streams.map((s) => (s.streamId === streamId ? { ...s, body: s.body + delta } : s))
      : [...streams, { streamId, conversationId, author, body: delta }];
    const timer = this.streamTimers.get(streamId);
    if (timer) clearTimeout(timer);
    this.streamTimers.set(streamId, setTimeout(() => this.endStream(streamId), STREAM_IDLE_MS));
  }

  /** Takes the server's view of the conversation; reports a ticket that has just appeared. */
  applyState(state: ConversationState): void {
    this._state.value = state;
    if (state.mode !== 'ai') this.dropStreams(); // Kai is silent after a handoff: its unfinished reply will not come
    const ticket = state.ticket;
    if (!ticket || this.reportedTickets.has(ticket.id)) return;
    this.reportedTickets.add(ticket.id);
    // A ticket already there in the first sync was reported by the page view that saw it appear.
    if (this.synced) this.options.onTicketCreated?.(ticket);
  }

  /** Queues a message (text, or uploaded files) and sends it when connected. Returns false for an empty message. */
  send(text: string, attachmentIds?: string[]): boolean {
    const body = text.trim();
    if (!body && !attachmentIds) return false;
    const item: OutboxItem = { clientId: this.makeClientId(), body, createdAt: new Date().toISOString(), attachmentIds };
    this.setOutbox([...this._outbox.peek(), item]);
    this.setVisitorTyping(false);
    void this.flush();
    return true;
  }

  /** Takes a refused message out of the outbox and puts its text back in the composer. */
  edit(clientId: string): void {
    const item = this._outbox.peek().find((i) => i.clientId === clientId);
    if (!item) return;
    batch(() => {
      this.setOutbox(this._outbox.peek().filter((i) => i !== item));
      this.draft.value = item.body;
    });
  }

  /** Sends what is pending, oldest first, one at a time. Concurrent calls share one run. */
  flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.drain().finally(() => {
        this.flushing = null;
        // Something may have been queued just as the run ended.
        if (this.nextToSend() && this.socket?.connected && !this.retryTimer) void this.flush();
      });
    }
    return this.flushing;
  }

  /** Asks for a person (`conversation:escalate`), after the visitor's pending messages went out. */
  async escalate(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected || this._escalating.peek() || !this.canEscalate.peek()) return;
    this._escalating.value = true;
    this._notice.value = null;
    try {
      await this.flush();
      const ack = await socket.timeout(SEND_TIMEOUT_MS).emitWithAck('conversation:escalate', {});
      if (ack.ok) this.applyState(ack.data);
      else this._notice.value = ack.error.message;
    } catch {
      this._notice.value = UNREACHABLE; // worded in the visitor's language by the view
    } finally {
      this._escalating.value = false;
    }
  }

  /** The visitor read the conversation in another tab. */
  markRead(): void {
    this._unread.value = 0;
  }

  /** The loader opened or closed the messenger. Opening clears the unread count. */
  setOpen(open: boolean): void {
    this.open = open;
    if (open) this._unread.value = 0;
    this.ackSeen();
  }

  /** The visitor typed: tell the others (at most once until they stop). */
  noteVisitorTyping(): void {
    this.setVisitorTyping(true);
    if (this.visitorTypingTimer) clearTimeout(this.visitorTypingTimer);
    this.visitorTypingTimer = setTimeout(() => this.setVisitorTyping(false), VISITOR_TYPING_IDLE_MS);
  }

  /**
   * Forgets the conversation: `shutdown` or another user signed in (the stored outbox too), or the server
   * gave us a new visitor (then unsent messages stay, to go to the new conversation).
   */
  clear({ keepOutbox = false } = {}): void {
    batch(() => {
      this._messages.value = [];
      if (!keepOutbox) this.setOutbox([]);
      this._state.value = EMPTY_STATE;
      this._typing.value = [];
      this.dropStreams();
      this._unread.value = 0;
      this._notice.value = null;
      this.draft.value = '';
    });
    this.synced = false;
    this.reportedTickets.clear();
    this.conversationOrder.clear();
  }

  dispose(): void {
    this.detach();
    this.typingTimers.forEach(clearTimeout);
    this.typingTimers.clear();
    if (this.visitorTypingTimer) clearTimeout(this.visitorTypingTimer);
  }

  /** The conversation shown now: the server's open one, else the one our latest message belongs to. */
  private currentConversationId(): string | null {
    const messages = this._messages.peek();
    return this._state.peek().id ?? messages[messages.length - 1]?.conversationId ?? null;
  }

  /** Removes a stream (finished, or gone quiet) and ignores any delta for it from now on. */
  private endStream(streamId: string): void {
    const timer = this.streamTimers.get(streamId);
    if (timer) clearTimeout(timer);
    this.streamTimers.delete(streamId);
    this.markFinished(streamId);
    const streams = this._streams.peek();
    if (streams.some((s) => s.streamId === streamId)) this._streams.value = streams.filter((s) => s.streamId !== streamId);
  }

  private endStreamsOf(author: Author): void {
    const key = authorKey(author);
    for (const s of this._streams.peek()) if (authorKey(s.author) === key) this.endStream(s.streamId);
  }

  /** Drops every stream; deltas that still come for them (after a quick reconnect) would show a torn text, so they are ignored. */
  private dropStreams(): void {
    this.streamTimers.forEach(clearTimeout);
    this.streamTimers.clear();
    const streams = this._streams.peek();
    if (streams.length === 0) return;
    for (const s of streams) this.markFinished(s.streamId);
    this._streams.value = [];
  }

  private markFinished(streamId: string): void {
    this.finishedStreams.add(streamId);
    for (const oldest of this.finishedStreams) {
      if (this.finishedStreams.size <= FINISHED_STREAMS_KEPT) break;
      this.finishedStreams.delete(oldest);
    }
  }

  private setVisitorTyping(typing: boolean): void {
    if (!typing && this.visitorTypingTimer) {
      clearTimeout(this.visitorTypingTimer);
      this.visitorTypingTimer = null;
    }
    if (typing === this.visitorTyping) return;
    this.visitorTyping = typing;
    if (this.socket?.connected) this.socket.emit('typing:set', { typing });
  }

  private setTyping(author: Author, typing: boolean): void {
    if (author.kind === 'customer') return;
    const key = authorKey(author);
    const timer = this.typingTimers.get(key);
    if (timer) clearTimeout(timer);
    this.typingTimers.delete(key);
    const others = this._typing.peek().filter((a) => authorKey(a) !== key);
    if (typing) this.typingTimers.set(key, setTimeout(() => this.setTyping(author, false), TYPING_TTL_MS));
    if (typing || others.length !== this._typing.peek().length) this._typing.value = typing ? [...others, author] : others;
  }

  private setOutbox(items: OutboxItem[]): void {
    this._outbox.value = items;
    if (items.length > 0) this.options.store.set(this.options.outboxKey, JSON.stringify(items));
    else this.options.store.remove(this.options.outboxKey);
  }

  private lastSeqOf(conversationId: string): number {
    return this._messages.peek().reduce((max, m) => (m.conversationId === conversationId ? Math.max(max, m.seq) : max), 0);
  }

  private async requestSync(afterSeq: number): Promise<SyncData | null> {
    const socket = this.socket;
    if (!socket?.connected) return null;
    try {
      const ack = await socket.timeout(SYNC_TIMEOUT_MS).emitWithAck('conversation:sync', { afterSeq });
      return ack.ok ? ack.data : null;
    } catch {
      return null; // no answer in time: the next reconnect syncs again, and live events keep arriving meanwhile
    }
  }

  private nextToSend(): OutboxItem | undefined {
    return this._outbox.peek().find((i) => i.error === undefined);
  }

  private async drain(): Promise<void> {
    for (;;) {
      const socket = this.socket;
      const item = this.nextToSend();
      if (!socket?.connected || !item || this.retryTimer) return;
      let ack;
      try {
        ack = await socket.timeout(SEND_TIMEOUT_MS).emitWithAck('message:send', { clientId: item.clientId, body: item.body, attachmentIds: item.attachmentIds });
      } catch {
        return this.scheduleRetry(); // no ack in time: keep it pending, same client id next time
      }
      if (ack.ok) {
        this.retryDelay = RETRY_FIRST_MS;
        this.merge([ack.data]);
        // An ack for a message we already had (a duplicate send) still settles the outbox item.
        if (this._outbox.peek().includes(item)) this.setOutbox(this._outbox.peek().filter((i) => i !== item));
      } else if (RETRYABLE.has(ack.error.code)) {
        return this.scheduleRetry();
      } else {
        const error = ack.error.message;
        this.setOutbox(this._outbox.peek().map((i) => (i === item ? { ...i, error } : i)));
      }
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer || !this.socket?.connected) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
