import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketPage } from '../api';
import { summary } from '../test/fixtures';
import { QueueModel, insertByDeadline } from './QueueModel';

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

  it('loads the queue in the server order, asking for up to 200 tickets', async () => {
    const a = summary({ id: 'a', firstResponseDueAt: '2025-03-03T10:00:00Z' });
    const b = summary({ id: 'b', firstResponseDueAt: '2025-03-03T11:00:00Z' });
    const { queue, listTickets } = queueWith({ tickets: [a, b] });
    await queue.load();
    expect(listTickets).toHaveBeenCalledWith({ limit: 200 });
    expect(ids(queue)).toEqual(['a', 'b']);
    expect(queue.loaded.value).toBe(true);
  });

  it('inserts a ticket:created by first-response deadline, nulls last', async () => {
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

    queue.applyUpdated({ ...a, priority: 'low', firstResponseDueAt: '2025-03-03T15:00:00Z', updatedAt: '2025-03-03T09:10:00Z' });
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
    expect(listTickets).toHaveBeenLastCalledWith({ limit: 200, status: 'pending' });
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
});
