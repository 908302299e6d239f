import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestsApi } from '../api';
import { RequestsModel } from '../RequestsModel';
import { detail, fakeSelfService } from '../test-support/fake-self-service';
import { RequestsView } from './RequestsView';

afterEach(cleanup);

function setup(requests = [
  detail({ id: 'r1', number: 1001, subject: 'Printer <b>jammed</b>', status: 'open', promise: 'Our UK team is in now and will reply by 10:00 your time.' }),
  detail({ id: 'r2', number: 1002, subject: 'VPN expired', status: 'solved', promise: 'This request is solved. Reply here if you need more help and it reopens.' }),
]) {
  const server = fakeSelfService(requests);
  const onWithdrawn = vi.fn();
  const model = new RequestsModel({ api: new RequestsApi({ fetch: server.fetch, headers: () => ({ authorization: 'Visitor tok' }) }), onWithdrawn, newClientId: () => 'client-0001' });
  render(<RequestsView model={model} />);
  void model.load();
  return { server, model, onWithdrawn };
}

describe('RequestsView', () => {
  it('lists each request with its status and the promise, as text', async () => {
    const { server } = setup();
    const list = await screen.findByRole('list', { name: 'Your requests' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole('button', { name: '#1001 Printer <b>jammed</b>' })).toBeTruthy();
    expect(within(items[0]!).getByText('Open', { exact: true })).toBeTruthy();
    expect(within(items[0]!).getByText('Our UK team is in now and will reply by 10:00 your time.')).toBeTruthy();
    expect(within(items[1]!).getByText('Solved')).toBeTruthy();
    expect(list.querySelector('b')).toBeNull();
    expect(server.calls[0]).toMatchObject({ method: 'GET', path: '/api/me/requests', headers: { authorization: 'Visitor tok' } });
  });

  it('says so when there are no requests', async () => {
    setup([]);
    await screen.findByText('You have no requests yet.');
  });

  it('opens a request to read its messages and replies to it', async () => {
    const { server } = setup();
    fireEvent.click(await screen.findByRole('button', { name: /VPN expired/ }));
    await screen.findByRole('heading', { name: '#1002 VPN expired' });
    expect(within(screen.getByRole('list', { name: 'Messages' })).getByText('VPN expired: details')).toBeTruthy();
    const box = screen.getByRole('textbox', { name: 'Reply to this request' });
    const send = screen.getByRole('button', { name: 'Send reply' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.input(box, { target: { value: 'It expired again' } });
    fireEvent.click(send);
    await within(screen.getByRole('list', { name: 'Messages' })).findByText('It expired again');
    expect(server.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/me/requests/r2/messages', body: { body: 'It expired again', clientId: 'client-0001' } });
    expect((screen.getByRole('textbox', { name: 'Reply to this request' }) as HTMLTextAreaElement).value).toBe('');
    // The solved request reopened with the reply.
    expect(screen.getByText('Open', { exact: true })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to your requests' }));
    await screen.findByRole('list', { name: 'Your requests' });
  });

  it('offers Reopen request only on a solved request', async () => {
    const { server } = setup();
    fireEvent.click(await screen.findByRole('button', { name: /Printer/ }));
    await screen.findByRole('heading', { name: /Printer/ });
    expect(screen.queryByRole('button', { name: 'Reopen request' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back to your requests' }));
    fireEvent.click(await screen.findByRole('button', { name: /VPN expired/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Reopen request' }));
    await screen.findByText('Request #1002 is open again.');
    expect(screen.getByRole('status').textContent).toBe('Request #1002 is open again.');
    expect(screen.queryByRole('button', { name: 'Reopen request' })).toBeNull();
    expect(server.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/me/requests/r2/reopen' });
    expect(server.calls.at(-1)!.headers['content-type']).toBeUndefined();
  });

  it('asks "How did we do?" on a solved request only, and takes one rating', async () => {
    const { server } = setup();
    fireEvent.click(await screen.findByRole('button', { name: /Printer/ }));
    await screen.findByRole('heading', { name: /Printer/ });
    expect(screen.queryByRole('form', { name: 'How did we do?' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back to your requests' }));
    fireEvent.click(await screen.findByRole('button', { name: /VPN expired/ }));
    const form = await screen.findByRole('form', { name: 'How did we do?' });
    fireEvent.click(within(form).getByRole('radio', { name: '5, great' }));
    fireEvent.input(within(form).getByLabelText('Comment (optional)'), { target: { value: 'Fast' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send rating' }));
    await screen.findByText('Thank you for your rating (5 of 5).');
    expect(server.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/me/requests/r2/csat', body: { rating: 5, comment: 'Fast' } });
  });

  it('deletes only after Confirm delete, and the request leaves the list', async () => {
    const { server, onWithdrawn } = setup();
    fireEvent.click(await screen.findByRole('button', { name: /Printer/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete request' }));
    expect(server.calls.some((c) => c.method === 'DELETE')).toBe(false);
    // Cancel keeps it.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Confirm delete' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete request' }));
    const confirm = screen.getByRole('button', { name: 'Confirm delete' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(confirm);
    await screen.findByText('Request #1001 was deleted.');
    const list = screen.getByRole('list', { name: 'Your requests' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).queryByText(/Printer/)).toBeNull();
    expect(server.calls.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/me/requests/r1' });
    expect(onWithdrawn).toHaveBeenCalledWith(expect.objectContaining({ id: 'r1', number: 1001 }));
  });

  it('shows the server’s refusal and keeps the draft', async () => {
    const { server } = setup();
    fireEvent.click(await screen.findByRole('button', { name: /Printer/ }));
    await screen.findByRole('heading', { name: /Printer/ });
    server.failNext('POST', '/api/me/requests/r1/messages', 429, 'rate_limited', 'Too many requests; slow down');
    fireEvent.input(screen.getByRole('textbox', { name: 'Reply to this request' }), { target: { value: 'hello?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too many requests; slow down');
    expect((screen.getByRole('textbox', { name: 'Reply to this request' }) as HTMLTextAreaElement).value).toBe('hello?');
    // A retry of the same text reuses the idempotency key.
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await within(screen.getByRole('list', { name: 'Messages' })).findByText('hello?');
    const sends = server.calls.filter((c) => c.path === '/api/me/requests/r1/messages');
    expect(sends.map((c) => (c.body as { clientId: string }).clientId)).toEqual(['client-0001', 'client-0001']);
  });

  it('says what went wrong when the list cannot load (in its own words for a server fault), and tries again', async () => {
    const server = fakeSelfService([detail({ id: 'r1', number: 1001, subject: 'Printer' })]);
    server.failNext('GET', '/api/me/requests', 500, 'internal', 'Something went wrong on our side');
    const model = new RequestsModel({ api: new RequestsApi({ fetch: server.fetch }) });
    render(<RequestsView model={model} />);
    void model.load();
    // A 5xx carries no detail for the customer: the catalogue's words, in their language, not the server's.
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong. Please try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: /Printer/ });
  });
});
