import type { FastifyPluginAsync } from 'fastify';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { operationsPatchSchema, type Operations } from '../operations/operations';
import { recomputeOpenTickets } from '../tickets/operations-clock';
import { parse } from './validate';

/** Support operations settings. Every agent reads them; only an admin changes them, and deadlines follow. */
export const operationsRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', app.requireAgent);

  app.get('/api/operations', async () => ctx.operations.get());

  app.put('/api/operations', async (request) => {
    if (request.agent!.role !== 'admin') throw new AppError('forbidden', 'Only an admin can change support operations');
    const patch = parse(operationsPatchSchema, request.body) as Partial<Operations>;
    const ops = await ctx.operations.update(ctx.db, patch);
    const recomputed = await recomputeOpenTickets(ctx);
    request.log.info({ recomputed }, 'operations changed; deadlines recomputed');
    return ops;
  });
};
