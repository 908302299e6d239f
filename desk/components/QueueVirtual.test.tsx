/**
 * The team queue in the desk: a windowed list (10,000 tickets, a few dozen rows in the DOM), keyset paging as the
 * end nears, views with pushed counts, search with marked words (as text), ticked ranges and bulk actions, and
 * the keyboard shortcuts with their help dialog.
 */
import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketSummary } from '../../shared/protocol';
import { BUILT_IN_VIEWS, type ViewsResponse } from '../../shared/queue';
import type { TicketPage, TicketQuery } from '../api';
import { PAGE_LIMIT, QueueModel } from '../models/QueueModel';
import { QueueViewsModel } from '../models/QueueViewsModel';
import { HOSTILE_SCRIPT, summary } from '../test/fixtures';
import { QueuePanel, type QueueActions } from './QueuePanel';

const NOW = Date.parse('2025-03-03T12:00:00Z');
const ME = 'agent-me';

function manyTickets(n: number): TicketSummary[] {
  return Array.from({ length: n }, (_, i) => summary({ id: `t${i}`, number: 10_000 + i, subject: `Ticket ${i}`, firstResponseDueAt: new Date(NOW + i * 60_000).toISOString() }));
}

/** A fake server holding `all`, paging by the query's limit by a cursor that is the next index. */
function pagedServer(all: TicketSummary[]) {
  return vi.fn(async (q: TicketQuery = {}): Promise<TicketPage> => {
    if (q.q) {
      const found = all.filter((t) => t.subject.includes(q.q!));
      return { tickets: found, matches: found[0] ? { [found[0].id]: `the ${q.q} was found here ${HOSTILE_SCRIPT}` } : {} };
    }
    const from = q.cursor ? Number(q.cursor) : 0;
    const limit = q.limit ?? 50;
    const tickets = all.slice(from, from + limit);
    return { tickets, ...(from + limit < all.length ? { nextCursor: String(from + limit) } : {}) };
  });
}

async function setUp(all: TicketSummary[]) {
  const listTickets = pagedServer(all);
  const queue = new QueueModel({ listTickets });
  queue.setMe(ME);
  const views = new QueueViewsModel({
    listViews: async (): Promise<ViewsResponse> => ({ builtIn: BUILT_IN_VIEWS.map((v) => ({ ...v, count: 3 })), saved: [] }),
    createView: vi.fn(),
    updateView: vi.fn(),
    deleteView: vi.fn(),
  });
  await views.load(ME);
  const open = BUILT_IN_VIEWS.find((v) => v.id === 'open')!;
  await queue.setView(open.id, open.filters);
  const actions: QueueActions = {
    meId: ME,
    open: vi.fn(),
    change: vi.fn(async () => {}),
    bulk: vi.fn(async (ids: string[]) => ({ changed: ids.length, failed: 0 })),
  };
  const view = render(<QueuePanel queue={queue} now={signal(NOW)} selectedId={null} views={views} queueActions={actions} />);
  return { ...view, queue, views, listTickets, actions };
}

const rows = () => within(screen.getByRole('list', { name: 'Tickets' })).getAllByRole('listitem');

