/**
 * The wire contract between the browser (messenger, desk) and the server: payload schemas shared by
 * socket handlers and REST routes, the socket.io event maps, and the ack result union.
 *
 * Two socket.io namespaces:
 * - `/visitor`: the messenger inside the iframe. Auth: `{ token }` from `POST /api/widget/session`.
 * - `/desk`: the agents' desk. Auth: the HTTP-only session cookie sent with the handshake.
 */
import { z } from 'zod';
import type { ErrorBody } from './errors';
import { LEVELS } from './priority';
import type { AgentPresence, TicketViewer } from './team';
import type { TicketReachChange } from './reach';
// The answers' shapes live as zod schemas in resources.ts; only their types come here (the messenger imports this file).
import type {
  agentProfileSchema,
  authorSchema,
  handoffSchema,
  messageAttachmentSchema,
  messageCardSchema,
  messageSchema,
  publicSiteSettingsSchema,
  remoteSessionListSchema,
  remoteSessionSchema,
  sourceSchema,
  ticketAttachmentSchema,
  ticketDetailSchema,
  ticketEventSchema,
  ticketSummarySchema,
  widgetSessionAnswerSchema,
} from './resources';

/** Longest message body accepted from anyone (characters). */
export const MAX_MESSAGE_LENGTH = 5000;

export const levelSchema = z.enum(LEVELS);

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const ticketStatusSchema = z.enum(TICKET_STATUSES);

export const CHANNELS = ['chat', 'email', 'phone', 'portal', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];
export const channelSchema = z.enum(CHANNELS);

export const CENTRES = ['uk', 'us'] as const;
export type CentreId = (typeof CENTRES)[number];

export const AUTHOR_KINDS = ['customer', 'ai', 'agent', 'system'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

/** Who wrote a message. `name` is display text, never HTML. */
export type Author = z.infer<typeof authorSchema>;

/** A knowledge-base article Kai drew on. `url` is http(s) or a site-relative path. */
export type Source = z.infer<typeof sourceSchema>;

/** One message of a conversation as the messenger and the desk see it. */
export type Message = z.infer<typeof messageSchema>;

/**
 * A file sent in chat. `image` is true only when the server checked the bytes to be an image of `contentType`;
 * anything else is offered as a download, never rendered.
 */
export type MessageAttachment = z.infer<typeof messageAttachmentSchema>;

/** How many files one message may carry. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 5;

/** Ids of files uploaded beforehand (`POST …/attachments`), sent with a message. */
export const attachmentIdsSchema = z.array(z.string().uuid('attachment ids are UUIDs')).max(MAX_ATTACHMENTS_PER_MESSAGE, `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message`);

export const REMOTE_TOOLS = ['zoom', 'google_meet', 'skype', 'webex', 'other'] as const;
export type RemoteTool = (typeof REMOTE_TOOLS)[number];

/** A remote-support invitation: the tool, the meeting link and, optionally, when. */
export type MessageCard = z.infer<typeof messageCardSchema>;

/** A remote-support session offered on a ticket, as `GET /api/tickets/:id/remote-sessions` lists it. */
export type RemoteSession = z.infer<typeof remoteSessionSchema>;

/** `GET /api/tickets/:id/remote-sessions`: the sessions offered, the customer's preferred tool and when a session may start. */
export type RemoteSessionList = z.infer<typeof remoteSessionListSchema>;

/** A piece of Kai's reply while it is being written; the final `message:created` carries the same streamId. */
export interface MessageDelta {
  conversationId: string;
  streamId: string;
  author: Author;
  /** Text to append to what the stream has shown so far. */
  delta: string;
}

/**
 * Where a conversation stands, as the messenger shows it:
 * `ai` Kai answers; `waiting` handed off, no agent has replied yet; `human` an agent is on it; `closed`.
 */
export const CONVERSATION_MODES = ['ai', 'waiting', 'human', 'closed'] as const;
export type ConversationMode = (typeof CONVERSATION_MODES)[number];

/** The ticket a handoff created, as the visitor sees it. */
export interface VisitorTicket {
  id: string;
  number: number;
  status: TicketStatus;
  priority: (typeof LEVELS)[number];
  /** Honest promise of when a person answers, in plain words. */
  promise: string;
  firstResponseDueAt: string | null;
}

export interface ConversationState {
  id: string | null;
  mode: ConversationMode;
  ticket: VisitorTicket | null;
  lastSeq: number;
}

/** Kai's structured summary for the agent who takes over. */
export type Handoff = z.infer<typeof handoffSchema>;

// ---- payload schemas (validated at every handler boundary, socket and REST) ----

/** Client ids are opaque strings the sender makes unique (UUIDs in our clients). */
export const clientIdSchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'clientId has invalid characters');

