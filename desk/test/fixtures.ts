/** Test data builders for desk tests (not part of the bundle). */
import type { Handoff, Message, TicketDetail, TicketSummary } from '../../shared/protocol';
import type { KbArticle } from '../api';

export const HOSTILE_SCRIPT = '<script>alert(1)</script>';
export const HOSTILE_IMG = '<img src=x onerror=alert(1)>';

let counter = 0;

export function summary(overrides: Partial<TicketSummary> = {}): TicketSummary {
  counter += 1;
  const id = overrides.id ?? `t${counter}`;
  return {
    id,
    number: 1000 + counter,
    subject: `Subject ${counter}`,
    status: 'new',
    priority: 'medium',
    urgency: 'medium',
    impact: 'medium',
    channel: 'chat',
    centre: 'uk',
    requester: { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/London' },
    assigneeId: null,
    category: 'general',
    receivedAt: '2025-03-03T09:00:00.000Z',
    createdAt: '2025-03-03T09:00:00.000Z',
    updatedAt: '2025-03-03T09:00:00.000Z',
    firstResponseDueAt: '2025-03-03T13:00:00.000Z',
    resolutionDueAt: '2025-03-04T09:00:00.000Z',
    firstRespondedAt: null,
    nextResponseDueAt: null,
    // The earliest running deadline: the first response's, unless a test says otherwise.
    nextDueAt: overrides.firstResponseDueAt === undefined ? '2025-03-03T13:00:00.000Z' : overrides.firstResponseDueAt,
    slaPausedAt: null,
    followUpOf: null,
    mergedIntoId: null,
    supportPlan: null,
    withdrawnAt: null,
    outOfHours: false,
    siteId: 'site-demo',
    tags: [],
    ...overrides,
  };
}

export function message(overrides: Partial<Message> = {}): Message {
  counter += 1;
  return {
    id: `m${counter}`,
    conversationId: 'c1',
    seq: counter,
    clientId: null,
    author: { kind: 'customer', name: 'Ada Lovelace' },
    body: `Body ${counter}`,
    internal: false,
    sources: [],
    createdAt: '2025-03-03T09:00:00.000Z',
    ...overrides,
  };
}

export function handoff(overrides: Partial<Handoff> = {}): Handoff {
  return {
    reason: 'visitor_request',
    problem: 'Cannot sign in to the portal',
    tried: ['Suggested a password reset'],
    sources: [{ id: 'kb1', title: 'Resetting your password', url: '/kb/reset-password' }],
    urgency: { level: 'high', reason: 'Blocked from working' },
    impact: { level: 'medium', reason: 'One user affected' },
    evidence: ['I cannot do any work today'],
    identity: 'unverified',
    channel: 'chat',
    deadline: '2025-03-03T10:00:00.000Z',
    ...overrides,
  };
}

export function detail(overrides: Partial<TicketDetail> = {}): TicketDetail {
  const base = summary(overrides);
  return {
    ...base,
    description: 'I cannot sign in',
    conversationId: 'c1',
    conversationMode: null,
    urgencyReason: 'Blocked from working',
    impactReason: 'One user affected',
    handoff: null,
    messages: [],
    events: [],
    attachments: [],
    ...overrides,
  };
}

export function article(overrides: Partial<KbArticle> = {}): KbArticle {
  counter += 1;
  return {
    id: `kb${counter}`,
    slug: `article-${counter}`,
    title: `Article ${counter}`,
    body: `# Article ${counter}\n\nSome **markdown**.`,
    url: `/help/article-${counter}`,
    tags: [],
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    ...overrides,
  };
}

/** A `fetch` answer with a JSON body. */
export function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A `fetch` for the desk's client made from a handler of the request's URL (the client passes paths as strings). */
export function asFetch(handler: (url: string, init?: RequestInit) => Promise<Response>): typeof fetch {
  return (input, init) => handler(input instanceof Request ? input.url : String(input), init);
}
