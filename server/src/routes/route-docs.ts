/**
 * Routes describe themselves: each passes `schema: describeRoute({ … })` with the zod schemas it validates with
 * and the shapes it answers. Fastify keeps them on the route; `collectRoutes` records every route as it is
 * registered, and `openapi.ts` builds the document from that list, so the document and the routes cannot drift.
 *
 * The schemas here document; they never validate or serialise. Routes keep validating with zod (`validate.ts`, so
 * errors stay `{ error: { code, message } }` with zod's wording and zod's defaults apply), and answers go out
 * as `JSON.stringify` writes them: Fastify's response serialiser would drop every field a schema does not list.
 */
import type { FastifyInstance, FastifySchema } from 'fastify';
import { z } from 'zod';

/** Who may call a route: an agent (session cookie or API token), an admin, a customer (portal or messenger), anyone. */
export type RouteAudience = 'public' | 'agent' | 'admin' | 'customer' | 'visitor';

export interface RouteDescription {
  summary: string;
  /** The OpenAPI tag (the API reference groups by it). */
  tag: string;
  audience: RouteAudience;
  body?: z.ZodType;
  /** The JSON body may be left out (the route then uses its schema's defaults). */
  bodyOptional?: true;
  querystring?: z.ZodType;
  params?: z.ZodType;
  /**
   * Status → the answer: a zod schema (a JSON body), a description (no body: 204, redirects), or a body of another
   * media type (CSV, text, HTML pages, files).
   */
  response: Record<number, z.ZodType | string | MediaAnswer>;
  /** Form fields instead of a JSON body (`application/x-www-form-urlencoded`), for the pages our mails link to. */
  form?: z.ZodType;
  /** A raw upload: the request body is the file itself, of any media type. */
  upload?: true;
}

/** An answer whose body is not JSON: its media type (`text/csv`, `text/html`, `*\/*` for a file) and what it is. */
export interface MediaAnswer {
  description: string;
  mediaType: string;
}

/** A non-JSON answer, as the document holds it. */
export interface PlainResponse {
  description: string;
  mediaType?: string;
}

/** The route's `schema` option: JSON Schemas for the document, the description kept for the document builder. */
export interface DescribedSchema extends FastifySchema {
  summary: string;
  tags: string[];
  audience: RouteAudience;
  /** Responses without a JSON body, by status. */
  plainResponses: Record<number, PlainResponse>;
  /** The JSON Schema of form fields, when the route takes a form instead of JSON. */
  form?: Record<string, unknown>;
  upload?: true;
  bodyOptional?: true;
}

/**
 * JSON Schema of a zod schema, as the document holds it: schemas named with `.meta({ id })` are referred to as
 * `#/components/schemas/<id>` and carried in `$defs`, which the document builder hoists into its components.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<string, unknown>;
}

export function describeRoute(d: RouteDescription): DescribedSchema {
  const response: Record<number, unknown> = {};
  const plainResponses: Record<number, PlainResponse> = {};
  for (const [status, answer] of Object.entries(d.response)) {
    if (typeof answer === 'string') plainResponses[Number(status)] = { description: answer };
    else if (answer instanceof z.ZodType) response[Number(status)] = jsonSchemaOf(answer, 'output');
    else plainResponses[Number(status)] = answer;
  }
  return {
    summary: d.summary,
    tags: [d.tag],
    audience: d.audience,
    plainResponses,
    ...(d.body ? { body: jsonSchemaOf(d.body, 'input') } : {}),
    ...(d.querystring ? { querystring: jsonSchemaOf(d.querystring, 'input') } : {}),
    ...(d.params ? { params: jsonSchemaOf(d.params, 'input') } : {}),
    ...(d.form ? { form: jsonSchemaOf(d.form, 'input') } : {}),
    ...(d.upload ? { upload: true as const } : {}),
    ...(d.bodyOptional ? { bodyOptional: true as const } : {}),
    response,
  };
}

/** One registered route, as `collectRoutes` saw it. */
export interface RegisteredRoute {
  method: string;
  url: string;
  schema: DescribedSchema | undefined;
}

const isDescribed = (schema: unknown): schema is DescribedSchema => typeof schema === 'object' && schema !== null && 'audience' in schema && 'summary' in schema;

/**
 * Records every route registered from now on (call it on the root instance before any route), and makes route
 * schemas documentation only: no Fastify validation, no schema-driven serialisation.
 */
export function collectRoutes(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.setValidatorCompiler(() => (value) => ({ value }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      // HEAD twins of GET routes are Fastify's own, not part of the API.
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, schema: isDescribed(route.schema) ? route.schema : undefined });
    }
  });
  return routes;
}

/**
 * The `{ schema }` route option for a group of routes with one tag and one audience (a route may name its own
 * audience): `const doc = routeDocs('Tickets', 'agent'); app.get(url, doc({ summary, response }), handler)`.
 */
export function routeDocs(tag: string, audience: RouteAudience) {
  return (d: Omit<RouteDescription, 'tag' | 'audience'> & { audience?: RouteAudience }) => ({ schema: describeRoute({ tag, audience, ...d }) });
}

/** Path parameters, all strings: `pathParams('id', 'macroId')`. */
export function pathParams<const K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((name) => [name, z.string()])) as Record<K, z.ZodString>);
}
