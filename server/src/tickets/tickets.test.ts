/**
 * The ticket commands on a real database, without HTTP: the status state machine, what a customer's message does
 * to a ticket on any channel, and when the desk hears of a change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCoreTestbed, type CoreTestbed } from '../../test/core-context';
import { inTransaction } from '../work';
import { addCustomerMessage } from './customer-message';
import { createTicket } from './create-ticket';
import { addAgentMessage } from './ticket-messages';
import { announceTicketChange, canTransition, transition } from './ticket-lifecycle';
import { findTicket, listTicketEvents } from './ticket.repository';
import type { TicketRow } from '../db/schema';

let bed: CoreTestbed;
beforeEach(async () => {
  bed = await openCoreTestbed('2026-01-13T10:00:00Z', { postgres: true });
});
afterEach(async () => bed.close());

const AGENT = { id: 'agent-1', name: 'Alex' };
const customer = { kind: 'customer' as const, name: 'Ada' };

async function newTicket(): Promise<TicketRow> {
  return inTransaction(bed.ctx, (work) =>
    createTicket(bed.ctx, work, {
      siteId: bed.siteId,
      subject: 'Export fails',
      description: 'The CSV export fails',
      channel: 'portal',
      requester: { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/London' },
      urgency: 'high',
      impact: 'high',
      category: 'technical',
      receivedAt: bed.ctx.now(),
      actor: customer,
    }),
  );
}

const reload = async (id: string) => (await findTicket(bed.ctx.db, id))!;
const move = (t: TicketRow, to: TicketRow['status'], withdrawal = false) =>
  inTransaction(bed.ctx, (work) => transition(bed.ctx, work, t, { to, actor: { kind: 'agent', name: 'Alex' }, withdrawal }));
const customerWrites = (t: TicketRow, body: string, clientId?: string) =>
  inTransaction(bed.ctx, (work) => addCustomerMessage(bed.ctx, work, { conversationId: t.conversation_id!, ticket: t, author: customer, body, clientId: clientId ?? null, visitorId: null }));

describe('ticket numbers', () => {
  it('are distinct and consecutive when tickets are created at the same moment (several connections on PostgreSQL)', async () => {
    const tickets = await Promise.all(Array.from({ length: 8 }, () => newTicket()));
    expect(tickets.map((t) => t.number).sort()).toEqual([1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008]);
  });
});

describe('the status state machine', () => {
  it('allows only the moves of its table; closed is final', () => {
    expect(canTransition('new', 'open')).toBe(true);
    expect(canTransition('solved', 'open')).toBe(true);
    expect(canTransition('new', 'closed')).toBe(false);
    expect(canTransition('closed', 'open')).toBe(false);
  });

  it('refuses a move outside the table and records each move it makes, a reopen as such', async () => {
    const t = await newTicket();
    await expect(move(t, 'closed')).rejects.toMatchObject({ code: 'invalid_transition' });
    const solved = await move(t, 'solved');
    expect(solved).toMatchObject({ status: 'solved', solved_at: '2026-01-13T10:00:00.000Z', next_due_at: null });
    const reopened = await move(solved, 'open');
    expect(reopened.status).toBe('open');
    expect((await listTicketEvents(bed.ctx.db, t.id)).map((e) => e.type)).toEqual(['created', 'status_changed', 'reopened']);
  });

  it('lets a customer withdraw from any status, a closed one too, audited as withdrawn', async () => {
    const t = await newTicket();
    const closed = await move(await move(t, 'solved'), 'closed');
    const withdrawn = await move(closed, 'closed', true);
    expect(withdrawn.status).toBe('closed');
    expect((await listTicketEvents(bed.ctx.db, t.id)).at(-1)).toMatchObject({ type: 'withdrawn', from_value: 'closed', to_value: 'closed' });
  });
});

describe('a customer writes again', () => {
  it('reopens a solved ticket and, once answered, starts the next-response clock', async () => {
    const t = await newTicket();
    const answered = (await inTransaction(bed.ctx, (work) => addAgentMessage(bed.ctx, work, { ticketId: t.id, agent: AGENT, body: 'Try again now', internal: false }))).ticket;
    expect(answered).toMatchObject({ status: 'open', first_responded_at: '2026-01-13T10:00:00.000Z' });
    const solved = await move(await reload(t.id), 'solved');
    bed.setNow('2026-01-13T11:00:00Z');
    const { ticket } = await customerWrites(solved, 'Still broken');
    expect(ticket).toMatchObject({ status: 'open', next_response_started_at: '2026-01-13T11:00:00.000Z' });
    // High priority: the next response is due 60 business minutes later, and it is the running deadline.
    expect(ticket!.next_response_due_at).toBe('2026-01-13T12:00:00.000Z');
    expect(await reload(t.id)).toMatchObject({ status: 'open', next_due_at: '2026-01-13T12:00:00.000Z' });
  });

  it('stores a retried message once and leaves a closed ticket to the channel (a follow-up)', async () => {
    const t = await newTicket();
    const first = await customerWrites(t, 'More detail', 'c-1');
    const again = await customerWrites(t, 'More detail', 'c-1');
    expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id, seq: first.message.seq } });
    const closed = await move(await move(await reload(t.id), 'solved'), 'closed');
    const late = await customerWrites(closed, 'It came back');
    expect(late.ticket!.status).toBe('closed');
    const raised = bed.published.filter((p) => p.event === 'message.created').at(-1)!.payload as { ticketId: string | null };
    expect(raised.ticketId).toBeNull();
  });
});

describe('announcing a change', () => {
  it('tells the desk of real changes only, not of activity alone', async () => {
    const t = await newTicket();
    bed.published.length = 0;
    await inTransaction(bed.ctx, (work) => announceTicketChange(bed.ctx, work, t, { ...t, updated_at: '2026-01-13T10:05:00.000Z' }));
    expect(bed.published).toEqual([]);
    await inTransaction(bed.ctx, (work) => announceTicketChange(bed.ctx, work, t, { ...t, category: 'billing' }));
    expect(bed.published.map((p) => p.event)).toEqual(['ticket.updated']);
  });
});
