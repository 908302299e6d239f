import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { createAgentSchema, createTicketSchema, handbackSchema, kbArticleSchema, loginSchema, previewSchema, remoteSessionSchema, triageSchema, updateTicketSchema } from '../../../shared/api';
import { agentReplySchema, widgetSessionSchema } from '../../../shared/protocol';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });
const body = (schema: z.ZodType) => ({ required: true, content: json(schema) });
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const errors = { default: { description: 'Error: `{ error: { code, message } }`', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } };
const agent = [{ session: [] }, { bearer: [] }];
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];

/** The OpenAPI 3.1 document, built from the same zod schemas the routes validate with. */
export function openApiDocument(publicUrl: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'Frontdesk API', version: '0.1.0', description: 'Support messenger and help desk. Times are ISO 8601 UTC.' },
    servers: [{ url: publicUrl }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'fd_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
    paths: {
      '/healthz': { get: { summary: 'Liveness', responses: { 200: ok('`{ status: "ok" }`') } } },
      '/api/auth/login': { post: { summary: 'Agent sign-in; sets the session cookie', requestBody: body(loginSchema), responses: { 200: ok('The agent'), ...errors } } },
      '/api/auth/logout': { post: { summary: 'Sign out', responses: { 204: { description: 'Signed out' } } } },
      '/api/auth/me': { get: { summary: 'The signed-in agent', security: agent, responses: { 200: ok('The agent'), ...errors } } },
      '/api/auth/tokens': { post: { summary: 'Create an API token (shown once)', security: agent, responses: { 201: ok('`{ token, name }`'), ...errors } } },
      '/api/tickets': {
        get: {
          summary: 'The queue, ordered by the next SLA deadline',
          security: agent,
          parameters: ['status', 'priority', 'channel', 'centre', 'assignee', 'limit', 'cursor'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
          responses: { 200: ok('`{ tickets, nextCursor? }`'), ...errors },
        },
        post: { summary: 'Create a ticket for a customer (phone, integrations)', security: agent, requestBody: body(createTicketSchema), responses: { 201: ok('The ticket'), ...errors } },
      },
      '/api/tickets/{id}': {
        get: { summary: 'One ticket with messages and audit events', security: agent, parameters: idParam, responses: { 200: ok('The ticket'), ...errors } },
        patch: { summary: 'Change status, urgency, impact, assignee or category', security: agent, parameters: idParam, requestBody: body(updateTicketSchema), responses: { 200: ok('The ticket'), ...errors } },
      },
      '/api/tickets/{id}/messages': {
        post: { summary: 'Public reply or internal note', security: agent, parameters: idParam, requestBody: body(agentReplySchema), responses: { 201: ok('The message'), ...errors } },
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
      '/api/operations': {
        get: { summary: 'Centres, calendars, SLA targets, priority matrix, plans', security: agent, responses: { 200: ok('Operations'), ...errors } },
        put: { summary: 'Change support operations (admin); open tickets are recomputed', security: agent, responses: { 200: ok('Operations'), ...errors } },
      },
      '/api/tickets/{id}/handback': {
        post: { summary: 'Hand a chat back to Kai', security: agent, parameters: idParam, requestBody: body(handbackSchema), responses: { 200: ok('The ticket'), ...errors } },
      },
      '/api/hours': { get: { summary: 'Operations centres and the phone line: open now, next open and close', responses: { 200: ok('`{ centres, phone }`') } } },
      '/api/widget/sites/{key}': { get: { summary: "A site's public messenger settings", parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('Public settings'), ...errors } } },
      '/api/widget/session': { post: { summary: 'Start or resume a visitor session (messenger)', requestBody: body(widgetSessionSchema), responses: { 200: ok('`{ token, visitorId, site }`'), ...errors } } },
    },
  };
}

export const openApiRoutes: FastifyPluginAsync<{ publicUrl: string }> = async (app, { publicUrl }) => {
  const doc = openApiDocument(publicUrl);
  app.get('/api/openapi.json', async () => doc);
};
