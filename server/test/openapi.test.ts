/**
 * The OpenAPI document against the routes: every registered API route is documented, every documented route
 * exists, self-describing routes carry typed answers with named components, and route schemas document without
 * changing what a route accepts or answers. Also the API reference page under its CSP.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installErrorHandler } from '../src/errors';
import { isPageRoute, openApiPath } from '../src/routes/openapi';
import { collectRoutes, describeRoute } from '../src/routes/route-docs';
import { parse } from '../src/routes/validate';
import { startServer, type TestServer } from './harness';

interface Doc {
  paths: Record<string, Record<string, { responses: Record<string, { content?: { 'application/json': { schema: unknown } } }>; requestBody?: unknown }>>;
  components: { schemas: Record<string, unknown> };
}

describe('the OpenAPI document', () => {
  let server: TestServer;
  const registered: { method: string; url: string }[] = [];
  let doc: Doc;

  beforeAll(async () => {
    server = await startServer({ webhookIntervalMs: 0, sweepIntervalMs: 0, onRoute: (route) => registered.push(route) });
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });
  afterAll(async () => server.close());

  const apiRoutes = () => registered.filter((r) => !isPageRoute(r.url) && r.method !== 'HEAD' && r.method !== 'OPTIONS');

  it('documents every registered route (a missing one is named by method and path)', () => {
    const missing = apiRoutes()
      .filter((r) => !doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()])
      .map((r) => `${r.method} ${r.url}`);
    expect(missing, `routes missing from the OpenAPI document: describe them with describeRoute()`).toEqual([]);
    expect(apiRoutes().length).toBeGreaterThan(40);
  });

  it('documents no route that does not exist', () => {
    const known = new Set(apiRoutes().map((r) => `${r.method.toLowerCase()} ${openApiPath(r.url)}`));
    const ghosts = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`)).filter((op) => !known.has(op));
    expect(ghosts, 'documented routes that are not registered').toEqual([]);
  });

  it('types the webhook routes with named components and their request bodies', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Error', 'Webhook', 'WebhookWithSecret', 'WebhookDelivery']));
    const list = doc.paths['/api/webhooks']!['get']!.responses['200']!.content!['application/json'].schema;
    expect(list).toMatchObject({ properties: { webhooks: { type: 'array', items: { $ref: '#/components/schemas/Webhook' } } } });
    const create = doc.paths['/api/webhooks']!['post']!;
    expect(create.requestBody).toMatchObject({ content: { 'application/json': { schema: { required: ['url', 'events'] } } } });
    expect(create.responses['201']!.content!['application/json'].schema).toEqual({ $ref: '#/components/schemas/WebhookWithSecret' });
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });

  it('describes /portal/verify and PUT /api/operations as they are', () => {
    expect(Object.keys(doc.paths['/portal/verify']!).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/api/operations']!['put']!.requestBody).toMatchObject({ required: true });
    // A body the route does without (its defaults) is documented as optional.
    expect(doc.paths['/api/sites/{key}/identity-secrets']!['post']!.requestBody).toMatchObject({ required: false });
    expect(doc.paths['/api/operations']!['get']!.responses['200']!.content!['application/json'].schema).toEqual({ $ref: '#/components/schemas/Operations' });
  });

  it('serves the API reference from this server under a CSP without inline script', async () => {
    const page = await fetch(`${server.url}/api/docs`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    for (const src of [...html.matchAll(/(?:src|href)="(\/api\/docs\/[^"]+)"/g)].map((m) => m[1]!)) {
      const asset = await fetch(`${server.url}${src}`);
      expect(asset.status, src).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, src).toBeGreaterThan(20);
    }
    for (const name of ['..%2Fpackage.json', 'constructor', '__proto__', 'index.html']) expect((await fetch(`${server.url}/api/docs/${name}`)).status, name).toBe(404);
  });
});

describe('route schemas', () => {
  it('document only: zod validates (our error format), and answers keep fields the schema does not list', async () => {
    const app = Fastify();
    installErrorHandler(app);
    collectRoutes(app);
    const body = z.object({ name: z.string().min(1), size: z.number().default(3) });
    app.post('/x', { schema: describeRoute({ summary: 'x', tag: 't', audience: 'public', body, response: { 200: z.object({ name: z.string() }) } }) }, async (request) => {
      const input = parse(body, request.body);
      return { ...input, extra: 'kept', nested: { n: 1 } };
    });
    const ok = await app.inject({ method: 'POST', url: '/x', payload: { name: 'a' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ name: 'a', size: 3, extra: 'kept', nested: { n: 1 } });
    const bad = await app.inject({ method: 'POST', url: '/x', payload: { name: 7 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed', message: expect.stringMatching(/^name: /) } });
    await app.close();
  });
});
