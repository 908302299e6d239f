import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VisitorTicket } from '../../../shared/protocol';
import { memoryStore } from '../storage';
import { AI_STATE, FakeSocket, fakeServer, message } from '../test-support/fake-socket';
import { ConversationModel, STREAM_IDLE_MS, TYPING_TTL_MS } from './conversation';

const OUTBOX = 'frontdesk:demo:outbox';

function setup(options: { store?: ReturnType<typeof memoryStore>; onTicketCreated?: (t: VisitorTicket) => void } = {}) {
  const store = options.store ?? memoryStore();
  let n = 0;
  const model = new ConversationModel({
    store,
    outboxKey: OUTBOX,
    newClientId: () => `client-${String(++n).padStart(4, '0')}`,
    onTicketCreated: options.onTicketCreated,
  });
  const socket = new FakeSocket();
  return { model, socket, store };
}

/** Lets pending promise callbacks (acks) run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('ConversationModel: merging', () => {
  it('dedupes a message delivered twice and orders by seq', () => {
    const { model } = setup();
    const m1 = message({ seq: 1 });
    const m2 = message({ seq: 2 });
    const m3 = message({ seq: 3 });
    model.merge([m3]);
    model.merge([m1, m3]);
    model.merge([m2, m2, m1]);
    expect(model.messages.value.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(model.messages.value.map((m) => m.id)).toEqual([m1.id, m2.id, m3.id]);
  });

  it('dedupes between a live event and the sync that replays it', async () => {
    const { model, socket } = setup();
    const server = fakeServer(socket, [message({ seq: 1 }), message({ seq: 2 })]);
    model.attach(socket);
    socket.fire('message:created', server.messages[1]!);
    socket.connect();
    await settle();
    socket.fire('message:created', server.messages[0]!);
    expect(model.messages.value.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('never shows internal notes', () => {
    const { model } = setup();
    model.merge([message({ seq: 1, internal: true, author: { kind: 'agent', name: 'Sam' } })]);
    expect(model.messages.value).toEqual([]);
  });

  it('syncs on every connect from the last seq it has', async () => {
    const { model, socket } = setup();
    const server = fakeServer(socket, [message({ seq: 1 }), message({ seq: 2 })]);
    model.attach(socket);
    socket.connect();
    await settle();
    expect(socket.sentOf('conversation:sync')).toEqual([{ afterSeq: 0 }]);
    expect(model.state.value.id).toBe('c1');
    socket.drop();
    server.messages.push(message({ seq: 3, body: 'missed while away' }));
    socket.connect();
    await settle();
    expect(socket.sentOf('conversation:sync')).toEqual([{ afterSeq: 0 }, { afterSeq: 2 }]);
    expect(model.messages.value.map((m) => m.body)).toEqual(['message 1', 'message 2', 'missed while away']);
  });

  it('asks again from the start when the server has moved on to a new conversation', async () => {
    const { model, socket } = setup();
    const server = fakeServer(socket, [message({ seq: 1 }), message({ seq: 2 })]);
    model.attach(socket);
    socket.connect();
    await settle();
    socket.drop();
    // The old conversation was closed; the visitor's next one starts again at seq 1.
    server.messages.length = 0;
    server.messages.push(message({ seq: 1, conversationId: 'c2', body: 'new 1' }), message({ seq: 2, conversationId: 'c2', body: 'new 2' }), message({ seq: 3, conversationId: 'c2', body: 'new 3' }));
    server.state = { ...AI_STATE, id: 'c2' };
    socket.connect();
    await settle();
    expect(socket.sentOf('conversation:sync')).toEqual([{ afterSeq: 0 }, { afterSeq: 2 }, { afterSeq: 0 }]);
    expect(model.messages.value.map((m) => m.body)).toEqual(['message 1', 'message 2', 'new 1', 'new 2', 'new 3']);
  });
});

describe('ConversationModel: outbox', () => {
  it('shows a message at once and keeps it pending while disconnected', () => {
    const { model, socket } = setup();
    model.attach(socket);
    expect(model.send('  Hello?  ')).toBe(true);
    expect(model.outbox.value).toEqual([{ clientId: 'client-0001', body: 'Hello?', createdAt: expect.any(String) }]);
    expect(socket.sentOf('message:send')).toEqual([]);
    expect(model.send('   ')).toBe(false);
    expect(model.outbox.value).toHaveLength(1);
  });

  it('sends a pending message once, with the same client id, when the socket reconnects', async () => {
    const { model, socket } = setup();
    const server = fakeServer(socket);
    model.attach(socket);
    model.send('Written while offline');
    socket.connect();
    await settle();
    expect(socket.sentOf('message:send')).toEqual([{ clientId: 'client-0001', body: 'Written while offline' }]);
    expect(model.outbox.value).toEqual([]);
    expect(model.messages.value).toEqual([server.messages[0]]);
    expect(model.messages.value[0]?.clientId).toBe('client-0001');
  });

  it('re-sends with the same client id when the socket reconnects after a timeout', async () => {
    const { model, socket } = setup();
    const server = fakeServer(socket);
    const realSend = socket.handlers['message:send']!;
    socket.handlers['message:send'] = () => 'timeout'; // lost on the way to the server
    model.attach(socket);
    socket.connect();
    await settle();
    model.send('Are you there?');
    await settle();
    expect(model.outbox.value).toHaveLength(1);
    socket.handlers['message:send'] = realSend;
    socket.drop();
    socket.connect();
    await settle();
    expect(socket.sentOf('message:send')).toEqual([
      { clientId: 'client-0001', body: 'Are you there?' },
      { clientId: 'client-0001', body: 'Are you there?' },
    ]);
    expect(server.messages).toHaveLength(1);
    expect(model.outbox.value).toEqual([]);
    expect(model.messages.value.map((m) => m.body)).toEqual(['Are you there?']);
  });

  it('settles a message whose ack was lost from the replay, without a duplicate', async () => {
    const { model, socket } = setup();
    const server = fakeServer(socket);
    const realSend = socket.handlers['message:send']!;
    socket.handlers['message:send'] = (payload) => {
      realSend(payload); // stored, but the ack never comes back
      return 'timeout';
    };
    model.attach(socket);
    socket.connect();
    await settle();
    model.send('Are you there?');
    await settle();
    socket.handlers['message:send'] = realSend;
    socket.drop();
    socket.connect();
    await settle();
    expect(server.messages).toHaveLength(1);
    expect(model.outbox.value).toEqual([]);
    expect(model.messages.value.map((m) => [m.clientId, m.body])).toEqual([['client-0001', 'Are you there?']]);
  });

  it('retries by itself after a timeout while still connected', async () => {
    vi.useFakeTimers();
    const { model, socket } = setup();
    const server = fakeServer(socket);
    const realSend = socket.handlers['message:send']!;
    socket.handlers['message:send'] = () => 'timeout';
    model.attach(socket);
    socket.connect();
    await vi.advanceTimersByTimeAsync(0);
    model.send('Slow server');
    await vi.advanceTimersByTimeAsync(0);
    socket.handlers['message:send'] = realSend;
    await vi.advanceTimersByTimeAsync(2000);
    expect(socket.sentOf('message:send')).toHaveLength(2);
    expect(model.outbox.value).toEqual([]);
    expect(server.messages).toHaveLength(1);
  });

  it('sends pending messages in the order they were written', async () => {
    const { model, socket } = setup();
    fakeServer(socket);
    model.attach(socket);
    model.send('first');
    model.send('second');
    model.send('third');
    socket.connect();
    await settle();
    expect(socket.sentOf('message:send').map((p) => (p as { body: string }).body)).toEqual(['first', 'second', 'third']);
    expect(model.messages.value.map((m) => m.body)).toEqual(['first', 'second', 'third']);
  });

  it('shows a validation error next to the message and does not retry it', async () => {
    const { model, socket } = setup();
    socket.handlers['conversation:sync'] = () => ({ ok: true, data: { state: AI_STATE, messages: [] } });
    socket.handlers['message:send'] = () => ({ ok: false, error: { code: 'validation_failed', message: 'body: Message is longer than 5000 characters' } });
    model.attach(socket);
    socket.connect();
    await settle();
    model.send('x'.repeat(6000));
    await settle();
    expect(model.outbox.value[0]?.error).toBe('body: Message is longer than 5000 characters');
    socket.drop();
    socket.connect();
    await settle();
    expect(socket.sentOf('message:send')).toHaveLength(1);
    model.edit('client-0001');
    expect(model.outbox.value).toEqual([]);
    expect(model.draft.value).toBe('x'.repeat(6000));
  });

  it('keeps the outbox across a reload and sends it after reconnecting', async () => {
    const store = memoryStore();
    const first = setup({ store });
    first.model.attach(first.socket);
    first.model.send('one');
    first.model.send('two');
    expect(JSON.parse(store.get(OUTBOX) ?? '[]')).toHaveLength(2);
    first.model.dispose();

    const second = setup({ store });
    expect(second.model.outbox.value.map((i) => i.body)).toEqual(['one', 'two']);
    const server = fakeServer(second.socket);
    second.model.attach(second.socket);
    second.socket.connect();
    await settle();
    expect(server.messages.map((m) => [m.clientId, m.body])).toEqual([
      ['client-0001', 'one'],
      ['client-0002', 'two'],
    ]);
    expect(store.get(OUTBOX)).toBeNull();
  });

  it('ignores a corrupted stored outbox', () => {
    const store = memoryStore({ [OUTBOX]: '[{"clientId":"<script>","body":1}, "junk"' });
    expect(setup({ store }).model.outbox.value).toEqual([]);
    store.set(OUTBOX, JSON.stringify([{ clientId: 'bad id!', body: 'x', createdAt: 'now' }, { clientId: 'client-ok-1', body: 'y', createdAt: 'now' }]));
    expect(setup({ store }).model.outbox.value.map((i) => i.body)).toEqual(['y']);
  });
});

describe('ConversationModel: state, typing, unread, tickets', () => {
  const ticket: VisitorTicket = { id: 't1', number: 1042, status: 'new', priority: 'medium', promise: 'The UK team replies from 09:00.', firstResponseDueAt: null };

  it('escalates with an empty payload and takes the new state', async () => {
    const onTicketCreated = vi.fn();
    const { model, socket } = setup({ onTicketCreated });
    fakeServer(socket);
    socket.handlers['conversation:escalate'] = () => ({ ok: true, data: { ...AI_STATE, mode: 'waiting', ticket } });
    model.attach(socket);
    socket.connect();
    await settle();
    expect(model.canEscalate.value).toBe(true);
    await model.escalate();
    expect(socket.sentOf('conversation:escalate')).toEqual([{}]);
    expect(model.state.value.mode).toBe('waiting');
    expect(model.canEscalate.value).toBe(false);
    expect(onTicketCreated).toHaveBeenCalledWith(ticket);
    socket.fire('conversation:updated', { ...AI_STATE, mode: 'human', ticket });
    expect(onTicketCreated).toHaveBeenCalledTimes(1);
  });

  it('does not report a ticket that was already there when the messenger started', async () => {
    const onTicketCreated = vi.fn();
    const { model, socket } = setup({ onTicketCreated });
    const server = fakeServer(socket);
    server.state = { ...AI_STATE, mode: 'human', ticket };
    model.attach(socket);
    socket.connect();
    await settle();
    expect(model.state.value.ticket?.number).toBe(1042);
    expect(onTicketCreated).not.toHaveBeenCalled();
  });

  it('shows who is typing, and clears it after a while or on their message', () => {
    vi.useFakeTimers();
    const { model, socket } = setup();
    model.attach(socket);
    const kai = { kind: 'ai', name: 'Kai' } as const;
    socket.fire('typing:changed', { conversationId: 'c1', author: kai, typing: true });
    socket.fire('typing:changed', { conversationId: 'c1', author: { kind: 'customer', name: 'Visitor' }, typing: true });
    expect(model.typing.value).toEqual([kai]);
    vi.advanceTimersByTime(TYPING_TTL_MS);
    expect(model.typing.value).toEqual([]);
    socket.fire('typing:changed', { conversationId: 'c1', author: kai, typing: true });
    socket.fire('message:created', message({ seq: 1, author: kai }));
    expect(model.typing.value).toEqual([]);
  });

  it('counts messages from others that arrive while closed, and resets on open', async () => {
    const { model, socket } = setup();
    fakeServer(socket, [message({ seq: 1 })]);
    model.setOpen(false);
    model.attach(socket);
    socket.connect();
    await settle();
    expect(model.unread.value).toBe(0); // history is not news
    socket.fire('message:created', message({ seq: 2, author: { kind: 'agent', name: 'Sam' } }));
    socket.fire('message:created', message({ seq: 3, author: { kind: 'customer', name: 'Visitor' } }));
    socket.fire('message:created', message({ seq: 4 }));
    expect(model.unread.value).toBe(2);
    model.setOpen(true);
    expect(model.unread.value).toBe(0);
    socket.fire('message:created', message({ seq: 5 }));
    expect(model.unread.value).toBe(0);
  });

  it('tells the server when the visitor types, once, and when they stop', async () => {
    vi.useFakeTimers();
    const { model, socket } = setup();
    fakeServer(socket);
    model.attach(socket);
    socket.connect();
    model.noteVisitorTyping();
    model.noteVisitorTyping();
    expect(socket.typing).toEqual([true]);
    await vi.advanceTimersByTimeAsync(4000);
    expect(socket.typing).toEqual([true, false]);
    model.noteVisitorTyping();
    model.send('done');
    expect(socket.typing).toEqual([true, false, true, false]);
  });

  it('clear() forgets the conversation and the stored outbox', () => {
    const { model, store } = setup();
    model.send('pending');
    model.merge([message({ seq: 1 })]);
    model.clear();
    expect(model.messages.value).toEqual([]);
    expect(model.outbox.value).toEqual([]);
    expect(store.get(OUTBOX)).toBeNull();
  });
});

describe('ConversationModel: streamed replies', () => {
  const kai = { kind: 'ai', name: 'Kai' } as const;
  const delta = (text: string, overrides: { conversationId?: string; streamId?: string } = {}) => ({
    conversationId: 'c1',
    streamId: 's1',
    author: kai,
    delta: text,
    ...overrides,
  });

  async function connected() {
    const ctx = setup();
    const server = fakeServer(ctx.socket, [message({ seq: 1, author: { kind: 'customer', name: 'Visitor' }, body: 'How do I reset my password?' })]);
    ctx.model.attach(ctx.socket);
    ctx.socket.connect();
    await settle();
    return { ...ctx, server };
  }

  it('appends deltas in order to one streaming reply, hiding the typing indicator meanwhile', async () => {
    const { model, socket } = await connected();
    socket.fire('typing:changed', { conversationId: 'c1', author: kai, typing: true });
    expect(model.typing.value).toEqual([kai]);
    socket.fire('message:delta', delta('Open '));
    socket.fire('message:delta', delta('Settings, '));
    socket.fire('message:delta', delta('then Security.'));
    expect(model.streams.value).toEqual([{ streamId: 's1', conversationId: 'c1', author: kai, body: 'Open Settings, then Security.' }]);
    expect(model.typing.value).toEqual([]);
    expect(model.messages.value).toHaveLength(1); // the stream is not a message yet
  });

  it('replaces the stream with the final message (its body wins), once', async () => {
    const { model, socket } = await connected();
    socket.fire('message:delta', delta('Open Settings'));
    socket.fire('message:delta', delta(', then Secu'));
    const final = message({ seq: 2, author: kai, body: 'Open Settings, then Security.', streamId: 's1' });
    socket.fire('message:created', final);
    expect(model.streams.value).toEqual([]);
    expect(model.messages.value.map((m) => m.body)).toEqual(['How do I reset my password?', 'Open Settings, then Security.']);
    // A late delta or the same final message again changes nothing.
    socket.fire('message:delta', delta('ity.'));
    socket.fire('message:created', final);
    expect(model.streams.value).toEqual([]);
    expect(model.messages.value).toHaveLength(2);
  });

  it('keeps two streams apart and ends only the one the final message names', async () => {
    const { model, socket } = await connected();
    socket.fire('message:delta', delta('first', { streamId: 's1' }));
    socket.fire('message:delta', delta('second', { streamId: 's2' }));
    socket.fire('message:delta', delta(' reply', { streamId: 's1' }));
    expect(model.streams.value.map((s) => s.body)).toEqual(['first reply', 'second']);
    socket.fire('message:created', message({ seq: 2, author: kai, body: 'first reply', streamId: 's1' }));
    expect(model.streams.value.map((s) => s.streamId)).toEqual(['s2']);
  });

  it('ignores a delta for another conversation, and one from the visitor', async () => {
    const { model, socket } = await connected();
    socket.fire('message:delta', delta('not yours', { conversationId: 'c-old' }));
    socket.fire('message:delta', { conversationId: 'c1', streamId: 's9', author: { kind: 'customer', name: 'Visitor' }, delta: 'echo' });
    expect(model.streams.value).toEqual([]);
  });

  it('takes a stream before the server has named the conversation (a first visit)', () => {
    const { model, socket } = setup();
    model.attach(socket);
    socket.fire('message:delta', delta('Hello', { conversationId: 'c7' }));
    expect(model.streams.value.map((s) => s.body)).toEqual(['Hello']);
  });

  it('drops unfinished streams on disconnect; the sync on reconnect brings the final message', async () => {
    const { model, socket, server } = await connected();
    socket.fire('message:delta', delta('Open Sett'));
    socket.drop();
    expect(model.streams.value).toEqual([]);
    // The rest of that stream (after a quick reconnect) would be a torn text: ignored.
    socket.fire('message:delta', delta('ings'));
    expect(model.streams.value).toEqual([]);
    server.messages.push(message({ seq: 2, author: kai, body: 'Open Settings, then Security.' }));
    socket.connect();
    await settle();
    expect(model.streams.value).toEqual([]);
    expect(model.messages.value.map((m) => m.body)).toEqual(['How do I reset my password?', 'Open Settings, then Security.']);
  });

  it('drops a stream that goes quiet without a final message', async () => {
    const { model, socket } = await connected();
    vi.useFakeTimers();
    socket.fire('message:delta', delta('Open'));
    vi.advanceTimersByTime(STREAM_IDLE_MS - 1);
    socket.fire('message:delta', delta(' Settings'));
    vi.advanceTimersByTime(STREAM_IDLE_MS - 1);
    expect(model.streams.value.map((s) => s.body)).toEqual(['Open Settings']);
    vi.advanceTimersByTime(1);
    expect(model.streams.value).toEqual([]);
  });

  it('drops a stream Kai abandons: it stops typing without a final message, or hands off', async () => {
    const { model, socket } = await connected();
    socket.fire('message:delta', delta('Let me che', { streamId: 's1' }));
    socket.fire('message:delta', { conversationId: 'c1', streamId: 's2', author: { kind: 'agent', name: 'Sam' }, delta: 'Hi' });
    socket.fire('typing:changed', { conversationId: 'c1', author: kai, typing: false });
    expect(model.streams.value.map((s) => s.streamId)).toEqual(['s2']);
    socket.fire('message:delta', delta('I will pass you to', { streamId: 's3' }));
    socket.fire('conversation:updated', { ...AI_STATE, mode: 'waiting' });
    expect(model.streams.value).toEqual([]);
  });

  it('keeps the final message when Kai stops typing right after it', async () => {
    const { model, socket } = await connected();
    socket.fire('message:delta', delta('Open Settings.'));
    socket.fire('message:created', message({ seq: 2, author: kai, body: 'Open Settings.', streamId: 's1' }));
    socket.fire('typing:changed', { conversationId: 'c1', author: kai, typing: false });
    expect(model.messages.value.map((m) => m.body)).toEqual(['How do I reset my password?', 'Open Settings.']);
  });

  it('does not count deltas as unread, only the final message', async () => {
    const { model, socket } = await connected();
    model.setOpen(false);
    socket.fire('message:delta', delta('Hi'));
    expect(model.unread.value).toBe(0);
    socket.fire('message:created', message({ seq: 2, author: kai, body: 'Hi there', streamId: 's1' }));
    expect(model.unread.value).toBe(1);
  });

  it('clear() drops streams too', async () => {
    const { model, socket } = await connected();
    socket.fire('message:delta', delta('Hi'));
    model.clear({ keepOutbox: true });
    expect(model.streams.value).toEqual([]);
  });
});

describe('ConversationModel: seen acknowledgements', () => {
  it('tells the server the newest agent reply it showed while open, once; nothing while closed', async () => {
    const { model, socket } = setup();
    fakeServer(socket, [message({ seq: 1 })]);
    socket.handlers['message:seen'] = () => ({ ok: true, data: { seen: 1 } });
    model.attach(socket);
    socket.connect();
    await settle();
    const seen = () => socket.sent.filter((c) => c.event === 'message:seen').map((c) => c.payload);
    expect(seen()).toEqual([]);
    socket.fire('message:created', message({ seq: 2, author: { kind: 'agent', name: 'Sam' } }));
    expect(seen()).toEqual([{ upToSeq: 2 }]);
    socket.fire('message:created', message({ seq: 2, author: { kind: 'agent', name: 'Sam' } }));
    expect(seen()).toHaveLength(1);
    model.setOpen(false);
    socket.fire('message:created', message({ seq: 3, author: { kind: 'agent', name: 'Sam' } }));
    expect(seen()).toHaveLength(1);
    // Opened again: the reply that came while closed is seen now.
    model.setOpen(true);
    expect(seen()).toEqual([{ upToSeq: 2 }, { upToSeq: 3 }]);
  });
});
