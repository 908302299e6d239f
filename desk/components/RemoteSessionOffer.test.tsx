import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Message, MessageCard, RemoteSession, RemoteSessionList, TicketDetail } from '../../shared/protocol';
import { ApiError } from '../api';
import type { RemoteSessionApi } from '../models/RemoteSessionModel';
import { TicketModel } from '../models/TicketModel';
import { HOSTILE_IMG, detail, message } from '../test/fixtures';
import { TicketPane } from './TicketPane';

const now = signal(Date.parse('2026-01-13T10:00:00Z'));

const LIST: RemoteSessionList = {
  sessions: [],
  preferredTool: null,
  hours: { calendar: 'UK centre', timeZone: 'Europe/London', text: 'Mon–Fri 09:00–18:00 UK time', openNow: true, nextOpenAt: '2026-01-13T10:00:00.000Z' },
};

const CARD: MessageCard = { type: 'remote_session', tool: 'zoom', toolName: 'Zoom', url: 'https://zoom.us/j/123456789', startsAt: '2026-01-14T15:00:00.000Z', note: 'Bring the error' };

function session(overrides: Partial<RemoteSession> = {}): RemoteSession {
  return { id: 's1', ticketId: 't1', tool: 'zoom', toolName: 'Zoom', url: CARD.url, startsAt: CARD.startsAt, note: CARD.note, agentId: 'a1', createdAt: '2026-01-13T10:00:00.000Z', ...overrides };
}

async function renderPane(d: TicketDetail, remote: Partial<RemoteSessionApi> = {}) {
  const api = { getTicket: vi.fn(async () => d), updateTicket: vi.fn(async () => d), postMessage: vi.fn(), handBack: vi.fn(async () => d) };
  const remoteApi = {
    listRemoteSessions: vi.fn(async () => LIST),
    offerRemoteSession: vi.fn(async (): Promise<{ session: RemoteSession; message: Message }> => ({
      session: session(),
      message: message({ id: 'card1', author: { kind: 'agent', name: 'Grace' }, body: 'Grace invited you to a Zoom session: https://zoom.us/j/123456789 (Wed 14 Jan, 15:00 UTC)', card: CARD }),
    })),
    ...remote,
  };
  const model = new TicketModel(api, d.id);
  await model.load();
  render(<TicketPane ticket={model} now={now} onTyping={() => {}} onStopTyping={() => {}} onClose={() => {}} remoteApi={remoteApi} />);
  return { model, remoteApi };
}

function fill(label: string, value: string) {
  const el = screen.getByLabelText(label);
  fireEvent.input(el, { target: { value } });
  fireEvent.change(el, { target: { value } });
}

afterEach(cleanup);

