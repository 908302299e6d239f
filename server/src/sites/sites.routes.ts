import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { createSiteSchema, siteViewSchema, updateSiteSchema } from '../../../shared/admin';
import { actorOf } from '../audit/audit-actor';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { pathParams, routeDocs } from '../routes/route-docs';
import { parse } from '../routes/validate';
import { createSite, deleteSite, listSiteRows, toSiteView, updateSite } from './site-admin';
import { findSiteByKey } from './site.repository';

const doc = routeDocs('Sites', 'admin');
const keyParams = pathParams('key');
const DOCS = {
  list: doc({ summary: 'Every site', response: { 200: z.object({ sites: z.array(siteViewSchema) }) } }),
  create: doc({ summary: 'Create a site', body: createSiteSchema, response: { 201: siteViewSchema } }),
  get: doc({ summary: 'One site, with where its messenger was last seen and its last change', params: keyParams, response: { 200: siteViewSchema } }),
  update: doc({ summary: 'Change name, allowed origins, language, appearance and settings sections; effective at once on every node', params: keyParams, body: updateSiteSchema, response: { 200: siteViewSchema } }),
  remove: doc({ summary: 'Delete a site without tickets, chats or articles; never the last site (409)', params: keyParams, response: { 204: 'Deleted' } }),
};

/** Sites (admins): `GET`/`POST /api/sites`, `GET`/`PATCH`/`DELETE /api/sites/:key`. */
export const siteRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', app.requireAgent);
  app.addHook('preHandler', app.requireAdmin);

  app.get('/api/sites', DOCS.list, async () => {
    const rows = await listSiteRows(ctx.db);
    return { sites: await Promise.all(rows.map((row) => toSiteView(ctx.db, row))) };
  });

  app.post('/api/sites', DOCS.create, async (request, reply) => {
    const body = parse(createSiteSchema, request.body);
    const row = await createSite(ctx, actorOf(request), body);
    return reply.status(201).send(await toSiteView(ctx.db, row));
  });

  app.get<{ Params: { key: string } }>('/api/sites/:key', DOCS.get, async (request) => {
    const site = await findSiteByKey(ctx.db, request.params.key);
    if (!site) throw new AppError('not_found', 'No such site');
    return toSiteView(ctx.db, site);
  });

  app.patch<{ Params: { key: string } }>('/api/sites/:key', DOCS.update, async (request) => {
    const patch = parse(updateSiteSchema, request.body);
    const row = await updateSite(ctx, actorOf(request), request.params.key, patch);
    return toSiteView(ctx.db, row);
  });

  app.delete<{ Params: { key: string } }>('/api/sites/:key', DOCS.remove, async (request, reply) => {
    await deleteSite(ctx, actorOf(request), request.params.key);
    return reply.status(204).send();
  });
};
