import type { Namespace } from 'socket.io';
import fastifyCookie from '@fastify/cookie';
import {
  deskTypingSchema,
  watchTicketSchema,
  type DeskClientToServer,
  type DeskServerToClient,
} from '../../../shared/protocol';
import { authenticate, SESSION_COOKIE } from '../auth/auth.plugin';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { findTicket } from '../tickets/ticket.repository';
import { command } from './handler';

export interface DeskSocketData {
  agentId: string;
  agentName: string;
}

export type DeskNamespace = Namespace<DeskClientToServer, DeskServerToClient, Record<string, never>, DeskSocketData>;

export const DESK_ROOM = 'desk';
export const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;

/** The agents' side: the same session cookie as the REST API, checked before any room is joined. */
export function setUpDeskNamespace(nsp: DeskNamespace, ctx: CoreContext): void {
  nsp.use((socket, next) => {
    const cookies = fastifyCookie.parse(socket.handshake.headers.cookie ?? '');
    const authToken: unknown = socket.handshake.auth?.['token'];
    authenticate(ctx.db, { sessionToken: cookies[SESSION_COOKIE], bearer: typeof authToken === 'string' ? authToken : undefined }, ctx.now()).then(
      (agent) => {
        if (!agent) return next(new Error('unauthorized: sign in as an agent first'));
        socket.data.agentId = agent.id;
        socket.data.agentName = agent.name;
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error('auth failed')),
    );
  });

  nsp.on('connection', (socket) => {
    void socket.join(DESK_ROOM);
    socket.on(
      'ticket:watch',
      command(ctx.log, watchTicketSchema, async ({ ticketId }) => {
        if (!(await findTicket(ctx.db, ticketId))) throw new AppError('not_found', 'No such ticket');
        await socket.join(ticketRoom(ticketId));
        return { ticketId };
      }),
    );
    socket.on('ticket:unwatch', (payload: unknown) => {
      const parsed = watchTicketSchema.safeParse(payload);
      if (parsed.success) void socket.leave(ticketRoom(parsed.data.ticketId));
    });
    socket.on('typing:set', (payload: unknown) => {
      const parsed = deskTypingSchema.safeParse(payload);
      if (!parsed.success) return;
      void findTicket(ctx.db, parsed.data.ticketId).then((ticket) => {
        if (!ticket?.conversation_id) return;
        ctx.events.emit('typing.changed', {
          conversationId: ticket.conversation_id,
          visitorId: ticket.visitor_id,
          ticketId: ticket.id,
          author: { kind: 'agent', name: socket.data.agentName },
          typing: parsed.data.typing,
        });
      });
    });
  });
}
