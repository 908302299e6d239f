import type { FastifyPluginAsync } from 'fastify';
import { previewSchema, triageSchema } from '../../../shared/api';
import { priorityOf } from '../../../shared/priority';
import type { KaiEngine } from '../ai/engine';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { findSiteByKey } from '../sites/site.repository';
import { parse } from './validate';

export const aiRoutes: FastifyPluginAsync<{ ctx: CoreContext; kai: KaiEngine }> = async (app, { ctx, kai }) => {
  app.addHook('preHandler', app.requireAgent);

  app.post('/api/ai/triage', async (request) => {
    const { text } = parse(triageSchema, request.body);
    const t = await kai.triage(text);
    return {
      urgency: t.urgency,
      impact: t.impact,
      priority: priorityOf(t.urgency, t.impact, ctx.operations.get().priorityMatrix),
      category: t.category,
      rationale: { urgency: t.urgencyReason, impact: t.impactReason },
      evidence: t.evidence,
    };
  });

  app.post<{ Querystring: { site?: string } }>('/api/ai/preview', async (request) => {
    const { message } = parse(previewSchema, request.body);
    const site = await findSiteByKey(ctx.db, request.query.site ?? 'demo');
    if (!site) throw new AppError('not_found', 'No such site');
    const turn = await kai.respond({ siteId: site.id, message, history: [], agentName: 'Kai', offeredHandoff: false });
    return { reply: turn.reply, sources: turn.sources, action: turn.action, confidence: turn.confidence };
  });
};
