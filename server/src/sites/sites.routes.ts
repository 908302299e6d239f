import type { FastifyPluginAsync } from 'fastify';
import { createSiteSchema, updateSiteSchema } from '../../../shared/admin';
import { actorOf } from '../audit/audit-actor';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { parse } from '../routes/validate';
import { createSite, deleteSite, listSiteRows, toSiteView, updateSite } from './site-admin';
import { findSiteByKey } from './site.repository';

/** Sites (admins): `GET`/`POST /api/sites`, `GET`/`PATCH`/`DELETE /api/sites/:key`. */
export const siteRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', app.requireAgent);
  app.addHook('preHandler', app.requireAdmin);

  app.get('/api/sites', async () => {
    const rows = await listSiteRows(ctx.db);
    return { sites: await Promise.all(rows.map((row) => toSiteView(ctx.db, row))) };
  });

  app.post('/api/sites', async (request, reply) => {
    const body = parse(createSiteSchema, request.body);
    const row = await createSite(ctx, actorOf(request), body);
    return reply.status(201).send(await toSiteView(ctx.db, row));
  });

  app.get<{ Params: { key: string } }>('/api/sites/:key', async (request) => {
    const site = await findSiteByKey(ctx.db, request.params.key);
    if (!site) throw new AppError('not_found', 'No such site');
    return toSiteView(ctx.db, site);
  });

  app.patch<{ Params: { key: string } }>('/api/sites/:key', async (request) => {
    const patch = parse(updateSiteSchema, request.body);
    const row = await updateSite(ctx, actorOf(request), request.params.key, patch);
    return toSiteView(ctx.db, row);
  });

  app.delete<{ Params: { key: string } }>('/api/sites/:key', async (request, reply) => {
    await deleteSite(ctx, actorOf(request), request.params.key);
    return reply.status(204).send();
  });
};
