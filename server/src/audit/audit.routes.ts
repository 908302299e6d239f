import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { auditEntrySchema, auditQuerySchema } from '../../../shared/admin';
import type { CoreContext } from '../context';
import { routeDocs } from '../routes/route-docs';
import { parse } from '../routes/validate';
import { listAudit } from './audit.repository';

/** `GET /api/audit?action=&actor=&target=&from=&to=&limit=` (admins): who changed what, newest first. */
export const auditRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.get('/api/audit', {
    preHandler: [app.requireAgent, app.requireAdmin],
    ...routeDocs('Audit', 'admin')({ summary: 'The audit log, newest first, filterable by action, actor, target and time', querystring: auditQuerySchema, response: { 200: z.object({ entries: z.array(auditEntrySchema) }) } }),
  }, async (request) => {
    const filter = parse(auditQuerySchema, request.query);
    return { entries: await listAudit(ctx.db, filter) };
  });
};
