/** The one read every visitor message makes: the visitor's open conversation with its newest ticket. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCoreTestbed, type CoreTestbed } from '../../test/core-context';
import { createVisitor } from '../sites/visitor.repository';
import { createTicket } from '../tickets/create-ticket';
import { findTicketByConversation, setTicketFields } from '../tickets/ticket.repository';
import { inTransaction } from '../work';
import { createConversation, findOpenConversationOfVisitor, findOpenConversationWithTicket, setConversationMode } from './message.repository';

let bed: CoreTestbed;
beforeEach(async () => {
  bed = await openCoreTestbed('2026-01-13T10:00:00Z', { postgres: true });
});
afterEach(async () => bed.close());

const START = Date.parse('2026-01-13T10:00:00Z');
const later = (minutes: number) => new Date(START + minutes * 60_000);

async function ticketFor(visitorId: string, conversationId: string, receivedAt: Date, followUpOf: string | null = null) {
  bed.setNow(receivedAt.toISOString());
  return inTransaction(bed.ctx, (work) =>
    createTicket(bed.ctx, work, {
      siteId: bed.siteId,
      subject: 'Export fails',
      description: 'The CSV export fails',
      channel: 'chat',
      visitorId,
      conversationId,
      followUpOf,
      requester: { name: 'Ada', email: null, timeZone: 'Europe/London' },
      urgency: 'medium',
      impact: 'medium',
      category: 'technical',
      receivedAt,
      actor: { kind: 'customer', name: 'Ada' },
    }),
  );
}

describe('findOpenConversationWithTicket', () => {
  it('reads what the two single reads give, in one statement: none, Kai alone, a ticket, a follow-up, a closed conversation', async () => {
    const db = bed.ctx.db;
    const visitor = await createVisitor(db, { siteId: bed.siteId, timeZone: null, now: bed.ctx.now() });
    const both = async () => {
      const conversation = await findOpenConversationOfVisitor(db, visitor.id);
      return conversation ? { conversation, ticket: await findTicketByConversation(db, conversation.id) } : undefined;
    };
    expect(await findOpenConversationWithTicket(db, visitor.id)).toBeUndefined();

    const first = await createConversation(db, { siteId: bed.siteId, visitorId: visitor.id, mode: 'ai', now: bed.ctx.now() });
    expect(await findOpenConversationWithTicket(db, visitor.id)).toEqual({ conversation: first, ticket: undefined });

    await setConversationMode(db, first.id, 'human', later(1));
    const ticket = await ticketFor(visitor.id, first.id, later(1));
    const withTicket = await findOpenConversationWithTicket(db, visitor.id);
    expect(withTicket?.ticket?.id).toBe(ticket.id);
    expect(withTicket).toEqual(await both());

    // A follow-up of the closed ticket in the same conversation: the newest ticket is the one that counts.
    await setTicketFields(db, ticket.id, { status: 'closed' });
    const followUp = await ticketFor(visitor.id, first.id, later(2), ticket.id);
    const afterFollowUp = await findOpenConversationWithTicket(db, visitor.id);
    expect(afterFollowUp?.ticket?.id).toBe(followUp.id);
    expect(afterFollowUp).toEqual(await both());

    // A closed conversation is no longer the visitor's; their next one, without a ticket yet, is.
    await setConversationMode(db, first.id, 'closed', later(3));
    expect(await findOpenConversationWithTicket(db, visitor.id)).toBeUndefined();
    const next = await createConversation(db, { siteId: bed.siteId, visitorId: visitor.id, mode: 'ai', now: later(4) });
    expect(await findOpenConversationWithTicket(db, visitor.id)).toEqual({ conversation: next, ticket: undefined });
  });
});
