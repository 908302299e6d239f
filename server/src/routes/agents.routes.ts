import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { createAgentSchema, updateAgentSchema } from '../../../shared/api';
import { agentProfileSchema, teamMemberSchema } from '../../../shared/resources';
import { actorOf } from '../audit/audit-actor';
import { changedFields, recordAudit } from '../audit/audit-log';
import { createAgentLink, mailAgentLink } from '../auth/agent-links';
import { agentsInvitedNotJoined, centresOf, createAgent, findAgent, findAgentByEmail, listAgents, revokeAgentCredentials, toAgentProfile, updateAgent } from '../auth/agent.repository';
import { endDeskSockets } from '../auth/desk-sockets';
import type { ServerContext } from '../context';
import type { AgentRow } from '../db/schema';
import { AppError } from '../errors';
import { pathParams, routeDocs } from './route-docs';
import { parse } from './validate';

const doc = routeDocs('Agents', 'admin');
const DOCS = {
  list: doc({ summary: 'The team (every agent may list it, to assign tickets)', audience: 'agent', response: { 200: z.object({ agents: z.array(teamMemberSchema) }) } }),
  create: doc({ summary: 'Add an agent (admin); without a password they get an emailed invitation link', body: createAgentSchema, response: { 201: teamMemberSchema } }),
  update: doc({ summary: 'Change name, role, centres or active (admin); `active: false` ends their sessions, API tokens and desk sockets at once', params: pathParams('id'), body: updateAgentSchema, response: { 200: agentProfileSchema } }),
  reset: doc({ summary: 'Mail the agent a one-time link to set a new password (admin)', params: pathParams('id'), response: { 202: z.object({ status: z.literal('sent') }) } }),
};

export interface AgentRoutesOptions {
  ctx: ServerContext;
  /** Sends queued mail now (the invitation should not wait for the outbox's next round). */
  flushMail?: () => Promise<unknown>;
}

const auditable = (row: AgentRow) => ({ name: row.name, role: row.role, active: Boolean(row.active), centres: centresOf(row) });

/**
 * The team. Every agent lists it (to assign tickets); an admin invites, changes, deactivates agents and sends
 * password-reset links. Each change writes its audit line in the same transaction.
 */
export const agentRoutes: FastifyPluginAsync<AgentRoutesOptions> = async (app, { ctx, flushMail }) => {
  app.addHook('preHandler', app.requireAgent);
  const mailConfig = { supportEmail: ctx.config.supportEmail, publicUrl: ctx.config.publicUrl };
  const sendNow = (what: string) => {
    void flushMail?.().catch((err: unknown) => app.log.warn({ err }, `sending the ${what} failed; the outbox retries`));
  };

  app.get('/api/agents', DOCS.list, async () => {
    const rows = await listAgents(ctx.db);
    const invited = await agentsInvitedNotJoined(ctx.db);
    return { agents: rows.map((row) => ({ ...toAgentProfile(row), invited: invited.has(row.id) })) };
  });

  app.post('/api/agents', { preHandler: app.requireAdmin, ...DOCS.create }, async (request, reply) => {
    const body = parse(createAgentSchema, request.body);
    const now = ctx.now();
    const agent = await ctx.db.transaction().execute(async (tx) => {
      if (await findAgentByEmail(tx, body.email)) throw new AppError('conflict', 'An agent with that email exists');
      // Without a password, an unguessable one nobody knows: the person chooses theirs from the invitation.
      const created = await createAgent(tx, { ...body, password: body.password ?? randomBytes(32).toString('base64url'), now });
      if (!body.password) await mailAgentLink(tx, mailConfig, created, 'invite', await createAgentLink(tx, created.id, 'invite', now), now);
      await recordAudit(tx, actorOf(request), {
        action: body.password ? 'agent.created' : 'agent.invited',
        target: { type: 'agent', id: created.id },
        changes: { email: { from: null, to: created.email }, ...changedFields({}, auditable(created)) },
      }, now);
      return created;
    });
    if (!body.password) sendNow('invitation');
    return reply.status(201).send({ ...toAgentProfile(agent), invited: !body.password });
  });

  // Deactivating an agent ends their sessions, API tokens and desk sockets at once; the record stays for history.
  app.patch<{ Params: { id: string } }>('/api/agents/:id', { preHandler: app.requireAdmin, ...DOCS.update }, async (request) => {
    const changes = parse(updateAgentSchema, request.body);
    const target = await findAgent(ctx.db, request.params.id);
    if (!target) throw new AppError('not_found', 'No such agent');
    const self = target.id === request.agent!.id;
    if (self && (changes.active === false || changes.role === 'agent')) {
      throw new AppError('conflict', 'You cannot deactivate yourself or give up your own admin role');
    }
    const updated = await ctx.db.transaction().execute(async (tx) => {
      await updateAgent(tx, target.id, changes);
      if (changes.active === false) await revokeAgentCredentials(tx, target.id);
      const after = (await findAgent(tx, target.id))!;
      const diff = changedFields(auditable(target), auditable(after));
      if (Object.keys(diff).length) {
        const action = diff.active ? (after.active ? 'agent.reactivated' : 'agent.deactivated') : 'agent.updated';
        await recordAudit(tx, actorOf(request), { action, target: { type: 'agent', id: target.id }, changes: diff }, ctx.now());
      }
      return after;
    });
    if (changes.active === false) endDeskSockets(app.io, { agentId: target.id });
    return toAgentProfile(updated);
  });

  // A reset link replaces nothing until it is used: the agent keeps signing in with the old password meanwhile.
  app.post<{ Params: { id: string } }>('/api/agents/:id/password-reset', { preHandler: app.requireAdmin, ...DOCS.reset }, async (request, reply) => {
    const target = await findAgent(ctx.db, request.params.id);
    if (!target) throw new AppError('not_found', 'No such agent');
    if (!target.active) throw new AppError('conflict', 'This agent is deactivated; reactivate them first');
    const now = ctx.now();
    await ctx.db.transaction().execute(async (tx) => {
      await mailAgentLink(tx, mailConfig, target, 'reset', await createAgentLink(tx, target.id, 'reset', now), now);
      await recordAudit(tx, actorOf(request), { action: 'agent.password_reset_sent', target: { type: 'agent', id: target.id } }, now);
    });
    sendNow('reset link');
    return reply.status(202).send({ status: 'sent' });
  });
};
