import type { Namespace } from 'socket.io';
import {
  escalateSchema,
  sendMessageSchema,
  syncSchema,
  typingSchema,
  type VisitorClientToServer,
  type VisitorServerToClient,
} from '../../../shared/protocol';
import { assertOwnConversation, escalateConversation, sendVisitorMessage, syncConversation, type ConversationContext } from '../conversations/conversation.service';
import { findOpenConversationOfVisitor } from '../messages/message.repository';
import { findVisitor, verifyVisitorToken } from '../sites/visitor.repository';
import { findTicketByConversation } from '../tickets/ticket.repository';
import { command, rateLimit } from './handler';
import type { VisitorRow } from '../db/schema';

export interface VisitorSocketData {
  visitorId: string;
}

export type VisitorNamespace = Namespace<VisitorClientToServer, VisitorServerToClient, Record<string, never>, VisitorSocketData>;

export const visitorRoom = (visitorId: string) => `visitor:${visitorId}`;

/** How long a socket reuses the visitor's row before reading it again. */
const VISITOR_FRESH_MS = 5_000;

/**
 * The messenger's side. A socket proves its visitor with the signed token from `POST /api/widget/session`
 * and joins only that visitor's room, so it can read and write only its own conversation.
 */
export function setUpVisitorNamespace(nsp: VisitorNamespace, ctx: ConversationContext & { secret: string }): void {
  nsp.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.['token'];
    const visitorId = typeof token === 'string' ? verifyVisitorToken(ctx.secret, token) : null;
    if (!visitorId) return next(new Error('unauthorized: a valid visitor token is required'));
    socket.data.visitorId = visitorId;
    next();
  });

  // Per visitor, across their tabs: 30 commands in 10 s.
  const limited = rateLimit(30, 10);

  nsp.on('connection', (socket) => {
    const visitorId = socket.data.visitorId;
    void socket.join(visitorRoom(visitorId));
    const limit = () => limited(visitorId);
    // The visitor's row, read again at most every VISITOR_FRESH_MS: a message needs it, but it changes only when a
    // page starts a new widget session (name, email, language), which may take that long to show on this socket.
    let cached: { visitor: VisitorRow; at: number } | null = null;
    const loadVisitor = async () => {
      if (cached && performance.now() - cached.at < VISITOR_FRESH_MS) return cached.visitor;
      const visitor = await findVisitor(ctx.db, visitorId);
      if (!visitor) throw new Error('visitor vanished');
      cached = { visitor, at: performance.now() };
      return visitor;
    };

    socket.on(
      'message:send',
      command(ctx.log, sendMessageSchema, async (input) => {
        await limit();
        const { message } = await sendVisitorMessage(ctx, await loadVisitor(), input);
        return message;
      }),
    );
    socket.on(
      'conversation:sync',
      command(ctx.log, syncSchema, async ({ afterSeq }) => syncConversation(ctx, await loadVisitor(), afterSeq)),
    );
    socket.on(
      'conversation:escalate',
      command(ctx.log, escalateSchema, async () => {
        await limit();
        return escalateConversation(ctx, await loadVisitor());
      }),
    );
    socket.on('typing:set', (payload: unknown) => {
      const parsed = typingSchema.safeParse(payload);
      if (!parsed.success) return;
      void (async () => {
        const visitor = await loadVisitor();
        const conversation = await findOpenConversationOfVisitor(ctx.db, visitorId);
        if (!conversation) return;
        await assertOwnConversation(ctx, visitor, conversation.id);
        const ticket = await findTicketByConversation(ctx.db, conversation.id);
        if (!ticket) return;
        ctx.events.emit('typing.changed', {
          conversationId: conversation.id,
          visitorId,
          ticketId: ticket.id,
          author: { kind: 'customer', name: visitor.name ?? 'Visitor' },
          typing: parsed.data.typing,
        });
      })().catch((err: unknown) => ctx.log.warn({ err }, 'typing relay failed'));
    });
  });
}
