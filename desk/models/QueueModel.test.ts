import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SlaAlert } from '../../shared/protocol';
import type { TicketPage } from '../api';
import { summary } from '../test/fixtures';
import { PAGE_LIMIT, QueueModel, SLA_NOTICE_MS, insertByDeadline } from './QueueModel';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function queueWith(page: TicketPage) {
  const listTickets = vi.fn(async () => page);
  return { queue: new QueueModel({ listTickets }), listTickets };
}

const ids = (q: QueueModel) => q.tickets.value.map((t) => t.id);

describe('QueueModel', () => {
  afterEach(() => vi.useRealTimers());

  it('loads the queue in the server order, asking for a page of PAGE_LIMIT tickets', async () => {
    const a = summary({ id: 'a', firstResponseDueAt: '2025-03-03T10:00:00Z' });
    const b = summary({ id: 'b', firstResponseDueAt: '2025-03-03T11:00:00Z' });
    const { queue, listTickets } = queueWith({ tickets: [a, b] });
    await queue.load();
    expect(listTickets).toHaveBeenCalledWith({ limit: PAGE_LIMIT });
    expect(ids(queue)).toEqual(['a', 'b']);
    expect(queue.loaded.value).toBe(true);
  });

  it('inserts a ticket:created by its next deadline (first response while unanswered), nulls last', async () => {
    const { queue } = queueWith({
      tickets: [
        summary({ id: 'a', firstResponseDueAt: '2025-03-03T10:00:00Z' }),
        summary({ id: 'c', firstResponseDueAt: '2025-03-03T12:00:00Z' }),
        summary({ id: 'n', firstResponseDueAt: null }),
      ],
    });
    await queue.load();

    queue.applyCreated(summary({ id: 'b', firstResponseDueAt: '2025-03-03T11:00:00Z' }));
    expect(ids(queue)).toEqual(['a', 'b', 'c', 'n']);

    queue.applyCreated(summary({ id: 'first', firstResponseDueAt: '2025-03-03T09:30:00Z' }));
    queue.applyCreated(summary({ id: 'none', firstResponseDueAt: null }));
    expect(ids(queue)).toEqual(['first', 'a', 'b', 'c', 'n', 'none']);
    expect(queue.fresh.value.has('b')).toBe(true);
    expect(queue.announcement.value).toBe('A new medium-priority ticket arrived.');
  });

  it('replaces a ticket on ticket:updated, in place when its deadline did not move', async () => {
    const a = summary({ id: 'a', firstResponseDueAt: '2025-03-03T10:00:00Z' });
    const b = summary({ id: 'b', firstResponseDueAt: '2025-03-03T11:00:00Z' });
    const { queue } = queueWith({ tickets: [a, b] });
    await queue.load();

    queue.applyUpdated({ ...a, status: 'open', subject: 'Renamed', updatedAt: '2025-03-03T09:05:00Z' });
    expect(ids(queue)).toEqual(['a', 'b']);
    expect(queue.tickets.value[0]).toMatchObject({ status: 'open', subject: 'Renamed' });
    expect(queue.tickets.value).toHaveLength(2);
  });

  it('moves an updated ticket whose deadline changed, and ignores an older version', async () => {
    const a = summary({ id: 'a', firstResponseDueAt: '2025-03-03T10:00:00Z' });
    const b = summary({ id: 'b', firstResponseDueAt: '2025-03-03T11:00:00Z' });
    const { queue } = queueWith({ tickets: [a, b] });
    await queue.load();

    queue.applyUpdated({ ...a, priority: 'low', firstResponseDueAt: '2025-03-03T15:00:00Z', nextDueAt: '2025-03-03T15:00:00Z', updatedAt: '2025-03-03T09:10:00Z' });
    expect(ids(queue)).toEqual(['b', 'a']);

    queue.applyUpdated({ ...a, subject: 'stale', updatedAt: '2025-03-03T09:01:00Z' });
    expect(queue.tickets.value.find((t) => t.id === 'a')?.subject).not.toBe('stale');
  });

  it('treats a repeated ticket:created as an update (no duplicate rows)', async () => {
    const a = summary({ id: 'a' });
    const { queue } = queueWith({ tickets: [a] });
    await queue.load();
    queue.applyCreated({ ...a, updatedAt: '2025-03-03T09:30:00Z' });
    expect(ids(queue)).toEqual(['a']);
  });

  it('keeps events that arrive while a load is in flight', async () => {
    const page = deferred<TicketPage>();
    const queue = new QueueModel({ listTickets: () => page.promise });
    const loading = queue.load();
    const live = summary({ id: 'live', firstResponseDueAt: '2025-03-03T09:30:00Z' });
    queue.applyCreated(live);
    page.resolve({ tickets: [summary({ id: 'old', firstResponseDueAt: '2025-03-03T10:00:00Z' })] });
    await loading;
    expect(ids(queue)).toEqual(['live', 'old']);
  });

  it('filters by tab and asks the server for that status', async () => {
    const { queue, listTickets } = queueWith({
      tickets: [summary({ id: 'n', status: 'new' }), summary({ id: 'p', status: 'pending' }), summary({ id: 's', status: 'solved' })],
    });
    await queue.load();
    expect(queue.visible.value.map((t) => t.id)).toEqual(['n', 'p']);
    await queue.setFilter('pending');
    expect(listTickets).toHaveBeenLastCalledWith({ limit: PAGE_LIMIT, status: 'pending' });
    expect(queue.visible.value.map((t) => t.id)).toEqual(['p']);
  });

  it('drops the fresh highlight after a while or when the ticket is opened', async () => {
    vi.useFakeTimers();
    const { queue } = queueWith({ tickets: [] });
    await queue.load();
    queue.applyCreated(summary({ id: 'x' }));
    queue.applyCreated(summary({ id: 'y' }));
    queue.markSeen('x');
    expect([...queue.fresh.value]).toEqual(['y']);
    vi.advanceTimersByTime(121_000);
    expect(queue.fresh.value.size).toBe(0);
  });

  it('insertByDeadline keeps the order among equal deadlines', () => {
    const due = '2025-03-03T10:00:00Z';
    const list = [summary({ id: 'a', firstResponseDueAt: due })];
    expect(insertByDeadline(list, summary({ id: 'b', firstResponseDueAt: due })).map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('orders by nextDueAt, not the first-response deadline, once the first response is given', async () => {
    // a was answered: its next deadline is the resolution, later than b's first response.
    const a = summary({ id: 'a', firstResponseDueAt: '2025-03-03T10:00:00Z', firstRespondedAt: '2025-03-03T09:10:00Z', nextDueAt: '2025-03-04T09:00:00Z' });
    const b = summary({ id: 'b', firstResponseDueAt: '2025-03-03T11:00:00Z' });
    const { queue } = queueWith({ tickets: [b, a] });
    await queue.load();
    queue.applyCreated(summary({ id: 'c', firstResponseDueAt: '2025-03-03T10:30:00Z', nextDueAt: '2025-03-03T12:00:00Z' }));
    queue.applyCreated(summary({ id: 'p', status: 'pending', firstResponseDueAt: '2025-03-03T08:00:00Z', nextDueAt: null, slaPausedAt: '2025-03-03T08:30:00Z' }));
    expect(ids(queue)).toEqual(['b', 'c', 'a', 'p']);
    // A customer's message starts the next-response clock: a moves up.
    queue.applyUpdated({ ...a, nextResponseDueAt: '2025-03-03T11:30:00Z', nextDueAt: '2025-03-03T11:30:00Z', updatedAt: '2025-03-03T09:20:00Z' });
    expect(ids(queue)).toEqual(['b', 'a', 'c', 'p']);
  });

  it('filters by centre: asks the server with centre=, and live events respect it', async () => {
    const uk = summary({ id: 'uk1', centre: 'uk', firstResponseDueAt: '2025-03-03T10:00:00Z' });
    const us = summary({ id: 'us1', centre: 'us', firstResponseDueAt: '2025-03-03T11:00:00Z' });
    const listTickets = vi.fn(async (query: { centre?: string } = {}) => ({ tickets: [uk, us].filter((t) => !query.centre || t.centre === query.centre) }));
    const queue = new QueueModel({ listTickets });
    await queue.load();
    expect(queue.centre.value).toBe('all');
    expect(queue.visible.value.map((t) => t.id)).toEqual(['uk1', 'us1']);

    await queue.setCentre('us');
    expect(listTickets).toHaveBeenLastCalledWith({ limit: PAGE_LIMIT, centre: 'us' });
    expect(queue.visible.value.map((t) => t.id)).toEqual(['us1']);

    // A UK ticket arriving live is not shown, highlighted or announced in the US queue.
    queue.applyCreated(summary({ id: 'uk2', centre: 'uk', priority: 'high', firstResponseDueAt: '2025-03-03T09:00:00Z' }));
    expect(queue.visible.value.map((t) => t.id)).toEqual(['us1']);
    expect(queue.fresh.value.has('uk2')).toBe(false);
    expect(queue.announcement.value).toBe('');
    queue.applyCreated(summary({ id: 'us2', centre: 'us', priority: 'high', firstResponseDueAt: '2025-03-03T10:30:00Z' }));
    expect(queue.visible.value.map((t) => t.id)).toEqual(['us2', 'us1']);
    expect(queue.announcement.value).toBe('A new high-priority ticket arrived.');

    // Follow the sun: a ticket handed over from the UK to the US appears; one handed to the UK goes.
    queue.applyUpdated({ ...uk, centre: 'us', updatedAt: '2025-03-03T09:30:00Z' });
    queue.applyUpdated({ ...us, centre: 'uk', updatedAt: '2025-03-03T09:30:00Z' });
    expect(queue.visible.value.map((t) => t.id)).toEqual(['uk1', 'us2']);

    await queue.setCentre('all');
    expect(listTickets).toHaveBeenLastCalledWith({ limit: PAGE_LIMIT });
    expect(queue.visible.value.map((t) => t.id)).toEqual(['uk1', 'us1']);
  });

  it('combines the centre with the status tab in the server query', async () => {
    const { queue, listTickets } = queueWith({ tickets: [] });
    await queue.setCentre('uk');
    await queue.setFilter('pending');
    expect(listTickets).toHaveBeenLastCalledWith({ limit: PAGE_LIMIT, status: 'pending', centre: 'uk' });
  });

  describe('SLA alerts', () => {
    const breach = (ticketId: string, dueAt: string, clock: SlaAlert['clock'] = 'first_response', number = 1001, centre: SlaAlert['centre'] = 'uk'): SlaAlert => ({ ticketId, number, centre, kind: 'breach', clock, dueAt });

    it('keeps the latest alert per ticket and notifies politely by ticket number, for a while', async () => {
      vi.useFakeTimers();
      const t = summary({ id: 'a', number: 1042, firstResponseDueAt: '2025-03-03T10:00:00Z' });
      const { queue } = queueWith({ tickets: [t] });
      await queue.load();
      queue.applySla({ ticketId: 'a', number: 1001, centre: 'uk', kind: 'warning', clock: 'first_response', dueAt: '2025-03-03T10:00:00Z' });
      expect(queue.alerts.value.get('a')?.kind).toBe('warning');
      expect(queue.slaNotices.value.map((n) => n.text)).toEqual(['#1042 is near its first-response deadline']);
      vi.advanceTimersByTime(5_000);
      queue.applySla(breach('a', '2025-03-03T10:00:00Z'));
      expect(queue.alerts.value.get('a')?.kind).toBe('breach');
      // The breach replaces the ticket's warning.
      expect(queue.slaNotices.value.map((n) => n.text)).toEqual(['#1042 breached its first-response deadline']);
      vi.advanceTimersByTime(SLA_NOTICE_MS - 1);
      expect(queue.slaNotices.value).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(queue.slaNotices.value).toEqual([]);
      expect(queue.alerts.value.get('a')?.kind).toBe('breach');
    });

    it('names the clock, shows at most three notices, and lets one be dismissed', async () => {
      vi.useFakeTimers();
      const tickets = [1, 2, 3, 4].map((n) => summary({ id: `t${n}`, number: n }));
      const { queue } = queueWith({ tickets });
      await queue.load();
      queue.applySla(breach('t1', '2025-03-03T10:00:00Z', 'next_response'));
      queue.applySla(breach('t2', '2025-03-03T10:00:00Z', 'resolution'));
      queue.applySla(breach('t3', '2025-03-03T10:00:00Z'));
      queue.applySla(breach('t4', '2025-03-03T10:00:00Z'));
      expect(queue.slaNotices.value.map((n) => n.text)).toEqual([
        '#2 breached its resolution deadline',
        '#3 breached its first-response deadline',
        '#4 breached its first-response deadline',
      ]);
      queue.applySla(breach('t1', '2025-03-03T10:00:00Z', 'next_response'));
      expect(queue.slaNotices.value.at(-1)?.text).toBe('#1 breached its next-response deadline');
      queue.dismissSlaNotice(queue.slaNotices.value[0]!.id);
      expect(queue.slaNotices.value).toHaveLength(2);
    });

    it('does not notify about another centre’s tickets, loaded or not, and names unloaded ones by the alert', async () => {
      const { queue } = queueWith({ tickets: [summary({ id: 'us1', number: 7, centre: 'us' }), summary({ id: 'uk1', number: 8, centre: 'uk' })] });
      await queue.load();
      queue.applySla(breach('unknown', '2025-03-03T10:00:00Z', 'first_response', 42, 'us'));
      expect(queue.slaNotices.value.map((n) => n.text)).toEqual(['#42 breached its first-response deadline']);
      await queue.setCentre('uk');
      queue.applySla(breach('us1', '2025-03-03T10:00:00Z', 'first_response', 7, 'us'));
      queue.applySla(breach('elsewhere', '2025-03-03T10:00:00Z', 'first_response', 43, 'us'));
      queue.applySla(breach('uk1', '2025-03-03T10:00:00Z', 'first_response', 8, 'uk'));
      expect(queue.slaNotices.value.map((n) => n.text)).toEqual(['#42 breached its first-response deadline', '#8 breached its first-response deadline']);
      // The badge state is kept for every ticket all the same.
      expect(queue.alerts.value.has('us1')).toBe(true);
    });

    it('forgets an alert once its deadline no longer runs, and everything on sign-out', async () => {
      const t = summary({ id: 'a', firstResponseDueAt: '2025-03-03T10:00:00Z' });
      const { queue } = queueWith({ tickets: [t] });
      await queue.load();
      queue.applySla(breach('a', '2025-03-03T10:00:00Z'));
      queue.applyUpdated({ ...t, subject: 'Renamed', updatedAt: '2025-03-03T09:05:00Z' });
      expect(queue.alerts.value.has('a')).toBe(true);
      queue.applyUpdated({ ...t, firstRespondedAt: '2025-03-03T10:05:00Z', nextDueAt: '2025-03-04T09:00:00Z', updatedAt: '2025-03-03T10:05:00Z' });
      expect(queue.alerts.value.has('a')).toBe(false);
      queue.applySla(breach('a', '2025-03-04T09:00:00Z', 'resolution'));
      queue.clear();
      expect(queue.alerts.value.size).toBe(0);
      expect(queue.slaNotices.value).toEqual([]);
    });
  });
});
