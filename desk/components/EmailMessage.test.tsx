import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketAttachment, TicketDetail } from '../../shared/protocol';
import { TicketModel } from '../models/TicketModel';
import { HOSTILE_IMG, HOSTILE_SCRIPT, detail, message } from '../test/fixtures';
import { formatBytes } from './AttachmentList';
import { Conversation } from './Conversation';
import { TicketPane } from './TicketPane';

const now = signal(Date.parse('2025-03-03T09:30:00Z'));

const attachment = (overrides: Partial<TicketAttachment> = {}): TicketAttachment => ({ id: 'a1', filename: 'screenshot.png', contentType: 'image/png', size: 2048, messageId: null, image: false, ...overrides });

describe('email in the conversation', () => {
  afterEach(cleanup);

  it('folds a reply’s quoted history behind "Show quoted text", and unfolds it on request', () => {
    const m = message({ id: 'm-reply', body: 'It still fails.', quoted: 'On Tue, Support wrote:\n> Please clear your cache.' });
    render(<Conversation messages={[m]} now={now} ticketId="t1" />);
    const log = screen.getByRole('log');
    expect(within(log).getByText('It still fails.')).toBeTruthy();
    expect(within(log).queryByText(/Please clear your cache/)).toBeNull();
    const toggle = within(log).getByRole('button', { name: 'Show quoted text' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(toggle);
    const hide = within(log).getByRole('button', { name: 'Hide quoted text' });
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    const quoted = document.getElementById(hide.getAttribute('aria-controls')!);
    expect(quoted?.textContent).toBe('On Tue, Support wrote:\n> Please clear your cache.');

    fireEvent.click(hide);
    expect(within(log).queryByText(/Please clear your cache/)).toBeNull();
  });

  it('shows no toggle for a message without quoted text', () => {
    render(<Conversation messages={[message({ body: 'Hello' })]} now={now} ticketId="t1" />);
    expect(screen.queryByRole('button', { name: 'Show quoted text' })).toBeNull();
  });

  it('renders hostile quoted text and file names as inert text', () => {
    const m = message({ id: 'm-evil', body: 'x', quoted: `${HOSTILE_SCRIPT} ${HOSTILE_IMG}` });
    const { container } = render(<Conversation messages={[m]} now={now} ticketId="t1" attachments={[attachment({ filename: HOSTILE_IMG, messageId: 'm-evil' })]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show quoted text' }));
    expect(container.querySelector('script, img, [onerror]')).toBeNull();
    expect(screen.getByRole('link', { name: HOSTILE_IMG })).toBeTruthy();
  });

  it('lists attachments with their message as download links, and the others after the conversation', () => {
    const m1 = message({ id: 'm1', body: 'Screenshot attached' });
    const m2 = message({ id: 'm2', body: 'And the log' });
    const files = [
      attachment({ id: 'a1', filename: 'screenshot.png', size: 2048, messageId: 'm1' }),
      attachment({ id: 'a2', filename: 'export log.txt', contentType: 'text/plain', size: 3 * 1024 * 1024 + 1, messageId: 'm2' }),
      attachment({ id: 'a3', filename: 'orphan.pdf', contentType: 'application/pdf', size: 100, messageId: null }),
    ];
    const { container } = render(<Conversation messages={[m1, m2]} now={now} ticketId="ticket 7" attachments={files} />);
    const first = container.querySelector('[data-message-id="m1"]') as HTMLElement;
    const link = within(first).getByRole('link', { name: 'screenshot.png' });
    expect(link.getAttribute('href')).toBe('/api/tickets/ticket%207/attachments/a1');
    expect(link.getAttribute('download')).toBe('screenshot.png');
    expect(within(first).getByText('2 KB')).toBeTruthy();
    expect(within(first).queryByRole('link', { name: 'export log.txt' })).toBeNull();
    const second = container.querySelector('[data-message-id="m2"]') as HTMLElement;
    expect(within(second).getByRole('link', { name: 'export log.txt' }).getAttribute('href')).toBe('/api/tickets/ticket%207/attachments/a2');
    expect(within(second).getByText('3.0 MB')).toBeTruthy();
    // Not tied to a message shown here: listed after the conversation.
    const lists = screen.getAllByRole('list', { name: 'Attachments' });
    expect(lists).toHaveLength(3);
    expect(within(lists[2]!).getByRole('link', { name: 'orphan.pdf' })).toBeTruthy();
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12 * 1024)).toBe('12 KB');
    expect(formatBytes(3.44 * 1024 * 1024)).toBe('3.4 MB');
  });

  it('shows an email ticket’s attachments and folded quotes in the ticket pane', async () => {
    const reply = message({ id: 'm-r', body: 'See attached.', quoted: '> earlier mail' });
    const d: TicketDetail = detail({ id: 'te', channel: 'email', messages: [message({ id: 'm-0', body: 'First mail' }), reply], attachments: [attachment({ id: 'ax', filename: 'invoice.pdf', messageId: 'm-r' })] });
    const api = { getTicket: vi.fn(async () => d), updateTicket: vi.fn(async () => d), postMessage: vi.fn(), handBack: vi.fn(async () => d) };
    const model = new TicketModel(api, d.id);
    await model.load();
    render(<TicketPane ticket={model} now={now} onTyping={() => {}} onStopTyping={() => {}} onClose={() => {}} />);
    const log = screen.getByRole('log');
    expect(within(log).getByRole('link', { name: 'invoice.pdf' }).getAttribute('href')).toBe('/api/tickets/te/attachments/ax');
    expect(within(log).getByRole('button', { name: 'Show quoted text' })).toBeTruthy();
    expect(within(log).queryByText('> earlier mail')).toBeNull();
  });
});
