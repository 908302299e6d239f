/**
 * How replies reach the customer, pushed live to the desk (`ticket:reach`) over real socket.io clients and real
 * SMTP: a chat reply is waiting, then seen the moment the visitor's messenger acknowledges it; a phone ticket's
 * reply is mailed at once (sending, then mailed when the mail server took it); solving asks for CSAT and the answer
 * follows. Only desks watching the ticket are told.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketReachChange } from '../../shared/reach';
import { api, connectDesk, connectVisitor, nextEvent, widgetSession, type DeskSocket, type VisitorSocket } from './harness';
import { openEmailTestbed, type EmailTestbed } from './email-helpers';

const clock = { now: new Date() };
let bed: EmailTestbed | null = null;
const sockets: { disconnect: () => unknown }[] = [];

afterEach(async () => {
  sockets.splice(0).forEach((s) => s.disconnect());
  await bed?.server.close();
  await bed?.sink.close();
  bed = null;
});

async function desk(): Promise<DeskSocket> {
  const socket = await connectDesk(bed!.server, bed!.cookie);
  sockets.push(socket);
  return socket;
}

async function watching(ticketId: string): Promise<DeskSocket> {
  const socket = await desk();
  const ack = await socket.timeout(5000).emitWithAck('ticket:watch', { ticketId });
  expect(ack.ok).toBe(true);
  return socket;
}

const reachEvent = (socket: DeskSocket, match: (change: TicketReachChange) => boolean) => nextEvent<TicketReachChange>(socket as never, 'ticket:reach', match);

async function reply(ticketId: string, body: string, internal = false): Promise<string> {
  const res = await api<{ id: string }>(bed!.server, 'POST', `/api/tickets/${ticketId}/messages`, { cookie: bed!.cookie, body: { body, internal } });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('ticket:reach', () => {
  it('a chat reply is pushed as waiting, then as seen when the messenger shows it; other desks hear nothing', async () => {
    bed = await openEmailTestbed(clock);
    const session = await widgetSession(bed.server);
    const visitor: VisitorSocket = await connectVisitor(bed.server, session.token);
    sockets.push(visitor);
    await visitor.timeout(5000).emitWithAck('message:send', { clientId: crypto.randomUUID(), body: 'My invoices do not export' });
    const state = await visitor.timeout(10_000).emitWithAck('conversation:escalate', {});
    if (!state.ok || !state.data.ticket) throw new Error('no ticket from the handoff');
    const ticketId = state.data.ticket.id;

    const watcher = await watching(ticketId);
    const elsewhere = await desk();
    const heardElsewhere: unknown[] = [];
    elsewhere.on('ticket:reach', (e) => heardElsewhere.push(e));

    const waiting = reachEvent(watcher, (c) => Object.values(c.deliveries).some((d) => d.state === 'waiting'));
    const shown = nextEvent<{ seq: number; author: { kind: string } }>(visitor as never, 'message:created', (m) => m.author.kind === 'agent');
    const replyId = await reply(ticketId, 'Try the export again now, please.');
    const pushed = await waiting;
    expect(pushed.ticketId).toBe(ticketId);
    expect(pushed.deliveries[replyId]).toMatchObject({ state: 'waiting' });
    expect(pushed.deliveries[replyId]!.at).not.toBeNull();

    // The messenger shows it and acknowledges: seen, pushed at once.
    const seen = reachEvent(watcher, (c) => c.deliveries[replyId]?.state === 'seen');
    const { seq } = await shown;
    const ack = await visitor.timeout(5000).emitWithAck('message:seen', { upToSeq: seq });
    expect(ack).toEqual({ ok: true, data: { seen: 1 } });
    expect((await seen).deliveries).toEqual({ [replyId]: { state: 'seen', at: expect.any(String) } });

    // An internal note reaches nobody, so nothing is pushed about it; the room's other ticket events still flow.
    const noteId = await reply(ticketId, 'Customer is on the old plan', true);
    const later = await api<{ deliveries: Record<string, unknown> }>(bed.server, 'GET', `/api/tickets/${ticketId}/reach`, { cookie: bed.cookie });
    expect(later.body.deliveries[noteId]).toBeUndefined();
    expect(heardElsewhere).toEqual([]);
  });

  it('a phone ticket’s reply is pushed as sending, then as mailed once the mail server took it; solving pushes the CSAT question', async () => {
    bed = await openEmailTestbed(clock);
    const created = await api<{ id: string }>(bed.server, 'POST', '/api/tickets', {
      cookie: bed.cookie,
      body: { subject: 'Printer offline', description: 'Called about the office printer', channel: 'phone', requester: { name: 'Ben', email: 'ben@example.net' } },
    });
    expect(created.status).toBe(201);
    const ticketId = created.body.id;
    const watcher = await watching(ticketId);

    const sending = reachEvent(watcher, (c) => Object.values(c.deliveries).some((d) => d.state === 'sending'));
    const replyId = await reply(ticketId, 'We reset the print queue; try again.');
    expect((await sending).deliveries[replyId]).toMatchObject({ state: 'sending' });

    const mailed = reachEvent(watcher, (c) => c.deliveries[replyId]?.state === 'mailed');
    expect(await bed.server.deliver()).toBeGreaterThanOrEqual(1);
    await bed.sink.waitFor((m) => m.to.includes('ben@example.net'));
    expect((await mailed).deliveries[replyId]).toEqual({ state: 'mailed', at: expect.any(String) });

    const asked = reachEvent(watcher, (c) => c.csat?.askedAt != null);
    expect((await api(bed.server, 'PATCH', `/api/tickets/${ticketId}`, { cookie: bed.cookie, body: { status: 'solved' } })).status).toBe(200);
    expect((await asked).csat).toEqual({ askedAt: expect.any(String), answer: null });
  });
});
