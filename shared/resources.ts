/**
 * What the API answers: zod schemas of the resources that the conversation, ticket, self-service and help-article
 * routes return, one home each. The TypeScript types of the same shapes are `z.infer` of these (protocol.ts,
 * self-service.ts, help-articles.ts and errors.ts re-export them as types only, so the messenger's bundle does not
 * carry these schemas). The OpenAPI document (`server/src/routes/route-docs.ts`) is generated from them, and
 * `server/test/openapi-responses.test.ts` checks real answers against that document.
 *
 * A schema named with `.meta({ id })` becomes `#/components/schemas/<id>`. Only answers are named here: request
 * bodies stay in api.ts and the other payload files.
 */
import { z } from 'zod';
import { ERROR_CODES } from './errors';
import { LEVELS } from './priority';
import { AUTHOR_KINDS, CENTRES, CHANNELS, CONVERSATION_MODES, REMOTE_TOOLS, TICKET_STATUSES } from './protocol';

const level = z.enum(LEVELS);
/** An ISO 8601 instant in UTC. */
const instant = z.string().describe('ISO 8601, UTC');

/** `{ error: { code, message } }`: every failed call, over REST. */
export const errorBodySchema = z.object({ code: z.enum(ERROR_CODES).describe('Stable snake_case code'), message: z.string() });
export const errorResponseSchema = z
  .object({
    error: errorBodySchema,
    current: z.unknown().optional().describe('A write refused as out of date (409): what the caller should look at before trying again'),
  })
  .meta({ id: 'Error', description: 'Every error: `{ error: { code, message } }` with the status of its code' });

/** Who wrote a message. `name` is display text, never HTML. */
export const authorSchema = z.object({ kind: z.enum(AUTHOR_KINDS), name: z.string() });

/** A knowledge-base article Kai drew on. `url` is http(s) or a site-relative path. */
export const sourceSchema = z.object({ id: z.string(), title: z.string(), url: z.string() });

/**
 * A file sent in chat. `image` is true only when the server checked the bytes to be an image of `contentType`;
 * anything else is offered as a download, never rendered.
 */
export const messageAttachmentSchema = z
  .object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number().int().describe('Bytes'), image: z.boolean() })
  .meta({ id: 'MessageAttachment' });

/** A remote-support invitation: the tool, the meeting link and, optionally, when. */
export const messageCardSchema = z.object({
  type: z.literal('remote_session'),
  tool: z.enum(REMOTE_TOOLS),
  /** Display name of the tool ("Google Meet"); "Remote session" for other tools. */
  toolName: z.string(),
  /** https link the Join button opens. */
  url: z.string(),
  /** ISO instant; the messenger shows it in the visitor's own time zone. */
  startsAt: z.string().nullable(),
  note: z.string().nullable(),
});

/** One message of a conversation as the messenger and the desk see it. */
export const messageSchema = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    /** Increasing per conversation, assigned by the server. */
    seq: z.number().int(),
    /** The sender's idempotency key (visitor and desk sends); null for Kai and system messages. */
    clientId: z.string().nullable(),
    author: authorSchema,
    body: z.string(),
    /** Internal notes are for agents only: never sent to the visitor or given to Kai. */
    internal: z.boolean(),
    sources: z.array(sourceSchema),
    createdAt: instant,
    /** Live delivery only: the stream of `message:delta` events this message completes (Kai's streamed replies). */
    streamId: z.string().optional(),
    /** An email reply's quoted history, folded away (agents only see it on request). */
    quoted: z.string().nullable().optional(),
    /** A card shown with the message: a remote-session invitation with a Join button. */
    card: messageCardSchema.nullable().optional(),
    /** The files the message carries; absent when none. */
    attachments: z.array(messageAttachmentSchema).optional(),
  })
  .meta({ id: 'Message' });

/** A remote-support session offered on a ticket. */
export const remoteSessionSchema = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    tool: z.enum(REMOTE_TOOLS),
    toolName: z.string(),
    url: z.string(),
    /** ISO instant, or null for "now". */
    startsAt: z.string().nullable(),
    note: z.string().nullable(),
    agentId: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: 'RemoteSession' });

/** `GET /api/tickets/:id/remote-sessions`: the sessions offered, the customer's preferred tool and when a session may start. */
export const remoteSessionListSchema = z.object({
  sessions: z.array(remoteSessionSchema),
  preferredTool: z.enum(REMOTE_TOOLS).nullable(),
  /** The calendar a start time must fall in: the ticket's support plan's, else its centre's. */
  hours: z.object({ calendar: z.string(), timeZone: z.string(), text: z.string(), openNow: z.boolean(), nextOpenAt: z.string().nullable() }),
});

/** `POST /api/tickets/:id/remote-sessions`: the session and the message with its Join card. */
export const remoteSessionOfferSchema = z.object({ session: remoteSessionSchema, message: messageSchema });

const assessment = z.object({ level, reason: z.string() });

