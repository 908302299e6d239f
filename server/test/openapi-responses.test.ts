/**
 * The OpenAPI document tells the truth about answers: a real server (real database, real HTTP) is driven through
 * the main routes of every resource, and each answer is checked against what the document says of that route and
 * status, with ajv on the document's own JSON Schemas (objects there list every field: an undocumented field fails
 * as surely as a missing one). Also: no documented 2xx JSON answer is an object without properties.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, clientId, connectVisitor, signIn, startServer, widgetSession, type TestServer } from './harness';

interface Operation {
  tags: string[];
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}
interface Call {
  status: number;
  body: unknown;
  text: string;
}

const JSON_TYPE = 'application/json';

describe('answers against the OpenAPI document', () => {
  let server: TestServer;
  let doc: Doc;
  let admin: string;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const validators = new Map<string, ValidateFunction>();
  /** `method path` of every operation an answer was checked for, by its status. */
  const checked = new Map<string, Set<number>>();

  beforeAll(async () => {
    server = await startServer({ webhookIntervalMs: 0, sweepIntervalMs: 0, outboxIntervalMs: 0 });
    doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Doc;
    admin = await signIn(server);
  });
  afterAll(async () => server.close());

  const validatorFor = (key: string, schema: unknown) => {
    let validate = validators.get(key);
    if (!validate) {
      // The schema keeps `#/components/schemas/…` references: compiled beside the document's components.
      validate = ajv.compile({ ...(schema as object), components: doc.components });
      validators.set(key, validate);
    }
    return validate;
  };

  /**
   * Calls `method template` (path parameters filled from `params`) and checks the answer's status, media type
   * and, for JSON, its body against the document. Returns the answer.
   */
  async function call(
    method: string,
    template: string,
    expected: number,
    opts: { params?: Record<string, string>; query?: string; body?: unknown; cookie?: string; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<Call> {
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(opts.params?.[name] ?? `missing-${name}`));
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body !== undefined) headers['content-type'] = JSON_TYPE;
    if (opts.cookie) headers['cookie'] = opts.cookie;
    const res = await fetch(`${server.url}${path}${opts.query ? `?${opts.query}` : ''}`, {
      method,
      headers,
      body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      redirect: 'manual',
    });
    const text = await res.text();
    const where = `${method} ${template} → ${res.status}`;
    expect(res.status, `${where}: ${text.slice(0, 300)}`).toBe(expected);
    const operation = doc.paths[template]?.[method.toLowerCase()];
    expect(operation, `${method} ${template} is documented`).toBeDefined();
    const documented = operation!.responses[String(res.status)] ?? (res.status >= 400 ? operation!.responses['default'] : undefined);
    expect(documented, `${where} is a documented status`).toBeDefined();
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const content = documented!.content;
    let body: unknown = null;
    if (!content) {
      expect(text, `${where}: documented without a body`).toBe('');
    } else if (mediaType === JSON_TYPE) {
      const schema = content[JSON_TYPE]?.schema;
      expect(schema, `${where}: documented as JSON`).toBeDefined();
      body = JSON.parse(text);
      const validate = validatorFor(`${method} ${template} ${res.status}`, schema);
      expect(validate(body) ? [] : validate.errors, `${where}: the answer matches its documented schema`).toEqual([]);
    } else {
      const types = Object.keys(content);
      expect(types.some((t) => t === '*/*' || t.split(';')[0] === mediaType), `${where}: ${mediaType} is among ${types.join(', ')}`).toBe(true);
    }
    const key = `${method.toLowerCase()} ${template}`;
    checked.set(key, (checked.get(key) ?? new Set()).add(res.status));
    return { status: res.status, body, text };
  }

  it('tickets, messages, handoffs, tags, views, macros, attachments, reach, remote sessions and merges', async () => {
    // A chat handed off by the visitor: a ticket with Kai's handoff summary and messages.
    const session = await widgetSession(server, { user: undefined });
    const socket = await connectVisitor(server, session.token);
    try {
      const sent = await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'I cannot sign in to my account since this morning, please help' });
      expect(sent.ok).toBe(true);
      const state = await socket.timeout(5000).emitWithAck('conversation:escalate', {});
      expect(state.ok).toBe(true);
    } finally {
      socket.disconnect();
    }
    const queue = (await call('GET', '/api/tickets', 200, { cookie: admin })).body as { tickets: { id: string; channel: string }[] };
    const chat = queue.tickets.find((t) => t.channel === 'chat')!;
    expect(chat).toBeDefined();
    const chatTicket = (await call('GET', '/api/tickets/{id}', 200, { cookie: admin, params: { id: chat.id } })).body as { handoff: unknown; messages: unknown[] };
    expect(chatTicket.handoff).not.toBeNull();
    expect(chatTicket.messages.length).toBeGreaterThan(1);
    // The check bites: a field the document does not list, or one it requires missing, fails it.
    const ticketCheck = validators.get('GET /api/tickets/{id} 200')!;
    expect(ticketCheck({ ...chatTicket, secretField: 1 })).toBe(false);
    const { handoff: _handoff, ...withoutHandoff } = chatTicket;
    expect(ticketCheck(withoutHandoff)).toBe(false);
    await call('GET', '/api/tickets', 200, { cookie: admin, query: 'q=sign&limit=1' });

    const requester = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/London' };
    const phone = (await call('POST', '/api/tickets', 201, { cookie: admin, body: { subject: 'Invoice is wrong', description: 'The March invoice lists two seats too many.', channel: 'email', requester, urgency: 'medium', impact: 'low' } })).body as { id: string };
    const other = (await call('POST', '/api/tickets', 201, { cookie: admin, body: { subject: 'Invoice again', description: 'Also the April one.', channel: 'email', requester } })).body as { id: string };
    const id = { id: phone.id };
    await call('PATCH', '/api/tickets/{id}', 200, { cookie: admin, params: id, body: { status: 'open', category: 'billing' } });
    const reply = (await call('POST', '/api/tickets/{id}/messages', 201, { cookie: admin, params: id, body: { body: 'We are on it.', clientId: clientId() } })).body as { id: string };
    await call('POST', '/api/tickets/{id}/messages', 201, { cookie: admin, params: id, body: { body: 'Check the seat count', internal: true } });
    expect(reply.id).toBeTruthy();
    await call('POST', '/api/tickets/{id}/tags', 200, { cookie: admin, params: id, body: { tag: 'billing' } });
    await call('DELETE', '/api/tickets/{id}/tags/{tag}', 200, { cookie: admin, params: { ...id, tag: 'billing' } });
    await call('POST', '/api/tickets/bulk', 200, { cookie: admin, body: { ticketIds: [phone.id, 'no-such-ticket'], changes: { addTags: ['vip'] } } });
    await call('GET', '/api/tickets/{id}/context', 200, { cookie: admin, params: id });
    await call('GET', '/api/tickets/{id}/reach', 200, { cookie: admin, params: id });
    await call('GET', '/api/tickets/{id}/transcript.txt', 200, { cookie: admin, params: id });
    await call('POST', '/api/tickets/{id}/handback', 200, { cookie: admin, params: { id: chat.id }, body: {} });

    const file = (await call('POST', '/api/tickets/{id}/attachments', 201, { cookie: admin, params: id, query: 'filename=notes.txt', headers: { 'content-type': 'text/plain' }, raw: 'seat count: 12' })).body as { id: string };
    await call('POST', '/api/tickets/{id}/messages', 201, { cookie: admin, params: id, body: { body: 'The notes', attachmentIds: [file.id] } });
    const withFile = (await call('GET', '/api/tickets/{id}', 200, { cookie: admin, params: id })).body as { attachments: { id: string }[] };
    await call('GET', '/api/tickets/{id}/attachments/{attachmentId}', 200, { cookie: admin, params: { ...id, attachmentId: withFile.attachments[0]!.id } });

    await call('GET', '/api/tickets/{id}/remote-sessions', 200, { cookie: admin, params: id });
    await call('POST', '/api/tickets/{id}/remote-sessions', 201, { cookie: admin, params: id, body: { tool: 'zoom', url: 'https://zoom.us/j/123456789' } });

    const views = (await call('GET', '/api/views', 200, { cookie: admin })).body as { builtIn: unknown[] };
    expect(views.builtIn.length).toBeGreaterThan(0);
    const view = (await call('POST', '/api/views', 201, { cookie: admin, body: { name: 'Billing', filters: { tag: ['vip'], status: ['open'] } } })).body as { id: string };
    await call('PATCH', '/api/views/{id}', 200, { cookie: admin, params: { id: view.id }, body: { shared: true } });
    await call('DELETE', '/api/views/{id}', 204, { cookie: admin, params: { id: view.id } });

    const macro = (await call('POST', '/api/macros', 201, { cookie: admin, body: { title: 'Thanks', body: 'Thanks {{customer.first_name}}, ticket {{ticket.number}}', setStatus: 'pending', tags: ['thanked'] } })).body as { id: string };
    await call('GET', '/api/macros', 200, { cookie: admin });
    await call('PATCH', '/api/macros/{id}', 200, { cookie: admin, params: { id: macro.id }, body: { title: 'Thank you' } });
    await call('POST', '/api/tickets/{id}/macros/{macroId}/render', 200, { cookie: admin, params: { ...id, macroId: macro.id } });
    await call('DELETE', '/api/macros/{id}', 204, { cookie: admin, params: { id: macro.id } });

    await call('GET', '/api/team/presence', 200, { cookie: admin });
    const prefs = (await call('GET', '/api/me/notifications', 200, { cookie: admin })).body as Record<string, boolean>;
    await call('PUT', '/api/me/notifications', 200, { cookie: admin, body: { ...prefs, sound: false } });

    await call('POST', '/api/tickets/{id}/merge', 200, { cookie: admin, params: { id: other.id }, body: { intoId: phone.id } });
  });

  it('the customer: visitor session, site look, help articles, reach, requests, CSAT and the portal', async () => {
    const session = (await call('POST', '/api/widget/session', 200, { body: { siteKey: 'demo', origin: 'http://localhost:8080', timeZone: 'Europe/London' } })).body as { token: string };
    const visitor = { authorization: `Visitor ${session.token}` };
    await call('GET', '/api/widget/sites/{key}', 200, { params: { key: 'demo' } });
    const found = (await call('GET', '/api/widget/articles', 200, { headers: visitor, query: 'q=password' })).body as { articles: { id: string }[] };
    await call('GET', '/api/widget/articles', 200, { headers: visitor, query: 'page=/billing' });
    await call('GET', '/api/widget/articles/{id}', 200, { headers: visitor, params: { id: found.articles[0]!.id } });
    await call('GET', '/api/widget/reach', 200, { headers: visitor });
    await call('POST', '/api/widget/reach/email', 201, { headers: visitor, body: { email: 'grace@example.com' } });

    const socket = await connectVisitor(server, session.token);
    try {
      await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'My export to CSV fails every time' });
      await socket.timeout(5000).emitWithAck('conversation:escalate', {});
      const upload = (await call('POST', '/api/widget/attachments', 201, { headers: { ...visitor, 'content-type': 'text/plain' }, query: 'filename=log.txt', raw: 'export failed at row 12' })).body as { id: string };
      const sent = await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'The log', attachmentIds: [upload.id] });
      expect(sent.ok).toBe(true);
      await call('GET', '/api/widget/attachments/{id}', 200, { headers: visitor, params: { id: upload.id } });
    } finally {
      socket.disconnect();
    }
    await call('GET', '/api/me', 200, { headers: visitor });
    const mine = (await call('GET', '/api/me/requests', 200, { headers: visitor })).body as { requests: { id: string }[] };
    const request = { id: mine.requests[0]!.id };
    await call('GET', '/api/me/requests/{id}', 200, { headers: visitor, params: request });
    await call('POST', '/api/me/requests/{id}/messages', 201, { headers: visitor, params: request, body: { body: 'It is the same with Excel', clientId: clientId() } });
    await call('PATCH', '/api/tickets/{id}', 200, { cookie: admin, params: request, body: { status: 'solved' } });
    await call('GET', '/api/me/requests/{id}/csat', 200, { headers: visitor, params: request });
    await call('POST', '/api/me/requests/{id}/csat', 201, { headers: visitor, params: request, body: { rating: 4, comment: 'Quick' } });
    await call('POST', '/api/me/requests/{id}/reopen', 200, { headers: visitor, params: request });
    await call('DELETE', '/api/me/requests/{id}', 204, { headers: visitor, params: request });

    await call('POST', '/api/portal/login-link', 202, { body: { email: 'grace@example.com' } });
    await call('GET', '/portal/verify', 200, { query: 'token=not-a-token' });
    await call('POST', '/portal/verify', 400, { headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url }, raw: 'token=not-a-token' });
    await call('POST', '/api/portal/logout', 204);
    await call('GET', '/reach/confirm', 200, { query: 'token=x' });
    await call('GET', '/csat', 400, { query: 'token=forged' });
  });

  it('settings: sites, identity secrets, agents, tokens, operations, hours, knowledge base, Kai, webhooks, audit and reports', async () => {
    await call('GET', '/api/auth/me', 200, { cookie: admin });
    const token = (await call('POST', '/api/auth/tokens', 201, { cookie: admin, body: { name: 'CI' } })).body as { id: string };
    await call('GET', '/api/auth/tokens', 200, { cookie: admin });
    await call('DELETE', '/api/auth/tokens/{id}', 204, { cookie: admin, params: { id: token.id } });

    await call('GET', '/api/sites', 200, { cookie: admin });
    await call('POST', '/api/sites', 201, { cookie: admin, body: { key: 'shop', name: 'Shop', allowedOrigins: ['https://shop.example.com'] } });
    const key = { key: 'shop' };
    await call('GET', '/api/sites/{key}', 200, { cookie: admin, params: key });
    await call('PATCH', '/api/sites/{key}', 200, { cookie: admin, params: key, body: { appearance: { color: '#123456', position: 'left', greeting: 'Hi', agentName: 'Sam' } } });
    const secret = (await call('POST', '/api/sites/{key}/identity-secrets', 201, { cookie: admin, params: key, body: {} })).body as { id: string };
    await call('GET', '/api/sites/{key}/identity-secrets', 200, { cookie: admin, params: key });
    await call('DELETE', '/api/sites/{key}/identity-secrets/{id}', 204, { cookie: admin, params: { ...key, id: secret.id } });
    await call('DELETE', '/api/sites/{key}', 204, { cookie: admin, params: key });

    const agent = (await call('POST', '/api/agents', 201, { cookie: admin, body: { email: 'bo@example.com', name: 'Bo', role: 'agent', password: 'a-long-password-1' } })).body as { id: string };
    await call('GET', '/api/agents', 200, { cookie: admin });
    await call('PATCH', '/api/agents/{id}', 200, { cookie: admin, params: { id: agent.id }, body: { name: 'Bo Jensen' } });
    await call('POST', '/api/agents/{id}/password-reset', 202, { cookie: admin, params: { id: agent.id } });
    const signedIn = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ email: 'bo@example.com', password: 'a-long-password-1' }) });
    const bo = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    await call('POST', '/api/auth/password', 204, { cookie: bo, body: { current: 'a-long-password-1', next: 'a-longer-password-2' } });
    await call('POST', '/api/auth/logout', 204, { cookie: bo });

    const ops = (await call('GET', '/api/operations', 200, { cookie: admin })).body as { autoCloseDays: number };
    await call('PUT', '/api/operations', 200, { cookie: admin, body: { autoCloseDays: ops.autoCloseDays } });
    await call('POST', '/api/operations/preview', 200, { cookie: admin, body: { priority: 'high', timeZone: 'Europe/London' } });
    await call('GET', '/api/hours', 200);

    const article = (await call('POST', '/api/kb/articles', 201, { cookie: admin, body: { title: 'Exports', body: 'Exports are CSV files.' } })).body as { id: string };
    await call('GET', '/api/kb/articles', 200, { cookie: admin });
    await call('GET', '/api/kb/articles/{id}', 200, { cookie: admin, params: { id: article.id } });
    await call('PUT', '/api/kb/articles/{id}', 200, { cookie: admin, params: { id: article.id }, body: { title: 'Exports', body: 'Exports are CSV or XLSX files.' } });
    await call('DELETE', '/api/kb/articles/{id}', 204, { cookie: admin, params: { id: article.id } });
    await call('POST', '/api/ai/triage', 200, { cookie: admin, body: { text: 'Our whole team cannot log in, production is down' } });
    await call('POST', '/api/ai/preview', 200, { cookie: admin, body: { message: 'How do I reset my password?' } });

    const hook = (await call('POST', '/api/webhooks', 201, { cookie: admin, body: { url: 'https://hooks.example.com/frontdesk', events: ['ticket.created'] } })).body as { id: string };
    await call('GET', '/api/webhooks', 200, { cookie: admin });
    await call('PATCH', '/api/webhooks/{id}', 200, { cookie: admin, params: { id: hook.id }, body: { description: 'CRM' } });
    await call('POST', '/api/webhooks/{id}/rotate-secret', 200, { cookie: admin, params: { id: hook.id } });
    await call('POST', '/api/tickets', 201, { cookie: admin, body: { subject: 'Hello', description: 'A ticket for the webhook', channel: 'api', requester: { email: 'x@example.com' }, urgency: 'low', impact: 'low' } });
    const deliveries = (await call('GET', '/api/webhooks/{id}/deliveries', 200, { cookie: admin, params: { id: hook.id } })).body as { deliveries: { id: string }[] };
    await call('POST', '/api/webhooks/{id}/deliveries/{deliveryId}/redeliver', 202, { cookie: admin, params: { id: hook.id, deliveryId: deliveries.deliveries[0]!.id } });
    await call('DELETE', '/api/webhooks/{id}', 204, { cookie: admin, params: { id: hook.id } });

    await call('GET', '/api/audit', 200, { cookie: admin, query: 'limit=50' });
    const today = new Date().toISOString().slice(0, 10);
    await call('GET', '/api/reports', 200, { cookie: admin, query: `from=${today}&to=${today}` });
    await call('GET', '/api/reports.csv', 200, { cookie: admin, query: `from=${today}&to=${today}` });

    await call('GET', '/healthz', 200);
    await call('GET', '/readyz', 200);
    await call('GET', '/metrics', 200);
    await call('GET', '/api/openapi.json', 200);
  });

  it("errors have the catalogue's shape at their documented statuses", async () => {
    const agentCookie = await (async () => {
      await api(server, 'POST', '/api/agents', { cookie: admin, body: { email: 'cy@example.com', name: 'Cy', role: 'agent', password: 'another-long-password' } });
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ email: 'cy@example.com', password: 'another-long-password' }) });
      return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    })();
    const notFound = await call('GET', '/api/tickets/{id}', 404, { cookie: admin, params: { id: 'no-such-ticket' } });
    expect(notFound.body).toMatchObject({ error: { code: 'not_found' } });
    await call('POST', '/api/tickets', 400, { cookie: admin, body: { subject: '' } });
    await call('GET', '/api/tickets', 401);
    await call('GET', '/api/sites', 403, { cookie: agentCookie });
    await call('POST', '/api/auth/login', 401, { body: { email: 'nobody@example.com', password: 'wrong-password' } });
  });

  it('checked an answer of every tag and of most operations', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method} ${path}`, tags: op.tags })));
    const unchecked = operations.filter((op) => !checked.has(op.key)).map((op) => op.key);
    const tags = new Set(operations.flatMap((op) => op.tags));
    const checkedTags = new Set(operations.filter((op) => checked.has(op.key)).flatMap((op) => op.tags));
    expect([...tags].filter((t) => !checkedTags.has(t)), 'tags without a checked answer').toEqual([]);
    // Left out: what needs a token that only a mail carries (invitation links, portal sessions, confirmed emails, CSAT links).
    expect(unchecked.sort()).toEqual(['post /api/auth/links/accept', 'post /api/me/requests', 'post /api/widget/transcript', 'post /csat', 'post /reach/confirm']);
  });
});

describe('the OpenAPI document types its answers', () => {
  let server: TestServer;
  let doc: Doc;
  beforeAll(async () => {
    server = await startServer({ webhookIntervalMs: 0, sweepIntervalMs: 0 });
    doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Doc;
  });
  afterAll(async () => server.close());

  /** Paths (in the JSON) of objects that say nothing of their fields: `{ type: 'object' }` alone. */
  function bareObjects(schema: unknown, at: string, seen = new Set<string>()): string[] {
    if (typeof schema !== 'object' || schema === null) return [];
    const node = schema as Record<string, unknown>;
    const ref = typeof node['$ref'] === 'string' ? (node['$ref'] as string) : null;
    if (ref) {
      if (seen.has(ref)) return [];
      seen.add(ref);
      return bareObjects(doc.components.schemas[ref.replace('#/components/schemas/', '')], ref, seen);
    }
    const bare = node['type'] === 'object' && node['properties'] === undefined && node['additionalProperties'] === undefined && node['patternProperties'] === undefined;
    const inner = Object.entries(node).flatMap(([k, v]) => (Array.isArray(v) ? v.flatMap((x, i) => bareObjects(x, `${at}/${k}/${i}`, seen)) : typeof v === 'object' ? bareObjects(v, `${at}/${k}`, seen) : []));
    return [...(bare ? [at] : []), ...inner];
  }

  it('has no 2xx JSON answer that is an object without properties, and every 2xx answer says what it is', () => {
    const bare: string[] = [];
    const untyped: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, answer] of Object.entries(op.responses)) {
          if (!status.startsWith('2')) continue;
          const json = answer.content?.[JSON_TYPE]?.schema;
          if (json) bare.push(...bareObjects(json, `${method} ${path} ${status}`));
          else if (status !== '204' && !answer.content) untyped.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(bare).toEqual([]);
    expect(untyped, '2xx answers with neither a JSON schema nor a media type').toEqual([]);
  });

  it('names the resources as components', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Ticket', 'TicketSummary', 'Message', 'Handoff', 'KbArticle', 'Site', 'Agent', 'ApiToken', 'Webhook', 'WebhookDelivery', 'View', 'Macro', 'Tag', 'AuditEntry', 'Report', 'Operations', 'Hours', 'Csat', 'Attachment', 'Error']),
    );
    expect(doc.paths['/api/tickets/{id}']!['get']!.responses['200']!.content![JSON_TYPE]!.schema).toEqual({ $ref: '#/components/schemas/Ticket' });
    expect(Object.keys(doc.paths['/api/reports.csv']!['get']!.responses['200']!.content!)).toEqual(['text/csv']);
    expect(doc.paths['/api/tickets']!['get']!.responses['401']!.content![JSON_TYPE]!.schema).toEqual({ $ref: '#/components/schemas/Error' });
  });
});
