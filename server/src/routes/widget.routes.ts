import type { FastifyPluginAsync } from 'fastify';
import { widgetSessionSchema, type CentreId } from '../../../shared/protocol';
import type { CoreContext } from '../context';
import { startWidgetSession } from '../conversations/widget-session';
import { AppError } from '../errors';
import { findSiteByKey, toPublicSettings } from '../sites/site.repository';
import { parse } from './validate';

/** Public endpoints the loader and the messenger call; no agent sign-in. */
export const widgetRoutes: FastifyPluginAsync<{ ctx: CoreContext & { secret: string; staffedCentres?: () => Promise<ReadonlySet<CentreId> | undefined> } }> = async (app, { ctx }) => {
  app.get<{ Params: { key: string } }>('/api/widget/sites/:key', async (request, reply) => {
    const site = await findSiteByKey(ctx.db, request.params.key);
    if (!site) throw new AppError('not_found', 'No such site');
    // Any page may read a site's public look (it is what the button shows); nothing private is in it.
    void reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=60');
    return toPublicSettings(site);
  });

  app.post('/api/widget/session', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (request) => {
    return startWidgetSession(ctx, parse(widgetSessionSchema, request.body), request.headers['user-agent'] ?? null);
  });
};
