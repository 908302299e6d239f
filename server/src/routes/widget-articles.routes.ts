/**
 * Help articles for the messenger: a search over the site's knowledge base (the index Kai answers from),
 * suggestions for the page the visitor is on, and one article's text. Authenticated like the messenger's other
 * calls, `Authorization: Visitor <token>`; the visitor's site decides which knowledge base is searched.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { helpArticleListSchema, helpArticleSchema } from '../../../shared/resources';
import { MAX_ARTICLE_QUERY, type HelpArticle, type HelpArticleList, type HelpArticleSummary } from '../../../shared/help-articles';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import type { KnowledgeBase } from '../kb/knowledge-base';
import { findArticle, listArticles } from '../kb/kb.repository';
import { markdownToText } from '../kb/text';
import { findVisitor, verifyVisitorToken } from '../sites/visitor.repository';
import { pathParams, routeDocs } from './route-docs';

const doc = routeDocs('Messenger', 'visitor');
const DOCS = {
  list: doc({
    summary: "Help articles for the messenger: a search over the site's knowledge base (`q`) or those suggested for a page (`page`, a path)",
    querystring: z.object({ q: z.string().max(MAX_ARTICLE_QUERY).optional(), page: z.string().optional() }),
    response: { 200: helpArticleListSchema },
  }),
  get: doc({ summary: 'One help article as text (markdown body)', params: pathParams('id'), response: { 200: helpArticleSchema } }),
};

const LIST_LIMIT = 8;
const EXCERPT_LENGTH = 160;

const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
};

/** The words of a page path or title worth searching for ("/billing/invoices" → "billing invoices"). */
export function pageWords(page: string): string {
  return page
    .replace(/^https?:\/\/[^/]+/i, '')
    .replace(/[?#].*$/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !/^(html?|php|aspx?|index|www)$/i.test(w))
    .join(' ')
    .slice(0, MAX_ARTICLE_QUERY);
}

export const widgetArticleRoutes: FastifyPluginAsync<{ ctx: CoreContext & { secret: string }; kb: KnowledgeBase }> = async (app, { ctx, kb }) => {
  async function siteOf(request: FastifyRequest): Promise<string> {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Visitor ') ? header.slice('Visitor '.length).trim() : '';
    const claim = token ? verifyVisitorToken(ctx.secret, token, ctx.now()) : null;
    const visitor = claim ? await findVisitor(ctx.db, claim.visitorId) : undefined;
    if (!visitor) throw new AppError('unauthorized', 'A visitor token is needed (Authorization: Visitor <token>)');
    return visitor.site_id;
  }

  function search(siteId: string, words: string): HelpArticleSummary[] {
    const seen = new Set<string>();
    const hits: HelpArticleSummary[] = [];
    for (const hit of kb.index(siteId).search(words, LIST_LIMIT * 3)) {
      if (seen.has(hit.articleId)) continue;
      seen.add(hit.articleId);
      hits.push({ id: hit.articleId, title: hit.title, url: hit.url, excerpt: excerpt(hit.text) });
      if (hits.length === LIST_LIMIT) break;
    }
    return hits;
  }

  const limits = { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } } as const;

  app.get<{ Querystring: { q?: string; page?: string } }>('/api/widget/articles', { ...limits, ...DOCS.list }, async (request): Promise<HelpArticleList> => {
    const siteId = await siteOf(request);
    const q = (request.query.q ?? '').trim();
    if (q.length > MAX_ARTICLE_QUERY) throw new AppError('validation_failed', `A search is at most ${MAX_ARTICLE_QUERY} characters`);
    if (q) return { articles: search(siteId, q), suggested: false };
    const words = pageWords(String(request.query.page ?? ''));
    const forPage = words ? search(siteId, words) : [];
    if (forPage.length > 0) return { articles: forPage, suggested: true };
    // Nothing about this page: the first articles by title, so the panel is never empty.
    const all = await listArticles(ctx.db, siteId);
    return { articles: all.slice(0, LIST_LIMIT).map((a) => ({ id: a.id, title: a.title, url: a.url ?? `/help/${a.slug}`, excerpt: excerpt(markdownToText(a.body)) })), suggested: true };
  });

  app.get<{ Params: { id: string } }>('/api/widget/articles/:id', { ...limits, ...DOCS.get }, async (request): Promise<HelpArticle> => {
    const article = await findArticle(ctx.db, await siteOf(request), request.params.id);
    if (!article) throw new AppError('not_found', 'No such article');
    return { id: article.id, title: article.title, url: article.url ?? `/help/${article.slug}`, body: article.body, updatedAt: article.updatedAt };
  });
};
