import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { messageSchema, ticketDetailSchema, ticketSummarySchema } from '../../../shared/resources';
import { findLanguage } from '../../../shared/language';
import { createTicketSchema, handbackSchema, listTicketsQuerySchema, updateTicketSchema } from '../../../shared/api';
import { handBackToKai } from '../conversations/conversation.service';
import { isValidTimeZone } from '../../../shared/calendar';
import { agentReplySchema } from '../../../shared/protocol';
import type { KaiEngine } from '../ai/engine';
import type { CoreContext } from '../context';
import { AppError, StaleWriteError } from '../errors';
import { findSiteByKey } from '../sites/site.repository';
import { createTicket } from '../tickets/create-ticket';
import { addAgentMessage } from '../tickets/ticket-messages';
import { toTicketSummary } from '../tickets/ticket.presenter';
import { readTicketDetail } from '../tickets/ticket-detail';
import { listTickets } from '../tickets/ticket.repository';
import { changeTicket } from '../tickets/change-ticket';
import { inTransaction } from '../work';
import { parse } from './validate';
import { addTagSchema, bulkChangeResultSchema, bulkChangeSchema, tagSchema, type BulkChangeResult } from '../../../shared/queue';
import type { TicketRow } from '../db/schema';
import { matchingExcerpts } from '../search/ticket-search';
import { ticketQueryOf } from '../views/view-query';
import { pathParams, routeDocs } from './route-docs';

