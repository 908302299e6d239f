import type { FastifyPluginAsync } from 'fastify';
import { createAgentSchema, updateAgentSchema } from '../../../shared/api';
import { createAgent, findAgent, findAgentByEmail, revokeAgentCredentials, toAgentProfile, updateAgent } from '../auth/agent.repository';
import { endDeskSockets } from '../auth/desk-sockets';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { parse } from './validate';

/** The team. Every agent lists it (to assign tickets); an admin adds, changes and deactivates agents. */
export const agentRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', app.requireAgent);
  const requireAdmin = (role: string, what: string) => {
    if (role !== 'admin') throw new AppError('forbidden', `Only an admin can ${what}`);
  };

  app.get('/api/agents', async () => {
    const rows = await ctx.db.selectFrom('agents').selectAll().orderBy('name').execute();
    return { agents: rows.map(toAgentProfile) };
  });

  app.post('/api/agents', async (request, reply) => {
    requireAdmin(request.agent!.role, 'add agents');
    const body = parse(createAgentSchema, request.body);
    if (await findAgentByEmail(ctx.db, body.email)) throw new AppError('conflict', 'An agent with that email exists');
    const agent = await createAgent(ctx.db, { ...body, now: ctx.now() });
    return reply.status(201).send(toAgentProfile(agent));
  });

  // Deactivating an agent ends their sessions, API tokens and desk sockets at once; the record stays for history.
  app.patch<{ Params: { id: string } }>('/api/agents/:id', async (request) => {
    requireAdmin(request.agent!.role, 'change agents');
    const changes = parse(updateAgentSchema, request.body);
    const target = await findAgent(ctx.db, request.params.id);
    if (!target) throw new AppError('not_found', 'No such agent');
    const self = target.id === request.agent!.id;
    if (self && (changes.active === false || changes.role === 'agent')) {
      throw new AppError('conflict', 'You cannot deactivate yourself or give up your own admin role');
    }
    await ctx.db.transaction().execute(async (tx) => {
      await updateAgent(tx, target.id, changes);
      if (changes.active === false) await revokeAgentCredentials(tx, target.id);
    });
    if (changes.active === false) endDeskSockets(app.io, { agentId: target.id });
    return toAgentProfile((await findAgent(ctx.db, target.id))!);
  });
};
