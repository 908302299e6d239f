import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, DeskApi } from './api';
import { article, detail, json, summary } from './test/fixtures';

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

  it('hands a chat back to Kai', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => json(200, detail({ id: 't1', conversationMode: 'ai' })));
    vi.stubGlobal('fetch', fetchMock);
    const ticket = await new DeskApi().handBack('t1', { reason: 'Simple question' });
    expect(ticket.conversationMode).toBe('ai');
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/tickets/t1/handback');
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', body: JSON.stringify({ reason: 'Simple question' }) });
  });

  it('lists, creates, replaces and deletes knowledge-base articles', async () => {
    const a = article({ id: 'a/1' });
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'DELETE') return new Response(null, { status: 204 });
      if (init?.method === 'POST') return json(201, a);
      if (init?.method === 'PUT') return json(200, a);
      return json(200, { articles: [a] });
    });
    vi.stubGlobal('fetch', fetchMock);
    const api = new DeskApi();
    expect(await api.listArticles()).toEqual([a]);
    expect(await api.createArticle({ title: 'T', body: 'B', tags: ['x'] })).toEqual(a);
    expect(await api.updateArticle('a/1', { title: 'T', body: 'B' })).toEqual(a);
    await expect(api.deleteArticle('a/1')).resolves.toBeUndefined();
    expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toEqual([
      'GET /api/kb/articles',
      'POST /api/kb/articles',
      'PUT /api/kb/articles/a%2F1',
      'DELETE /api/kb/articles/a%2F1',
    ]);
    expect(fetchMock.mock.calls[1]?.[1]?.body).toBe(JSON.stringify({ title: 'T', body: 'B', tags: ['x'] }));
  });

  it('asks Kai for a preview, and passes a validation message through', async () => {
    const preview = { reply: 'Open Settings.', sources: [{ id: 'k', title: 'Reset', url: '/help/reset' }], action: 'answer', confidence: 0.8 };
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => json(200, preview));
    vi.stubGlobal('fetch', fetchMock);
    expect(await new DeskApi().previewKai('How do I reset?')).toEqual(preview);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/ai/preview');
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe(JSON.stringify({ message: 'How do I reset?' }));
    vi.stubGlobal('fetch', async () => json(400, { error: { code: 'validation_failed', message: 'message: Too big' } }));
    await expect(new DeskApi().previewKai('x')).rejects.toMatchObject({ status: 400, code: 'validation_failed', message: 'message: Too big' });
  });

  it('escapes ticket ids in paths', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => json(201, {}));
    vi.stubGlobal('fetch', fetchMock);
    await new DeskApi().postMessage('a/b?c', { body: 'hi' });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/tickets/a%2Fb%3Fc/messages');
  });
});
