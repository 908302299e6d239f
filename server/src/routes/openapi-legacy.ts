/**
 * What the document says of routes that do not describe themselves yet (no `describeRoute` schema). The
 * document builder (`openapi.ts`) uses an entry only for a route that is registered, and the coverage test
 * fails on an entry without a route. Move a route's entry into its own `schema: describeRoute(…)` when it is
 * next touched.
 */
import { z } from 'zod';
import { changePasswordSchema, createApiTokenSchema, updateAgentSchema, createAgentSchema, createTicketSchema, handbackSchema, kbArticleSchema, loginSchema, previewSchema, remoteSessionSchema, triageSchema, updateTicketSchema } from '../../../shared/api';
import { agentReplySchema, widgetSessionSchema } from '../../../shared/protocol';
import { customerReplySchema, customerRequestSchema, portalLoginLinkSchema } from '../../../shared/api';
import { reportQueryFields } from '../../../shared/reports';
import { csatAnswerSchema, giveEmailSchema } from '../../../shared/reach';
import { macroPatchSchema, macroSchema, mergeTicketSchema, notificationPreferencesSchema } from '../../../shared/team';
import { addTagSchema, bulkChangeSchema, createViewSchema, updateViewSchema } from '../../../shared/queue';
import { acceptLinkSchema, auditQuerySchema, createSiteSchema, updateSiteSchema } from '../../../shared/admin';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });
const body = (schema: z.ZodType) => ({ required: true, content: json(schema) });
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const errors = { default: { description: 'Error: `{ error: { code, message } }`', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } };
const agent = [{ session: [] }, { bearer: [] }];
/** Self-service routes: the portal's session cookie, or the messenger's visitor token. */
const customer = [{ customer: [] }, { visitor: [] }];
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
const keyParam = [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }];


