import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, DeskApi } from './api';
import { json, summary } from './test/fixtures';

describe('DeskApi', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends JSON with the session cookie and returns the body', async () => {
    const fetchMock = vi.fn(async () => json(200, { id: 'a1', email: 'g@example.com', name: 'Grace', role: 'agent' }));
    vi.stubGlobal('fetch', fetchMock);
    const agent = await new DeskApi().login('g@example.com', 'pw');
    expect(agent.name).toBe('Grace');
    expect(fetchMock).toHaveBeenCalledWith('/api/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'g@example.com', password: 'pw' }),
    });
  });

  it('builds the ticket list query', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => json(200, { tickets: [summary()] }));
    vi.stubGlobal('fetch', fetchMock);
    const page = await new DeskApi().listTickets({ limit: 200, status: 'new', priority: undefined });
    expect(page.tickets).toHaveLength(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/tickets?limit=200&status=new');
  });

  it('throws a typed error with the code and message of the error body', async () => {
    vi.stubGlobal('fetch', async () => json(409, { error: { code: 'invalid_transition', message: 'Cannot reopen a closed ticket' } }));
    const err = await new DeskApi().updateTicket('t1', { status: 'new' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'invalid_transition', message: 'Cannot reopen a closed ticket' });
  });

  it('maps a body without an error object to a code by status', async () => {
    vi.stubGlobal('fetch', async () => new Response('Bad gateway', { status: 502 }));
    await expect(new DeskApi().getTicket('t1')).rejects.toMatchObject({ status: 502, code: 'internal' });
  });

  it('turns a failed request into network_error', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(new DeskApi().me()).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('handles 204 from logout', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(new DeskApi().logout()).resolves.toBeUndefined();
  });

  it('reports a 401 on a signed-in call, but not on sign-in itself', async () => {
    vi.stubGlobal('fetch', async () => json(401, { error: { code: 'unauthorized', message: 'Sign in first' } }));
    const onUnauthorized = vi.fn();
    const api = new DeskApi({ onUnauthorized });
    await expect(api.login('a@b.c', 'x')).rejects.toMatchObject({ status: 401 });
    await expect(api.me()).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(api.listTickets()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('escapes ticket ids in paths', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => json(201, {}));
    vi.stubGlobal('fetch', fetchMock);
    await new DeskApi().postMessage('a/b?c', { body: 'hi' });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/tickets/a%2Fb%3Fc/messages');
  });
});
