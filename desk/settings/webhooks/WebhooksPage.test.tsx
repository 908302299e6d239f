import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Webhook, WebhookDelivery } from '../../../shared/webhooks';
import { DeskApi } from '../../api';
import { asFetch, json } from '../../test/fixtures';
import { WebhooksModel } from './WebhooksModel';
import { WebhooksPage } from './WebhooksPage';

const HOSTILE = '<img src=x onerror=alert(1)>';

const delivery = (over: Partial<WebhookDelivery>): WebhookDelivery => ({
  id: 'msg_1',
  type: 'ticket.created',
  status: 'delivered',
  attempts: 1,
  nextAttemptAt: null,
  lastAttemptAt: '2026-01-13T10:00:00.000Z',
  responseStatus: 200,
  durationMs: 42,
  responseExcerpt: 'ok',
  createdAt: '2026-01-13T10:00:00.000Z',
  deliveredAt: '2026-01-13T10:00:00.000Z',
  ...over,
});

/** A fake of the webhook routes behind `fetch`. */
function fakeServer() {
  let webhooks: Webhook[] = [];
  const deliveries = [delivery({}), delivery({ id: 'msg_2', type: 'message.created', status: 'queued', attempts: 2, responseStatus: 503, responseExcerpt: HOSTILE, durationMs: 7 })];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null;
    if (url === '/api/webhooks' && method === 'GET') return json(200, { webhooks });
    if (url === '/api/webhooks' && method === 'POST') {
      if (String(body!['url']).startsWith('ftp:')) return json(400, { error: { code: 'validation_failed', message: 'url: must start with https:// (or http://)' } });
      const created: Webhook = { id: 'w1', url: String(body!['url']), description: String(body!['description']), events: body!['events'] as Webhook['events'], enabled: true, createdAt: '', updatedAt: '' };
      webhooks = [created];
      return json(201, { ...created, secret: 'whsec_Zmlyc3Q=' });
    }
    if (url === '/api/webhooks/w1/rotate-secret') return json(200, { ...webhooks[0], secret: 'whsec_c2Vjb25k' });
    if (url === '/api/webhooks/w1/deliveries') return json(200, { deliveries });
    if (url === '/api/webhooks/w1/deliveries/msg_2/redeliver') return json(202, deliveries[1]);
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  return { fetchMock, calls: () => fetchMock.mock.calls.map(([u, i]) => `${i?.method ?? 'GET'} ${u}`) };
}

afterEach(cleanup);

describe('WebhooksPage', () => {
  it('adds an endpoint, shows its secret once, lists deliveries as text and redelivers', async () => {
    const server = fakeServer();
    const model = new WebhooksModel(new DeskApi({ fetch: asFetch(server.fetchMock) }));
    render(<WebhooksPage model={model} />);
    await screen.findByText('No webhooks yet.');

    const form = screen.getByRole('form', { name: 'Add a webhook' });
    fireEvent.input(within(form).getByLabelText('Endpoint URL'), { target: { value: 'ftp://example.com' } });
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toBe('url: must start with https:// (or http://)');

    fireEvent.input(within(form).getByLabelText('Endpoint URL'), { target: { value: 'https://crm.example.com/hooks' } });
    fireEvent.click(within(form).getByLabelText(/csat\.submitted/));
    fireEvent.submit(form);
    const secret = await screen.findByRole('group', { name: 'Signing secret' });
    expect(secret.textContent).toContain('whsec_Zmlyc3Q=');
    const created = server.fetchMock.mock.calls.find(([u, i]) => u === '/api/webhooks' && i?.method === 'POST' && !String(i.body).includes('ftp'));
    expect(JSON.parse(String(created![1]!.body))).toMatchObject({ url: 'https://crm.example.com/hooks', events: ['ticket.created', 'ticket.updated', 'message.created', 'ticket.sla_breached'] });

    // The endpoint's events, counted in words beside it.
    expect(screen.getByRole('button', { name: 'https://crm.example.com/hooks' }).closest('li')!.textContent).toBe('https://crm.example.com/hooks 4 events');

    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[2]!).getByText('Retrying')).toBeTruthy();
    expect(within(rows[2]!).getByText('503').getAttribute('title')).toBe(HOSTILE);
    expect(document.querySelector('img')).toBeNull();

    fireEvent.click(within(rows[2]!).getByRole('button', { name: /Redeliver message\.created/ }));
    expect(await screen.findByText('Delivery queued again.')).toBeTruthy();
    expect(server.calls()).toContain('POST /api/webhooks/w1/deliveries/msg_2/redeliver');
    await vi.waitFor(() => expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Rotate secret' }).disabled).toBe(false));

    fireEvent.click(screen.getByRole('button', { name: 'Rotate secret' }));
    expect((await screen.findByText('whsec_c2Vjb25k')).textContent).toBe('whsec_c2Vjb25k');
    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByRole('group', { name: 'Signing secret' })).toBeNull();
  });
});
