import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, DeskApi } from '../api';
import { DeskConnectionModel } from '../models/DeskConnectionModel';
import { DeskModel } from '../models/DeskModel';
import { HashRouteModel } from '../models/HashRouteModel';
import { KaiPreviewModel } from '../models/KaiPreviewModel';
import { KbModel } from '../models/KbModel';
import { LogCallModel, callToTicket } from '../models/LogCallModel';
import { QueueModel } from '../models/QueueModel';
import { SessionModel } from '../models/SessionModel';
import { FakeSocket } from '../test/fakeSocket';
import { detail, json, summary } from '../test/fixtures';
import { App } from './App';
import { LogCall } from './LogCall';

function renderLogCall(createTicket = vi.fn(async () => detail({ id: 'new1', channel: 'phone' }))) {
  const model = new LogCallModel({ createTicket });
  const onCreated = vi.fn();
  render(<LogCall model={model} onCreated={onCreated} />);
  return { model, onCreated, createTicket };
}

function fill(label: string, value: string) {
  const el = screen.getByLabelText(label);
  fireEvent.input(el, { target: { value } });
  fireEvent.change(el, { target: { value } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.location.hash = '';
});

describe('Log a call', () => {
  it('opens a form with every field, defaulting to the browser zone, now, and "Let Kai assess"', () => {
    renderLogCall();
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Log a call' }));
    const dialog = screen.getByRole('dialog', { name: 'Log a call' });
    for (const label of ['Caller name', 'Caller email', 'Caller time zone', 'Subject', 'Notes', 'Call received at', 'Urgency', 'Impact']) {
      expect(within(dialog).getByLabelText(label)).toBeTruthy();
    }
    expect((screen.getByLabelText('Caller time zone') as HTMLSelectElement).value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const received = (screen.getByLabelText('Call received at') as HTMLInputElement).value;
    expect(Math.abs(Date.parse(new Date(received).toISOString()) - Date.now())).toBeLessThan(2 * 60_000);
    for (const label of ['Urgency', 'Impact']) {
      const select = screen.getByLabelText(label) as HTMLSelectElement;
      expect(select.value).toBe('');
      expect(select.selectedOptions[0]?.textContent).toBe('Let Kai assess');
    }
    expect(document.activeElement).toBe(screen.getByLabelText('Caller name'));
  });

  it('posts a phone ticket with the call time as an ISO instant and opens it', async () => {
    const { createTicket, onCreated } = renderLogCall();
    fireEvent.click(screen.getByRole('button', { name: 'Log a call' }));
    fill('Caller name', 'Ada Lovelace');
    fill('Caller email', 'ada@example.com');
    fill('Caller time zone', 'America/New_York');
    fill('Subject', 'Cannot print invoices');
    fill('Notes', 'Called from the office; the print button does nothing.');
    fill('Call received at', '2026-01-13T07:15');
    fill('Urgency', 'high');
    fireEvent.click(screen.getByRole('button', { name: 'Create ticket' }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith('new1'));
    expect(createTicket).toHaveBeenCalledWith({
      subject: 'Cannot print invoices',
      description: 'Called from the office; the print button does nothing.',
      channel: 'phone',
      requester: { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'America/New_York' },
      receivedAt: new Date(2026, 0, 13, 7, 15).toISOString(),
      urgency: 'high',
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("shows what is missing, and the server's refusal, and keeps the form", async () => {
    const createTicket = vi.fn(async () => {
      throw new ApiError(400, 'validation_failed', 'receivedAt: must not be in the future');
    });
    renderLogCall(createTicket);
    fireEvent.click(screen.getByRole('button', { name: 'Log a call' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create ticket' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Write a subject.');
    expect(createTicket).not.toHaveBeenCalled();
    fill('Subject', 'Billing question');
    fill('Notes', 'Wants a copy of the invoice');
    fireEvent.click(screen.getByRole('button', { name: 'Create ticket' }));
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe('receivedAt: must not be in the future'));
    expect(screen.getByRole('dialog', { name: 'Log a call' })).toBeTruthy();
    expect((screen.getByLabelText('Subject') as HTMLInputElement).value).toBe('Billing question');
  });

  it('closes on Escape and on Cancel, giving the focus back to the button', () => {
    renderLogCall();
    const open = screen.getByRole('button', { name: 'Log a call' });
    fireEvent.click(open);
    fireEvent.keyDown(screen.getByLabelText('Subject'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
    fireEvent.click(open);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('leaves unknown callers and "Let Kai assess" out of the body', () => {
    const result = callToTicket({ name: ' ', email: '', timeZone: '', subject: ' Hi ', notes: 'Notes', receivedAt: '2026-01-13T10:00', urgency: '', impact: 'low' });
    expect(result).toEqual({ ok: true, input: { subject: 'Hi', description: 'Notes', channel: 'phone', requester: {}, receivedAt: new Date(2026, 0, 13, 10, 0).toISOString(), impact: 'low' } });
    expect(callToTicket({ name: '', email: '', timeZone: '', subject: 'Hi', notes: 'x', receivedAt: '', urgency: '', impact: '' })).toEqual({ ok: false, error: 'Give the time the call came in.' });
  });

  it('in the desk: creates the call ticket and opens it; the queue shows Phone and Out of hours', async () => {
    const created = detail({ id: 'p1', number: 205, subject: 'Late call about VPN', channel: 'phone', outOfHours: true });
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      if (url === '/api/auth/me') return json(200, { id: 'a1', email: 'grace@example.com', name: 'Grace Hopper', role: 'agent' });
      if (url.startsWith('/api/tickets?')) return json(200, { tickets: [] });
      if (url === '/api/tickets' && method === 'POST') return json(201, created);
      if (url === '/api/tickets/p1') return json(200, created);
      return json(404, { error: { code: 'not_found', message: 'Not found' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    window.location.hash = '';
    const socket = new FakeSocket();
    const api = new DeskApi();
    const session = new SessionModel(api);
    const route = new HashRouteModel(window);
    const desk = new DeskModel({ api, session, queue: new QueueModel(api), route, kb: new KbModel(api), preview: new KaiPreviewModel(api), connect: (handlers) => new DeskConnectionModel({ createSocket: () => socket, handlers }) });
    render(<App desk={desk} now={signal(Date.now())} calls={new LogCallModel(api)} remoteApi={api} />);
    await session.check();
    const queue = await screen.findByRole('region', { name: 'Queue' });
    fireEvent.click(within(queue).getByRole('button', { name: 'Log a call' }));
    fill('Subject', 'Late call about VPN');
    fill('Notes', 'VPN drops every hour');
    fireEvent.click(screen.getByRole('button', { name: 'Create ticket' }));
    expect(await screen.findByRole('heading', { name: '#205 Late call about VPN' })).toBeTruthy();
    expect(window.location.hash).toBe('#/tickets/p1');
    const body = JSON.parse(String(fetchMock.mock.calls.find(([u, i]) => u === '/api/tickets' && i?.method === 'POST')?.[1]?.body)) as { channel: string };
    expect(body.channel).toBe('phone');
    const header = screen.getByRole('heading', { name: '#205 Late call about VPN' }).closest('header') as HTMLElement;
    expect(within(header).getByText('Out of hours')).toBeTruthy();

    socket.open();
    socket.serverEmit('ticket:created', summary({ id: 'p1', number: 205, subject: 'Late call about VPN', channel: 'phone', outOfHours: true }));
    const row = (await within(queue).findByText('Late call about VPN')).closest('li') as HTMLElement;
    expect(within(row).getByText('Phone')).toBeTruthy();
    expect(within(row).getByText('Out of hours')).toBeTruthy();
    desk.dispose();
    route.dispose();
  });
});
