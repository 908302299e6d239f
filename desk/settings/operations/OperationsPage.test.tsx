import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPERATIONS, DEFAULT_SLA_TARGETS } from '../../../shared/operations';
import { DeskApi } from '../../api';
import { formatDateTime } from '../../format';
import { asFetch, json } from '../../test/fixtures';
import { OperationsModel } from './OperationsModel';
import { OperationsPage } from './OperationsPage';
import type { OperationsSettings } from './operations-types';

const SAVED: OperationsSettings = DEFAULT_OPERATIONS;

/** A fake of the operations routes behind `fetch`: the preview answers from the first-response target it is sent. */
function fakeServer() {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null;
    if (url === '/api/operations' && (init?.method ?? 'GET') === 'GET') return json(200, SAVED);
    if (url === '/api/operations/preview') {
      if (body!['timeZone'] === 'Asia/Tokyo') return json(400, { error: { code: 'validation_failed', message: 'timeZone: not served here' } });
      const ops = body!['operations'] as Partial<OperationsSettings> | undefined;
      const minutes = (ops?.sla ?? SAVED.sla).high.firstResponse;
      return json(200, { priority: body!['priority'], homeCentre: 'uk', centre: 'uk', centreName: 'UK centre', plan: null, firstResponseDueAt: new Date(Date.parse('2026-01-13T10:00:00Z') + minutes * 60_000).toISOString(), resolutionDueAt: '2026-01-13T18:00:00.000Z' });
    }
    if (url === '/api/operations' && init?.method === 'PUT') return json(200, { ...SAVED, ...body });
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  return { fetchMock, bodies: (path: string) => fetchMock.mock.calls.filter(([u]) => u === path).map(([, i]) => (i?.body ? JSON.parse(String(i.body)) : null) as Record<string, unknown> | null) };
}

afterEach(cleanup);

describe('OperationsPage preview', () => {
  it('says where a ticket would go and when it is due, under the unsaved changes, and shows the server\'s refusal', async () => {
    const server = fakeServer();
    render(<OperationsPage model={new OperationsModel(new DeskApi({ fetch: asFetch(server.fetchMock) }))} />);
    const preview = await screen.findByRole('region', { name: 'Preview' });
    await screen.findByRole('form', { name: 'Support operations' });

    fireEvent.click(within(preview).getByRole('button', { name: 'Preview' }));
    const status = within(preview).getByRole('status');
    await vi.waitFor(() => expect(status.textContent).toBe(`A High ticket received now from London would go to the UK centre and be due for a first response by ${formatDateTime('2026-01-13T11:00:00.000Z')} and resolved by ${formatDateTime('2026-01-13T18:00:00.000Z')}.`));
    expect(server.bodies('/api/operations/preview')[0]).toEqual({ priority: 'high', timeZone: 'Europe/London' });

    // An unsaved change: the preview is asked with it, and nothing is saved.
    const firstResponse = screen.getByLabelText('High: first response');
    fireEvent.input(firstResponse, { target: { value: '30' } });
    fireEvent.click(within(preview).getByRole('button', { name: 'Preview' }));
    await vi.waitFor(() => expect(status.textContent).toContain(formatDateTime('2026-01-13T10:30:00.000Z')));
    expect(server.bodies('/api/operations/preview')[1]!['operations']).toEqual({ sla: { ...DEFAULT_SLA_TARGETS, high: { firstResponse: 30, resolution: 480 } } });
    expect(server.fetchMock.mock.calls.some(([, i]) => i?.method === 'PUT')).toBe(false);

    fireEvent.change(within(preview).getByLabelText('Customer in'), { target: { value: 'Asia/Tokyo' } });
    fireEvent.click(within(preview).getByRole('button', { name: 'Preview' }));
    expect((await within(preview).findByRole('alert')).textContent).toBe('timeZone: not served here');

    // Saving sends only what changed.
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // Saving first checks with the schema module the page loads lazily: on a busy machine its first load is slow.
    await screen.findByText(/Operations saved/, {}, { timeout: 5000 });
    expect(server.bodies('/api/operations').filter(Boolean)).toEqual([{ sla: { ...DEFAULT_SLA_TARGETS, high: { firstResponse: 30, resolution: 480 } } }]);
  }, 20_000);
});
