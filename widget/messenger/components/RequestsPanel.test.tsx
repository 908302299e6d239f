import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublicSiteSettings, VisitorTicket } from '../../../shared/protocol';
import { detail, fakeSelfService } from '../../requests/test-support/fake-self-service';
import { AI_STATE, message } from '../test-support/fake-socket';
import { mountMessenger, unmountMessengers } from '../test-support/mount-messenger';

const SITE: PublicSiteSettings = { key: 'demo', name: 'Acme Help', agentName: 'Kai', color: '#0f766e', greeting: 'Hi!', position: 'right', language: 'en' };
const PROMISE = 'Our UK team opens at 09:00 your time and will reply by 10:00 your time.';
const ticket: VisitorTicket = { id: 'r1', number: 1042, status: 'new', priority: 'medium', promise: PROMISE, firstResponseDueAt: null };

afterEach(unmountMessengers);

async function setup() {
  const selfService = fakeSelfService([
    detail({ id: 'r1', number: 1042, subject: 'Laptop will not join the Wi-Fi', status: 'new', promise: PROMISE }),
    detail({ id: 'r2', number: 1007, subject: 'Old invoice question', status: 'solved', promise: 'This request is solved.' }),
  ]);
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) === '/api/widget/session') return new Response(JSON.stringify({ token: 'visitor-token', visitorId: 'v1', site: SITE }));
    return selfService.fetch(input, init);
  }) as typeof globalThis.fetch;
  const { socket, messenger } = await mountMessenger(fetch);
  return { selfService, socket, messenger };
}

describe('Your requests in the messenger', () => {
  it('switches between the chat and the visitor’s requests, loaded with the visitor token', async () => {
    const { selfService, socket } = await setup();
    act(() => void socket.connect());
    await screen.findByText('Acme Help');
    expect(screen.getByRole('log')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Your requests' }));
    const list = await screen.findByRole('list', { name: 'Your requests' });
    expect(within(list).getByRole('button', { name: '#1042 Laptop will not join the Wi-Fi' })).toBeTruthy();
    expect(within(list).getByText(PROMISE)).toBeTruthy();
    expect(within(list).getByText('New', { exact: true })).toBeTruthy();
    // The chat is hidden (still there, so nothing typed or received is lost).
    expect(screen.queryByRole('log')).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    expect(selfService.calls.find((c) => c.path === '/api/me/requests')?.headers['authorization']).toBe('Visitor visitor-token');

    fireEvent.click(screen.getByRole('button', { name: 'Back to chat' }));
    expect(screen.getByRole('log')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Your requests' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Your requests' })).toBeTruthy();
  });

  it('deleting the chat’s own request clears the chat and syncs it afresh', async () => {
    const { selfService, socket } = await setup();
    socket.handlers['conversation:sync'] = () => ({ ok: true, data: { state: { ...AI_STATE, id: 'c1', mode: 'waiting', ticket }, messages: [message({ seq: 1, body: 'My laptop will not join the Wi-Fi' })] } });
    act(() => void socket.connect());
    await screen.findByText('Ticket #1042');
    expect(within(screen.getByRole('log')).getByText('My laptop will not join the Wi-Fi')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Your requests' }));
    fireEvent.click(await screen.findByRole('button', { name: /Laptop will not join/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete request' }));
    socket.handlers['conversation:sync'] = () => ({ ok: true, data: { state: AI_STATE, messages: [] } });
    // The server's "chat closed" may arrive before the answer to the delete.
    act(() => socket.fire('conversation:updated', { id: 'c1', mode: 'closed', ticket: null, lastSeq: 1 }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm delete' }));
    await screen.findByText('Request #1042 was deleted.');
    expect(selfService.calls.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/me/requests/r1', headers: { authorization: 'Visitor visitor-token' } });
    expect(within(screen.getByRole('list', { name: 'Your requests' })).queryByText(/Laptop/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Back to chat' }));
    await waitFor(() => expect(screen.queryByText('Ticket #1042')).toBeNull());
    expect(within(screen.getByRole('log')).queryByText('My laptop will not join the Wi-Fi')).toBeNull();
    expect(screen.getByRole('button', { name: 'Talk to a person' })).toBeTruthy();
  });
});
