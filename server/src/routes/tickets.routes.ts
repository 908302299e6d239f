import type { FastifyPluginAsync } from 'fastify';
import { createTicketSchema, handbackSchema, listTicketsQuerySchema, updateTicketSchema } from '../../../shared/api';
import { handBackToKai } from '../conversations/conversation.service';
import { isValidTimeZone } from '../../../shared/calendar';
import { agentReplySchema } from '../../../shared/protocol';
import type { KaiEngine } from '../ai/engine';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { findSiteByKey } from '../sites/site.repository';
import { createTicket } from '../tickets/create-ticket';
import { addAgentMessage } from '../tickets/ticket-messages';
import { toTicketSummary } from '../tickets/ticket.presenter';
import { readTicketDetail } from '../tickets/ticket-detail';
import { listTickets } from '../tickets/ticket.repository';
import { changeTicket } from '../tickets/change-ticket';
import { inTransaction } from '../work';
import { parse } from './validate';

const FUTURE_TOLERANCE_MS = 5 * 60_000;

function decodeCursor(cursor: string): { dueAt: string | null; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && (typeof value[0] === 'string' || value[0] === null) && typeof value[1] === 'string') {
      return { dueAt: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'cursor: not a cursor from this API');
}

const encodeCursor = (dueAt: string | null, id: string) => Buffer.from(JSON.stringify([dueAt, id])).toString('base64url');

export const ticketRoutes: FastifyPluginAsync<{ ctx: CoreContext; kai: KaiEngine }> = async (app, { ctx, kai }) => {
  app.addHook('preHandler', app.requireAgent);

  app.get('/api/tickets', async (request) => {
    const q = parse(listTicketsQuerySchema, request.query);
    const assignee = q.assignee === undefined ? undefined : q.assignee === 'none' ? null : q.assignee === 'me' ? request.agent!.id : q.assignee;
    const rows = await listTickets(ctx.db, {
      status: q.status,
      priority: q.priority,
      channel: q.channel,
      centre: q.centre,
      assignee,
      limit: q.limit + 1,
      cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      tickets: page.map(toTicketSummary),
      ...(rows.length > q.limit && last ? { nextCursor: encodeCursor(last.next_due_at, last.id) } : {}),
    };
  });

  app.post('/api/tickets', async (request, reply) => {
    const body = parse(createTicketSchema, request.body);
    const now = ctx.now();
    const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
    if (receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new AppError('validation_failed', 'receivedAt: must not be in the future');
    }
    if (body.requester.timeZone !== undefined && !isValidTimeZone(body.requester.timeZone)) {
      throw new AppError('validation_failed', `requester.timeZone: unknown time zone ${body.requester.timeZone}`);
    }
    const site = await findSiteByKey(ctx.db, body.site ?? 'demo');
    if (!site) throw new AppError('validation_failed', `site: no site with key ${body.site}`);
    const needsTriage = !body.urgency || !body.impact || !body.category;
    const triage = needsTriage ? await kai.triage(`${body.subject}\n${body.description}`) : null;
    const agent = request.agent!;
    const row = await inTransaction(ctx, (work) => createTicket(ctx, work, {
      siteId: site.id,
      subject: body.subject,
      description: body.description,
      channel: body.channel,
      requester: { name: body.requester.name ?? null, email: body.requester.email ?? null, timeZone: body.requester.timeZone ?? null },
      urgency: body.urgency ?? triage!.urgency,
      impact: body.impact ?? triage!.impact,
      urgencyReason: body.urgency ? `Set by ${agent.name}` : triage!.urgencyReason,
      impactReason: body.impact ? `Set by ${agent.name}` : triage!.impactReason,
      category: body.category ?? triage!.category,
      receivedAt,
      actor: { kind: 'agent', id: agent.id, name: agent.name },
    }));
    return reply.status(201).send(await detail(row.id));
  });

  const detail = (id: string) => readTicketDetail(ctx.db, id);

  app.get<{ Params: { id: string } }>('/api/tickets/:id', async (request) => detail(request.params.id));

  app.patch<{ Params: { id: string } }>('/api/tickets/:id', async (request) => {
    const body = parse(updateTicketSchema, request.body);
    const agent = request.agent!;
    await inTransaction(ctx, (work) => changeTicket(ctx, work, request.params.id, body, { kind: 'agent', id: agent.id, name: agent.name }));
    return detail(request.params.id);
  });

  app.post<{ Params: { id: string } }>('/api/tickets/:id/handback', async (request) => {
    const { reason } = parse(handbackSchema, request.body);
    const agent = request.agent!;
    await handBackToKai({ ...ctx, kai }, request.params.id, { kind: 'agent', id: agent.id, name: agent.name }, reason ?? null);
    return detail(request.params.id);
  });

  app.post<{ Params: { id: string } }>('/api/tickets/:id/messages', async (request, reply) => {
    const body = parse(agentReplySchema, request.body);
    const { message, duplicate } = await inTransaction(ctx, (work) =>
      addAgentMessage(ctx, work, { ticketId: request.params.id, agent: request.agent!, body: body.body, internal: body.internal, clientId: body.clientId, attachmentIds: body.attachmentIds }),
    );
    return reply.status(duplicate ? 200 : 201).send(message);
  });
};
