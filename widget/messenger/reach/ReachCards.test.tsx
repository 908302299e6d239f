import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationState } from '../../../shared/protocol';
import type { CsatAnswer, VisitorReach } from '../../../shared/reach';
import type { Messenger } from '../messenger';
import { ReachCards } from './ReachCards';

afterEach(cleanup);

interface Call {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

/** The reach and CSAT routes, in memory. */
function fakeServer(reach: VisitorReach, csat: { askedAt: string | null; answer: CsatAnswer | null } = { askedAt: null, answer: null }) {
  const calls: Call[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = (async (path: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method: init.method ?? 'GET', path, body, authorization: new Headers(init.headers).get('authorization') });
    if (path === '/api/widget/reach' && init.method === 'GET') return json(200, reach);
    if (path === '/api/widget/reach/email') {
      reach = { ...reach, status: 'pending', email: body.email };
      return json(201, reach);
    }
    if (path === '/api/widget/transcript') return json(202, { to: reach.email });
    if (path.endsWith('/csat') && init.method === 'GET') return json(200, csat);
    if (path.endsWith('/csat')) {
      csat = { ...csat, answer: { rating: body.rating, comment: body.comment || null, answeredVia: 'chat', createdAt: '2026-01-13T10:00:00Z' } };
      return json(201, csat.answer);
    }
    return json(404, { error: { code: 'not_found', message: 'no' } });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function messengerWith(server: ReturnType<typeof fakeServer>, status: 'open' | 'solved'): Messenger {
  const state = signal<ConversationState>({ id: 'c1', mode: 'waiting', lastSeq: 3, ticket: { id: 't1', number: 1001, status, priority: 'medium', promise: 'Monday', firstResponseDueAt: null } });
  return { selfService: { fetch: server.fetch, token: () => 'tok' }, conversation: { state } } as unknown as Messenger;
}

describe('the email question', () => {
  it('asks for an optional email, says what it is for, and then asks to confirm it', async () => {
    const server = fakeServer({ status: 'none', email: null, askForEmail: true });
    render(<ReachCards messenger={messengerWith(server, 'open')} />);
    const form = await screen.findByRole('form', { name: 'Get the reply by email' });
    expect(form.textContent).toContain('We use this address only for this request.');
    fireEvent.input(screen.getByLabelText('Email (optional)'), { target: { value: 'ada@example.net' } });
    fireEvent.click(screen.getByRole('button', { name: 'Email me the reply' }));
    await screen.findByText('Check your inbox: confirm ada@example.net to get the reply by email.');
    expect(server.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/widget/reach/email', body: { email: 'ada@example.net' }, authorization: 'Visitor tok' });
    expect(screen.queryByRole('form', { name: 'Get the reply by email' })).toBeNull();
  });

  it('"No thanks" puts it away; a site that does not ask, or a known email, shows no question', async () => {
    const server = fakeServer({ status: 'none', email: null, askForEmail: true });
    render(<ReachCards messenger={messengerWith(server, 'open')} />);
    fireEvent.click(await screen.findByRole('button', { name: 'No thanks' }));
    expect(screen.queryByRole('form')).toBeNull();
    cleanup();
    render(<ReachCards messenger={messengerWith(fakeServer({ status: 'none', email: null, askForEmail: false }), 'open')} />);
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    cleanup();
    const verified = fakeServer({ status: 'verified', email: 'ada@example.net', askForEmail: true });
    render(<ReachCards messenger={messengerWith(verified, 'open')} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Email me this conversation' }));
    await screen.findByText('We have emailed this conversation to ada@example.net.');
    expect(screen.queryByRole('form')).toBeNull();
  });
});

describe('the CSAT card', () => {
  it('asks "How did we do?" on a solved request with 1 to 5 and a comment, once', async () => {
    const server = fakeServer({ status: 'confirmed', email: 'ada@example.net', askForEmail: true }, { askedAt: '2026-01-13T10:00:00Z', answer: null });
    render(<ReachCards messenger={messengerWith(server, 'solved')} />);
    const card = await screen.findByRole('form', { name: 'How did we do?' });
    expect(card).toBeTruthy();
    expect(screen.getByRole('group', { name: 'How did we do?' })).toBeTruthy();
    const send = screen.getByRole('button', { name: 'Send rating' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: '4' }));
    fireEvent.input(screen.getByLabelText('Comment (optional)'), { target: { value: '<b>Quick</b>' } });
    fireEvent.click(send);
    await screen.findByText('Thank you for your rating (4 of 5).');
    expect(server.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/me/requests/t1/csat', body: { rating: 4, comment: '<b>Quick</b>' } });
    expect(screen.queryByRole('form', { name: 'How did we do?' })).toBeNull();
  });

  it('is not shown before the request is solved, nor when it was never asked', async () => {
    render(<ReachCards messenger={messengerWith(fakeServer({ status: 'confirmed', email: 'a@b.c', askForEmail: true }, { askedAt: '2026-01-13T10:00:00Z', answer: null }), 'open')} />);
    await screen.findByRole('button', { name: 'Email me this conversation' });
    expect(screen.queryByRole('form', { name: 'How did we do?' })).toBeNull();
    cleanup();
    render(<ReachCards messenger={messengerWith(fakeServer({ status: 'confirmed', email: 'a@b.c', askForEmail: true }), 'solved')} />);
    await screen.findByRole('button', { name: 'Email me this conversation' });
    expect(screen.queryByRole('form', { name: 'How did we do?' })).toBeNull();
  });
});
