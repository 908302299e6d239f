import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_VIEWS, type SavedView, type ViewFilters, type ViewsResponse } from '../../shared/queue';
import type { TicketQuery } from '../api';
import { QueueModel } from '../models/QueueModel';
import { QueueViewsModel } from '../models/QueueViewsModel';
import { summary } from '../test/fixtures';
import { QueuePanel } from './QueuePanel';

const ME = 'agent-me';

/** A views API over an in-memory list, as the server keeps it (its refusal for another agent's shared view too). */
function viewsServer() {
  const saved: SavedView[] = [];
  let n = 0;
  const api = {
    listViews: vi.fn(async (): Promise<ViewsResponse> => ({ builtIn: BUILT_IN_VIEWS.map((v) => ({ ...v, count: 1 })), saved: saved.map((v) => ({ ...v, count: 2 })) })),
    createView: vi.fn(async (body: { name: string; shared: boolean; filters: ViewFilters }) => {
      const view: SavedView = { id: `v${++n}`, name: body.name, shared: body.shared, ownerId: body.shared ? null : ME, filters: body.filters, createdAt: '', updatedAt: '' };
      saved.push(view);
      return view;
    }),
    updateView: vi.fn(async (id: string, body: { name?: string; shared?: boolean; filters?: ViewFilters }) => {
      const view = saved.find((v) => v.id === id)!;
      if (view.name === 'Not mine') throw new Error('Only the agent who made a shared view, or an admin, may change it');
      Object.assign(view, body);
      return view;
    }),
    deleteView: vi.fn(async (id: string) => {
      saved.splice(saved.findIndex((v) => v.id === id), 1);
    }),
  };
  return { api, saved };
}

async function setUp() {
  const listTickets = vi.fn(async (_q: TicketQuery = {}) => ({ tickets: [summary({ id: 't1', subject: 'Refund please' })] }));
  const queue = new QueueModel({ listTickets });
  queue.setMe(ME);
  const server = viewsServer();
  const views = new QueueViewsModel(server.api);
  await views.load(ME);
  const open = BUILT_IN_VIEWS.find((v) => v.id === 'unassigned')!;
  await queue.setView(open.id, open.filters);
  render(<QueuePanel queue={queue} now={signal(Date.now())} selectedId={null} views={views} />);
  return { queue, views, listTickets, ...server };
}

const nav = () => screen.getByRole('navigation', { name: 'Views' });

describe('saving a view from the desk', () => {
  afterEach(cleanup);

  it('saves the view shown under a name, then shows it; edits and deletes it', async () => {
    const { api, queue, listTickets } = await setUp();
    fireEvent.click(within(nav()).getByRole('button', { name: 'Save view' }));
    const form = screen.getByRole('form', { name: 'Save view' });
    // It starts from the view shown: Unassigned's statuses and assignee.
    expect((within(form).getByRole('checkbox', { name: 'New' }) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByRole('checkbox', { name: 'Pending' }) as HTMLInputElement).checked).toBe(false);
    expect((within(form).getByRole('combobox', { name: 'Assignee' }) as HTMLSelectElement).value).toBe('none');
    fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), { target: { value: 'Urgent unassigned' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'High' }));
    fireEvent.input(within(form).getByRole('textbox', { name: /Tags/ }), { target: { value: 'VIP, billing' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(api.createView).toHaveBeenCalledTimes(1));
    expect(api.createView).toHaveBeenCalledWith({ name: 'Urgent unassigned', shared: false, filters: { status: ['new', 'open', 'on_hold'], assignee: 'none', priority: ['high'], tag: ['vip', 'billing'] } });
    const saved = await within(nav()).findByRole('button', { name: /^Urgent unassigned/ });
    await waitFor(() => expect(saved.getAttribute('aria-pressed')).toBe('true'));
    expect(screen.queryByRole('form', { name: 'Save view' })).toBeNull();
    expect(listTickets).toHaveBeenLastCalledWith(expect.objectContaining({ priority: 'high', tag: 'vip,billing', assignee: 'none' }));

    // Edit: rename it and share it.
    fireEvent.click(within(nav()).getByRole('button', { name: 'Edit view Urgent unassigned' }));
    const edit = screen.getByRole('form', { name: 'Edit view' });
    expect((within(edit).getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('Urgent unassigned');
    fireEvent.input(within(edit).getByRole('textbox', { name: 'Name' }), { target: { value: 'Hot' } });
    fireEvent.click(within(edit).getByRole('checkbox', { name: 'Shared with the team' }));
    fireEvent.click(within(edit).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.updateView).toHaveBeenCalledWith('v1', expect.objectContaining({ name: 'Hot', shared: true })));
    await within(nav()).findByRole('button', { name: /^Hot/ });

    // Delete: the queue goes back to All open.
    fireEvent.click(within(nav()).getByRole('button', { name: 'Edit view Hot' }));
    fireEvent.click(within(screen.getByRole('form', { name: 'Edit view' })).getByRole('button', { name: 'Delete view' }));
    await waitFor(() => expect(api.deleteView).toHaveBeenCalledWith('v1'));
    await waitFor(() => expect(within(nav()).queryByRole('button', { name: /^Hot/ })).toBeNull());
    await waitFor(() => expect(queue.view.value?.id).toBe('open'));
  });

  it('saves a search as a view of its words, and shows refusals and bad tags in the form', async () => {
    const { api, queue, views, listTickets, saved } = await setUp();
    await queue.setSearch('refund');
    fireEvent.click(within(nav()).getByRole('button', { name: 'Save view' }));
    const form = screen.getByRole('form', { name: 'Save view' });
    expect((within(form).getByRole('searchbox', { name: 'Search words' }) as HTMLInputElement).value).toBe('refund');
    fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), { target: { value: 'Refunds' } });
    fireEvent.input(within(form).getByRole('textbox', { name: /Tags/ }), { target: { value: 'not a tag!' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save view' }));
    expect(within(form).getByRole('alert').textContent).toContain('letters, digits');
    expect(api.createView).not.toHaveBeenCalled();
    fireEvent.input(within(form).getByRole('textbox', { name: /Tags/ }), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(api.createView).toHaveBeenCalledWith({ name: 'Refunds', shared: false, filters: { q: 'refund' } }));
    await waitFor(() => expect(listTickets).toHaveBeenLastCalledWith(expect.objectContaining({ q: 'refund' })));
    expect(queue.highlight.value).toBe('refund');

    // Someone else's shared view: the server's refusal shows in the form, which stays open.
    saved.push({ id: 'other', name: 'Not mine', shared: true, ownerId: null, filters: {}, createdAt: '', updatedAt: '' });
    await views.load(ME);
    fireEvent.click(await within(nav()).findByRole('button', { name: 'Edit view Not mine' }));
    const edit = screen.getByRole('form', { name: 'Edit view' });
    fireEvent.click(within(edit).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(within(edit).getByRole('alert').textContent).toContain('Only the agent who made a shared view'));
    fireEvent.click(within(edit).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Edit view' })).toBeNull();
  });
});