const doc = routeDocs('Tickets', 'agent');
const ticketParams = pathParams('id');
const DOCS = {
  list: doc({
    summary: 'The queue, ordered by the next SLA deadline; filters (comma-separated lists), `q` search (number, words, name, email) and keyset paging by `cursor`',
    querystring: listTicketsQuerySchema,
    response: {
      200: z.object({
        tickets: z.array(ticketSummarySchema),
        nextCursor: z.string().optional().describe('Pass as `cursor` for the next page; absent on the last'),
        matches: z.record(z.string(), z.string()).optional().describe('With `q`: ticket id → excerpt of the message that matched'),
      }),
    },
  }),
  bulk: doc({ summary: 'One change (assignee, status, tags) to up to 200 tickets, each changed as alone', body: bulkChangeSchema, response: { 200: bulkChangeResultSchema } }),
  addTag: doc({ summary: 'Add a tag (audited)', params: ticketParams, body: addTagSchema, response: { 200: ticketDetailSchema } }),
  removeTag: doc({ summary: 'Remove a tag (audited)', params: pathParams('id', 'tag'), response: { 200: ticketDetailSchema } }),
  create: doc({ summary: 'Create a ticket for a customer (phone calls, integrations); without urgency and impact Kai triages it', body: createTicketSchema, response: { 201: ticketDetailSchema } }),
  get: doc({ summary: 'One ticket with its messages, audit events and files', params: ticketParams, response: { 200: ticketDetailSchema } }),
  update: doc({ summary: 'Change status, urgency, impact, assignee or category (a stale change is a 409 with the ticket as it is now in `current`)', params: ticketParams, body: updateTicketSchema, response: { 200: ticketDetailSchema } }),
  handback: doc({ summary: 'Hand a chat back to Kai', params: ticketParams, body: handbackSchema, response: { 200: ticketDetailSchema } }),
  reply: doc({
    summary: 'Public reply or internal note; a retried `clientId` answers 200 with the stored message; someone else wrote since `ifLastMessageId`: 409 with what is new',
    params: ticketParams,
    body: agentReplySchema,
    response: { 201: messageSchema, 200: messageSchema.describe('The same clientId was sent before: the stored message') },
  }),
};

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

  app.get('/api/tickets', DOCS.list, async (request) => {
    const q = parse(listTicketsQuerySchema, request.query);
    const agent = request.agent!;
    const query = await ticketQueryOf(ctx.db, { ...q, dueWithinMinutes: q.dueWithin }, agent.id, ctx.now());
    const rows = await listTickets(ctx.db, { ...query, limit: q.limit + 1, cursor: q.cursor ? decodeCursor(q.cursor) : undefined });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      tickets: page.map(toTicketSummary),
      ...(q.q ? { matches: await searchExcerpts(q.q, page) } : {}),
      ...(rows.length > q.limit && last ? { nextCursor: encodeCursor(last.next_due_at, last.id) } : {}),
    };
  });

  /** Ticket id → an excerpt of the message that matched, for the tickets found by their messages. */
  const searchExcerpts = async (words: string, page: TicketRow[]) => {
    const byConversation = await matchingExcerpts(ctx.db, words, page.flatMap((t) => (t.conversation_id ? [t.conversation_id] : [])));
    return Object.fromEntries(page.flatMap((t) => {
      const excerpt = t.conversation_id ? byConversation.get(t.conversation_id) : undefined;
      return excerpt ? [[t.id, excerpt]] : [];
    }));
  };

  // One change to many tickets: each ticket in its own transaction through changeTicket, as if changed alone, so
  // one ticket that refuses (a transition it cannot make, a ticket gone) does not undo or block the others.
  app.post('/api/tickets/bulk', DOCS.bulk, async (request) => {
    const { ticketIds, changes } = parse(bulkChangeSchema, request.body);
    const agent = request.agent!;
    const actor = { kind: 'agent' as const, id: agent.id, name: agent.name };
    const result: BulkChangeResult = { changed: [], failed: [] };
    for (const ticketId of new Set(ticketIds)) {
      try {
        const row = await inTransaction(ctx, (work) => changeTicket(ctx, work, ticketId, changes, actor));
        result.changed.push(toTicketSummary(row));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        result.failed.push({ ticketId, code: err.code, message: err.message });
      }
    }
    return result;
  });

  app.post<{ Params: { id: string } }>('/api/tickets/:id/tags', DOCS.addTag, async (request) => {
    const { tag } = parse(addTagSchema, request.body);
    const agent = request.agent!;
    await inTransaction(ctx, (work) => changeTicket(ctx, work, request.params.id, { addTags: [tag] }, { kind: 'agent', id: agent.id, name: agent.name }));
    return detail(request.params.id);
  });

  app.delete<{ Params: { id: string; tag: string } }>('/api/tickets/:id/tags/:tag', DOCS.removeTag, async (request) => {
    const tag = parse(tagSchema, request.params.tag);
    const agent = request.agent!;
    await inTransaction(ctx, (work) => changeTicket(ctx, work, request.params.id, { removeTags: [tag] }, { kind: 'agent', id: agent.id, name: agent.name }));
    return detail(request.params.id);
  });

  app.post('/api/tickets', DOCS.create, async (request, reply) => {
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
      language: findLanguage(body.language),
    }));
    return reply.status(201).send(await detail(row.id));
  });

  const detail = (id: string) => readTicketDetail(ctx.db, id);

  app.get<{ Params: { id: string } }>('/api/tickets/:id', DOCS.get, async (request) => detail(request.params.id));

  app.patch<{ Params: { id: string } }>('/api/tickets/:id', DOCS.update, async (request) => {
    const body = parse(updateTicketSchema, request.body);
    const agent = request.agent!;
    try {
      await inTransaction(ctx, (work) => changeTicket(ctx, work, request.params.id, body, { kind: 'agent', id: agent.id, name: agent.name }));
    } catch (err) {
      // The refusal carries the ticket as it is now, so the desk can show what changed.
      if (err instanceof StaleWriteError) err.current = await detail(request.params.id);
      throw err;
    }
    return detail(request.params.id);
  });

  app.post<{ Params: { id: string } }>('/api/tickets/:id/handback', DOCS.handback, async (request) => {
    const { reason } = parse(handbackSchema, request.body);
    const agent = request.agent!;
    await handBackToKai({ ...ctx, kai }, request.params.id, { kind: 'agent', id: agent.id, name: agent.name }, reason ?? null);
    return detail(request.params.id);
  });

  app.post<{ Params: { id: string } }>('/api/tickets/:id/messages', DOCS.reply, async (request, reply) => {
    const body = parse(agentReplySchema, request.body);
    const { message, duplicate } = await inTransaction(ctx, (work) =>
      addAgentMessage(ctx, work, { ticketId: request.params.id, agent: request.agent!, body: body.body, internal: body.internal, clientId: body.clientId, attachmentIds: body.attachmentIds, ifLastMessageId: body.ifLastMessageId }),
    );
    return reply.status(duplicate ? 200 : 201).send(message);
  });
};
