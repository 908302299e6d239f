/**
 * REST payload schemas, shared by the server's routes and the browser's forms. The socket payloads live in
 * protocol.ts. zod 4; `z.toJSONSchema` turns these into the OpenAPI document.
 */
import { z } from 'zod';
import { STATED_URGENCIES } from './self-service';
import { tagSchema, ticketChangesSchema } from './queue';
import { CHANNELS, CENTRES, MAX_MESSAGE_LENGTH, REMOTE_TOOLS, TICKET_STATUSES, levelSchema } from './protocol';
import { MAX_MEETING_URL_LENGTH, meetingUrlProblem, normaliseMeetingUrl } from './remote-tools';

/** A new password: the same rule wherever one is chosen. */
export const newPasswordSchema = z.string().min(10, 'password: at least 10 characters').max(1024);

/** `POST /api/auth/password`: every agent changes their own. */
export const changePasswordSchema = z.object({
  current: z.string().min(1).max(1024),
  next: newPasswordSchema,
});

/** `PATCH /api/agents/:id` (admin): any of name, role, active. */
export const updateAgentSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.enum(['admin', 'agent']),
    active: z.boolean(),
    centres: z.array(z.enum(CENTRES)).max(CENTRES.length),
  })
  .partial()
  .strict();

/** `POST /api/auth/tokens`: a named API token, optionally expiring. */
export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1).max(100).default('API token'),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

/** `POST /api/agents` (admin): without a password the person gets an emailed invitation link. */
export const createAgentSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  password: newPasswordSchema.optional(),
  role: z.enum(['admin', 'agent']).default('agent'),
  centres: z.array(z.enum(CENTRES)).max(CENTRES.length).default([]),
});

export const loginSchema = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
});

/** `POST /api/tickets`: a ticket on behalf of a customer (phone calls, integrations). */
export const createTicketSchema = z.object({
  subject: z.string().trim().min(1, 'subject is required').max(200),
  description: z.string().trim().min(1, 'description is required').max(MAX_MESSAGE_LENGTH * 4),
  channel: z.enum(CHANNELS),
  requester: z
    .object({
      name: z.string().trim().max(200).optional(),
      email: z.email().max(254).optional(),
      /** IANA time zone of the requester; decides the home centre. */
      timeZone: z.string().max(64).optional(),
    })
    .default({}),
  urgency: levelSchema.optional(),
  impact: levelSchema.optional(),
  category: z.string().trim().min(1).max(64).optional(),
  /** When the customer contacted us; the SLA clocks start here. Not more than 5 minutes in the future. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  /** Key of the site the ticket belongs to (default `demo`). */
  site: z.string().max(64).optional(),
  /** The customer's language (BCP 47): mail to them about the ticket is written in it, else in the site's default. */
  language: z.string().trim().min(2).max(35).optional(),
});
export type CreateTicketBody = z.infer<typeof createTicketSchema>;