export const HAND_WRITTEN_PATHS: Record<string, Record<string, unknown>> = {
  '/api/me/requests/{id}/csat': {
    get: { summary: 'The CSAT question and answer of one of my requests: `{ askedAt, answer }`', security: customer, parameters: idParam, responses: { 200: ok('`{ askedAt, answer: { rating, comment, answeredVia, createdAt } | null }`'), ...errors } },
    post: { summary: 'Rate a solved request 1–5 with an optional comment, once (409 after); raises `csat.submitted`', security: customer, parameters: idParam, requestBody: body(csatAnswerSchema), responses: { 201: ok('The answer'), ...errors } },
  },
  '/api/widget/reach': { get: { summary: "What the messenger knows of the visitor's email: `{ status: verified | confirmed | pending | none, email, askForEmail }`", security: [{ visitor: [] }], responses: { 200: ok('The visitor’s reach'), ...errors } } },
  '/api/widget/reach/email': { post: { summary: 'Give an email to get replies by mail; it gets a confirmation first and nothing else until confirmed (5 an hour)', security: [{ visitor: [] }], requestBody: body(giveEmailSchema), responses: { 201: ok('The visitor’s reach (`pending`)'), ...errors } } },
  '/api/widget/transcript': { post: { summary: 'Email me this conversation: to the verified or confirmed email (3 an hour; 409 without one)', security: [{ visitor: [] }], responses: { 202: ok('`{ to }`'), ...errors } } },
  '/reach/confirm': {
    get: { summary: 'The confirmation link: a page with a button (records nothing)', parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'HTML page' } } },
    post: { summary: 'Confirm the address (form `token`)', responses: { 200: { description: 'HTML page: confirmed' }, 400: { description: 'HTML page: unknown link' } } },
  },
  '/csat': {
    get: { summary: "A CSAT mail's link: the rating form (records nothing, so mail scanners cannot vote)", parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }, { name: 'rating', in: 'query', schema: { type: 'integer' } }], responses: { 200: { description: 'HTML form' }, 400: { description: 'HTML page: not a link we signed' } } },
    post: { summary: 'Record the rating (form `token`, `rating`, `comment`), once per ticket', responses: { 200: { description: 'HTML page: thank you' }, 400: { description: 'HTML page: no rating or not rateable' }, 409: { description: 'HTML page: already rated' } } },
  },
  '/api/tickets/{id}/reach': { get: { summary: 'How each agent reply reached the customer (`seen`, `waiting`, `sending`, `mailed`, `failed`, `unreachable`) and the CSAT question and answer', security: agent, parameters: idParam, responses: { 200: ok('`{ deliveries: { [messageId]: { state, at } }, csat: { askedAt, answer } }`'), ...errors } } },
  '/api/tickets/{id}/transcript.txt': { get: { summary: 'The conversation as plain text (never internal notes; attachment names included), as a download', security: agent, parameters: idParam, responses: { 200: { description: 'text/plain', content: { 'text/plain': { schema: { type: 'string' } } } }, ...errors } } },
  '/api/team/presence': { get: { summary: 'Agents with the desk open and their status (`online`, `away`); the others are offline', security: agent, responses: { 200: ok('`{ agents: [{ agentId, name, status }] }`'), ...errors } } },
  '/api/me/notifications': {
    get: { summary: "The signed-in agent's notification preferences", security: agent, responses: { 200: ok('`{ desktop, sound, handoffs, replies, assignments, sla }`'), ...errors } },
    put: { summary: "Replace the signed-in agent's notification preferences", security: agent, requestBody: body(notificationPreferencesSchema), responses: { 200: ok('The preferences'), ...errors } },
  },
  '/api/macros': {
    get: { summary: "Saved replies: the shared ones and the agent's own", security: agent, responses: { 200: ok('`{ macros: Macro[] }`'), ...errors } },
    post: { summary: 'Add a macro (shared ones: admins only)', security: agent, requestBody: body(macroSchema), responses: { 201: ok('The macro'), ...errors } },
  },
  '/api/macros/{id}': {
    patch: { summary: 'Change a macro (own, or shared as an admin)', security: agent, parameters: idParam, requestBody: body(macroPatchSchema), responses: { 200: ok('The macro'), ...errors } },
    delete: { summary: 'Delete a macro (own, or shared as an admin)', security: agent, parameters: idParam, responses: { 204: { description: 'Deleted' }, ...errors } },
  },
  '/api/tickets/{id}/macros/{macroId}/render': {
    post: {
      summary: "A macro's text for this ticket, placeholders filled as plain text, and what sending it also sets",
      security: agent,
      parameters: [...idParam, { name: 'macroId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: ok('`{ body, setStatus, setUrgency, setImpact, tags }`'), ...errors },
    },
  },
  '/api/tickets/{id}/merge': {
    post: { summary: "Merge this ticket into `intoId` (same requester): both histories show there, the thread and files move, this one closes", security: agent, parameters: idParam, requestBody: body(mergeTicketSchema), responses: { 200: ok('The surviving ticket'), ...errors } },
  },
  '/api/tickets/{id}/context': {
    get: { summary: "The requester's identity status, past requests, page, referrer, browser/OS and boot attributes", security: agent, parameters: idParam, responses: { 200: ok('`{ identity, pastRequests, visitor }`'), ...errors } },
  },
  '/api/tickets/bulk': {
    post: { summary: 'One change (assignee, status, tags) to up to 200 tickets, each changed as alone', security: agent, requestBody: body(bulkChangeSchema), responses: { 200: ok('`{ changed: [ticket summary], failed: [{ ticketId, code, message }] }`'), ...errors } },
  },
  '/api/tickets/{id}/tags': {
    post: { summary: 'Add a tag (audited)', security: agent, parameters: idParam, requestBody: body(addTagSchema), responses: { 200: ok('The ticket'), ...errors } },
  },
  '/api/tickets/{id}/tags/{tag}': {
    delete: { summary: 'Remove a tag (audited)', security: agent, parameters: [...idParam, { name: 'tag', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('The ticket'), ...errors } },
  },
  '/api/views': {
    get: { summary: 'Built-in and saved queue views with their counts', security: agent, responses: { 200: ok('`{ builtIn: [{ id, name, filters, count }], saved: [{ id, name, shared, ownerId, filters, count, createdAt, updatedAt }] }`'), ...errors } },
    post: { summary: 'Save a view (personal, or shared with `shared: true`)', security: agent, requestBody: body(createViewSchema), responses: { 201: ok('The view'), ...errors } },
  },
  '/api/views/{id}': {
    patch: { summary: 'Change a saved view (its owner; a shared one: its maker or an admin)', security: agent, parameters: idParam, requestBody: body(updateViewSchema), responses: { 200: ok('The view'), ...errors } },
    delete: { summary: 'Delete a saved view', security: agent, parameters: idParam, responses: { 204: { description: 'Deleted' }, ...errors } },
  },
  '/api/tickets/{id}/attachments': {
    post: {
      summary: 'Upload a file to send with a reply (raw body with its Content-Type; streamed and bounded by the site\'s `attachments.maxBytes` and `types`; typed by its bytes)',
      security: agent,
      parameters: [...idParam, { name: 'filename', in: 'query', required: false, schema: { type: 'string' } }],
      requestBody: { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
      responses: { 201: ok('`{ id, filename, contentType, size, image }`: send its id in `attachmentIds`'), ...errors },
    },
  },
  '/api/widget/attachments': {
    post: {
      summary: "Messenger: upload a file to the visitor's own conversation (after a handoff); raw body, bounded and typed by its bytes",
      security: [{ visitor: [] }],
      parameters: [{ name: 'filename', in: 'query', required: false, schema: { type: 'string' } }],
      requestBody: { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
      responses: { 201: ok('`{ id, filename, contentType, size, image }`: send its id in `message:send` `attachmentIds`'), ...errors },
    },
  },
  '/api/widget/attachments/{id}': {
    get: {
      summary: "Messenger: a file of a public message of the visitor's own conversations (checked images inline, anything else as a download)",
      security: [{ visitor: [] }],
      parameters: idParam,
      responses: { 200: { description: 'The file' }, ...errors },
    },
  },
  '/api/reports': {
    get: {
      summary: 'Report figures over UTC days `from`–`to` (both included), optionally per site, centre, channel, priority and agent',
      security: agent,
      parameters: Object.keys(reportQueryFields).map((name) => ({ name, in: 'query', required: name === 'from' || name === 'to', schema: { type: 'string' } })),
      responses: { 200: ok('Volume, response times, SLA, backlog, Kai, CSAT and per-agent figures'), ...errors },
    },
  },
  '/api/reports.csv': {
    get: {
      summary: 'The same figures as CSV (`section,item,measure,value`)',
      security: agent,
      parameters: Object.keys(reportQueryFields).map((name) => ({ name, in: 'query', required: name === 'from' || name === 'to', schema: { type: 'string' } })),
      responses: { 200: { description: 'text/csv' }, ...errors },
    },
  },
  '/api/sites': {
    get: { summary: 'Every site (admin): `{ sites: Site[] }`', security: agent, responses: { 200: ok('`{ sites }`'), ...errors } },
    post: { summary: 'Create a site (admin)', security: agent, requestBody: body(createSiteSchema), responses: { 201: ok('The site'), ...errors } },
  },
  '/api/sites/{key}': {
    get: { summary: 'One site (admin), with where its messenger was last seen and its last change', security: agent, parameters: keyParam, responses: { 200: ok('The site'), ...errors } },
    patch: { summary: 'Change name, allowed origins, language, appearance and settings sections (admin); effective at once on every node', security: agent, parameters: keyParam, requestBody: body(updateSiteSchema), responses: { 200: ok('The site'), ...errors } },
    delete: { summary: 'Delete a site without tickets, chats or articles (admin); never the last site (409)', security: agent, parameters: keyParam, responses: { 204: { description: 'Deleted' }, ...errors } },
  },
  '/api/agents/{id}/password-reset': {
    post: { summary: 'Mail the agent a one-time link to set a new password (admin)', security: agent, parameters: idParam, responses: { 202: ok('`{ status: "sent" }`'), ...errors } },
  },
  '/api/auth/links/accept': {
    post: { summary: 'Set a password with the token of an invitation or reset link (works once)', requestBody: body(acceptLinkSchema), responses: { 204: { description: 'Password set' }, ...errors } },
  },
  '/api/audit': {
    get: {
      summary: 'The audit log (admin), newest first: `{ entries: [{ id, at, actor, ip, action, target, siteId, changes }] }`',
      security: agent,
      parameters: Object.keys(auditQuerySchema.shape).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
      responses: { 200: ok('`{ entries }`'), ...errors },
    },
  },
      '/healthz': { get: { summary: 'Liveness', responses: { 200: ok('`{ status: "ok" }`') } } },
      '/readyz': {
        get: {
          summary: 'Readiness: the database (and Redis, with REDIS_URL) answer',
          responses: { 200: ok('`{ status: "ok", checks: { database: "ok", redis?: "ok" } }`'), 503: { description: '`{ status: "unavailable", checks }` naming the failed check' } },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus text: process metrics and frontdesk_* counters and histograms (the README lists them); with METRICS_TOKEN set, `Authorization: Bearer <METRICS_TOKEN>`',
          responses: { 200: { description: 'text/plain; version=0.0.4' }, 401: { description: 'METRICS_TOKEN is set and the bearer token is missing or wrong' } },
        },
      },
      '/api/auth/login': { post: { summary: 'Agent sign-in; sets the session cookie', requestBody: body(loginSchema), responses: { 200: ok('The agent'), ...errors } } },
      '/api/auth/logout': { post: { summary: 'Sign out', responses: { 204: { description: 'Signed out' } } } },
      '/api/auth/me': { get: { summary: 'The signed-in agent', security: agent, responses: { 200: ok('The agent'), ...errors } } },
      '/api/auth/password': {
        post: { summary: "Change the signed-in agent's own password", security: agent, requestBody: body(changePasswordSchema), responses: { 204: { description: 'Changed' }, ...errors } },
      },
      '/api/auth/tokens': {
        get: { summary: "The agent's API tokens (never the tokens themselves)", security: agent, responses: { 200: ok('`{ tokens: [{ id, name, createdAt, lastUsedAt, expiresAt }] }`'), ...errors } },
        post: { summary: 'Create an API token (shown once)', security: agent, requestBody: body(createApiTokenSchema), responses: { 201: ok('`{ id, name, token, createdAt, lastUsedAt, expiresAt }`'), ...errors } },
      },
      '/api/auth/tokens/{id}': { delete: { summary: 'Revoke an API token (its desk sockets end at once)', security: agent, parameters: idParam, responses: { 204: { description: 'Revoked' }, ...errors } } },
      '/api/tickets': {
        get: {
          summary: 'The queue, ordered by the next SLA deadline; filters, `q` search (number, words, name, email) and keyset paging by `cursor`',
          security: agent,
          parameters: ['status', 'priority', 'channel', 'centre', 'assignee', 'tag', 'site', 'q', 'dueWithin', 'limit', 'cursor'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
          responses: { 200: ok('`{ tickets, nextCursor?, matches? }` (`matches`: ticket id → excerpt of the message that matched `q`)'), ...errors },
        },
        post: { summary: 'Create a ticket for a customer (phone, integrations)', security: agent, requestBody: body(createTicketSchema), responses: { 201: ok('The ticket'), ...errors } },
      },
      '/api/tickets/{id}': {
        get: { summary: 'One ticket with messages and audit events; email tickets say `senderVerified` (the From address was authenticated by DMARC, or an aligned DKIM signature or SPF pass; `false`: anyone could have written it)', security: agent, parameters: idParam, responses: { 200: ok('The ticket'), ...errors } },
        patch: { summary: 'Change status, urgency, impact, assignee or category', security: agent, parameters: idParam, requestBody: body(updateTicketSchema), responses: { 200: ok('The ticket'), ...errors } },
      },
      '/api/tickets/{id}/messages': {
        post: { summary: 'Public reply or internal note', security: agent, parameters: idParam, requestBody: body(agentReplySchema), responses: { 201: ok('The message'), ...errors } },
      },
      '/api/tickets/{id}/attachments/{attachmentId}': {
        get: {
          summary: 'Download a file the customer sent by email (as an attachment download); listed in the ticket\'s `attachments`',
          security: agent,
          parameters: [...idParam, { name: 'attachmentId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'The file, with its content type and `Content-Disposition: attachment`' }, ...errors },
        },
      },
      '/api/tickets/{id}/remote-sessions': {
        get: {
          summary: "Remote sessions offered on a ticket, the requester's preferred tool, and the business hours a start time must fall in",
          security: agent,
          parameters: idParam,
          responses: { 200: ok('`{ sessions, preferredTool, hours: { calendar, timeZone, text, openNow, nextOpenAt } }`'), ...errors },
        },
        post: {
          summary: 'Invite the customer to a remote session (Zoom, Google Meet, Skype, Webex or another https tool): a public message with a Join card; a start time outside business hours is a 400 naming the next opening',
          security: agent,
          parameters: idParam,
          requestBody: body(remoteSessionSchema),
          responses: { 201: ok('`{ session, message }`'), ...errors },
        },
      },
      '/api/ai/triage': { post: { summary: 'Urgency, impact, priority and category of a text', security: agent, requestBody: body(triageSchema), responses: { 200: ok('Triage'), ...errors } } },
      '/api/ai/preview': { post: { summary: "What Kai would answer to a visitor's first message", security: agent, requestBody: body(previewSchema), responses: { 200: ok('`{ reply, sources, action }`'), ...errors } } },
      '/api/kb/articles': {
        get: { summary: 'Knowledge-base articles', security: agent, responses: { 200: ok('`{ articles }`'), ...errors } },
        post: { summary: 'Add an article (searchable at once)', security: agent, requestBody: body(kbArticleSchema), responses: { 201: ok('The article'), ...errors } },
      },
      '/api/kb/articles/{id}': {
        get: { summary: 'One article', security: agent, parameters: idParam, responses: { 200: ok('The article'), ...errors } },
        put: { summary: 'Replace an article', security: agent, parameters: idParam, requestBody: body(kbArticleSchema), responses: { 200: ok('The article'), ...errors } },
        delete: { summary: 'Remove an article', security: agent, parameters: idParam, responses: { 204: { description: 'Removed' }, ...errors } },
      },
      '/api/agents': {
        get: { summary: 'The team', security: agent, responses: { 200: ok('`{ agents }`'), ...errors } },
        post: { summary: 'Add an agent (admin)', security: agent, requestBody: body(createAgentSchema), responses: { 201: ok('The agent'), ...errors } },
      },
      '/api/agents/{id}': {
        patch: {
          summary: 'Change name, role or active (admin); `active: false` ends their sessions, API tokens and desk sockets at once',
          security: agent,
          parameters: idParam,
          requestBody: body(updateAgentSchema),
          responses: { 200: ok('The agent'), ...errors },
        },
      },
      '/api/sites/{key}/identity-secrets': {
        get: {
          summary: 'A site\'s identity secrets without the secret, and visitors verified in the last day (admin)',
          security: agent,
          parameters: keyParam,
          responses: { 200: ok('`{ secrets: [{ id, kind, createdAt }], verifiedLastDay, lastChange }`'), ...errors },
        },
        post: {
          summary: 'A new identity secret (admin): `{ id, secret, kind }`, the secret shown once; `id` is the JWT `kid`',
          security: agent,
          parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: false, content: json(z.object({ kind: z.enum(['jwt', 'user_hash']).optional() })) },
          responses: { 201: ok('`{ id, secret, kind, createdAt }`'), ...errors },
        },
      },
      '/api/sites/{key}/identity-secrets/{id}': {
        delete: {
          summary: 'Delete an identity secret (admin): identities signed with it stop verifying',
          security: agent,
          parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }, ...idParam],
          responses: { 204: { description: 'Deleted' }, ...errors },
        },
      },
      '/api/tickets/{id}/handback': {
        post: { summary: 'Hand a chat back to Kai', security: agent, parameters: idParam, requestBody: body(handbackSchema), responses: { 200: ok('The ticket'), ...errors } },
      },
      '/api/widget/sites/{key}': { get: { summary: "A site's public messenger settings", parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('Public settings'), ...errors } } },
      '/api/widget/session': { post: { summary: 'Start or resume a visitor session (messenger)', requestBody: body(widgetSessionSchema), responses: { 200: ok('`{ token, tokenExpiresAt, visitorId, site, availability }`: a fresh visitor token each call') , ...errors } } },
      '/api/portal/login-link': {
        post: { summary: 'Email a one-time portal sign-in link (15 minutes, single use); always 202', requestBody: body(portalLoginLinkSchema), responses: { 202: ok('`{ status: "sent" }`'), ...errors } },
      },
      '/portal/verify': {
        get: {
          summary: 'Open a sign-in link: an HTML page with a "Sign in" button that posts the token (mail scanners that fetch links do not use it up)',
          parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'HTML page with a form posting `token` to POST /portal/verify' } },
        },
        post: {
          summary: 'Use a sign-in link (single use, 15 minutes): sets the `fd_customer` cookie and redirects to /portal',
          requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 200 } } } } } },
          responses: { 303: { description: 'Signed in; to /portal (or /portal?site=<key>)' }, 400: { description: 'HTML page: the link expired, was used, or is unknown' } },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document (OpenAPI 3.1); the API reference page is /api/docs', responses: { 200: ok('The OpenAPI document') } } },
      '/api/widget/articles': {
        get: {
          summary: "Help articles for the messenger: a search over the site's knowledge base (`q`, at most 200 characters) or those suggested for a page (`page`, a path)",
          security: [{ visitor: [] }],
          parameters: [
            { name: 'q', in: 'query', schema: { type: 'string', maxLength: 200 } },
            { name: 'page', in: 'query', schema: { type: 'string' } },
          ],
          responses: { 200: ok('`{ articles: [{ id, title, url, excerpt }], suggested }`'), ...errors },
        },
      },
      '/api/widget/articles/{id}': {
        get: { summary: 'One help article as text: `{ id, title, url, body (markdown), updatedAt }`', security: [{ visitor: [] }], parameters: idParam, responses: { 200: ok('The article'), ...errors } },
      },
      '/api/portal/logout': { post: { summary: 'End the portal session', responses: { 204: { description: 'Signed out' } } } },
      '/api/me': { get: { summary: 'Who the self-service routes see: `{ kind, email, verified }`', security: customer, responses: { 200: ok('The customer'), ...errors } } },
      '/api/me/requests': {
        get: { summary: "The customer's own requests (withdrawn ones excluded)", security: customer, responses: { 200: ok('`{ requests: [{ id, number, subject, status, channel, createdAt, updatedAt, promise, withdrawn }] }`'), ...errors } },
        post: { summary: 'A new request from the portal (channel `portal`)', security: [{ customer: [] }], requestBody: body(customerRequestSchema), responses: { 201: ok('The request with its messages'), ...errors } },
      },
      '/api/me/requests/{id}': {
        get: { summary: 'One of my requests with its messages (never internal notes); another customer\'s is a 404', security: customer, parameters: idParam, responses: { 200: ok('The request with its messages'), ...errors } },
        delete: { summary: 'Withdraw (delete) a request: hidden from me, personal content erased (README, "Deleting a request")', security: customer, parameters: idParam, responses: { 204: { description: 'Withdrawn' }, ...errors } },
      },
      '/api/me/requests/{id}/messages': {
        post: { summary: 'Reply on a request: a solved one reopens, a closed one starts a follow-up', security: customer, parameters: idParam, requestBody: body(customerReplySchema), responses: { 201: ok('`{ request, followUp }`'), ...errors } },
      },
      '/api/me/requests/{id}/reopen': {
        post: { summary: 'Reopen a solved request (audited)', security: customer, parameters: idParam, responses: { 200: ok('The request'), ...errors } },
      },
};
