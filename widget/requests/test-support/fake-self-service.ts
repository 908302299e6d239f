/**
 * An in-memory stand-in for the self-service routes (`/api/me/…`, `/api/portal/…`) behind a `fetch`, for the
 * messenger's and the portal's component tests. Records every call with its headers and body.
 */
import type { CustomerIdentity, CustomerMessage, CustomerRequestDetail } from '../../../shared/self-service';

export interface RecordedCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeSelfService {
  fetch: typeof fetch;
  calls: RecordedCall[];
  requests: CustomerRequestDetail[];
  /** Who `/api/me` says we are; null answers 401 everywhere. */
  identity: CustomerIdentity | null;
  /** Makes the next call to a path answer this status and error instead. */
  failNext: (method: string, path: string, status: number, code: string, message: string) => void;
}

export function detail(overrides: Partial<CustomerRequestDetail> & Pick<CustomerRequestDetail, 'id' | 'number' | 'subject'>): CustomerRequestDetail {
  const messages: CustomerMessage[] = overrides.messages ?? [
    { id: `${overrides.id}-m1`, author: { kind: 'customer', name: 'Ada' }, body: `${overrides.subject}: details`, createdAt: '2026-01-13T09:00:00.000Z' },
  ];
  return {
    status: 'open',
    channel: 'chat',
    createdAt: '2026-01-13T09:00:00.000Z',
    updatedAt: '2026-01-13T09:00:00.000Z',
    promise: 'Our UK team is in now and will reply by 10:00 your time.',
    withdrawn: false,
    description: `${overrides.subject}: details`,
    canReopen: overrides.status === 'solved',
    ...overrides,
    messages,
  };
}

const summary = ({ description: _d, messages: _m, canReopen: _c, ...rest }: CustomerRequestDetail) => rest;

export function fakeSelfService(initial: CustomerRequestDetail[], identity: CustomerIdentity | null = { kind: 'visitor', email: null, verified: false }): FakeSelfService {
  const state: FakeSelfService = {
    calls: [],
    requests: [...initial],
    identity,
    fetch: null as unknown as typeof fetch, // set below
    failNext: (method, path, status, code, message) => failures.set(`${method} ${path}`, { status, code, message }),
  };
  const failures = new Map<string, { status: number; code: string; message: string }>();
  const json = (status: number, body: unknown) => new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  let next = 2000;
  const ratings = new Map<string, { rating: number; comment: string | null; answeredVia: 'portal'; createdAt: string }>();

  state.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    const headers = Object.fromEntries(Object.entries((init?.headers as Record<string, string> | undefined) ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
    state.calls.push({ method, path, headers, body });
    const failure = failures.get(`${method} ${path}`);
    if (failure) {
      failures.delete(`${method} ${path}`);
      return json(failure.status, { error: { code: failure.code, message: failure.message } });
    }
    if (method === 'POST' && path === '/api/portal/login-link') return json(202, { status: 'sent' });
    if (method === 'POST' && path === '/api/portal/logout') {
      state.identity = null;
      return json(204, null);
    }
    if (!state.identity) return json(401, { error: { code: 'unauthorized', message: 'Sign in to see your requests' } });
    if (method === 'GET' && path === '/api/me') return json(200, state.identity);
    if (method === 'GET' && path === '/api/me/requests') return json(200, { requests: state.requests.map(summary) });
    if (method === 'POST' && path === '/api/me/requests') {
      const input = body as { subject: string; description: string };
      const created = detail({ id: `r${next}`, number: next++, subject: input.subject, description: input.description, status: 'new', channel: 'portal' });
      created.messages = [{ id: `${created.id}-m1`, author: { kind: 'customer', name: 'You' }, body: input.description, createdAt: created.createdAt }];
      state.requests.unshift(created);
      return json(201, created);
    }
    const m = /^\/api\/me\/requests\/([^/]+)(\/messages|\/reopen|\/csat)?$/.exec(path);
    const found = m ? state.requests.find((r) => r.id === decodeURIComponent(m[1]!)) : undefined;
    if (!m || !found) return json(404, { error: { code: 'not_found', message: 'No such request' } });
    if (method === 'GET' && !m[2]) return json(200, found);
    if (method === 'DELETE' && !m[2]) {
      state.requests = state.requests.filter((r) => r !== found);
      return json(204, null);
    }
    if (method === 'POST' && m[2] === '/reopen') {
      if (found.status !== 'solved') return json(409, { error: { code: 'invalid_transition', message: 'Only a solved request can be reopened' } });
      Object.assign(found, { status: 'open', canReopen: false, promise: 'Our UK team is on it and will keep you posted here.' });
      return json(200, found);
    }
    // CSAT: asked once a request is solved; one answer.
    if (method === 'GET' && m[2] === '/csat') return json(200, { askedAt: found.status === 'solved' ? '2026-01-13T10:00:00.000Z' : null, answer: ratings.get(found.id) ?? null });
    if (method === 'POST' && m[2] === '/csat') {
      if (ratings.has(found.id)) return json(409, { error: { code: 'conflict', message: 'This request has already been rated' } });
      const { rating, comment } = body as { rating: number; comment: string };
      const answer = { rating, comment: comment || null, answeredVia: 'portal' as const, createdAt: '2026-01-13T10:00:00.000Z' };
      ratings.set(found.id, answer);
      return json(201, answer);
    }
    if (method === 'POST' && m[2] === '/messages') {
      const text = (body as { body: string }).body;
      found.messages = [...found.messages, { id: `${found.id}-m${found.messages.length + 1}`, author: { kind: 'customer', name: 'Ada' }, body: text, createdAt: '2026-01-13T10:00:00.000Z' }];
      if (found.status === 'solved') Object.assign(found, { status: 'open', canReopen: false });
      return json(201, { request: found, followUp: false });
    }
    return json(404, { error: { code: 'not_found', message: 'No route' } });
  }) as typeof fetch;
  return state;
}