/** Kai's structured summary for the agent who takes over. */
export const handoffSchema = z
  .object({
    reason: z.enum(['visitor_request', 'button', 'no_answer', 'ai_unavailable', 'policy']),
    problem: z.string(),
    tried: z.array(z.string()),
    sources: z.array(sourceSchema),
    urgency: assessment,
    impact: assessment,
    /** The visitor's own words that show the urgency and impact. */
    evidence: z.array(z.string()),
    identity: z.enum(['verified', 'unverified', 'anonymous']),
    /** An email the host page passed without proof: for the agent to weigh, never the ticket's requester. */
    claimedEmail: z.string().optional(),
    channel: z.enum(CHANNELS),
    deadline: z.string().nullable(),
    /** The site rule that handed off (e.g. "category security always goes to a person"), when one did. */
    policy: z.string().optional(),
  })
  .meta({ id: 'Handoff' });

/** A ticket tag: lower case letters, digits, `-` and `_`. */
export const tagNameSchema = z.string().meta({ id: 'Tag', description: 'Lower case letters, digits, `-` and `_`; at most 40 characters' });

/** A ticket as listed in the queue (a subset of the ticket detail). */
export const ticketSummarySchema = z
  .object({
    id: z.string(),
    /** The human reference. */
    number: z.number().int(),
    subject: z.string(),
    status: z.enum(TICKET_STATUSES),
    priority: level,
    urgency: level,
    impact: level,
    channel: z.enum(CHANNELS),
    centre: z.enum(CENTRES),
    requester: z.object({ name: z.string().nullable(), email: z.string().nullable(), timeZone: z.string().nullable() }),
    assigneeId: z.string().nullable(),
    category: z.string(),
    receivedAt: instant,
    createdAt: instant,
    updatedAt: instant,
    firstResponseDueAt: z.string().nullable(),
    resolutionDueAt: z.string().nullable(),
    firstRespondedAt: z.string().nullable(),
    /** Set while a customer's message waits for the agent's next reply. */
    nextResponseDueAt: z.string().nullable(),
    /** The earliest running deadline (what the queue is ordered by); null while the clocks are paused or stopped. */
    nextDueAt: z.string().nullable(),
    /** When the clocks were paused (pending on the customer, or solved). */
    slaPausedAt: z.string().nullable(),
    /** The closed ticket this one follows up. */
    followUpOf: z.string().nullable(),
    /** The ticket this one was merged into (it is closed; its history shows there). */
    mergedIntoId: z.string().nullable(),
    /** The extended-support arrangement covering the requester, if any. */
    supportPlan: z.string().nullable(),
    /** When the customer withdrew (deleted) it; its personal content is erased. */
    withdrawnAt: z.string().nullable(),
    /** A phone call received outside the phone line's hours (it is queued like any other ticket). */
    outOfHours: z.boolean(),
    /** The site the ticket belongs to. */
    siteId: z.string(),
    /** Sorted, lower case. */
    tags: z.array(tagNameSchema),
  })
  .meta({ id: 'TicketSummary', description: 'A ticket as the queue lists it' });

/** One audit-trail entry of a ticket. */
export const ticketEventSchema = z
  .object({ id: z.string(), type: z.string(), actor: authorSchema, from: z.string().nullable(), to: z.string().nullable(), reason: z.string().nullable(), createdAt: instant })
  .meta({ id: 'TicketEvent' });

/** A file kept with a ticket; agents download it from `GET /api/tickets/:id/attachments/:attachmentId`. */
export const ticketAttachmentSchema = z
  .object({
    id: z.string(),
    /** The sender's file name, made safe (no path, no control characters). Display text, never HTML. */
    filename: z.string(),
    contentType: z.string(),
    /** In bytes. */
    size: z.number().int(),
    /** The message it came with; null when it is not tied to one. */
    messageId: z.string().nullable(),
    /** True only when the bytes were checked to be an image: shown as a thumbnail, else a download. */
    image: z.boolean(),
  })
  .meta({ id: 'Attachment' });

/** `GET /api/tickets/:id`: the ticket with its conversation and audit trail. */
export const ticketDetailSchema = ticketSummarySchema
  .extend({
    /** The customer's first message. */
    description: z.string(),
    conversationId: z.string().nullable(),
    /** Who answers the customer in the chat now: `ai` after an agent handed it back to Kai. */
    conversationMode: z.enum(CONVERSATION_MODES).nullable(),
    urgencyReason: z.string().nullable(),
    impactReason: z.string().nullable(),
    handoff: handoffSchema.nullable(),
    messages: z.array(messageSchema),
    events: z.array(ticketEventSchema),
    /** Files the customer sent (email attachments), oldest first. */
    attachments: z.array(ticketAttachmentSchema),
    /** The remote-support tool the requester used last (by email, else by visitor), so the desk can pre-select it. */
    preferredTool: z.enum(REMOTE_TOOLS).nullable().optional(),
    /**
     * Email tickets: whether the sender's From address was authenticated (DMARC, or an aligned DKIM signature or
     * SPF pass). False means anyone could have written it: the desk warns before sharing anything. Null for
     * other channels.
     */
    senderVerified: z.boolean().nullable().optional().describe('Email tickets: the From address was authenticated (DMARC, or an aligned DKIM signature or SPF pass); false: anyone could have written it'),
  })
  .meta({ id: 'Ticket', description: 'One ticket with its messages, audit events and files' });

