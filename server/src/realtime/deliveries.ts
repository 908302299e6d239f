import type { CoreContext } from '../context';
import { conversationState } from '../conversations/conversation.service';
import { findConversation } from '../messages/message.repository';
import { findVisitor } from '../sites/visitor.repository';
import { findTicket } from '../tickets/ticket.repository';
import { DESK_ROOM, ticketRoom, type DeskNamespace } from './desk.socket';
import { visitorRoom, type VisitorNamespace } from './visitor.socket';

/**
 * Maps domain events to socket rooms. Internal notes go only to agents; the visitor's room gets only what
 * the visitor may see.
 */
export function deliverDomainEvents(ctx: CoreContext, visitors: VisitorNamespace, desk: DeskNamespace): () => void {
  const offs = [
    ctx.events.on('message.created', ({ message, visitorId, ticketId }) => {
      if (visitorId && !message.internal) visitors.to(visitorRoom(visitorId)).emit('message:created', message);
      if (ticketId) desk.to(ticketRoom(ticketId)).emit('message:created', { ticketId, message });
    }),
    ctx.events.on('message.delta', ({ visitorId, delta }) => {
      visitors.to(visitorRoom(visitorId)).emit('message:delta', delta);
    }),
    ctx.events.on('conversation.updated', ({ visitorId, state }) => {
      if (visitorId) visitors.to(visitorRoom(visitorId)).emit('conversation:updated', state);
    }),
    ctx.events.on('ticket.created', ({ ticket }) => {
      desk.to(DESK_ROOM).emit('ticket:created', ticket);
    }),
    ctx.events.on('ticket.updated', ({ ticket }) => {
      desk.to(DESK_ROOM).emit('ticket:updated', ticket);
      // The visitor's messenger shows the ticket's status and promise: refresh it.
      void refreshVisitorState(ctx, ticket.id, visitors).catch((err: unknown) => ctx.log.warn({ err }, 'visitor state refresh failed'));
    }),
    ctx.events.on('ticket.sla', (alert) => {
      desk.to(DESK_ROOM).emit('ticket:sla', alert);
    }),
    ctx.events.on('typing.changed', ({ visitorId, ticketId, author, typing, conversationId }) => {
      if (author.kind === 'customer') {
        if (ticketId) desk.to(ticketRoom(ticketId)).emit('typing:changed', { ticketId, conversationId, author, typing });
      } else if (visitorId) {
        visitors.to(visitorRoom(visitorId)).emit('typing:changed', { conversationId, author, typing });
      }
    }),
  ];
  return () => offs.forEach((off) => off());
}

async function refreshVisitorState(ctx: CoreContext, ticketId: string, visitors: VisitorNamespace): Promise<void> {
  const ticket = await findTicket(ctx.db, ticketId);
  if (!ticket?.visitor_id || !ticket.conversation_id) return;
  const visitor = await findVisitor(ctx.db, ticket.visitor_id);
  const state = await conversationState(ctx, await findConversation(ctx.db, ticket.conversation_id), visitor?.time_zone ?? null);
  visitors.to(visitorRoom(ticket.visitor_id)).emit('conversation:updated', state);
}