/** A message's text: may be empty only when it carries files. */
const optionalBodyText = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().max(MAX_MESSAGE_LENGTH, `Message is longer than ${MAX_MESSAGE_LENGTH} characters`));

export const sendMessageSchema = z
  .object({
    clientId: clientIdSchema,
    body: optionalBodyText,
    attachmentIds: attachmentIdsSchema.default([]),
  })
  .refine((m) => m.body.length > 0 || m.attachmentIds.length > 0, { message: 'Message is empty', path: ['body'] });
/** What a client sends (`attachmentIds` may be left out). */
export type SendMessageInput = z.input<typeof sendMessageSchema>;
/** A send as the server handles it, after validation. */
export type SendMessage = z.output<typeof sendMessageSchema>;

export const syncSchema = z.object({
  /** The last sequence number the client has; the server answers everything after it. */
  afterSeq: z.number().int().min(0),
});

export const escalateSchema = z.object({}).strict();

export const typingSchema = z.object({ typing: z.boolean() });

export const agentReplySchema = z
  .object({
    body: optionalBodyText,
    internal: z.boolean().optional().default(false),
    clientId: clientIdSchema.optional(),
    attachmentIds: attachmentIdsSchema.default([]),
    /**
     * The id of the last message the agent saw: when someone else (the customer or another agent) wrote since,
     * nothing is sent and the answer is a 409 listing what is new, so the agent can re-read and send anyway.
     */
    ifLastMessageId: z.string().min(1).max(64).optional(),
  })
  .refine((m) => m.body.length > 0 || m.attachmentIds.length > 0, { message: 'Message is empty', path: ['body'] });
export type AgentReplyInput = z.infer<typeof agentReplySchema>;

export const widgetSessionSchema = z.object({
  siteKey: z.string().min(1).max(64),
  /** The visitor token from an earlier session, if the messenger has one. */
  token: z.string().max(512).optional(),
  /** The host page's origin; must be one of the site's allowed origins. */
  origin: z.string().max(512).optional(),
  timeZone: z.string().max(64).optional(),
  /** The browser's language (BCP 47); Kai replies in it. */
  language: z.string().max(35).optional(),
  /** The host page the messenger sits on, shown to agents in the requester panel. */
  page: z.object({ url: z.string().max(2000).optional(), title: z.string().max(300).optional(), referrer: z.string().max(2000).optional() }).optional(),
  /** Plain key/value attributes the site passed in `boot`: shown to agents as unverified claims. */
  attributes: z.record(z.string().max(60), z.union([z.string().max(500), z.number(), z.boolean()])).refine((a) => Object.keys(a).length <= 30, 'attributes: at most 30').optional(),
  user: z
    .object({
      id: z.string().max(128),
      email: z.string().email().max(254).optional(),
      name: z.string().max(200).optional(),
      token: z.string().max(4096).optional(),
    })
    .optional(),
});
export type WidgetSessionInput = z.infer<typeof widgetSessionSchema>;

/** What the messenger needs to draw itself; an explicit allowlist of public settings. */
export type PublicSiteSettings = z.infer<typeof publicSiteSettingsSchema>;

export type WidgetSession = z.infer<typeof widgetSessionAnswerSchema>;

// ---- socket.io event maps ----

