/**
 * What the conversation layer does with Kai's turns, whichever engine: streaming to the visitor, the offer
 * policy, site rules that always hand off, hand back from the desk.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationState, Message, MessageDelta, TicketDetail } from '../../shared/protocol';
import type { KaiEngine, KaiInput, KaiTurn, TriageResult } from '../src/ai/engine';
import { triageOffline } from '../src/ai/offline/triage-rules';
import { api, clientId, connectDesk, connectVisitor, nextEvent, signIn, startServer, widgetSession, type TestServer } from './harness';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A scripted engine for the conversation layer's own tests; the real engines have their own suites. */
class ScriptedEngine implements KaiEngine {
  readonly kind = 'offline' as const;
  readonly inputs: KaiInput[] = [];
  constructor(private readonly script: (input: KaiInput) => { deltas: string[]; turn: Omit<KaiTurn, 'reply'> }) {}
  async respond(input: KaiInput, onToken?: (delta: string) => void): Promise<KaiTurn> {
    this.inputs.push(input);
    const { deltas, turn } = this.script(input);
    for (const d of deltas) {
      onToken?.(d);
      // Each delta in its own macrotask, as a model's chunks arrive (so the stream is seen in pieces).
      await new Promise((r) => setImmediate(r));
    }
    return { ...turn, reply: deltas.join('') };
  }
  async triage(text: string): Promise<TriageResult> {
    return triageOffline(text);
  }
}

const source = { id: 'art-1', title: 'How to reset your password', url: '/help/reset-password' };

async function visitorOn(s: TestServer) {
  const session = await widgetSession(s);
  const socket = await connectVisitor(s, session.token);
  return { session, socket };
}