describe('Offer remote session', () => {
  it("opens a form with the customer's preferred tool pre-selected and the centre's hours as a hint", async () => {
    const { remoteApi } = await renderPane(detail({ id: 't1', preferredTool: 'google_meet' }));
    const button = screen.getByRole('button', { name: 'Offer remote session' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByLabelText('Meeting link')).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const tool = screen.getByLabelText('Tool') as HTMLSelectElement;
    expect(tool.value).toBe('google_meet');
    expect([...tool.options].map((o) => o.textContent)).toEqual(['Zoom', 'Google Meet', 'Skype', 'Webex', 'Other']);
    for (const label of ['Meeting link', 'Start time', 'Note']) expect(screen.getByLabelText(label)).toBeTruthy();
    expect((screen.getByLabelText('Start time') as HTMLInputElement).type).toBe('datetime-local');
    expect(await screen.findByText(/UK centre hours: Mon–Fri 09:00–18:00 UK time\./)).toBeTruthy();
    expect(remoteApi.listRemoteSessions).toHaveBeenCalledWith('t1');
  });

  it('falls back to the remembered tool from the server, else Zoom', async () => {
    await renderPane(detail({ id: 't1', preferredTool: null }), { listRemoteSessions: vi.fn(async () => ({ ...LIST, preferredTool: 'webex' as const })) });
    fireEvent.click(screen.getByRole('button', { name: 'Offer remote session' }));
    expect((screen.getByLabelText('Tool') as HTMLSelectElement).value).toBe('zoom');
    await vi.waitFor(() => expect((screen.getByLabelText('Tool') as HTMLSelectElement).value).toBe('webex'));
  });

  it('sends the invitation with the start time as an ISO instant, and shows the card in the conversation', async () => {
    const { remoteApi } = await renderPane(detail({ id: 't1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Offer remote session' }));
    fill('Tool', 'zoom');
    fill('Meeting link', ' https://zoom.us/j/123456789 ');
    fill('Start time', '2026-01-14T15:00');
    fill('Note', 'Bring the error');
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    const card = await screen.findByRole('group', { name: 'Zoom invitation' });
    expect(remoteApi.offerRemoteSession).toHaveBeenCalledWith('t1', { tool: 'zoom', url: 'https://zoom.us/j/123456789', startsAt: new Date(2026, 0, 14, 15, 0).toISOString(), note: 'Bring the error' });
    expect(within(screen.getByRole('log')).getByRole('group', { name: 'Zoom invitation' })).toBe(card);
    expect(within(card).getByRole('link', { name: 'Join' }).getAttribute('href')).toBe('https://zoom.us/j/123456789');
    expect(within(card).getByText('Bring the error')).toBeTruthy();
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe(CARD.startsAt);
    // The form closes and the focus goes back to its button.
    expect(screen.queryByLabelText('Meeting link')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Offer remote session' }));
  });

  it('leaves out an empty start time (now) and note', async () => {
    const { remoteApi } = await renderPane(detail({ id: 't1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Offer remote session' }));
    fill('Tool', 'other');
    fill('Meeting link', 'https://whereby.com/acme');
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    await vi.waitFor(() => expect(remoteApi.offerRemoteSession).toHaveBeenCalledWith('t1', { tool: 'other', url: 'https://whereby.com/acme' }));
  });

  it('checks the link before sending, and shows the server refusal (start time outside hours)', async () => {
    const refusal = 'startsAt: Tue 13 Jan 2026, 19:00 UK time is outside the hours of the UK centre (Mon–Fri 09:00–18:00 UK time); the UK centre next opens Wed 14 Jan 2026, 09:00 UK time (2026-01-14T09:00:00.000Z)';
    const offer = vi.fn(async (): Promise<{ session: RemoteSession; message: Message }> => {
      throw new ApiError(400, 'validation_failed', refusal);
    });
    await renderPane(detail({ id: 't1' }), { offerRemoteSession: offer });
    fireEvent.click(screen.getByRole('button', { name: 'Offer remote session' }));
    fill('Tool', 'zoom');
    fill('Meeting link', 'https://zoom.us.evil.example/j/1');
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A Zoom link must be on zoom.us or *.zoom.us.');
    expect(offer).not.toHaveBeenCalled();

    fill('Meeting link', 'https://zoom.us/j/1');
    fill('Start time', '2026-01-13T19:00');
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe(refusal));
    expect(screen.getByLabelText('Meeting link')).toBeTruthy();
  });

  it('renders a card from data safely: a hostile link gets no Join link, hostile text stays text', async () => {
    await renderPane(
      detail({
        id: 't1',
        messages: [message({ author: { kind: 'agent', name: 'Grace' }, body: 'invite', card: { ...CARD, url: 'javascript:alert(1)', toolName: HOSTILE_IMG, note: HOSTILE_IMG } })],
      }),
    );
    const log = screen.getByRole('log');
    expect(log.querySelector('img')).toBeNull();
    expect(within(log).queryByRole('link', { name: 'Join' })).toBeNull();
    expect(log.querySelector('a[href^="javascript"]')).toBeNull();
    expect(within(log).getAllByText(HOSTILE_IMG).length).toBeGreaterThan(0);
  });

  it('shows no Out of hours badge on a ticket received in hours, and no button without the remote API', async () => {
    const d = detail({ id: 't9', channel: 'phone', outOfHours: false });
    const api = { getTicket: vi.fn(async () => d), updateTicket: vi.fn(async () => d), postMessage: vi.fn(), handBack: vi.fn(async () => d) };
    const model = new TicketModel(api, d.id);
    await model.load();
    render(<TicketPane ticket={model} now={now} onTyping={() => {}} onStopTyping={() => {}} onClose={() => {}} />);
    expect(screen.queryByText('Out of hours')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Offer remote session' })).toBeNull();
  });
});