/** The closed union every command is acknowledged with. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type AckFn<T> = (result: Ack<T>) => void;

export interface TypingEvent {
  conversationId: string;
  author: Author;
  typing: boolean;
}

export interface VisitorClientToServer {
  'message:send': (payload: SendMessageInput, ack: AckFn<Message>) => void;
  'conversation:sync': (payload: { afterSeq: number }, ack: AckFn<{ state: ConversationState; messages: Message[] }>) => void;
  'conversation:escalate': (payload: Record<string, never>, ack: AckFn<ConversationState>) => void;
  'typing:set': (payload: { typing: boolean }) => void;
  /** The messenger has shown the visitor every message up to `upToSeq` (agents' replies then count as seen). */
  'message:seen': (payload: { upToSeq: number }, ack: AckFn<{ seen: number }>) => void;
}

export interface VisitorServerToClient {
  'message:created': (message: Message) => void;
  /** Kai's reply as it streams; ends with `message:created` (same streamId), or is dropped if none comes. */
  'message:delta': (delta: MessageDelta) => void;
  'typing:changed': (event: TypingEvent) => void;
  'conversation:updated': (state: ConversationState) => void;
}

/** A ticket as listed in the desk queue (a subset of the REST ticket). */
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

import type { QueueCounts } from './queue';

export interface DeskClientToServer {
  /** Join a ticket's room to get its messages and typing live. */
  'ticket:watch': (payload: { ticketId: string }, ack: AckFn<{ ticketId: string }>) => void;
  'ticket:unwatch': (payload: { ticketId: string }) => void;
  'typing:set': (payload: { ticketId: string; typing: boolean }) => void;
  /** The agent's own status (chosen, or `away` after no input for a while); every tab of theirs counts. */
  'presence:set': (payload: { status: 'online' | 'away' }, ack: AckFn<{ status: 'online' | 'away' }>) => void;
}

/** An SLA deadline is near (`warning`, a few minutes before) or has passed (`breach`). */
export interface SlaAlert {
  ticketId: string;
  /** The ticket's human reference and centre, so a desk can name and filter an alert for a ticket it has not loaded. */
  number: number;
  centre: CentreId;
  kind: 'warning' | 'breach';
  clock: 'first_response' | 'next_response' | 'resolution';
  dueAt: string;
}

export interface DeskServerToClient {
  'ticket:created': (ticket: TicketSummary) => void;
  'ticket:sla': (alert: SlaAlert) => void;
  'ticket:updated': (ticket: TicketSummary) => void;
  /** What each queue view holds now (shared/queue.ts), pushed coalesced after ticket changes. */
  'queue:counts': (counts: QueueCounts) => void;
  /** A message on a watched ticket (internal notes included: agents only). */
  'message:created': (event: { ticketId: string; message: Message }) => void;
  'typing:changed': (event: TypingEvent & { ticketId: string }) => void;
  /** The whole team's statuses (agents with no desk open are left out: offline), after any change. */
  'presence:changed': (event: { agents: AgentPresence[] }) => void;
  /** Who else has a watched ticket open and who is typing a reply to it. */
  'ticket:viewers': (event: { ticketId: string; viewers: TicketViewer[] }) => void;
  /** To the assignee's tabs only: a ticket was just given to them (by someone else or automatically). */
  'ticket:assigned': (event: { ticket: TicketSummary; by: string | null }) => void;
  /** On a watched ticket: how some replies reach the customer now (seen live, mailed, waiting…), or its CSAT changed. */
  'ticket:reach': (event: TicketReachChange) => void;
}

export const watchTicketSchema = z.object({ ticketId: z.string().min(1).max(64) });
export const deskTypingSchema = z.object({ ticketId: z.string().min(1).max(64), typing: z.boolean() });

/** Turns a zod failure into the one-line message clients show. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** One audit-trail entry of a ticket. */
export type TicketEvent = z.infer<typeof ticketEventSchema>;

/** `GET /api/tickets/:id`: the ticket with its conversation and audit trail. */
export type TicketDetail = z.infer<typeof ticketDetailSchema>;

/** A file kept with a ticket; agents download it from `GET /api/tickets/:id/attachments/:attachmentId`. */
export type TicketAttachment = z.infer<typeof ticketAttachmentSchema>;

/** The signed-in agent, from `GET /api/auth/me` and `POST /api/auth/login`. */
export type AgentProfile = z.infer<typeof agentProfileSchema>;
