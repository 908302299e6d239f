import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { detail, fakeSelfService } from '../../requests/test-support/fake-self-service';
import { PortalModel } from '../PortalModel';
import { PortalApp } from './PortalApp';

afterEach(cleanup);

function setup(signedIn: boolean, language?: string) {
  const server = fakeSelfService(
    [detail({ id: 'r1', number: 1001, subject: 'Printer queue stuck', status: 'solved', channel: 'phone', promise: 'This request is solved.' })],
    signedIn ? { kind: 'portal', email: 'ada@example.com', verified: true } : null,
  );
  const model = new PortalModel({ fetch: server.fetch, site: 'demo', timeZone: 'Europe/London', language: () => language });
  render(<PortalApp model={model} />);
  void model.check();
  return { server, model };
}

describe('PortalApp', () => {
  it('signs in by emailed link: Email, Email me a sign-in link, then Check your email', async () => {
    const { server } = setup(false);
    const email = await screen.findByRole('textbox', { name: 'Email' });
    fireEvent.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your email address.');
    fireEvent.input(email, { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    const heading = await screen.findByRole('heading', { name: 'Check your email' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText('ada@example.com')).toBeTruthy();
    expect(server.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/portal/login-link', body: { email: 'ada@example.com', site: 'demo' } });
    // The page never learns whether the address is known: the same answer for every address.
    fireEvent.click(screen.getByRole('button', { name: 'Use another email or send again' }));
    expect(await screen.findByRole('textbox', { name: 'Email' })).toBeTruthy();
  });

  it('tells the customer to wait when too many links were asked for', async () => {
    const { server } = setup(false);
    server.failNext('POST', '/api/portal/login-link', 429, 'rate_limited', 'Too many');
    fireEvent.input(await screen.findByRole('textbox', { name: 'Email' }), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Please wait a few minutes');
    expect(screen.queryByRole('heading', { name: 'Check your email' })).toBeNull();
  });

  it('shows a signed-in customer their requests; reopen, reply and sign out', async () => {
    const { server } = setup(true);
    await screen.findByText('Signed in as ada@example.com');
    const list = await screen.findByRole('list', { name: 'Your requests' });
    fireEvent.click(within(list).getByRole('button', { name: '#1001 Printer queue stuck' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Reopen request' }));
    await screen.findByText('Request #1001 is open again.');
    fireEvent.input(screen.getByRole('textbox', { name: 'Reply to this request' }), { target: { value: 'Thanks, it is back.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await within(screen.getByRole('list', { name: 'Messages' })).findByText('Thanks, it is back.');
    // Cookie auth: no Authorization header.
    expect(server.calls.every((c) => c.headers['authorization'] === undefined)).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('button', { name: 'Email me a sign-in link' });
    expect(server.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/portal/logout' });
  });

  it('creates a request with the form: Subject, Description and the customer’s urgency in plain words', async () => {
    const { server } = setup(true, 'de');
    fireEvent.click(await screen.findByRole('button', { name: 'New request' }));
    const subject = await screen.findByRole('textbox', { name: 'Subject' });
    await waitFor(() => expect(document.activeElement).toBe(subject));
    const select = screen.getByRole('combobox', { name: 'How urgent is it for you?' }) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.text)).toEqual(['Choose one', 'Not urgent', 'Soon, in the next few days', 'Urgent, today', 'Critical, work has stopped']);
    fireEvent.input(subject, { target: { value: 'Cannot export payroll' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Description' }), { target: { value: 'The export button does nothing.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit request' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose how urgent it is for you.');
    fireEvent.change(select, { target: { value: 'urgent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit request' }));
    await screen.findByRole('heading', { name: /Cannot export payroll/ });
    expect(screen.getByText('Request #2000 was created.')).toBeTruthy();
    expect(server.calls.find((c) => c.method === 'POST' && c.path === '/api/me/requests')?.body).toEqual({
      subject: 'Cannot export payroll',
      description: 'The export button does nothing.',
      urgency: 'urgent',
      timeZone: 'Europe/London',
      language: 'de',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Back to your requests' }));
    const list = await screen.findByRole('list', { name: 'Your requests' });
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('button')?.textContent)).toEqual(['#2000 Cannot export payroll', '#1001 Printer queue stuck']);
  });

  it('deletes a request after confirming', async () => {
    const { server } = setup(true);
    fireEvent.click(await screen.findByRole('button', { name: /Printer queue stuck/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete request' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm delete' }));
    await screen.findByText('Request #1001 was deleted.');
    expect(await screen.findByText('You have no requests yet.')).toBeTruthy();
    expect(server.calls.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/me/requests/r1' });
  });

  it('goes back to sign-in when the session has ended', async () => {
    const { server, model } = setup(true);
    await screen.findByRole('list', { name: 'Your requests' });
    server.identity = null;
    await model.requests.load();
    await screen.findByRole('button', { name: 'Email me a sign-in link' });
  });
});