/** An agent, from `GET /api/auth/me`, `POST /api/auth/login` and the team routes. */
export const agentProfileSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'agent']),
    /** False once an admin deactivated the agent. */
    active: z.boolean().optional(),
    /** True for the first run's generated password: the desk asks for a new one before anything else. */
    mustChangePassword: z.boolean().optional(),
    /** The operations centres the agent works in (`uk`, `us`); empty: every centre. */
    centres: z.array(z.string()).optional(),
  })
  .meta({ id: 'Agent' });

/** An agent in the team list: `invited` while their invitation link is unused. */
export const teamMemberSchema = agentProfileSchema.extend({ invited: z.boolean() }).meta({ id: 'TeamMember' });

/** What the messenger needs to draw itself; an explicit allowlist of public settings. */
export const publicSiteSettingsSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    agentName: z.string(),
    color: z.string(),
    greeting: z.string(),
    position: z.enum(['right', 'left']),
    language: z.string(),
    /** What files the messenger may send, said before an upload (bytes, and accepted media types). */
    attachments: z.object({ maxBytes: z.number().int(), types: z.array(z.string()) }).optional(),
  })
  .meta({ id: 'PublicSite' });

/** `POST /api/widget/session`. */
export const widgetSessionAnswerSchema = z
  .object({
    /** The visitor token: a fresh one on every session call (the old one keeps working until it expires). */
    token: z.string(),
    /** When `token` expires; call `POST /api/widget/session` with it again before then to get a new one. */
    tokenExpiresAt: z.string().optional(),
    visitorId: z.string(),
    site: publicSiteSettingsSchema,
    /** Whether a person is around now, said before the visitor asks ("Our team is offline right now…"). */
    availability: z.object({ openNow: z.boolean(), text: z.string() }),
  })
  .meta({ id: 'WidgetSession' });

// ---- customer self-service (the messenger's "Your requests" and the portal) ----

/** One of the customer's requests, as `GET /api/me/requests` lists it. Withdrawn requests are never listed. */
export const customerRequestViewSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    subject: z.string(),
    status: z.enum(TICKET_STATUSES),
    channel: z.enum(CHANNELS),
    createdAt: instant,
    updatedAt: instant,
    /** The honest promise of when a person answers (or that it is solved), in plain words. */
    promise: z.string(),
    withdrawn: z.literal(false),
  })
  .meta({ id: 'CustomerRequest' });

/** A message of a request as the customer sees it: text only, never an internal note. */
export const customerMessageSchema = z.object({ id: z.string(), author: authorSchema, body: z.string(), createdAt: instant });

/** `GET /api/me/requests/:id`. */
export const customerRequestDetailSchema = customerRequestViewSchema
  .extend({
    description: z.string(),
    messages: z.array(customerMessageSchema),
    /** A solved request can be reopened by the customer. */
    canReopen: z.boolean(),
  })
  .meta({ id: 'CustomerRequestDetail' });

/** `GET /api/me`: who the self-service routes see. */
export const customerIdentitySchema = z.object({
  /** `portal`: signed in with an emailed link; `visitor`: the messenger's visitor token. */
  kind: z.enum(['portal', 'visitor']),
  email: z.string().nullable(),
  /** Whether the email is proven (a sign-in link, or the site's signed identity). */
  verified: z.boolean(),
});

/** `POST /api/me/requests/:id/messages`: the request the reply landed on (a follow-up when the first was closed). */
export const customerReplyResultSchema = z.object({
  request: customerRequestDetailSchema,
  /** True when the request was closed and the reply started a follow-up request. */
  followUp: z.boolean(),
});

// ---- the messenger's help articles ----

/** One article in a list: the search's hits, or the suggestions for the page. */
export const helpArticleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The article's page on the help centre (http(s) or site-relative); null when it has none. */
  url: z.string().nullable(),
  /** A short passage: the one that matched the search, or the article's opening. */
  excerpt: z.string(),
});

/** `GET /api/widget/articles?q=&page=`: `suggested` is true when the list is for the page, not a search. */
export const helpArticleListSchema = z.object({ articles: z.array(helpArticleSummarySchema), suggested: z.boolean() });

/** `GET /api/widget/articles/:id`: the article's markdown body, shown in the messenger as text. */
export const helpArticleSchema = z.object({ id: z.string(), title: z.string(), url: z.string().nullable(), body: z.string(), updatedAt: instant }).meta({ id: 'HelpArticle' });
