import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketSummary } from '../../shared/protocol';
import { PAGE_LIMIT, QueueModel } from '../models/QueueModel';
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
    expect(row.getByText('First response')).toBeTruthy();
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
    expect(listTickets).toHaveBeenLastCalledWith({ limit: PAGE_LIMIT, status: 'pending' });
    fireEvent.click(screen.getByRole('tab', { name: 'Solved' }));
    expect(await screen.findByText('Done')).toBeTruthy();
  });

  it('has a Centre filter that asks the server for one centre’s queue', async () => {
    const uk = summary({ id: 'uk', number: 1, subject: 'London printer', centre: 'uk' });
    const us = summary({ id: 'us', number: 2, subject: 'Boston VPN', centre: 'us' });
    const { listTickets, queue } = await renderQueue([uk, us]);
    listTickets.mockImplementation(async (query?: { centre?: string }) => ({ tickets: [uk, us].filter((t) => !query?.centre || t.centre === query.centre) }));
    const select = screen.getByRole('combobox', { name: 'Centre' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['All centres', 'UK', 'US']);
    expect(select.value).toBe('all');
    fireEvent.change(select, { target: { value: 'us' } });
    await vi.waitFor(() => expect(screen.queryByText('London printer')).toBeNull());
    expect(listTickets).toHaveBeenLastCalledWith({ limit: PAGE_LIMIT, centre: 'us' });
    expect(screen.getByText('Boston VPN')).toBeTruthy();
    // A live UK ticket stays out of the US queue.
    act(() => queue.applyCreated(summary({ id: 'uk2', subject: 'Leeds outage', centre: 'uk' })));
    expect(screen.queryByText('Leeds outage')).toBeNull();
    fireEvent.change(select, { target: { value: 'all' } });
    expect(await screen.findByText('London printer')).toBeTruthy();
    expect(listTickets).toHaveBeenLastCalledWith({ limit: PAGE_LIMIT });
  });

  it('names the running deadline: first response, then next response or resolution; paused while pending', async () => {
    await renderQueue([
      summary({ id: 'a', number: 1, firstResponseDueAt: '2025-03-03T13:00:00Z' }),
      summary({ id: 'b', number: 2, status: 'open', firstResponseDueAt: '2025-03-03T11:00:00Z', firstRespondedAt: '2025-03-03T10:00:00Z', nextResponseDueAt: '2025-03-03T14:00:00Z', nextDueAt: '2025-03-03T14:00:00Z' }),
      summary({ id: 'c', number: 3, status: 'open', firstResponseDueAt: '2025-03-03T11:00:00Z', firstRespondedAt: '2025-03-03T10:00:00Z', resolutionDueAt: '2025-03-03T15:00:00Z', nextDueAt: '2025-03-03T15:00:00Z' }),
      summary({ id: 'd', number: 4, status: 'pending', firstResponseDueAt: '2025-03-03T11:00:00Z', nextDueAt: null, slaPausedAt: '2025-03-03T11:30:00Z' }),
    ]);
    const row = (n: number) => within(screen.getByRole('link', { name: new RegExp(`#${n}\\b`) }));
    expect(row(1).getByText('First response')).toBeTruthy();
    expect(row(1).getByText('due in 1 h')).toBeTruthy();
    expect(row(2).getByText('Next response')).toBeTruthy();
    expect(row(2).getByText('due in 2 h')).toBeTruthy();
    expect(row(3).getByText('Resolution')).toBeTruthy();
    expect(row(3).getByText('due in 3 h')).toBeTruthy();
    expect(row(4).getByText('SLA paused')).toBeTruthy();
    expect(row(4).queryByText(/overdue/)).toBeNull();
    expect(row(4).queryByText('Breached')).toBeNull();
  });

  it('marks rows Due soon and Breached from their deadlines, also after a reload, and as the clock ticks', async () => {
    const { now } = await renderQueue([
      summary({ id: 'a', number: 1, firstResponseDueAt: '2025-03-03T11:55:00Z' }),
      summary({ id: 'b', number: 2, firstResponseDueAt: '2025-03-03T12:10:00Z' }),
      summary({ id: 'c', number: 3, firstResponseDueAt: '2025-03-03T12:40:00Z' }),
    ]);
    const row = (n: number) => within(screen.getByRole('link', { name: new RegExp(`#${n}\\b`) }));
    expect(row(1).getByText('Breached').className).toContain('sla-badge--breached');
    expect(row(2).getByText('Due soon').className).toContain('sla-badge--due_soon');
    expect(row(3).queryByText('Due soon')).toBeNull();
    expect(row(3).queryByText('Breached')).toBeNull();
    act(() => void (now.value = NOW + 30 * 60_000));
    expect(row(2).getByText('Breached')).toBeTruthy();
    expect(row(3).getByText('Due soon')).toBeTruthy();
  });

  it('on ticket:sla marks the row and shows a polite notification that can go away', async () => {
    const { queue } = await renderQueue([
      summary({ id: 'a', number: 1042, firstResponseDueAt: '2025-03-03T14:00:00Z' }),
      summary({ id: 'b', number: 1043, firstResponseDueAt: '2025-03-03T15:00:00Z' }),
    ]);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    const link = within(screen.getByRole('link', { name: /#1042/ }));
    expect(link.queryByText('Due soon')).toBeNull();
    // The server's clock says the deadline is near (or passed) even where this browser's clock disagrees.
    act(() => queue.applySla({ ticketId: 'a', number: 1042, centre: 'uk', kind: 'warning', clock: 'first_response', dueAt: '2025-03-03T14:00:00Z' }));
    expect(link.getByText('Due soon')).toBeTruthy();
    expect(status.textContent).toBe('#1042 is near its first-response deadline');
    act(() => queue.applySla({ ticketId: 'a', number: 1042, centre: 'uk', kind: 'breach', clock: 'first_response', dueAt: '2025-03-03T14:00:00Z' }));
    expect(link.getByText('Breached')).toBeTruthy();
    expect(within(status).getByText('#1042 breached its first-response deadline')).toBeTruthy();
    expect(within(screen.getByRole('link', { name: /#1043/ })).queryByText('Breached')).toBeNull();
    act(() => queue.dismissSlaNotice(queue.slaNotices.value[0]!.id));
    expect(status.textContent).toBe('');
    // The badge stays while that deadline runs.
    expect(link.getByText('Breached')).toBeTruthy();
  });
});