describe('Kai in a conversation', () => {
  it("streams Kai's reply to the visitor as deltas and stores it once, whole", async () => {
    const engine = new ScriptedEngine(() => ({ deltas: ['To reset ', 'your password, ', 'use Forgot password.'], turn: { action: 'answer', sources: [source], confidence: 0.9 } }));
    server = await startServer({ kai: engine });
    const { socket } = await visitorOn(server);
    const deltas: MessageDelta[] = [];
    socket.on('message:delta', (d) => deltas.push(d));
    const final = nextEvent<Message>(socket, 'message:created', (m) => m.author.kind === 'ai');
    await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'How do I reset my password?' });
    const message = await final;
    expect(deltas.map((d) => d.delta)).toEqual(['To reset ', 'your password, ', 'use Forgot password.']);
    expect(new Set(deltas.map((d) => d.streamId)).size).toBe(1);
    expect(message.streamId).toBe(deltas[0]!.streamId);
    expect(message.body).toBe('To reset your password, use Forgot password.');
    expect(message.sources).toEqual([source]);
    const sync = await socket.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 0 });
    if (!sync.ok) throw new Error('sync failed');
    expect(sync.data.messages.filter((m: Message) => m.author.kind === 'ai').map((m: Message) => m.body)).toEqual(['To reset your password, use Forgot password.']);
    socket.close();
  });

  it('gives Kai only the visible history, never internal notes, and hands off with the engine triage', async () => {
    const triage: TriageResult = { urgency: 'high', urgencyReason: 'Deadline today', impact: 'medium', impactReason: 'Whole team', category: 'billing', evidence: ['invoice by 5pm'] };
    const engine = new ScriptedEngine((input) =>
      input.message.includes('person')
        ? { deltas: [], turn: { action: 'handoff', sources: [], confidence: 1, handoffReason: 'visitor_request', triage, summary: 'Needs an invoice by 5pm today for the finance close.' } }
        : { deltas: ['Invoices are under Billing.'], turn: { action: 'answer', sources: [source], confidence: 0.9 } },
    );
    server = await startServer({ kai: engine });
    const cookie = await signIn(server);
    const { socket } = await visitorOn(server);
    const answered = nextEvent<Message>(socket, 'message:created', (m) => m.author.kind === 'ai');
    await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'Where are my invoices? I need one by 5pm' });
    await answered;
    const handedOff = nextEvent<ConversationState>(socket, 'conversation:updated', (s) => s.ticket !== null);
    await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'let me talk to a person' });
    const state = await handedOff;
    const ticket = await api<TicketDetail>(server, 'GET', `/api/tickets/${state.ticket!.id}`, { cookie });
    expect(ticket.body).toMatchObject({ urgency: 'high', impact: 'medium', priority: 'high', category: 'billing', urgencyReason: 'Deadline today' });
    expect(ticket.body.handoff).toMatchObject({ reason: 'visitor_request', problem: 'Needs an invoice by 5pm today for the finance close.', evidence: ['invoice by 5pm'] });

    await api(server, 'POST', `/api/tickets/${ticket.body.id}/messages`, { cookie, body: { body: 'SECRET NOTE for agents', internal: true } });
    // Hand back to Kai: the visitor is told, and Kai answers the next message without seeing the note.
    const back = nextEvent<ConversationState>(socket, 'conversation:updated', (s) => s.mode === 'ai');
    const handback = await api<TicketDetail>(server, 'POST', `/api/tickets/${ticket.body.id}/handback`, { cookie, body: { reason: 'Answered; Kai can take follow-ups' } });
    expect(handback.status).toBe(200);
    expect(handback.body.conversationMode).toBe('ai');
    expect(handback.body.events.some((e) => e.type === 'handed_back_to_ai')).toBe(true);
    await back;
    const again = nextEvent<Message>(socket, 'message:created', (m) => m.author.kind === 'ai' && m.body.startsWith('Invoices'));
    await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'and where do I change the VAT number?' });
    await again;
    const last = engine.inputs[engine.inputs.length - 1]!;
    expect(last.history.some((h) => h.text.includes('SECRET NOTE'))).toBe(false);
    expect(last.history.map((h) => h.role)).toContain('kai');
    socket.close();
  });

  it("after a hand-back, Kai's answers reach the desk watching the ticket, and asking again sends the visitor one update", async () => {
    const engine = new ScriptedEngine(() => ({ deltas: ['Invoices are under Billing.'], turn: { action: 'answer', sources: [source], confidence: 0.9 } }));
    server = await startServer({ kai: engine });
    const cookie = await signIn(server);
    const { socket } = await visitorOn(server);
    const escalated = await socket.timeout(5000).emitWithAck('conversation:escalate', {});
    if (!escalated.ok || !escalated.data.ticket) throw new Error('handoff failed');
    const ticketId = escalated.data.ticket.id;
    const desk = await connectDesk(server, cookie);
    await desk.timeout(5000).emitWithAck('ticket:watch', { ticketId });
    await api(server, 'POST', `/api/tickets/${ticketId}/handback`, { cookie, body: {} });

    const seenByDesk = nextEvent<{ ticketId: string; message: Message }>(desk, 'message:created', (e) => e.message.author.kind === 'ai' && e.message.body.startsWith('Invoices'));
    await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'where are my invoices?' });
    expect((await seenByDesk).ticketId).toBe(ticketId);

    // Asked for a person again: the same ticket, and exactly one conversation:updated (events reach a socket in
    // order, so every update of this command has arrived when its ack does).
    const updates: ConversationState[] = [];
    socket.on('conversation:updated', (state) => updates.push(state));
    const again = await socket.timeout(5000).emitWithAck('conversation:escalate', {});
    expect(again.ok && again.data.ticket?.id).toBe(ticketId);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ mode: 'waiting', ticket: { id: ticketId } });
    desk.close();
    socket.close();
  });

  it('tells the visitor when Talk to a person fails, instead of seeming to do nothing', async () => {
    const engine = new ScriptedEngine(() => ({ deltas: ['Hello.'], turn: { action: 'answer', sources: [], confidence: 0.9 } }));
    engine.triage = async () => {
      throw new Error('triage is down');
    };
    server = await startServer({ kai: engine });
    const { socket } = await visitorOn(server);
    const ack = await socket.timeout(5000).emitWithAck('conversation:escalate', {});
    expect(ack).toMatchObject({ ok: false, error: { code: 'internal' } });
    // The queue goes on: the next attempt is tried again, not stuck behind the failure.
    const retry = await socket.timeout(5000).emitWithAck('conversation:escalate', {});
    expect(retry.ok).toBe(false);
    socket.close();
  });

  it('hands a security incident to a person at once, by site rule, before Kai answers', async () => {
    const engine = new ScriptedEngine(() => ({ deltas: ['should not be used'], turn: { action: 'answer', sources: [], confidence: 1 } }));
    server = await startServer({ kai: engine });
    const cookie = await signIn(server);
    const { socket } = await visitorOn(server);
    const handedOff = nextEvent<ConversationState>(socket, 'conversation:updated', (s) => s.ticket !== null);
    await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'I think our admin account was hacked, there are logins from another country' });
    const state = await handedOff;
    expect(engine.inputs).toHaveLength(0);
    const ticket = await api<TicketDetail>(server, 'GET', `/api/tickets/${state.ticket!.id}`, { cookie });
    expect(ticket.body.category).toBe('security');
    expect(ticket.body.handoff).toMatchObject({ reason: 'policy', policy: expect.stringMatching(/security/) });
    socket.close();
  });

  it('offers a person at most once per conversation', async () => {
    const engine = new ScriptedEngine(() => ({ deltas: ['Here is something.'], turn: { action: 'answer', sources: [source], confidence: 0.9 } }));
    server = await startServer({ kai: engine });
    const { socket } = await visitorOn(server);
    const replies: Message[] = [];
    socket.on('message:created', (m) => m.author.kind === 'ai' && replies.push(m));
    for (const body of ['this is useless', 'still useless!!!']) {
      const next = nextEvent<Message>(socket, 'message:created', (m) => m.author.kind === 'ai' && !replies.slice(0, -1).includes(m));
      await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body });
      await next;
    }
    await expect.poll(() => replies.length).toBe(2);
    expect(replies.filter((m) => m.body.includes('connect you with a person'))).toHaveLength(1);
    socket.close();
  });
});
