import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketSummary } from '../../shared/protocol';
import { QueueModel } from '../models/QueueModel';
import { HOSTILE_IMG, HOSTILE_SCRIPT, summary } from '../test/fixtures';
import { QueuePanel } from './QueuePanel';

const NOW = Date.parse('2025-03-03T12:00:00Z');

async function renderQueue(tickets: TicketSummary[], now = signal(NOW)) {
  const listTickets = vi.fn(async () => ({ tickets }));
  const queue = new QueueModel({ listTickets });
  await queue.load();
  const view = render(<QueuePanel queue={queue} now={now} selectedId={null} />);
  return { ...view, queue, listTickets, now };
}

describe('QueuePanel', () => {
  afterEach(cleanup);

  it('shows each ticket with number, subject, requester, priority, status, channel, centre and deadline', async () => {
    await renderQueue([
      summary({
        id: 'a',
        number: 42,
        subject: 'Printer on fire',
        priority: 'high',
        status: 'new',
        channel: 'email',
        centre: 'us',
        requester: { name: 'Ada Lovelace', email: null, timeZone: null },
        firstResponseDueAt: '2025-03-03T12:42:00Z',
      }),
      summary({ id: 'b', number: 43, priority: 'low', firstResponseDueAt: '2025-03-03T11:55:00Z' }),
    ]);
    const region = screen.getByRole('region', { name: 'Queue' });
    expect(within(region).getByRole('heading', { name: 'Queue' })).toBeTruthy();
    const link = within(region).getByRole('link', { name: /#42/ });
    expect(link.getAttribute('href')).toBe('#/tickets/a');
    const row = within(link);
    expect(row.getByText('#42')).toBeTruthy();
    expect(row.getByText('Printer on fire')).toBeTruthy();
    expect(row.getByText('Ada Lovelace')).toBeTruthy();
    expect(row.getByText('High').className).toContain('badge--high');
    expect(row.getByText('New')).toBeTruthy();
    expect(row.getByText('Email')).toBeTruthy();
    expect(row.getByText('US')).toBeTruthy();
    const due = row.getByText('due in 42 min');
    expect(due.getAttribute('title')).toBeTruthy();
    expect(due.getAttribute('datetime')).toBe('2025-03-03T12:42:00Z');
    expect(within(region).getByText('overdue by 5 min')).toBeTruthy();
  });

  it('renders hostile subjects and names as inert text', async () => {
    const { container } = await renderQueue([
      summary({ subject: HOSTILE_SCRIPT, requester: { name: HOSTILE_IMG, email: null, timeZone: null } }),
    ]);
    expect(container.querySelector('script, img')).toBeNull();
    expect(screen.getByText(HOSTILE_SCRIPT)).toBeTruthy();
    expect(screen.getByText(HOSTILE_IMG)).toBeTruthy();
  });

  it('shows a ticket:created live, in deadline order, highlighted', async () => {
    const { queue } = await renderQueue([
      summary({ id: 'a', number: 1, firstResponseDueAt: '2025-03-03T12:10:00Z' }),
      summary({ id: 'c', number: 3, firstResponseDueAt: '2025-03-03T12:30:00Z' }),
    ]);
    queue.applyCreated(summary({ id: 'b', number: 2, subject: 'Fresh one', firstResponseDueAt: '2025-03-03T12:20:00Z' }));
    const fresh = await screen.findByText('Fresh one');
    const numbers = screen.getAllByRole('link').map((a) => a.querySelector('.queue-row__number')?.textContent);
    expect(numbers).toEqual(['#1', '#2', '#3']);
    expect(fresh.closest('li')?.classList.contains('queue-row--fresh')).toBe(true);
  });

  it('re-renders relative times when the clock ticks', async () => {
    const { now } = await renderQueue([summary({ firstResponseDueAt: '2025-03-03T12:42:00Z' })]);
    expect(screen.getByText('due in 42 min')).toBeTruthy();
    now.value = NOW + 30 * 60_000;
    expect(await screen.findByText('due in 12 min')).toBeTruthy();
  });

  it('filters with the status tabs', async () => {
    const { listTickets } = await renderQueue([
      summary({ subject: 'Brand new', status: 'new' }),
      summary({ subject: 'Waiting on them', status: 'pending' }),
      summary({ subject: 'Done', status: 'solved' }),
    ]);
    expect(screen.getByRole('tab', { name: 'All open' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByText('Done')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Pending' }));
    await vi.waitFor(() => expect(screen.queryByText('Brand new')).toBeNull());
    expect(screen.getByText('Waiting on them')).toBeTruthy();
    expect(listTickets).toHaveBeenLastCalledWith({ limit: 200, status: 'pending' });
    fireEvent.click(screen.getByRole('tab', { name: 'Solved' }));
    expect(await screen.findByText('Done')).toBeTruthy();
  });
});
