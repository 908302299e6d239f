import type { FastifyPluginAsync } from 'fastify';
import { createAgentSchema } from '../../../shared/api';
import { createAgent, findAgentByEmail, toAgentProfile } from '../auth/agent.repository';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { parse } from './validate';

/** The team. Every agent lists it (to assign tickets); an admin adds agents. */
export const agentRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', app.requireAgent);

  app.get('/api/agents', async () => {
    const rows = await ctx.db.selectFrom('agents').selectAll().orderBy('name').execute();
    return { agents: rows.map(toAgentProfile) };
  });

  app.post('/api/agents', async (request, reply) => {
    if (request.agent!.role !== 'admin') throw new AppError('forbidden', 'Only an admin can add agents');
    const body = parse(createAgentSchema, request.body);
    if (await findAgentByEmail(ctx.db, body.email)) throw new AppError('conflict', 'An agent with that email exists');
    const agent = await createAgent(ctx.db, { ...body, now: ctx.now() });
    return reply.status(201).send(toAgentProfile(agent));
  });
};
