import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { macroPatchSchema, macroSchema, mergeTicketSchema, notificationPreferencesSchema, type Macro } from '../../../shared/team';
import { readNotificationPreferences, saveNotificationPreferences } from './preferences.repository';
import type { AuditActor } from '../audit/audit-log';
import type { CoreContext } from '../context';
import type { AgentRow } from '../db/schema';
import { AppError } from '../errors';
import { parse } from '../routes/validate';
import { describePromise } from '../tickets/promise';
import { readTicketDetail } from '../tickets/ticket-detail';
import { findTicket } from '../tickets/ticket.repository';
import { inTransaction } from '../work';
import { fillMacro } from './macro-text';
import { deleteMacro, findMacro, insertMacro, listMacrosFor, updateMacro } from './macro.repository';
import { mergeTickets } from './merge-tickets';
import { readCustomerContext } from './customer-context';
import type { TeamPresence } from './team-presence';

const auditActor = (request: FastifyRequest): AuditActor => ({ id: request.agent!.id, label: `${request.agent!.name} <${request.agent!.email}>`, ip: request.ip });

/** Shared macros are the admins'; a personal one is its owner's alone (others do not even see it). */
async function macroFor(ctx: CoreContext, agent: AgentRow, id: string, purpose: 'use' | 'change'): Promise<Macro> {
  const macro = await findMacro(ctx.db, id);
  if (!macro || (macro.ownerId !== null && macro.ownerId !== agent.id)) throw new AppError('not_found', 'No such macro');
  if (purpose === 'change' && macro.shared && agent.role !== 'admin') throw new AppError('forbidden', 'Only an admin can change shared macros');
  return macro;
}

/** The team desk: presence, saved replies (macros) and merging tickets. */
export const teamRoutes: FastifyPluginAsync<{ ctx: CoreContext; presence: TeamPresence }> = async (app, { ctx, presence }) => {
  app.addHook('preHandler', app.requireAgent);

  app.get('/api/team/presence', async () => ({ agents: await presence.team() }));

  app.get('/api/me/notifications', async (request) => readNotificationPreferences(ctx.db, request.agent!.id));

  app.put('/api/me/notifications', async (request) => {
    const prefs = parse(notificationPreferencesSchema, request.body);
    await saveNotificationPreferences(ctx.db, request.agent!.id, prefs, ctx.now());
    return prefs;
  });

  app.get('/api/macros', async (request) => ({ macros: await listMacrosFor(ctx.db, request.agent!.id) }));

  app.post('/api/macros', async (request, reply) => {
    const body = parse(macroSchema, request.body);
    const agent = request.agent!;
    if (body.shared && agent.role !== 'admin') throw new AppError('forbidden', 'Only an admin can add shared macros');
    const { shared, ...fields } = body;
    const macro = await insertMacro(ctx.db, { ...fields, ownerId: shared ? null : agent.id }, ctx.now());
    return reply.status(201).send(macro);
  });

  app.patch<{ Params: { id: string } }>('/api/macros/:id', async (request) => {
    const { shared, ...fields } = parse(macroPatchSchema, request.body);
    const agent = request.agent!;
    await macroFor(ctx, agent, request.params.id, 'change');
    if (shared !== undefined && agent.role !== 'admin') throw new AppError('forbidden', 'Only an admin can share or unshare a macro');
    const owner = shared === undefined ? {} : { ownerId: shared ? null : agent.id };
    return updateMacro(ctx.db, request.params.id, { ...fields, ...owner }, ctx.now());
  });

  app.delete<{ Params: { id: string } }>('/api/macros/:id', async (request, reply) => {
    await macroFor(ctx, request.agent!, request.params.id, 'change');
    await deleteMacro(ctx.db, request.params.id);
    return reply.status(204).send();
  });

  // The macro's text for one ticket, placeholders filled as plain text, and what it also sets.
  app.post<{ Params: { id: string; macroId: string } }>('/api/tickets/:id/macros/:macroId/render', async (request) => {
    const agent = request.agent!;
    const macro = await macroFor(ctx, agent, request.params.macroId, 'use');
    const ticket = await findTicket(ctx.db, request.params.id);
    if (!ticket) throw new AppError('not_found', 'No such ticket');
    const promise = describePromise(ctx.operations.get(), ticket, ticket.requester_time_zone, ctx.now());
    const body = fillMacro(macro.body, { customerName: ticket.requester_name, agentName: agent.name, ticketNumber: ticket.number, promise });
    return { body, setStatus: macro.setStatus, setUrgency: macro.setUrgency, setImpact: macro.setImpact, tags: macro.tags };
  });

  app.get<{ Params: { id: string } }>('/api/tickets/:id/context', async (request) => {
    const ticket = await findTicket(ctx.db, request.params.id);
    if (!ticket) throw new AppError('not_found', 'No such ticket');
    return readCustomerContext(ctx.db, ticket);
  });

  app.post<{ Params: { id: string } }>('/api/tickets/:id/merge', async (request) => {
    const { intoId } = parse(mergeTicketSchema, request.body);
    const agent = request.agent!;
    const actor = { kind: 'agent' as const, id: agent.id, name: agent.name };
    const into = await inTransaction(ctx, (work) => mergeTickets(ctx, work, { fromId: request.params.id, intoId, actor, audit: auditActor(request) }));
    return readTicketDetail(ctx.db, into.id);
  });
};