describe('the windowed queue', () => {
  afterEach(cleanup);

  it('draws only the rows in view of 10,000 tickets, and fetches the next page as the end nears', async () => {
    const { queue, listTickets } = await setUp(manyTickets(10_000));
    expect(listTickets).toHaveBeenCalledWith(expect.objectContaining({ limit: PAGE_LIMIT }));
    expect(queue.visible.value.length).toBe(PAGE_LIMIT);
    expect(rows().length).toBeLessThan(40);
    expect(rows()[0]!.textContent).toContain('#10000');
    // The list is as tall as all loaded rows, so the scrollbar is honest.
    expect(screen.getByRole('list', { name: 'Tickets' }).style.height).toBe(`${PAGE_LIMIT * 68}px`);
    const scroller = screen.getByRole('list', { name: 'Tickets' }).parentElement!;
    await act(async () => {
      scroller.scrollTop = (PAGE_LIMIT - 10) * 68;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(listTickets).toHaveBeenCalledWith(expect.objectContaining({ cursor: String(PAGE_LIMIT) })));
    await waitFor(() => expect(queue.visible.value.length).toBe(2 * PAGE_LIMIT));
  });

  it('keeps live tickets in order: one that stops matching leaves, a new one joins, one past the loaded pages waits', async () => {
    const { queue } = await setUp(manyTickets(300));
    const first = queue.visible.value[0]!;
    act(() => queue.applyUpdated({ ...first, status: 'solved', updatedAt: '2025-03-03T12:01:00.000Z' }));
    expect(queue.visible.value.some((t) => t.id === first.id)).toBe(false);
    act(() => queue.applyCreated(summary({ id: 'early', firstResponseDueAt: new Date(NOW - 60_000).toISOString() })));
    expect(queue.visible.value[0]!.id).toBe('early');
    act(() => queue.applyCreated(summary({ id: 'late', firstResponseDueAt: new Date(NOW + 999 * 60_000).toISOString() })));
    expect(queue.visible.value.some((t) => t.id === 'late')).toBe(false);
  });

  it('shows the views with their counts and the count pushed over the socket', async () => {
    const { views } = await setUp(manyTickets(3));
    const nav = screen.getByRole('navigation', { name: 'Views' });
    expect(within(nav).getByRole('button', { name: /All open/ }).getAttribute('aria-pressed')).toBe('true');
    act(() => views.applyCounts({ builtIn: { open: 41, unassigned: 7 }, byAssignee: { [ME]: 5 }, saved: {} }));
    expect(within(nav).getByRole('button', { name: /Mine/ }).textContent).toContain('5');
    expect(within(nav).getByRole('button', { name: /Unassigned/ }).textContent).toContain('7');
  });

  it('marks the searched words in results and excerpts as text, never HTML', async () => {
    const { container } = await setUp(manyTickets(30));
    const box = screen.getByRole('searchbox', { name: 'Search tickets' });
    fireEvent.input(box, { target: { value: 'Ticket 1' } });
    await act(async () => {
      fireEvent.submit(box.closest('form')!);
    });
    await waitFor(() => expect(screen.getByText('Results for “Ticket 1”')).toBeTruthy());
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toContain('Ticket');
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain(HOSTILE_SCRIPT);
  });

  it('ticks a range with shift-click and applies a bulk action in one call', async () => {
    const { actions } = await setUp(manyTickets(10));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select #10001' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select #10004' }), { shiftKey: true });
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(bar.textContent).toContain('4 selected');
    await act(async () => {
      fireEvent.click(within(bar).getByRole('button', { name: 'Assign to me' }));
    });
    expect(actions.bulk).toHaveBeenCalledWith(['t1', 't2', 't3', 't4'], { assigneeId: ME });
  });
});

describe('keyboard shortcuts', () => {
  afterEach(cleanup);

  it('j/k move, Enter opens, e solves, a assigns to me, / focuses search, ? shows help; typing is never a shortcut', async () => {
    const { actions } = await setUp(manyTickets(5));
    const key = (k: string, target: Element = document.body) => act(() => void fireEvent.keyDown(target, { key: k }));
    key('j');
    key('j');
    key('k');
    key('j');
    expect(document.querySelector('.queue-row--active')?.getAttribute('data-ticket-id')).toBe('t1');
    key('Enter');
    expect(actions.open).toHaveBeenCalledWith('t1');
    key('e');
    expect(actions.change).toHaveBeenCalledWith('t1', { status: 'solved' });
    key('a');
    expect(actions.change).toHaveBeenCalledWith('t1', { assigneeId: ME });
    key('/');
    const box = screen.getByRole('searchbox', { name: 'Search tickets' });
    expect(document.activeElement).toBe(box);
    key('j', box);
    expect(document.querySelector('.queue-row--active')?.getAttribute('data-ticket-id')).toBe('t1');
    key('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Assign the ticket to me')).toBeTruthy();
    fireEvent.click(within(help).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('TagEditor', () => {
  afterEach(cleanup);

  it('adds a tag on Enter, refuses a malformed one with a message, and removes one', async () => {
    const { TagEditor } = await import('./TagEditor');
    const onAdd = vi.fn(async () => {});
    const onRemove = vi.fn(async () => {});
    render(<TagEditor tags={['billing']} onAdd={onAdd} onRemove={onRemove} />);
    const input = screen.getByRole('textbox', { name: 'Add a tag' });
    fireEvent.input(input, { target: { value: ' VIP ' } });
    await act(async () => void fireEvent.submit(input.closest('form')!));
    expect(onAdd).toHaveBeenCalledWith('vip');
    fireEvent.input(input, { target: { value: '<b>' } });
    await act(async () => void fireEvent.submit(input.closest('form')!));
    expect(screen.getByRole('alert').textContent).toContain('letters, digits');
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Remove tag billing' })));
    expect(onRemove).toHaveBeenCalledWith('billing');
  });
});
