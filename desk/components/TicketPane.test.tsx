import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketDetail } from '../../shared/protocol';
import { ApiError } from '../api';
import { TicketModel } from '../models/TicketModel';
import { HOSTILE_IMG, HOSTILE_SCRIPT, detail, handoff, message } from '../test/fixtures';
import { TicketPane } from './TicketPane';

const now = signal(Date.parse('2025-03-03T09:30:00Z'));
const HOSTILE = `${HOSTILE_SCRIPT} ${HOSTILE_IMG}`;

async function renderTicket(d: TicketDetail) {
  const api = {
    getTicket: vi.fn(async () => d),
    updateTicket: vi.fn(async () => d),
    postMessage: vi.fn(),
    handBack: vi.fn(async () => ({ ...d, conversationMode: 'ai' as const })),
  };
  const model = new TicketModel(api, d.id);
  await model.load();
  const onTyping = vi.fn();
  const onStopTyping = vi.fn();
  const view = render(<TicketPane ticket={model} now={now} onTyping={onTyping} onStopTyping={onStopTyping} onClose={() => {}} />);
  return { ...view, api, model, onTyping, onStopTyping };
}

function expectInert(container: Element) {
  expect(container.querySelector('script, img, [onerror]')).toBeNull();
}

describe('TicketPane', () => {
  afterEach(cleanup);

  it('renders hostile text from customers, Kai, agents and the handoff as inert text', async () => {
    const d = detail({
      id: 'evil',
      number: 7,
      subject: HOSTILE,
      description: HOSTILE,
      requester: { name: HOSTILE_IMG, email: HOSTILE_SCRIPT, timeZone: null },
      handoff: handoff({
        problem: HOSTILE,
        tried: [HOSTILE_IMG],
        sources: [{ id: 's1', title: HOSTILE_IMG, url: '/kb/x' }],
        urgency: { level: 'high', reason: HOSTILE_SCRIPT },
        impact: { level: 'low', reason: HOSTILE_IMG },
        evidence: [HOSTILE],
      }),
      messages: [
        message({ author: { kind: 'customer', name: HOSTILE_IMG }, body: HOSTILE }),
        message({ author: { kind: 'ai', name: 'Kai' }, body: HOSTILE_IMG, sources: [{ id: 's2', title: HOSTILE_SCRIPT, url: 'https://kb.example.com/a' }] }),
        message({ author: { kind: 'agent', name: HOSTILE_SCRIPT }, body: HOSTILE_SCRIPT, internal: true }),
      ],
      events: [{ id: 'e1', type: 'status_changed', actor: { kind: 'agent', name: HOSTILE_IMG }, from: 'new', to: 'open', reason: HOSTILE, createdAt: '2025-03-03T09:10:00Z' }],
    });
    const { container } = await renderTicket(d);
    expectInert(container);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`#7 ${HOSTILE}`);
    const region = screen.getByRole('region', { name: 'Handoff summary' });
    expect(within(region).getByText(HOSTILE, { selector: 'dd' })).toBeTruthy();
    const log = screen.getByRole('log');
    expect(within(log).getAllByText(HOSTILE_IMG).length).toBeGreaterThan(0);
    expect(within(log).getByText(HOSTILE, { selector: 'p' })).toBeTruthy();
  });

  it('shows the handoff summary first, with urgency, impact and evidence', async () => {
    const { container } = await renderTicket(detail({ id: 't1', subject: 'Cannot sign in', handoff: handoff() }));
    const first = container.querySelector('.ticket__scroll')?.firstElementChild;
    expect(first?.getAttribute('aria-label')).toBe('Handoff summary');
    const region = screen.getByRole('region', { name: 'Handoff summary' });
    expect(within(region).getByText('Cannot sign in to the portal')).toBeTruthy();
    expect(within(region).getByText('Blocked from working')).toBeTruthy();
    expect(within(region).getByText('I cannot do any work today')).toBeTruthy();
    expect(within(region).getByText('High')).toBeTruthy();
    expect(within(region).getByRole('link', { name: 'Resetting your password' }).getAttribute('href')).toBe('/kb/reset-password');
  });

  it('gives a javascript: source no href', async () => {
    await renderTicket(
      detail({
        id: 't2',
        handoff: handoff({ sources: [{ id: 'bad', title: 'Evil source', url: 'javascript:alert(1)' }] }),
        messages: [message({ author: { kind: 'ai', name: 'Kai' }, sources: [{ id: 'bad2', title: 'Evil too', url: ' javascript:alert(2)' }] })],
      }),
    );
    for (const name of ['Evil source', 'Evil too']) {
      const el = screen.getByText(name);
      expect(el.closest('a')).toBeNull();
      expect(el.hasAttribute('href')).toBe(false);
    }
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('marks internal notes as internal', async () => {
    await renderTicket(
      detail({
        id: 't3',
        messages: [
          message({ id: 'pub', body: 'Public answer', author: { kind: 'agent', name: 'Grace' } }),
          message({ id: 'note', body: 'Check the billing system', author: { kind: 'agent', name: 'Grace' }, internal: true }),
        ],
      }),
    );
    const note = screen.getByText('Check the billing system').closest('li');
    const pub = screen.getByText('Public answer').closest('li');
    expect(note?.classList.contains('msg--internal')).toBe(true);
    expect(note?.getAttribute('data-internal')).toBe('true');
    expect(within(note as HTMLElement).getByText('Internal note')).toBeTruthy();
    expect(pub?.classList.contains('msg--internal')).toBe(false);
    expect(within(pub as HTMLElement).queryByText('Internal note')).toBeNull();
  });

  it('sends a reply, or an internal note, and clears the box', async () => {
    const { api, onTyping, model } = await renderTicket(detail({ id: 't4' }));
    api.postMessage.mockImplementation(async (_id: string, input: { body: string; internal?: boolean }) =>
      message({ id: `r${input.internal ? 'n' : 'p'}`, body: input.body, internal: !!input.internal, author: { kind: 'agent', name: 'Grace' } }),
    );
    const box = screen.getByLabelText('Reply') as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Hello Ada' } });
    expect(onTyping).toHaveBeenCalledWith('t4');
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await vi.waitFor(() => expect(box.value).toBe(''));
    expect(api.postMessage).toHaveBeenLastCalledWith('t4', expect.objectContaining({ body: 'Hello Ada', internal: false }));

    fireEvent.click(screen.getByLabelText('Internal note'));
    onTyping.mockClear();
    fireEvent.input(box, { target: { value: 'Just for us' } });
    expect(onTyping).not.toHaveBeenCalled(); // the customer must not see "typing" for a note
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await vi.waitFor(() => expect(api.postMessage).toHaveBeenLastCalledWith('t4', expect.objectContaining({ body: 'Just for us', internal: true })));
    await vi.waitFor(() => expect(model.messages.value).toHaveLength(2));
    expect(screen.getByText('Just for us').closest('li')?.classList.contains('msg--internal')).toBe(true);
  });

  it('marks the ticket solved and changes status from the select', async () => {
    const { api } = await renderTicket(detail({ id: 't5', status: 'open' }));
    api.updateTicket.mockResolvedValue(detail({ id: 't5', status: 'solved' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark solved' }));
    await vi.waitFor(() => expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('solved'));
    expect(api.updateTicket).toHaveBeenCalledWith('t5', expect.objectContaining({ status: 'solved', ifUpdatedAt: expect.any(String) }));
    expect((screen.getByRole('button', { name: 'Mark solved' }) as HTMLButtonElement).disabled).toBe(true);

    api.updateTicket.mockResolvedValue(detail({ id: 't5', status: 'pending' }));
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'pending' } });
    await vi.waitFor(() => expect(api.updateTicket).toHaveBeenLastCalledWith('t5', expect.objectContaining({ status: 'pending' })));
  });

  it('overrides urgency and impact with a reason, showing the priority that follows', async () => {
    const { api } = await renderTicket(detail({ id: 't7', urgency: 'medium', impact: 'medium', priority: 'medium' }));
    api.updateTicket.mockResolvedValue(detail({ id: 't7', urgency: 'high', impact: 'high', priority: 'high' }));
    const save = screen.getByRole('button', { name: 'Save priority' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Urgency'), { target: { value: 'high' } });
    fireEvent.change(screen.getByLabelText('Impact'), { target: { value: 'high' } });
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'Whole office is down' } });
    expect(screen.getByText(/Priority becomes/).textContent).toContain('High');
    fireEvent.click(save);
    await vi.waitFor(() =>
      expect(api.updateTicket).toHaveBeenCalledWith('t7', { urgency: 'high', impact: 'high', reason: 'Whole office is down' }),
    );
  });

  it('offers Hand back to Kai only on a chat with the team, and shows that Kai answers again', async () => {
    for (const d of [
      detail({ id: 'e1', channel: 'email', conversationMode: null }),
      detail({ id: 'p1', channel: 'phone', conversationMode: 'human' }),
      detail({ id: 'c0', channel: 'chat', conversationMode: null }),
      detail({ id: 'c9', channel: 'chat', conversationMode: 'closed' }),
    ]) {
      await renderTicket(d);
      expect(screen.queryByRole('button', { name: 'Hand back to Kai' })).toBeNull();
      cleanup();
    }

    await renderTicket(detail({ id: 'c2', channel: 'chat', conversationMode: 'ai' }));
    expect(screen.queryByRole('button', { name: 'Hand back to Kai' })).toBeNull();
    expect(screen.getByText('Kai is answering this chat')).toBeTruthy();
    cleanup();

    await renderTicket(detail({ id: 'c3', channel: 'chat', conversationMode: 'waiting' }));
    expect(screen.getByRole('button', { name: 'Hand back to Kai' })).toBeTruthy();
    cleanup();

    const { api } = await renderTicket(detail({ id: 'c1', channel: 'chat', conversationMode: 'human' }));
    expect(screen.getByText('A person is answering this chat.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hand back to Kai' }));
    const note = await screen.findByText('Kai is answering this chat');
    expect(api.handBack).toHaveBeenCalledWith('c1', {});
    expect(note.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('button', { name: 'Hand back to Kai' })).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(note));
  });

  it('shows why a handback was refused and keeps the button', async () => {
    const { api } = await renderTicket(detail({ id: 'c4', channel: 'chat', conversationMode: 'waiting' }));
    api.handBack.mockRejectedValueOnce(new ApiError(409, 'conflict', `${HOSTILE_IMG} cannot be handed back`));
    fireEvent.click(screen.getByRole('button', { name: 'Hand back to Kai' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`${HOSTILE_IMG} cannot be handed back`);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Hand back to Kai' })).toBeTruthy();
  });

  it('shows who is typing, keeps newlines, and lists the activity', async () => {
    const { model } = await renderTicket(
      detail({
        id: 't6',
        messages: [message({ body: 'line one\nline two' })],
        events: [{ id: 'e1', type: 'status_changed', actor: { kind: 'agent', name: 'Grace' }, from: 'new', to: 'open', reason: null, createdAt: '2025-03-03T09:10:00Z' }],
      }),
    );
    expect(screen.getByText(/line one/).textContent).toBe('line one\nline two');
    model.applyTyping({ ticketId: 't6', conversationId: 'c1', author: { kind: 'customer', name: 'Ada' }, typing: true });
    expect(await screen.findByText('Ada is typing…')).toBeTruthy();
    expect(screen.getByText('Activity (1)')).toBeTruthy();
    expect(screen.getByText(/Status changed/).textContent).toContain('New → Open');
    model.dispose();
  });
});
