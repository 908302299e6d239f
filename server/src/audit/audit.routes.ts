import type { FastifyPluginAsync } from 'fastify';
import { auditQuerySchema } from '../../../shared/admin';
import type { CoreContext } from '../context';
import { parse } from '../routes/validate';
import { listAudit } from './audit.repository';

/** `GET /api/audit?action=&actor=&target=&from=&to=&limit=` (admins): who changed what, newest first. */
export const auditRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.get('/api/audit', { preHandler: [app.requireAgent, app.requireAdmin] }, async (request) => {
    const filter = parse(auditQuerySchema, request.query);
    return { entries: await listAudit(ctx.db, filter) };
  });
};
