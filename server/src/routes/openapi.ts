/**
 * The OpenAPI 3.1 document, built from the routes as they are registered (`route-docs.ts`): a route that
 * describes itself (`schema: describeRoute(…)`) is documented from the zod schemas it validates with and the
 * shapes it answers (a route without a description is left out, and the coverage test names it). Pages (HTML,
 * scripts, styles) are not part of the API. `/api/docs` is the API reference, rendered by swagger-ui-dist from this server.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { errorResponseSchema } from '../../../shared/resources';
import { describeRoute, jsonSchemaOf, type DescribedSchema, type RegisteredRoute, type RouteAudience } from './route-docs';

const SECURITY: Record<RouteAudience, { [scheme: string]: string[] }[] | undefined> = {
  public: undefined,
  agent: [{ session: [] }, { bearer: [] }],
  admin: [{ session: [] }, { bearer: [] }],
  customer: [{ customer: [] }, { visitor: [] }],
  visitor: [{ visitor: [] }],
};

/** The error catalogue's answer, `{ error: { code, message } }`, for every status it can come with. */
const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The errors a route can answer with, from what it takes and who may call it (`server/src/errors.ts` maps codes to statuses). */
function errorsOf(schema: DescribedSchema): Record<string, unknown> {
  const takesInput = Boolean(schema.body || schema.querystring || schema.params || schema.form || schema.upload);
  return {
    ...(takesInput ? { 400: errorAnswer('`validation_failed`: the input is malformed; the message names the field') } : {}),
    ...(schema.audience !== 'public' ? { 401: errorAnswer('`unauthorized`: not signed in, or the credential is expired or revoked') } : {}),
    ...(schema.audience === 'admin' ? { 403: errorAnswer('`forbidden`: admins only') } : {}),
    ...(schema.params ? { 404: errorAnswer('`not_found`: no such resource (or not yours)') } : {}),
    default: errorAnswer('Any other error (`conflict` 409, `payload_too_large` 413, `rate_limited` 429, `internal` 500, …)'),
  };
}

/** Routes that serve pages and their files, not the API. */
export function isPageRoute(url: string): boolean {
  return url === '/' || url === '/desk' || url === '/portal' || url === '/messenger' || url.startsWith('/help/') || url.startsWith('/assets') || url === '/api/docs' || url.startsWith('/api/docs/') || url === '/*' || /\.(js|css|html|png|ico|svg|map)$/.test(url);
}

/** `/api/tickets/:id` → `/api/tickets/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Moves named schemas (`$defs`) out of a JSON Schema into the document's components. */
function hoist(schema: unknown, components: Record<string, unknown>): Record<string, unknown> {
  const { $defs, ...rest } = schema as Record<string, unknown> & { $defs?: Record<string, unknown> };
  Object.assign(components, $defs ?? {});
  return rest;
}

/** OpenAPI parameters from the JSON Schema of a route's params or querystring. */
function parametersOf(schema: unknown, where: 'path' | 'query'): unknown[] {
  const object = schema as { properties?: Record<string, unknown>; required?: string[] } | undefined;
  return Object.entries(object?.properties ?? {}).map(([name, property]) => ({ name, in: where, required: where === 'path' || (object?.required ?? []).includes(name), schema: property }));
}

function requestBodyOf(schema: DescribedSchema, components: Record<string, unknown>): { requestBody: unknown } | null {
  if (schema.body) return { requestBody: { required: !schema.bodyOptional, content: { 'application/json': { schema: hoist(schema.body, components) } } } };
  if (schema.form) return { requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: hoist(schema.form, components) } } } };
  if (schema.upload) return { requestBody: { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } } };
  return null;
}

