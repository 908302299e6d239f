import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPERATIONS } from '../../../shared/operations';
import { operationsPatchSchema } from '../../../shared/operations-schema';
import { describeIssues } from '../../../shared/protocol';
import { DeskApi } from '../../api';
import { asFetch, json } from '../../test/fixtures';
import { OperationsModel } from './OperationsModel';
import { OperationsPage } from './OperationsPage';
import type { OperationsSettings } from './operations-types';

const SAVED: OperationsSettings = DEFAULT_OPERATIONS;

/**
 * The operations routes behind `fetch`: a PUT is checked with the schema the real server applies and answers its
 * `path: message` refusal; the preview names the plan whose domain the email has. One rule the browser cannot
 * know stands in for the server's own checks: this deployment closes solved tickets within 90 days.
 */
function fakeServer() {
  let saved = SAVED;
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null;
    if (url === '/api/operations' && method === 'GET') return json(200, saved);
    if (url === '/api/operations' && method === 'PUT') {
      const checked = operationsPatchSchema.safeParse(body);
      if (!checked.success) return json(400, { error: { code: 'validation_failed', message: describeIssues(checked.error) } });
      if (Number(body!['autoCloseDays']) > 90) return json(400, { error: { code: 'validation_failed', message: 'autoCloseDays: this deployment closes solved tickets within 90 days' } });
      saved = { ...saved, ...(body as Partial<OperationsSettings>) };
      return json(200, saved);
    }
    if (url === '/api/operations/preview') {
      const domain = String(body!['email'] ?? '').split('@')[1];
      const plan = saved.plans.find((p) => p.match.domains?.includes(domain ?? ''));
      return json(200, { priority: body!['priority'], homeCentre: 'uk', centre: 'uk', centreName: 'UK centre', plan: plan ? { id: plan.id, name: plan.name } : null, firstResponseDueAt: null, resolutionDueAt: null });
    }
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  const puts = () => fetchMock.mock.calls.filter(([u, i]) => u === '/api/operations' && i?.method === 'PUT').map(([, i]) => JSON.parse(String(i!.body)) as Partial<OperationsSettings>);
  return { fetchMock, puts, saved: () => saved };
}

function renderPage(server: ReturnType<typeof fakeServer>) {
  render(<OperationsPage model={new OperationsModel(new DeskApi({ fetch: asFetch(server.fetchMock) }))} />);
}

afterEach(cleanup);

describe('Operations: support plans', () => {
  it('adds a plan (refusing one that covers nobody or has no real time zone), previews it, edits and removes it', async () => {
    const server = fakeServer();
    renderPage(server);
    const plans = await screen.findByRole('region', { name: 'Support plans' });
    expect(within(plans).getByText('No support plans.')).toBeTruthy();

    fireEvent.click(within(plans).getByRole('button', { name: 'Add a support plan' }));
    let form = within(plans).getByRole('form', { name: 'New support plan' });
    fireEvent.input(within(form).getByLabelText('Plan name'), { target: { value: 'Acme 24/7' } });
    fireEvent.input(within(form).getByLabelText('Plan time zone'), { target: { value: 'Mars/Base' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add plan' }));
    expect(await within(form).findByText('say who the plan covers: emails, domains or sites')).toBeTruthy();
    expect(within(form).getByText('invalid calendar: unknown time zone "Mars/Base"')).toBeTruthy();
    expect(within(form).getByLabelText('Plan time zone').getAttribute('aria-invalid')).toBe('true');
    expect(server.puts()).toEqual([]);

    fireEvent.input(within(form).getByLabelText('Email domains'), { target: { value: 'acme.example' } });
    fireEvent.input(within(form).getByLabelText('Plan time zone'), { target: { value: 'UTC' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add plan' }));
    await within(plans).findByText('Acme 24/7 added.');
    expect(within(plans).queryByRole('form')).toBeNull();
    expect(within(plans).getByRole('listitem').textContent).toContain('Acme 24/7: covers acme.example; hours in UTC');
    const [added] = server.saved().plans;
    expect(added).toMatchObject({ id: 'acme-24-7', name: 'Acme 24/7', match: { domains: ['acme.example'] }, calendar: { id: 'acme-24-7', name: 'Acme 24/7', timeZone: 'UTC', holidays: null } });
    expect(added!.calendar.periods).toHaveLength(5);

    // The preview answers with the plan for a customer it covers.
    const preview = screen.getByRole('region', { name: 'Preview' });
    fireEvent.input(within(preview).getByLabelText(/Customer email/), { target: { value: 'ada@acme.example' } });
    fireEvent.click(within(preview).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(within(preview).getByRole('status').textContent).toContain('(on the plan Acme 24/7)'));

    fireEvent.click(within(plans).getByRole('button', { name: 'Edit Acme 24/7' }));
    form = within(plans).getByRole('form', { name: 'Edit plan Acme 24/7' });
    expect(within(form).queryByLabelText('Plan id (optional)')).toBeNull();
    fireEvent.input(within(form).getByLabelText('Dedicated team (optional)'), { target: { value: 'the Acme team' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save plan' }));
    await within(plans).findByText('Acme 24/7 saved.');
    expect(server.saved().plans).toEqual([{ ...added, team: 'the Acme team' }]);

    fireEvent.click(within(plans).getByRole('button', { name: 'Remove Acme 24/7' }));
    fireEvent.click(within(plans).getByRole('button', { name: 'Confirm removing Acme 24/7' }));
    await within(plans).findByText('No support plans.');
    expect(server.saved().plans).toEqual([]);
  });

  it('keeps the rest of the draft when a plan is saved', async () => {
    const server = fakeServer();
    renderPage(server);
    await screen.findByRole('form', { name: 'Support operations' });
    fireEvent.input(screen.getByLabelText('High: first response'), { target: { value: '30' } });
    const plans = screen.getByRole('region', { name: 'Support plans' });
    fireEvent.click(within(plans).getByRole('button', { name: 'Add a support plan' }));
    const form = within(plans).getByRole('form', { name: 'New support plan' });
    fireEvent.input(within(form).getByLabelText('Plan name'), { target: { value: 'Shop' } });
    fireEvent.input(within(form).getByLabelText('Sites (keys)'), { target: { value: 'shop' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add plan' }));
    await within(plans).findByText('Shop added.');
    expect(server.puts()).toEqual([{ plans: [expect.objectContaining({ id: 'shop', match: { siteKeys: ['shop'] } })] }]);
    expect((screen.getByLabelText('High: first response') as HTMLInputElement).value).toBe('30');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('Operations: categories and refusals next to their field', () => {
  it('refuses a repeated category in the browser, shows the server’s refusal at its field, then saves', async () => {
    const server = fakeServer();
    renderPage(server);
    await screen.findByRole('form', { name: 'Support operations' });
    const categories = screen.getByLabelText('Ticket categories');
    fireEvent.input(categories, { target: { value: 'billing\nbilling' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('each category once')).toBeTruthy();
    expect(categories.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Not saved: see the fields marked.');
    expect(server.puts()).toEqual([]);

    fireEvent.input(categories, { target: { value: 'billing\n\nsecurity' } });
    const autoClose = screen.getByLabelText('Close solved tickets after (days)');
    fireEvent.input(autoClose, { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('this deployment closes solved tickets within 90 days')).toBeTruthy();
    expect(autoClose.getAttribute('aria-invalid')).toBe('true');
    expect(categories.getAttribute('aria-invalid')).toBeNull();

    fireEvent.input(autoClose, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/Operations saved/);
    expect(server.saved()).toMatchObject({ categories: ['billing', 'security'], autoCloseDays: 30 });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
