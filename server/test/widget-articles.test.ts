/**
 * The messenger's help articles: search over the site's knowledge base, suggestions for the page, one article,
 * all behind the visitor token; bad input is a catalogued error and the server keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpArticle, HelpArticleList } from '../../shared/help-articles';
import { pageWords } from '../src/routes/widget-articles.routes';
import { startServer, widgetSession, type TestServer } from './harness';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startServer();
  token = (await widgetSession(server)).token;
});
afterAll(() => server.close());

async function get<T>(path: string, visitor: string | null = token): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, { headers: visitor ? { authorization: `Visitor ${visitor}` } : {} });
  return { status: response.status, body: (await response.json()) as T };
}

describe('GET /api/widget/articles', () => {
  it('searches the knowledge base Kai answers from', async () => {
    const { status, body } = await get<HelpArticleList>('/api/widget/articles?q=reset%20my%20password');
    expect(status).toBe(200);
    expect(body.suggested).toBe(false);
    expect(body.articles[0]?.title).toMatch(/password/i);
    expect(new Set(body.articles.map((a) => a.id)).size).toBe(body.articles.length); // one entry per article
    expect(body.articles[0]?.excerpt.length).toBeLessThanOrEqual(160);
  });

  it('suggests articles for the page the visitor is on, and something for any page', async () => {
    const billing = await get<HelpArticleList>(`/api/widget/articles?page=${encodeURIComponent('/account/billing/failed-payment')}`);
    expect(billing.body.suggested).toBe(true);
    expect(billing.body.articles.map((a) => a.title).join(' ')).toMatch(/payment/i);
    const anyPage = await get<HelpArticleList>('/api/widget/articles');
    expect(anyPage.body.articles.length).toBeGreaterThan(0);
  });

  it('gives one article with its markdown body', async () => {
    const list = await get<HelpArticleList>('/api/widget/articles?q=password');
    const id = list.body.articles[0]?.id ?? '';
    const { status, body } = await get<HelpArticle>(`/api/widget/articles/${id}`);
    expect(status).toBe(200);
    expect(body.title).toBe(list.body.articles[0]?.title);
    expect(body.body.length).toBeGreaterThan(50);
    expect((await get(`/api/widget/articles/nope`)).status).toBe(404);
  });

  it('refuses a missing or forged token, and an oversized search, with catalogued errors', async () => {
    const missing = await get<{ error: { code: string } }>('/api/widget/articles?q=x', null);
    expect([missing.status, missing.body.error.code]).toEqual([401, 'unauthorized']);
    const forged = await get<{ error: { code: string } }>('/api/widget/articles?q=x', 'someone.forged');
    expect(forged.status).toBe(401);
    const long = await get<{ error: { code: string } }>(`/api/widget/articles?q=${'a'.repeat(201)}`);
    expect([long.status, long.body.error.code]).toEqual([400, 'validation_failed']);
    expect((await get<HelpArticleList>('/api/widget/articles?q=invoice')).status).toBe(200);
  });
});

describe('pageWords', () => {
  it('keeps the meaningful words of a path', () => {
    expect(pageWords('https://shop.example/account/billing/index.html?x=1#y')).toBe('account billing');
    expect(pageWords('')).toBe('');
  });
});
