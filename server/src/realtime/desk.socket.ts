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
import { handshakeAllowed, type WebOriginPolicy } from '../auth/web-origin';
import { AppError } from '../errors';
import { findTicket } from '../tickets/ticket.repository';
import { budget, command, TYPING_BUDGET } from './handler';
import { presenceSetSchema } from '../../../shared/team';
import type { TeamPresence } from '../team/team-presence';

export interface DeskSocketData {
  agentId: string;
  agentName: string;
  credentialHash: string;
}

export type DeskNamespace = Namespace<DeskClientToServer, DeskServerToClient, Record<string, never>, DeskSocketData>;

export const DESK_ROOM = 'desk';
export const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;
/** Every desk socket of one agent: deactivation ends them. */
export const agentRoom = (agentId: string) => `agent:${agentId}`;
/** Every desk socket opened with one session or API token (by its stored hash): sign-out and revocation end them. */
export const credentialRoom = (credentialHash: string) => `credential:${credentialHash}`;

/**
 * The agents' side: the same session cookie (or API token) as the REST API, checked before any room is joined,
 * from one of our own pages only (PUBLIC_URL's origin): another site's page, even on another local port, cannot
 * ride the agent's cookie into the desk.
 */
export function setUpDeskNamespace(nsp: DeskNamespace, ctx: CoreContext & { origins: WebOriginPolicy; presence: TeamPresence }): void {
  nsp.use((socket, next) => {
    if (!handshakeAllowed(ctx.origins, socket.handshake.headers)) return next(new Error('forbidden: connect from the desk page'));
    const cookies = fastifyCookie.parse(socket.handshake.headers.cookie ?? '');
    const authToken: unknown = socket.handshake.auth?.['token'];
    authenticate(ctx.db, { sessionToken: cookies[SESSION_COOKIE], bearer: typeof authToken === 'string' ? authToken : undefined }, ctx.now()).then(
      (found) => {
        if (!found) return next(new Error('unauthorized: sign in as an agent first'));
        if (found.agent.must_change_password) return next(new Error('forbidden: choose a new password first'));
        socket.data.agentId = found.agent.id;
        socket.data.agentName = found.agent.name;
        socket.data.credentialHash = found.credentialHash;
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error('auth failed')),
    );
  });

  // Typing signals are dropped past a budget (they have no ack to refuse them with).
  const typingAllowed = budget(TYPING_BUDGET.points, TYPING_BUDGET.seconds);

  nsp.on('connection', (socket) => {
    void socket.join([DESK_ROOM, agentRoom(socket.data.agentId), credentialRoom(socket.data.credentialHash)]);
    // Each tab reports its agent's presence, the ticket it shows and whether its agent types there.
    const me = { agentId: socket.data.agentId, agentName: socket.data.agentName };
    const report = (change: Parameters<TeamPresence['report']>[1]) =>
      ctx.presence.report(socket.id, change).catch((err: unknown) => ctx.log.warn({ err }, 'presence report failed'));
    void report(me);
    socket.on('disconnect', () => {
      ctx.presence.leave(socket.id).catch((err: unknown) => ctx.log.warn({ err }, 'presence leave failed'));
    });
    socket.on(
      'presence:set',
      command(ctx.log, presenceSetSchema, async ({ status }) => {
        await ctx.presence.report(socket.id, { ...me, status });
        return { status };
      }),
    );
    socket.on(
      'ticket:watch',
      command(ctx.log, watchTicketSchema, async ({ ticketId }) => {
        if (!(await findTicket(ctx.db, ticketId))) throw new AppError('not_found', 'No such ticket');
        await socket.join(ticketRoom(ticketId));
        await ctx.presence.report(socket.id, { ...me, ticketId });
        // The newcomer learns who is already there (the broadcast reaches the room, which it just joined).
        socket.emit('ticket:viewers', { ticketId, viewers: await ctx.presence.viewers(ticketId) });
        return { ticketId };
      }),
    );
    socket.on('ticket:unwatch', (payload: unknown) => {
      const parsed = watchTicketSchema.safeParse(payload);
      if (!parsed.success) return;
      void socket.leave(ticketRoom(parsed.data.ticketId));
      void report({ ...me, ticketId: null });
    });
    socket.on('typing:set', (payload: unknown) => {
      const parsed = deskTypingSchema.safeParse(payload);
      if (!parsed.success || !typingAllowed(socket.data.agentId)) return;
      void report({ ...me, ticketId: parsed.data.ticketId, typing: parsed.data.typing });
      void findTicket(ctx.db, parsed.data.ticketId).then((ticket) => {
        if (!ticket?.conversation_id) return;
        ctx.events.emit('typing.changed', {
          conversationId: ticket.conversation_id,
          visitorId: ticket.visitor_id,
          ticketId: ticket.id,
          author: { kind: 'agent', name: socket.data.agentName },
          typing: parsed.data.typing,
        });
      }, (err: unknown) => ctx.log.warn({ err }, 'typing relay failed'));
    });
  });
}
