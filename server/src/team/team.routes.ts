import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ticketDetailSchema } from '../../../shared/resources';
import { agentPresenceSchema, customerContextSchema, macroPatchSchema, macroSchema, macroViewSchema, mergeTicketSchema, notificationPreferencesSchema, renderedMacroSchema, type Macro } from '../../../shared/team';
import { readNotificationPreferences, saveNotificationPreferences } from './preferences.repository';
import type { AuditActor } from '../audit/audit-log';
import type { CoreContext } from '../context';
import type { AgentRow } from '../db/schema';
import { AppError } from '../errors';
import { pathParams, routeDocs } from '../routes/route-docs';
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

const doc = routeDocs('Team', 'agent');
const DOCS = {
  presence: doc({ summary: 'Agents with the desk open and their status (`online`, `away`); the others are offline', response: { 200: z.object({ agents: z.array(agentPresenceSchema) }) } }),
  preferences: doc({ summary: "The signed-in agent's notification preferences", response: { 200: notificationPreferencesSchema } }),
  savePreferences: doc({ summary: "Replace the signed-in agent's notification preferences", body: notificationPreferencesSchema, response: { 200: notificationPreferencesSchema } }),
  macros: doc({ summary: "Saved replies: the shared ones and the agent's own", response: { 200: z.object({ macros: z.array(macroViewSchema) }) } }),
  addMacro: doc({ summary: 'Add a macro (shared ones: admins only)', body: macroSchema, response: { 201: macroViewSchema } }),
  changeMacro: doc({ summary: 'Change a macro (own, or shared as an admin)', params: pathParams('id'), body: macroPatchSchema, response: { 200: macroViewSchema } }),
  deleteMacro: doc({ summary: 'Delete a macro (own, or shared as an admin)', params: pathParams('id'), response: { 204: 'Deleted' } }),
  render: doc({ summary: "A macro's text for this ticket, placeholders filled as plain text, and what sending it also sets", params: pathParams('id', 'macroId'), response: { 200: renderedMacroSchema } }),
  context: doc({ summary: "The requester's identity status, past requests, page, referrer, browser/OS and boot attributes", params: pathParams('id'), response: { 200: customerContextSchema } }),
  merge: doc({ summary: 'Merge this ticket into `intoId` (same requester): both histories show there, the thread and files move, this one closes', params: pathParams('id'), body: mergeTicketSchema, response: { 200: ticketDetailSchema } }),
};

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

  app.get('/api/team/presence', DOCS.presence, async () => ({ agents: await presence.team() }));

  app.get('/api/me/notifications', DOCS.preferences, async (request) => readNotificationPreferences(ctx.db, request.agent!.id));

  app.put('/api/me/notifications', DOCS.savePreferences, async (request) => {
    const prefs = parse(notificationPreferencesSchema, request.body);
    await saveNotificationPreferences(ctx.db, request.agent!.id, prefs, ctx.now());
    return prefs;
  });

  app.get('/api/macros', DOCS.macros, async (request) => ({ macros: await listMacrosFor(ctx.db, request.agent!.id) }));

  app.post('/api/macros', DOCS.addMacro, async (request, reply) => {
    const body = parse(macroSchema, request.body);
    const agent = request.agent!;
    if (body.shared && agent.role !== 'admin') throw new AppError('forbidden', 'Only an admin can add shared macros');
    const { shared, ...fields } = body;
    const macro = await insertMacro(ctx.db, { ...fields, ownerId: shared ? null : agent.id }, ctx.now());
    return reply.status(201).send(macro);
  });

  app.patch<{ Params: { id: string } }>('/api/macros/:id', DOCS.changeMacro, async (request) => {
    const { shared, ...fields } = parse(macroPatchSchema, request.body);
    const agent = request.agent!;
    await macroFor(ctx, agent, request.params.id, 'change');
    if (shared !== undefined && agent.role !== 'admin') throw new AppError('forbidden', 'Only an admin can share or unshare a macro');
    const owner = shared === undefined ? {} : { ownerId: shared ? null : agent.id };
    return updateMacro(ctx.db, request.params.id, { ...fields, ...owner }, ctx.now());
  });

  app.delete<{ Params: { id: string } }>('/api/macros/:id', DOCS.deleteMacro, async (request, reply) => {
    await macroFor(ctx, request.agent!, request.params.id, 'change');
    await deleteMacro(ctx.db, request.params.id);
    return reply.status(204).send();
  });

  // The macro's text for one ticket, placeholders filled as plain text, and what it also sets.
  app.post<{ Params: { id: string; macroId: string } }>('/api/tickets/:id/macros/:macroId/render', DOCS.render, async (request) => {
    const agent = request.agent!;
    const macro = await macroFor(ctx, agent, request.params.macroId, 'use');
    const ticket = await findTicket(ctx.db, request.params.id);
    if (!ticket) throw new AppError('not_found', 'No such ticket');
    const promise = describePromise(ctx.operations.get(), ticket, ticket.requester_time_zone, ctx.now());
    const body = fillMacro(macro.body, { customerName: ticket.requester_name, agentName: agent.name, ticketNumber: ticket.number, promise });
    return { body, setStatus: macro.setStatus, setUrgency: macro.setUrgency, setImpact: macro.setImpact, tags: macro.tags };
  });

  app.get<{ Params: { id: string } }>('/api/tickets/:id/context', DOCS.context, async (request) => {
    const ticket = await findTicket(ctx.db, request.params.id);
    if (!ticket) throw new AppError('not_found', 'No such ticket');
    return readCustomerContext(ctx.db, ticket);
  });

  app.post<{ Params: { id: string } }>('/api/tickets/:id/merge', DOCS.merge, async (request) => {
    const { intoId } = parse(mergeTicketSchema, request.body);
    const agent = request.agent!;
    const actor = { kind: 'agent' as const, id: agent.id, name: agent.name };
    const into = await inTransaction(ctx, (work) => mergeTickets(ctx, work, { fromId: request.params.id, intoId, actor, audit: auditActor(request) }));
    return readTicketDetail(ctx.db, into.id);
  });
};
