import type { TicketSummary } from '../../../shared/protocol';
import type { CoreContext } from '../context';
import { agentRoom, DESK_ROOM, ticketRoom, type DeskNamespace } from './desk.socket';
import { visitorRoom, type VisitorNamespace } from './visitor.socket';

/** Queue updates for one ticket within this window reach the desks as one `ticket:updated` (the newest). */
export const DESK_UPDATE_WINDOW_MS = 50;

/**
 * Maps domain events to socket rooms, from the event alone (no row is read here). Internal notes go only to
 * agents; the visitor's room gets only what the visitor may see.
 */
export function deliverDomainEvents(ctx: CoreContext, visitors: VisitorNamespace, desk: DeskNamespace): () => void {
  const queueUpdates = coalesce<TicketSummary>(DESK_UPDATE_WINDOW_MS, (ticket) => desk.to(DESK_ROOM).emit('ticket:updated', ticket));
  const offs = [
    ctx.events.on('message.created', ({ message, visitorId, ticketId, senderSocketId }) => {
      if (visitorId && !message.internal) {
        // The sending tab has the message from its ack: only the visitor's other tabs need it.
        const tabs = visitors.to(visitorRoom(visitorId));
        (senderSocketId ? tabs.except(senderSocketId) : tabs).emit('message:created', message);
      }
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
    ctx.events.on('ticket.updated', ({ ticket, visitorId, visitorState }) => {
      queueUpdates.push(ticket.id, ticket);
      if (visitorId && visitorState) visitors.to(visitorRoom(visitorId)).emit('conversation:updated', visitorState);
    }),
    ctx.events.on('ticket.assigned', ({ ticket, assigneeId, by }) => {
      desk.to(agentRoom(assigneeId)).emit('ticket:assigned', { ticket, by });
    }),
    ctx.events.on('reach.changed', (change) => {
      desk.to(ticketRoom(change.ticketId)).emit('ticket:reach', change);
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
  return () => {
    offs.forEach((off) => off());
    queueUpdates.flush();
  };
}

/**
 * Keeps the newest value per key for `windowMs` after the first, then sends it: a burst of changes to one ticket
 * costs the desks one message.
 */
function coalesce<T>(windowMs: number, send: (value: T) => void): { push: (key: string, value: T) => void; flush: () => void } {
  const pending = new Map<string, T>();
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const values = [...pending.values()];
    pending.clear();
    values.forEach(send);
  };
  return {
    push: (key, value) => {
      pending.set(key, value);
      timer ??= setTimeout(flush, windowMs);
    },
    flush,
  };
}
