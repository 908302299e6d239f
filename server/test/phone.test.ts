/**
 * Phone calls (README, Phone): a call logged with `POST /api/tickets` and channel `phone` is flagged out of
 * hours when `receivedAt` falls outside the phone line's hours (Europe/London, Mon–Fri 08:30–17:30, bank holidays
 * closed), and the flag changes nothing about routing or deadlines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetail, TicketSummary } from '../../shared/protocol';
import { api, signIn, startServer, type TestServer } from './harness';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startServer({ now: () => new Date('2027-01-31T00:00:00Z'), sweepIntervalMs: 0 });
  cookie = await signIn(server);
});
afterAll(async () => server.close());

async function call(receivedAt: string, body: Record<string, unknown> = {}): Promise<TicketDetail> {
  const res = await api<TicketDetail>(server, 'POST', '/api/tickets', {
    cookie,
    body: { subject: 'Printer on fire', description: 'Called about the printer', channel: 'phone', urgency: 'high', impact: 'high', requester: { name: 'Ada', timeZone: 'Europe/London' }, receivedAt, ...body },
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

const OUT_OF_HOURS_REASON = 'Call received out of hours (phone line 08:30–17:30 UK time); queued';

describe('out-of-hours calls', () => {
  it.each([
    // [case, receivedAt (UTC), out of hours]
    ['Tuesday 08:29 UK time (GMT) is before the line opens', '2026-01-13T08:29:00Z', true],
    ['Tuesday 08:30 UK time is the opening instant', '2026-01-13T08:30:00Z', false],
    ['Tuesday 17:29 UK time is still open', '2026-01-13T17:29:00Z', false],
    ['Tuesday 17:30 UK time is the closing instant (half-open)', '2026-01-13T17:30:00Z', true],
    ['Saturday midday', '2026-01-17T12:00:00Z', true],
    ['Easter Monday (England and Wales bank holiday) 10:00 UK time', '2026-04-06T09:00:00Z', true],
    ['Boxing Day substitute (Mon 28 Dec 2026) 11:00', '2026-12-28T11:00:00Z', true],
    ['summer time: Tuesday 08:30 BST is 07:30 UTC, open', '2026-07-14T07:30:00Z', false],
    ['summer time: Tuesday 08:29 BST is 07:29 UTC, closed', '2026-07-14T07:29:00Z', true],
    ['summer time: Tuesday 17:30 BST is 16:30 UTC, closed', '2026-07-14T16:30:00Z', true],
    ['summer time: Tuesday 17:15 UTC would be open in winter, but is 18:15 BST', '2026-07-14T17:15:00Z', true],
  ])('%s', async (_case, receivedAt, outOfHours) => {
    const t = await call(receivedAt);
    expect(t.outOfHours).toBe(outOfHours);
    const created = t.events.find((e) => e.type === 'created');
    if (outOfHours) expect(created?.reason).toContain(OUT_OF_HOURS_REASON);
    else expect(created?.reason).not.toContain('out of hours');
  });

  it('flags only phone calls: the same instant on another channel is not out of hours', async () => {
    const t = await call('2026-01-13T07:00:00Z', { channel: 'api' });
    expect(t.outOfHours).toBe(false);
  });

  it('shows the flag in the queue and in the ticket', async () => {
    const t = await call('2026-01-13T20:00:00Z', { subject: 'Late caller' });
    const queue = await api<{ tickets: TicketSummary[] }>(server, 'GET', '/api/tickets?channel=phone&limit=200', { cookie });
    expect(queue.body.tickets.find((q) => q.id === t.id)?.outOfHours).toBe(true);
    const detail = await api<TicketDetail>(server, 'GET', `/api/tickets/${t.id}`, { cookie });
    expect(detail.body.outOfHours).toBe(true);
  });
});

describe("the phone line's hours never change routing or deadlines", () => {
  it.each([
    // An early call: the line and the UK centre are both closed; the clocks start at the UK opening (09:00), not the line's 08:30.
    ['before both open', '2026-01-13T08:15:00Z', 'uk', '2026-01-13T10:00:00.000Z', '2026-01-13T17:00:00.000Z'],
    // After the line closes the UK centre is open until 18:00 and the US until 21:00 UTC: clocks run at once.
    ['after the line closes, centres still open', '2026-01-13T17:45:00Z', 'uk', '2026-01-13T18:45:00.000Z', '2026-01-14T13:45:00.000Z'],
    // Easter Monday: the UK centre is closed too; the US takes it at 06:00 New York (10:00 UTC, EDT).
    ['a bank holiday', '2026-04-06T09:00:00Z', 'us', '2026-04-06T11:00:00.000Z', '2026-04-06T18:00:00.000Z'],
  ])('%s', async (_case, receivedAt, centre, firstResponseDueAt, resolutionDueAt) => {
    const phone = await call(receivedAt);
    const other = await call(receivedAt, { channel: 'api' });
    expect(phone.outOfHours).toBe(true);
    expect(other.outOfHours).toBe(false);
    for (const t of [phone, other]) {
      expect(t).toMatchObject({ centre, firstResponseDueAt, resolutionDueAt, priority: 'high' });
    }
  });
});
