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
export interface Author {
  kind: AuthorKind;
  name: string;
}

/** A knowledge-base article Kai drew on. `url` is http(s) or a site-relative path. */
export interface Source {
  id: string;
  title: string;
  url: string;
}

/** One message of a conversation as the messenger and the desk see it. */
export interface Message {
  id: string;
  conversationId: string;
  /** Increasing per conversation, assigned by the server; gaps never happen for visitor-visible messages' order. */
  seq: number;
  /** The sender's idempotency key (visitor and desk sends); null for Kai and system messages. */
  clientId: string | null;
  author: Author;
  body: string;
  /** Internal notes are for agents only: never sent to the visitor or given to Kai. */
  internal: boolean;
  sources: Source[];
  createdAt: string;
  /** Live delivery only: the stream of `message:delta` events this message completes (Kai's streamed replies). */
  streamId?: string;
  /** An email reply's quoted history, folded away (agents only see it on request). */
  quoted?: string | null;
  /** A card shown with the message: a remote-session invitation with a Join button. */
  card?: MessageCard | null;
  /** The files the message carries; absent when none. */
  attachments?: MessageAttachment[];
}

/**
 * A file sent in chat. `image` is true only when the server checked the bytes to be an image of `contentType`;
 * anything else is offered as a download, never rendered.
 */
export interface MessageAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  image: boolean;
}

/** How many files one message may carry. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 5;

/** Ids of files uploaded beforehand (`POST …/attachments`), sent with a message. */
export const attachmentIdsSchema = z.array(z.string().uuid('attachment ids are UUIDs')).max(MAX_ATTACHMENTS_PER_MESSAGE, `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message`);

export const REMOTE_TOOLS = ['zoom', 'google_meet', 'skype', 'webex', 'other'] as const;
export type RemoteTool = (typeof REMOTE_TOOLS)[number];

/** A remote-support invitation: the tool, the meeting link and, optionally, when. */
export interface MessageCard {
  type: 'remote_session';
  tool: RemoteTool;
  /** Display name of the tool ("Google Meet"); "Remote session" for other tools. */
  toolName: string;
  /** https link the Join button opens. */
  url: string;
  /** ISO instant; the messenger shows it in the visitor's own time zone. */
  startsAt: string | null;
  note: string | null;
}

/** A remote-support session offered on a ticket, as `GET /api/tickets/:id/remote-sessions` lists it. */
export interface RemoteSession {
  id: string;
  ticketId: string;
  tool: RemoteTool;
  toolName: string;
  url: string;
  /** ISO instant, or null for "now". */
  startsAt: string | null;
  note: string | null;
  agentId: string | null;
  createdAt: string;
}

/** `GET /api/tickets/:id/remote-sessions`: the sessions offered, the customer's preferred tool and when a session may start. */
export interface RemoteSessionList {
  sessions: RemoteSession[];
  preferredTool: RemoteTool | null;
  /** The calendar a start time must fall in: the ticket's support plan's, else its centre's. */
  hours: { calendar: string; timeZone: string; text: string; openNow: boolean; nextOpenAt: string | null };
}

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
export interface Handoff {
  reason: 'visitor_request' | 'button' | 'no_answer' | 'ai_unavailable' | 'policy';
  problem: string;
  tried: string[];
  sources: Source[];
  urgency: { level: (typeof LEVELS)[number]; reason: string };
  impact: { level: (typeof LEVELS)[number]; reason: string };
  /** The visitor's own words that show the urgency and impact. */
  evidence: string[];
  identity: 'verified' | 'unverified' | 'anonymous';
  /** An email the host page passed without proof: for the agent to weigh, never the ticket's requester. */
  claimedEmail?: string;
  channel: Channel;
  deadline: string | null;
  /** The site rule that handed off (e.g. "category security always goes to a person"), when one did. */
  policy?: string;
}

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
export interface PublicSiteSettings {
  key: string;
  name: string;
  agentName: string;
  color: string;
  greeting: string;
  position: 'right' | 'left';
  language: string;
  /** What files the messenger may send, said before an upload (bytes, and accepted media types). */
  attachments?: { maxBytes: number; types: string[] };
}

