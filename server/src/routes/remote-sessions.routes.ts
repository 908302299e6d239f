import type { FastifyPluginAsync } from 'fastify';
import { remoteSessionSchema } from '../../../shared/api';
import type { RemoteSessionList } from '../../../shared/protocol';
import { remoteSessionListSchema, remoteSessionOfferSchema } from '../../../shared/resources';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { inTransaction } from '../work';
import { offerRemoteSession, sessionCalendar, sessionHours } from '../tickets/offer-remote-session';
import { customerKeys, findPreferredTool, listRemoteSessions } from '../tickets/remote-session.repository';
import { findTicket } from '../tickets/ticket.repository';
import { pathParams, routeDocs } from './route-docs';
import { parse } from './validate';

const doc = routeDocs('Tickets', 'agent');
const DOCS = {
  offer: doc({
    summary: 'Invite the customer to a remote session (Zoom, Google Meet, Skype, Webex or another https tool): a public message with a Join card; a start time outside business hours is a 400 naming the next opening',
    params: pathParams('id'),
    body: remoteSessionSchema,
    response: { 201: remoteSessionOfferSchema },
  }),
  list: doc({ summary: "Remote sessions offered on a ticket, the requester's preferred tool, and the business hours a start time must fall in", params: pathParams('id'), response: { 200: remoteSessionListSchema } }),
};

/** Remote-support sessions on a ticket (agents): offer one as a card in the conversation, list them. */
export const remoteSessionRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', app.requireAgent);

  app.post<{ Params: { id: string } }>('/api/tickets/:id/remote-sessions', DOCS.offer, async (request, reply) => {
    const body = parse(remoteSessionSchema, request.body);
    const agent = request.agent!;
    const result = await inTransaction(ctx, (work) =>
      offerRemoteSession(ctx, work, {
        ticketId: request.params.id,
        agent: { id: agent.id, name: agent.name },
        tool: body.tool,
        url: body.url,
        startsAt: body.startsAt ? new Date(body.startsAt) : null,
        note: body.note,
      }),
    );
    return reply.status(201).send(result);
  });

  app.get<{ Params: { id: string } }>('/api/tickets/:id/remote-sessions', DOCS.list, async (request): Promise<RemoteSessionList> => {
    const ticket = await findTicket(ctx.db, request.params.id);
    if (!ticket) throw new AppError('not_found', 'No such ticket');
    return {
      sessions: await listRemoteSessions(ctx.db, ticket.id),
      preferredTool: await findPreferredTool(ctx.db, customerKeys(ticket)),
      hours: sessionHours(sessionCalendar(ctx.operations.get(), ticket), ctx.now()),
    };
  });
};
