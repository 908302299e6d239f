import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { previewAnswerSchema, previewSchema, triageAnswerSchema, triageSchema } from '../../../shared/api';
import { priorityOf } from '../../../shared/priority';
import type { KaiEngine } from '../ai/engine';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { planTurn, withHandoffOffer } from '../conversations/handoff-policy';
import { findSiteByKey, siteSettings } from '../sites/site.repository';
import { routeDocs } from './route-docs';
import { parse } from './validate';

const doc = routeDocs('Kai', 'agent');
const DOCS = {
  triage: doc({ summary: 'Urgency, impact, priority and category of a text, creating nothing', body: triageSchema, response: { 200: triageAnswerSchema } }),
  preview: doc({ summary: "What Kai would answer to a visitor's first message (the desk's \"try Kai\"), creating nothing", querystring: z.object({ site: z.string().optional().describe('The site key (default `demo`)') }), body: previewSchema, response: { 200: previewAnswerSchema } }),
};

export const aiRoutes: FastifyPluginAsync<{ ctx: CoreContext; kai: KaiEngine }> = async (app, { ctx, kai }) => {
  app.addHook('preHandler', app.requireAgent);

  app.post('/api/ai/triage', DOCS.triage, async (request) => {
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

  // The same decisions as a real conversation's first turn (kai-turn.ts): the site's agent name and handoff
  // rules before Kai is asked, the offer rule after; only nothing is stored.
  app.post<{ Querystring: { site?: string } }>('/api/ai/preview', DOCS.preview, async (request) => {
    const { message, visitor, language } = parse(previewSchema, request.body);
    const site = await findSiteByKey(ctx.db, request.query.site ?? 'demo');
    if (!site) throw new AppError('not_found', 'No such site');
    const settings = siteSettings(site);
    const identity = { verified: Boolean(visitor), email: visitor?.email ?? null, externalId: visitor?.userId ?? null };
    const { agentName, policy } = planTurn(message, settings, identity);
    if (policy) return { reply: '', sources: [], action: 'handoff' as const, confidence: 1, agentName, handoffReason: 'policy', policy };
    const engineTurn = await kai.respond({ siteId: site.id, message, history: [], agentName, offeredHandoff: false, language: language ?? settings.language });
    const turn = engineTurn.action === 'handoff' ? engineTurn : withHandoffOffer(engineTurn, { message, previousVisitorMessages: [], offeredHandoff: false, language: language ?? settings.language });
    return { reply: turn.reply, sources: turn.sources, action: turn.action, confidence: turn.confidence, agentName, handoffReason: turn.handoffReason ?? null };
  });
};