/** `PATCH /api/tickets/:id`. Priority is never set directly: change urgency or impact. */
export const updateTicketSchema = z
  .object({
    status: z.enum(TICKET_STATUSES).optional(),
    urgency: levelSchema.optional(),
    impact: levelSchema.optional(),
    assigneeId: z.string().max(64).nullable().optional(),
    category: z.string().trim().min(1).max(64).optional(),
    addTags: ticketChangesSchema.shape.addTags,
    removeTags: ticketChangesSchema.shape.removeTags,
    /** Why: recorded in the audit trail. */
    reason: z.string().trim().max(500).optional(),
    /**
     * The ticket's `updatedAt` as the caller last saw it: when someone else changed its fields since (status,
     * assignee, urgency, impact, category), nothing is written and the answer is a 409 carrying the current ticket
     * (someone else's change is never silently overwritten). New messages do not count.
     */
    ifUpdatedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((v) => Object.entries(v).some(([k, value]) => k !== 'reason' && k !== 'ifUpdatedAt' && value !== undefined), { message: 'Nothing to change' });
export type UpdateTicketBody = z.infer<typeof updateTicketSchema>;

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const listTicketsQuerySchema = z.object({
  status: list(TICKET_STATUSES).optional(),
  priority: list(['high', 'medium', 'low'] as const).optional(),
  channel: list(CHANNELS).optional(),
  centre: list(CENTRES).optional(),
  /** An agent id, `me`, or `none` for unassigned. */
  assignee: z.string().max(64).optional(),
  tag: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(tagSchema).max(10))
    .optional(),
  /** A site key. */
  site: z.string().min(1).max(64).optional(),
  /** Words to search for: a ticket number (`#1042` or `1042`), words of subjects and messages, a name or email. */
  q: z.string().trim().max(200).optional(),
  /** Only tickets whose next deadline is at most this many minutes away (or passed). */
  dueWithin: z.coerce.number().int().min(1).max(7 * 24 * 60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** `POST /api/tickets/:id/handback`: Kai answers the chat again. */
export const handbackSchema = z.object({ reason: z.string().trim().max(500).optional() });

export const triageSchema = z.object({ text: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH * 4) });
export const previewSchema = z.object({
  message: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH),
  /** Preview as this verified visitor (the site's VIP rules apply to them), else as an anonymous one. */
  visitor: z.object({ email: z.email().max(320).optional(), userId: z.string().min(1).max(200).optional() }).optional(),
  /** The visitor's language (BCP 47); default the site's. */
  language: z.string().trim().min(2).max(35).optional(),
});

export const kbArticleSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().min(1).max(100_000),
  url: z
    .string()
    .trim()
    .max(500)
    .refine((u) => u.startsWith('/') || /^https?:\/\//i.test(u), 'url must be http(s) or start with /')
    .optional(),
  tags: z.array(z.string().max(40)).max(20).optional(),
});

/** Longest note on a remote-session invitation (characters). */
export const MAX_REMOTE_NOTE_LENGTH = 1000;

/**
 * `POST /api/tickets/:id/remote-sessions`: invite the customer to a remote session. The link must be https and,
 * for a named tool, on that tool's hosts (`shared/remote-tools.ts`); `startsAt` (default: now) must fall in the
 * ticket's business hours, which the server checks.
 */
export const remoteSessionSchema = z
  .object({
    tool: z.enum(REMOTE_TOOLS),
    /** The meeting link the customer's Join button opens. */
    url: z.string().trim().min(1, 'url is required').max(MAX_MEETING_URL_LENGTH),
    /** When the session starts; left out or null means now. */
    startsAt: z.iso.datetime({ offset: true }).nullable().optional(),
    /** A line for the customer ("Have the error message ready"). */
    note: z.string().trim().max(MAX_REMOTE_NOTE_LENGTH).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    const problem = meetingUrlProblem(v.tool, v.url);
    if (problem) ctx.addIssue({ code: 'custom', path: ['url'], message: problem });
  })
  .transform((v) => ({ ...v, url: normaliseMeetingUrl(v.url), note: v.note ? v.note : null, startsAt: v.startsAt ?? null }));
export type RemoteSessionBody = z.input<typeof remoteSessionSchema>;

// ---- customer self-service (messenger "Your requests" and the portal) ----

/** `POST /api/portal/login-link`: email a one-time sign-in link. Always 202, whether or not we know the address. */
export const portalLoginLinkSchema = z.object({
  email: z.email().max(254),
  /** Key of the site whose requests to show (default `demo`). */
  site: z.string().min(1).max(64).optional(),
  /** The portal page's language (BCP 47): the mail is written in it, else in the site's default. */
  language: z.string().max(35).optional(),
});

/** `POST /api/me/requests` (portal): a new request in the customer's own words. */
export const customerRequestSchema = z.object({
  subject: z.string().trim().min(1, 'subject is required').max(200),
  description: z.string().trim().min(1, 'description is required').max(MAX_MESSAGE_LENGTH * 4),
  /** How urgent it is for the customer, in plain words; one input to triage, never the priority by itself. */
  urgency: z.enum(STATED_URGENCIES),
  /** The browser's IANA time zone: routes the request and words the promise in the customer's time. */
  timeZone: z.string().max(64).optional(),
  /** The portal page's language (BCP 47); left out, the browser's Accept-Language. Mail about the request speaks it. */
  language: z.string().trim().min(2).max(35).optional(),
});
export type CustomerRequestBody = z.infer<typeof customerRequestSchema>;

/** `POST /api/me/requests/:id/messages`: the customer's reply. */
export const customerReplySchema = z.object({
  body: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'Message is empty').max(MAX_MESSAGE_LENGTH, `Message is longer than ${MAX_MESSAGE_LENGTH} characters`)),
  /** The sender's idempotency key: a retried send returns the stored message. */
  clientId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'clientId has invalid characters').optional(),
});

/** A knowledge-base article, as `/api/kb/articles` returns it. `body` is markdown, shown as text only. */
export const kbArticleViewSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    /** Markdown, shown as text only. */
    body: z.string(),
    /** http(s) or a site-relative path; null when the article has no page of its own. */
    url: z.string().nullable(),
    tags: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'KbArticle' });
export type KbArticle = z.infer<typeof kbArticleViewSchema>;

/** What an agent sees of their API tokens (never the token itself). */
export const apiTokenSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), expiresAt: z.string().nullable() })
  .meta({ id: 'ApiToken' });
export type ApiTokenInfo = z.infer<typeof apiTokenSchema>;
/** `POST /api/auth/tokens`: the token itself, this once. */
export const apiTokenWithSecretSchema = apiTokenSchema.extend({ token: z.string().describe('Send as `Authorization: Bearer <token>`') }).meta({ id: 'ApiTokenWithSecret' });

/** `POST /api/ai/triage`. */
export const triageAnswerSchema = z
  .object({
    urgency: levelSchema,
    impact: levelSchema,
    priority: levelSchema,
    category: z.string(),
    rationale: z.object({ urgency: z.string(), impact: z.string() }),
    evidence: z.array(z.string()),
  })
  .meta({ id: 'Triage' });

/** `POST /api/ai/preview`: what Kai would say to a visitor who wrote that first message. */
export const previewAnswerSchema = z
  .object({
    reply: z.string(),
    sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string() })),
    action: z.enum(['answer', 'offer_handoff', 'handoff']),
    confidence: z.number(),
    agentName: z.string(),
    handoffReason: z.string().nullable(),
    policy: z.string().optional(),
  })
  .meta({ id: 'KaiPreview' });
