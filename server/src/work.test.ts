import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCoreTestbed, type CoreTestbed } from '../test/core-context';
import { inTransaction } from './work';
import { createTicket } from './tickets/create-ticket';
import { findTicket } from './tickets/ticket.repository';

let bed: CoreTestbed;
beforeEach(async () => {
  bed = await openCoreTestbed();
});
afterEach(async () => bed.close());

const phoneTicket = (siteId: string) => ({
  siteId,
  subject: 'Printer offline',
  description: 'The office printer is offline',
  channel: 'phone' as const,
  requester: { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/London' },
  urgency: 'medium' as const,
  impact: 'low' as const,
  category: 'technical',
  receivedAt: new Date('2026-01-13T10:00:00Z'),
  actor: { kind: 'agent' as const, name: 'Alex' },
});

describe('inTransaction', () => {
  it('publishes the raised events once, after the commit, in order', async () => {
    let seenInside: number | null = null;
    const row = await inTransaction(bed.ctx, async (work) => {
      const t = await createTicket(bed.ctx, work, phoneTicket(bed.siteId));
      seenInside = bed.published.length;
      return t;
    });
    expect(seenInside).toBe(0);
    expect(bed.published.map((p) => p.event)).toEqual(['ticket.created']);
    expect(await findTicket(bed.ctx.db, row.id)).toBeDefined();
  });

  it('publishes nothing and stores nothing when the command fails', async () => {
    let id = '';
    await expect(
      inTransaction(bed.ctx, async (work) => {
        id = (await createTicket(bed.ctx, work, phoneTicket(bed.siteId))).id;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(bed.published).toEqual([]);
    expect(await findTicket(bed.ctx.db, id)).toBeUndefined();
  });

  it('runs in-transaction handlers before the commit, in the same transaction; their failure rolls everything back', async () => {
    const off = bed.ctx.events.withinTransaction('ticket.created', async (tx, { ticket }) => {
      // The handler sees the uncommitted ticket through the same transaction.
      expect(await findTicket(tx, ticket.id)).toBeDefined();
      await tx.insertInto('settings').values({ key: `seen:${ticket.id}`, value: '1' }).execute();
    });
    const row = await inTransaction(bed.ctx, (work) => createTicket(bed.ctx, work, phoneTicket(bed.siteId)));
    expect(await bed.ctx.db.selectFrom('settings').select('value').where('key', '=', `seen:${row.id}`).executeTakeFirst()).toEqual({ value: '1' });
    off();

    bed.published.length = 0;
    const offFailing = bed.ctx.events.withinTransaction('ticket.created', async () => {
      throw new Error('outbox full');
    });
    await expect(inTransaction(bed.ctx, (work) => createTicket(bed.ctx, work, phoneTicket(bed.siteId)))).rejects.toThrow('outbox full');
    expect(bed.published).toEqual([]);
    offFailing();
  });

  it('groups concurrent commands into shared commits, each in its own savepoint: one failing rolls back alone', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        inTransaction(bed.ctx, async (work) => {
          const t = await createTicket(bed.ctx, work, { ...phoneTicket(bed.siteId), subject: `Ticket ${i}` });
          if (i === 4) throw new Error('the fifth fails');
          return t;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const stored = await bed.ctx.db.selectFrom('tickets').select('subject').orderBy('number').execute();
    expect(stored.map((t) => t.subject)).toEqual(['Ticket 0', 'Ticket 1', 'Ticket 2', 'Ticket 3', 'Ticket 5', 'Ticket 6', 'Ticket 7', 'Ticket 8', 'Ticket 9']);
    expect(bed.published.filter((p) => p.event === 'ticket.created')).toHaveLength(9);
  });
});
