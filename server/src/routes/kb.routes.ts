import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { kbArticleSchema, kbArticleViewSchema } from '../../../shared/api';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import type { KnowledgeBase } from '../kb/knowledge-base';
import { findArticle, listArticles } from '../kb/kb.repository';
import { findSiteByKey } from '../sites/site.repository';
import { pathParams, routeDocs } from './route-docs';
import { parse } from './validate';

const doc = routeDocs('Knowledge base', 'agent');
const siteQuery = z.object({ site: z.string().optional().describe('The site key (default `demo`)') });
const DOCS = {
  list: doc({ summary: 'Knowledge-base articles Kai answers from', querystring: siteQuery, response: { 200: z.object({ articles: z.array(kbArticleViewSchema) }) } }),
  create: doc({ summary: 'Add an article (searchable at once)', querystring: siteQuery, body: kbArticleSchema, response: { 201: kbArticleViewSchema } }),
  get: doc({ summary: 'One article', querystring: siteQuery, params: pathParams('id'), response: { 200: kbArticleViewSchema } }),
  replace: doc({ summary: 'Replace an article', querystring: siteQuery, params: pathParams('id'), body: kbArticleSchema, response: { 200: kbArticleViewSchema } }),
  remove: doc({ summary: 'Remove an article', querystring: siteQuery, params: pathParams('id'), response: { 204: 'Removed' } }),
};

type SiteQuery = { Querystring: { site?: string } };

export const kbRoutes: FastifyPluginAsync<{ ctx: CoreContext; kb: KnowledgeBase }> = async (app, { ctx, kb }) => {
  app.addHook('preHandler', app.requireAgent);

  async function siteOf(request: FastifyRequest<SiteQuery>): Promise<string> {
    const site = await findSiteByKey(ctx.db, request.query.site ?? 'demo');
    if (!site) throw new AppError('not_found', 'No such site');
    return site.id;
  }

  app.get<SiteQuery>('/api/kb/articles', DOCS.list, async (request) => ({ articles: await listArticles(ctx.db, await siteOf(request)) }));

  app.post<SiteQuery>('/api/kb/articles', DOCS.create, async (request, reply) => {
    const input = parse(kbArticleSchema, request.body);
    return reply.status(201).send(await kb.create(await siteOf(request), input, ctx.now()));
  });

  app.get<SiteQuery & { Params: { id: string } }>('/api/kb/articles/:id', DOCS.get, async (request) => {
    const article = await findArticle(ctx.db, await siteOf(request), request.params.id);
    if (!article) throw new AppError('not_found', 'No such article');
    return article;
  });

  app.put<SiteQuery & { Params: { id: string } }>('/api/kb/articles/:id', DOCS.replace, async (request) => {
    const input = parse(kbArticleSchema, request.body);
    const article = await kb.replace(await siteOf(request), request.params.id, input, ctx.now());
    if (!article) throw new AppError('not_found', 'No such article');
    return article;
  });

  app.delete<SiteQuery & { Params: { id: string } }>('/api/kb/articles/:id', DOCS.remove, async (request, reply) => {
    if (!(await kb.remove(await siteOf(request), request.params.id))) throw new AppError('not_found', 'No such article');
    return reply.status(204).send();
  });
};
