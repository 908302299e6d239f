import type { Namespace } from 'socket.io';
import {
  escalateSchema,
  sendMessageSchema,
  syncSchema,
  typingSchema,
  type VisitorClientToServer,
  type VisitorServerToClient,
} from '../../../shared/protocol';
import { escalateConversation, sendVisitorMessage, syncConversation, type ConversationContext } from '../conversations/conversation.service';
import { findOpenConversationOfVisitor, findOpenConversationWithTicket } from '../messages/message.repository';
import { findVisitor, verifyVisitorToken } from '../sites/visitor.repository';
import { budget, command, rateLimit, TYPING_BUDGET } from './handler';
import { handshakeAllowed, type WebOriginPolicy } from '../auth/web-origin';
import type { VisitorRow } from '../db/schema';
import { seenSchema } from '../../../shared/reach';
import { seeReplies } from '../reach/reply-reach';

export interface VisitorSocketData {
  visitorId: string;
  /** When the socket's visitor token expires; the socket is closed then (the messenger reconnects with a new one). */
  tokenExpiresAt: number | null;
}

/** Sockets one visitor may hold open on one server process (tabs, reconnects); more is refused. */
export const MAX_SOCKETS_PER_VISITOR = 10;

export type VisitorNamespace = Namespace<VisitorClientToServer, VisitorServerToClient, Record<string, never>, VisitorSocketData>;

export const visitorRoom = (visitorId: string) => `visitor:${visitorId}`;

/** How long a socket reuses the visitor's row before reading it again. */
const VISITOR_FRESH_MS = 5_000;

/**
 * The messenger's side. A socket proves its visitor with the signed token from `POST /api/widget/session`
 * and joins only that visitor's room, so it can read and write only its own conversation.
 */
export function setUpVisitorNamespace(nsp: VisitorNamespace, ctx: ConversationContext & { secret: string; origins: WebOriginPolicy }): void {
  const open = new Map<string, number>();
  nsp.use((socket, next) => {
    // The messenger runs in our iframe, so its origin is PUBLIC_URL's.
    if (!handshakeAllowed(ctx.origins, socket.handshake.headers)) return next(new Error('forbidden: connect from the messenger'));
    const token: unknown = socket.handshake.auth?.['token'];
    const claim = typeof token === 'string' ? verifyVisitorToken(ctx.secret, token, ctx.now()) : null;
    if (!claim) return next(new Error('unauthorized: a valid visitor token is required'));
    if ((open.get(claim.visitorId) ?? 0) >= MAX_SOCKETS_PER_VISITOR) return next(new Error('rate_limited: too many open connections'));
    socket.data.visitorId = claim.visitorId;
    socket.data.tokenExpiresAt = claim.expiresAt?.getTime() ?? null;
    next();
  });

  // Per visitor, across their tabs (and nodes): 30 commands in 10 s; a sync answer can be large, so 20 in 10 s.
  const limited = rateLimit(30, 10, (points, seconds) => ctx.cluster.limiter(points, seconds, 'visitor-commands'));
  const syncLimited = rateLimit(20, 10, (points, seconds) => ctx.cluster.limiter(points, seconds, 'visitor-sync'));
  const typingAllowed = budget(TYPING_BUDGET.points, TYPING_BUDGET.seconds);

  nsp.on('connection', (socket) => {
    const visitorId = socket.data.visitorId;
    open.set(visitorId, (open.get(visitorId) ?? 0) + 1);
    socket.on('disconnect', () => {
      const left = (open.get(visitorId) ?? 1) - 1;
      if (left > 0) open.set(visitorId, left);
      else open.delete(visitorId);
    });
    if (socket.data.tokenExpiresAt !== null) {
      // setTimeout holds at most ~24.8 days; a token valid longer is checked again at the next connect.
      const ms = Math.min(socket.data.tokenExpiresAt - ctx.now().getTime(), 2 ** 31 - 1);
      const timer = setTimeout(() => socket.disconnect(true), Math.max(ms, 0));
      timer.unref();
      socket.on('disconnect', () => clearTimeout(timer));
    }
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
        const { message } = await sendVisitorMessage(ctx, await loadVisitor(), input, socket.id);
        return message;
      }),
    );
    socket.on(
      'conversation:sync',
      command(ctx.log, syncSchema, async ({ afterSeq }) => {
        await syncLimited(visitorId);
        return syncConversation(ctx, await loadVisitor(), afterSeq);
      }),
    );
    socket.on(
      'conversation:escalate',
      command(ctx.log, escalateSchema, async () => {
        await limit();
        return escalateConversation(ctx, await loadVisitor());
      }),
    );
    socket.on(
      'message:seen',
      command(ctx.log, seenSchema, async ({ upToSeq }) => {
        await limit();
        // Found by the visitor's id, so it is their own.
        const conversation = await findOpenConversationOfVisitor(ctx.db, visitorId);
        if (!conversation) return { seen: 0 };
        return { seen: await seeReplies(ctx, { conversationId: conversation.id, upToSeq, now: ctx.now() }) };
      }),
    );
    socket.on('typing:set', (payload: unknown) => {
      const parsed = typingSchema.safeParse(payload);
      if (!parsed.success || !typingAllowed(visitorId)) return;
      void (async () => {
        const visitor = await loadVisitor();
        // One read, by the visitor's id (so their own conversation): agents see typing only once there is a ticket.
        const open = await findOpenConversationWithTicket(ctx.db, visitorId);
        if (!open?.ticket) return;
        const { conversation, ticket } = open;
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
