import type { FastifyPluginAsync } from 'fastify';
import { widgetSessionSchema, type CentreId } from '../../../shared/protocol';
import { publicSiteSettingsSchema, widgetSessionAnswerSchema } from '../../../shared/resources';
import type { CoreContext } from '../context';
import { startWidgetSession } from '../conversations/widget-session';
import { AppError } from '../errors';
import { findSiteByKey, toPublicSettings } from '../sites/site.repository';
import { pathParams, routeDocs } from './route-docs';
import { parse } from './validate';

const doc = routeDocs('Messenger', 'public');
const DOCS = {
  site: doc({ summary: "A site's public messenger settings (what the launcher draws; any origin may read it)", params: pathParams('key'), response: { 200: publicSiteSettingsSchema } }),
  session: doc({ summary: 'Start or resume a visitor session (messenger): a fresh visitor token on every call', body: widgetSessionSchema, response: { 200: widgetSessionAnswerSchema } }),
};

/** Public endpoints the loader and the messenger call; no agent sign-in. */
export const widgetRoutes: FastifyPluginAsync<{ ctx: CoreContext & { secret: string; staffedCentres?: () => Promise<ReadonlySet<CentreId> | undefined> } }> = async (app, { ctx }) => {
  app.get<{ Params: { key: string } }>('/api/widget/sites/:key', DOCS.site, async (request, reply) => {
    const site = await findSiteByKey(ctx.db, request.params.key);
    if (!site) throw new AppError('not_found', 'No such site');
    // Any page may read a site's public look (it is what the button shows); nothing private is in it.
    void reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=60');
    return toPublicSettings(site);
  });

  app.post('/api/widget/session', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, ...DOCS.session }, async (request) => {
    return startWidgetSession(ctx, parse(widgetSessionSchema, request.body), request.headers['user-agent'] ?? null);
  });
};