function operationOf(schema: DescribedSchema, components: Record<string, unknown>): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, json] of Object.entries((schema.response ?? {}) as Record<string, unknown>)) {
    responses[status] = { description: `HTTP ${status}`, content: { 'application/json': { schema: hoist(json, components) } } };
  }
  for (const [status, { description, mediaType }] of Object.entries(schema.plainResponses)) {
    responses[status] = mediaType ? { description, content: { [mediaType]: { schema: { type: 'string', ...(mediaType.startsWith('text/') ? {} : { format: 'binary' }) } } } } : { description };
  }
  const parameters = [...parametersOf(schema.params, 'path'), ...parametersOf(schema.querystring, 'query')];
  return {
    summary: schema.summary,
    tags: schema.tags,
    ...(SECURITY[schema.audience] ? { security: SECURITY[schema.audience] } : {}),
    ...(schema.audience === 'admin' ? { description: 'Admins only: an agent gets 403.' } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBodyOf(schema, components) ?? {}),
    responses: { ...errorsOf(schema), ...responses },
  };
}

/** The document for the routes registered so far. */
export function openApiDocument(publicUrl: string, routes: readonly RegisteredRoute[]) {
  const components: Record<string, unknown> = {};
  hoist(jsonSchemaOf(errorResponseSchema, 'output'), components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    if (isPageRoute(route.url) || route.method === 'HEAD' || route.method === 'OPTIONS') continue;
    const path = openApiPath(route.url);
    const method = route.method.toLowerCase();
    if (!route.schema) continue; // undocumented: the coverage test names it
    const operation = operationOf(route.schema, components);
    paths[path] = { ...paths[path], [method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Frontdesk API', version: '0.2.0', description: 'Support messenger and help desk. Times are ISO 8601 UTC. Errors are `{ error: { code, message } }`.' },
    servers: [{ url: publicUrl }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'fd_session' },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (`POST /api/auth/tokens`)' },
        customer: { type: 'apiKey', in: 'cookie', name: 'fd_customer', description: 'Portal session from an emailed one-time sign-in link' },
        visitor: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`Visitor <token>`: the messenger visitor token from `POST /api/widget/session`' },
      },
      schemas: components,
    },
    paths,
  };
}

/** swagger-ui-dist's folder (its files are served from this server: the reference page needs no CDN). */
const SWAGGER_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The reference page's own policy: scripts and styles from here only, no inline script. */
const DOCS_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Frontdesk API reference</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><main id="docs" aria-label="Frontdesk API reference"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true, withCredentials: true });\n`;

/** The files the page loads, by name (a Map: a name like `constructor` must not find anything). */
const ASSETS = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
]);

const DOCUMENT_DOC = describeRoute({
  summary: 'This document (OpenAPI 3.1); the API reference page is /api/docs',
  tag: 'API',
  audience: 'public',
  response: { 200: z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()), components: z.looseObject({}) }) },
});

export const openApiRoutes: FastifyPluginAsync<{ publicUrl: string; routes: readonly RegisteredRoute[] }> = async (app, { publicUrl, routes }) => {
  // Built once, at the first request: by then every route is registered.
  let doc: ReturnType<typeof openApiDocument> | null = null;
  app.get('/api/openapi.json', { schema: DOCUMENT_DOC }, async () => (doc ??= openApiDocument(publicUrl, routes)));

  const files = new Map<string, Buffer>();
  app.get('/api/docs', async (_request, reply) => reply.header('content-security-policy', DOCS_CSP).type('text/html; charset=utf-8').send(DOCS_PAGE));
  app.get('/api/docs/init.js', async (_request, reply) => reply.header('content-security-policy', DOCS_CSP).type('text/javascript; charset=utf-8').send(DOCS_INIT));
  app.get<{ Params: { file: string } }>('/api/docs/:file', async (request, reply) => {
    const type = ASSETS.get(request.params.file);
    if (!type) return reply.status(404).send({ error: { code: 'not_found', message: 'Not found' } });
    let body = files.get(request.params.file);
    if (!body) files.set(request.params.file, (body = readFileSync(join(SWAGGER_DIR, request.params.file))));
    return reply.header('cache-control', 'public, max-age=3600').type(type).send(body);
  });
};