export interface WidgetSession {
  /** The visitor token: a fresh one on every session call (the old one keeps working until it expires). */
  token: string;
  /** When `token` expires (ISO 8601); call `POST /api/widget/session` with it again before then to get a new one. */
  tokenExpiresAt?: string;
  visitorId: string;
  site: PublicSiteSettings;
  /** Whether a person is around now, said before the visitor asks ("Our team is offline right now…"). */
  availability: { openNow: boolean; text: string };
}

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
export interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: (typeof LEVELS)[number];
  urgency: (typeof LEVELS)[number];
  impact: (typeof LEVELS)[number];
  channel: Channel;
  centre: CentreId;
  requester: { name: string | null; email: string | null; timeZone: string | null };
  assigneeId: string | null;
  category: string;
  receivedAt: string;
  createdAt: string;
  updatedAt: string;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstRespondedAt: string | null;
  /** Set while a customer's message waits for the agent's next reply. */
  nextResponseDueAt: string | null;
  /** The earliest running deadline (what the queue is ordered by); null while the clocks are paused or stopped. */
  nextDueAt: string | null;
  /** When the clocks were paused (pending on the customer, or solved). */
  slaPausedAt: string | null;
  /** The closed ticket this one follows up. */
  followUpOf: string | null;
  /** The ticket this one was merged into (it is closed; its history shows there). */
  mergedIntoId: string | null;
  /** The extended-support arrangement covering the requester, if any. */
  supportPlan: string | null;
  /** When the customer withdrew (deleted) it; its personal content is erased. */
  withdrawnAt: string | null;
  /** A phone call received outside the phone line's hours (it is queued like any other ticket). */
  outOfHours: boolean;
  /** The site the ticket belongs to. */
  siteId: string;
  /** Sorted, lower case. */
  tags: string[];
}

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
}

export const watchTicketSchema = z.object({ ticketId: z.string().min(1).max(64) });
export const deskTypingSchema = z.object({ ticketId: z.string().min(1).max(64), typing: z.boolean() });

/** Turns a zod failure into the one-line message clients show. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** One audit-trail entry of a ticket. */
export interface TicketEvent {
  id: string;
  type: string;
  actor: Author;
  from: string | null;
  to: string | null;
  reason: string | null;
  createdAt: string;
}

/** `GET /api/tickets/:id`: the ticket with its conversation and audit trail. */
export interface TicketDetail extends TicketSummary {
  description: string;
  conversationId: string | null;
  /** Who answers the customer in the chat now: `ai` after an agent handed it back to Kai. */
  conversationMode: ConversationMode | null;
  urgencyReason: string | null;
  impactReason: string | null;
  handoff: Handoff | null;
  messages: Message[];
  events: TicketEvent[];
  /** Files the customer sent (email attachments), oldest first. */
  attachments: TicketAttachment[];
  /** The remote-support tool the requester used last (by email, else by visitor), so the desk can pre-select it. */
  preferredTool?: RemoteTool | null;
  /**
   * Email tickets: whether the sender's From address was authenticated (DMARC, or an aligned DKIM signature or
   * SPF pass). False means anyone could have written it: the desk warns before sharing anything. Null for
   * other channels.
   */
  senderVerified?: boolean | null;
}

/** A file kept with a ticket; agents download it from `GET /api/tickets/:id/attachments/:attachmentId`. */
export interface TicketAttachment {
  id: string;
  /** The sender's file name, made safe (no path, no control characters). Display text, never HTML. */
  filename: string;
  contentType: string;
  /** In bytes. */
  size: number;
  /** The message it came with; null when it is not tied to one. */
  messageId: string | null;
  /** True only when the bytes were checked to be an image: shown as a thumbnail, else a download. */
  image: boolean;
}

/** The signed-in agent, from `GET /api/auth/me` and `POST /api/auth/login`. */
export interface AgentProfile {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
  /** False once an admin deactivated the agent. */
  active?: boolean;
  /** True for the first run's generated password: the desk asks for a new one before anything else. */
  mustChangePassword?: boolean;
  /** The operations centres the agent works in (`uk`, `us`); empty: every centre. */
  centres?: string[];
}
