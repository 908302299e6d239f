import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Message, TicketDetail, TicketSummary } from '../../shared/protocol';
import { ENGINES } from './engines';
import { api, clientId, connectDesk, connectVisitor, nextEvent, signIn, startServer, widgetSession, type TestServer, type VisitorSocket } from './harness';

describe.each(ENGINES.map((make) => [make().name, make] as const))('conversations with the %s engine', (_name, makeEngine) => {
  const engine = makeEngine();
  let server: TestServer;
  const open: { close: () => void }[] = [];

  beforeAll(() => engine.start());
  afterAll(() => engine.stop());
  beforeEach(async () => {
    server = await startServer({ env: engine.env() });
  });
  afterEach(async () => {
    open.splice(0).forEach((s) => s.close());
    await server.close();
  });

  async function visitor(body: Record<string, unknown> = {}) {
    const session = await widgetSession(server, body);
    const socket = await connectVisitor(server, session.token);
    open.push(socket);
    return { session, socket };
  }

  const send = (socket: VisitorSocket, body: string, id = clientId()) => socket.timeout(5000).emitWithAck('message:send', { clientId: id, body });

  describe('visitor messages', () => {
    it('stores, acknowledges with a sequence number, and Kai answers from the knowledge base with its source', async () => {
      const { socket } = await visitor();
      const kaiAnswer = nextEvent<Message>(socket, 'message:created', (m) => m.author.kind === 'ai');
      const ack = await send(socket, 'How do I reset my password?');
      expect(ack.ok).toBe(true);
      if (!ack.ok) return;
      expect(ack.data.seq).toBe(1);
      expect(ack.data.author.kind).toBe('customer');
      const answer = await kaiAnswer;
      expect(answer.seq).toBe(2);
      expect(answer.author.name).toBe('Kai');
      expect(answer.body).toMatch(/Forgot password/i);
      expect(answer.sources[0]).toMatchObject({ title: expect.stringMatching(/password/i), url: expect.stringMatching(/^\/help\//) });
    });

    it('a retried send with the same client id is stored once and answered with the same message', async () => {
      const { socket } = await visitor();
      const id = clientId();
      const first = await send(socket, 'What are your support hours?', id);
      const again = await send(socket, 'What are your support hours?', id);
      expect(first.ok && again.ok).toBe(true);
      if (!first.ok || !again.ok) return;
      expect(again.data.id).toBe(first.data.id);
      const sync = await socket.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 0 });
      if (!sync.ok) throw new Error('sync failed');
      expect(sync.data.messages.filter((m: Message) => m.clientId === id)).toHaveLength(1);
    });

    it('rejects empty, oversized and malformed messages with a clear error and keeps serving', async () => {
      const { socket } = await visitor();
      const empty = await send(socket, '   ');
      expect(empty).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      const huge = await send(socket, 'x'.repeat(5001));
      expect(huge).toMatchObject({ ok: false, error: { code: 'validation_failed', message: expect.stringContaining('5000') } });
      // @ts-expect-error: a hostile client sends the wrong shape
      const malformed = await socket.timeout(5000).emitWithAck('message:send', { body: 42 });
      expect(malformed).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      const fine = await send(socket, 'hello');
      expect(fine.ok).toBe(true);
    });

    it('replays every message after the last sequence the client saw, on reconnect', async () => {
      const { session, socket } = await visitor();
      const answered = nextEvent<Message>(socket, 'message:created', (m) => m.author.kind === 'ai');
      await send(socket, 'How do I set up two-factor authentication?');
      await answered;
      socket.close();
      const again = await connectVisitor(server, session.token);
      open.push(again);
      const sync = await again.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 1 });
      if (!sync.ok) throw new Error('sync failed');
      expect(sync.data.messages.map((m: Message) => m.seq)).toEqual([2]);
      expect(sync.data.state.lastSeq).toBe(2);
    });

    it('two tabs of one visitor see the same conversation live; the sending tab has its message from the ack alone', async () => {
      const { session, socket } = await visitor();
      const second = await connectVisitor(server, session.token);
      open.push(second);
      const echoed: Message[] = [];
      socket.on('message:created', (m: Message) => echoed.push(m));
      const seen = nextEvent<Message>(second, 'message:created', (m) => m.author.kind === 'customer');
      const ack = await send(socket, 'Hi from tab one');
      const message = await seen;
      expect(ack.ok && message.id === ack.data.id).toBe(true);
      // A barrier: whatever the server sent the first tab before this round trip has reached it.
      await socket.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 0 });
      expect(echoed.filter((m) => m.author.kind === 'customer')).toEqual([]);
    });

    it("a visitor cannot read or join another visitor's conversation", async () => {
      const alice = await visitor();
      await send(alice.socket, 'My secret invoice question about VAT');
      const bob = await visitor();
      const leaked: Message[] = [];
      bob.socket.on('message:created', (m) => leaked.push(m));
      const sync = await bob.socket.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 0 });
      if (!sync.ok) throw new Error('sync failed');
      expect(sync.data.messages).toEqual([]);
      await send(alice.socket, 'another private message');
      // A barrier: anything the server emitted to Bob before this round trip has reached him by its ack.
      await bob.socket.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 0 });
      expect(leaked).toEqual([]);
      // A forged token is refused at the handshake.
      const forged = `${alice.session.visitorId}.forged-signature`;
      await expect(connectVisitor(server, forged)).rejects.toThrow(/unauthorized/);
    });

    it('refuses a host page origin that the site does not allow', async () => {
      const res = await api(server, 'POST', '/api/widget/session', { body: { siteKey: 'demo', origin: 'https://evil.example' } });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
    });
  });

  describe('handoff', () => {
    it('the Talk to a person button creates a prioritised ticket with a handoff summary, announced live to the desk, and Kai goes silent', async () => {
      const cookie = await signIn(server);
      const desk = await connectDesk(server, cookie);
      open.push(desk);
      const { socket } = await visitor({ timeZone: 'America/New_York' });
      const answered = nextEvent<Message>(socket, 'message:created', (m) => m.author.kind === 'ai');
      await send(socket, 'Our whole company cannot log in since this morning, production is down!');
      await answered;
      const created = nextEvent<TicketSummary>(desk, 'ticket:created');
      const state = await socket.timeout(5000).emitWithAck('conversation:escalate', {});
      if (!state.ok) throw new Error(state.error.message);
      expect(state.data.mode).toBe('waiting');
      expect(state.data.ticket?.number).toBeGreaterThan(1000);
      expect(state.data.ticket?.promise).toMatch(/team/);
      const ticket = await created;
      expect(ticket).toMatchObject({ priority: 'high', urgency: 'high', impact: 'high', channel: 'chat', status: 'new' });
      expect(ticket.firstResponseDueAt).toEqual(expect.any(String));

      const detail = await api<TicketDetail>(server, 'GET', `/api/tickets/${ticket.id}`, { cookie });
      expect(detail.body.handoff).toMatchObject({
        reason: 'button',
        urgency: { level: 'high', reason: expect.any(String) },
        impact: { level: 'high', reason: expect.any(String) },
        channel: 'chat',
        identity: 'anonymous',
      });
      expect(detail.body.handoff?.problem).toContain('production is down');
      expect(detail.body.messages.some((m) => m.author.kind === 'ai' && m.body.includes(`#${ticket.number}`))).toBe(true);

      // Kai stays silent now: a further visitor message gets no AI reply.
      const aiAfter: Message[] = [];
      socket.on('message:created', (m) => m.author.kind === 'ai' && aiAfter.push(m));
      await send(socket, 'How do I reset my password?');
      // A barrier: escalating runs after any Kai turn of this conversation, and its ack after what that turn emitted.
      await socket.timeout(5000).emitWithAck('conversation:escalate', {});
      expect(aiAfter).toEqual([]);
    });

    it('asking for a person in words hands off too', async () => {
      const { socket } = await visitor();
      const updated = nextEvent<{ mode: string; ticket: { number: number } | null }>(socket, 'conversation:updated', (s) => s.mode === 'waiting');
      await send(socket, 'can I talk to a human?');
      const state = await updated;
      expect(state.ticket?.number).toBeGreaterThan(1000);
    });

    it("after a handoff the visitor's typing reaches the agents watching the ticket, named and tied to the conversation", async () => {
      const cookie = await signIn(server);
      const desk = await connectDesk(server, cookie);
      open.push(desk);
      const { socket } = await visitor();
      const state = await socket.timeout(5000).emitWithAck('conversation:escalate', {});
      if (!state.ok || !state.data.ticket) throw new Error('no handoff');
      const ticketId = state.data.ticket.id;
      await desk.timeout(5000).emitWithAck('ticket:watch', { ticketId });
      const typing = nextEvent<{ ticketId: string; conversationId: string; author: { kind: string; name: string }; typing: boolean }>(desk, 'typing:changed');
      socket.emit('typing:set', { typing: true });
      expect(await typing).toEqual({ ticketId, conversationId: state.data.id, author: { kind: 'customer', name: 'Visitor' }, typing: true });
    });

    it("an agent's public reply reaches the visitor live; an internal note never does", async () => {
      const cookie = await signIn(server);
      const { socket } = await visitor();
      const received: Message[] = [];
      socket.on('message:created', (m) => received.push(m));
      const handedOff = nextEvent<{ ticket: { id: string } | null }>(socket, 'conversation:updated', (s) => s.ticket !== null);
      await send(socket, 'agent please, my uploads fail');
      const state = await handedOff;
      const ticketId = state.ticket!.id;

      const note = await api<Message>(server, 'POST', `/api/tickets/${ticketId}/messages`, { cookie, body: { body: 'INTERNAL: customer is on the old plan', internal: true } });
      expect(note.status).toBe(201);
      const replyEvent = nextEvent<Message>(socket, 'message:created', (m) => m.author.kind === 'agent');
      const reply = await api<Message>(server, 'POST', `/api/tickets/${ticketId}/messages`, { cookie, body: { body: 'Hi, I can help with uploads.' } });
      expect(reply.status).toBe(201);
      expect((await replyEvent).body).toBe('Hi, I can help with uploads.');

      const sync = await socket.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 0 });
      if (!sync.ok) throw new Error('sync failed');
      const everything = [...received, ...sync.data.messages];
      expect(everything.some((m) => m.body.includes('INTERNAL'))).toBe(false);
      expect(sync.data.state.mode).toBe('human');

      const detail = await api<TicketDetail>(server, 'GET', `/api/tickets/${ticketId}`, { cookie });
      expect(detail.body.status).toBe('open');
      expect(detail.body.firstRespondedAt).toEqual(expect.any(String));
      expect(detail.body.messages.find((m) => m.internal)?.body).toContain('INTERNAL');
    });
});
});
