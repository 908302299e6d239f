/**
 * The desk's one HTTP client: every REST call the desk makes, same origin, JSON, session cookie.
 * A failed call throws `ApiError` carrying the server's `{ error: { code, message } }`.
 */
import type { ErrorCode } from '../shared/errors';
import type { Level } from '../shared/priority';
import type { AgentProfile, Channel, Message, RemoteSession, RemoteSessionList, RemoteTool, Source, TicketDetail, TicketStatus, TicketSummary } from '../shared/protocol';

/** Codes a call can fail with: the server's catalogue plus what only the client can see. */
export type ApiErrorCode = ErrorCode | 'network_error' | 'bad_response';

/** A failed API call: `status` is 0 when the request never got an answer. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Query of `GET /api/tickets`. */
export interface TicketQuery {
  status?: TicketStatus;
  priority?: Level;
  channel?: string;
  centre?: string;
  assignee?: string;
  limit?: number;
  cursor?: string;
}

/** `PATCH /api/tickets/:id` body. */
export interface TicketPatch {
  status?: TicketStatus;
  urgency?: Level;
  impact?: Level;
  assigneeId?: string | null;
  category?: string;
  reason?: string;
}

/** `POST /api/tickets/:id/messages` body. */
export interface ReplyInput {
  body: string;
  internal?: boolean;
  clientId?: string;
  /** Files uploaded beforehand (`POST /api/tickets/:id/attachments`). */
  attachmentIds?: string[];
}

/** `POST /api/tickets/:id/handback` body: the agent gives the chat back to Kai. */
export interface HandBackInput {
  /** Why, for the audit trail. */
  reason?: string;
}

/** `POST /api/tickets` body: a ticket on behalf of a customer (the desk's "Log a call"). */
export interface NewTicketInput {
  subject: string;
  description: string;
  channel: Channel;
  requester: { name?: string; email?: string; timeZone?: string };
  /** Left out: Kai assesses it. */
  urgency?: Level;
  impact?: Level;
  /** ISO instant the customer contacted us (the call came in). */
  receivedAt?: string;
}

/** `POST /api/tickets/:id/remote-sessions` body. */
export interface RemoteSessionInput {
  tool: RemoteTool;
  url: string;
  /** ISO instant; left out means now. */
  startsAt?: string;
  note?: string;
}

import type { KbArticle } from '../shared/api';
export type { KbArticle };

/** `POST /api/kb/articles` and `PUT /api/kb/articles/:id` body (PUT replaces the whole article). */
export interface KbArticleInput {
  title: string;
  body: string;
  url?: string;
  tags?: string[];
}

/** What Kai would do with a visitor's first message. */
export type KaiAction = 'answer' | 'offer_handoff' | 'handoff';

/** `POST /api/ai/preview` answer: what Kai would say, from which articles, and what it would do. */
export interface KaiPreview {
  reply: string;
  sources: Source[];
  action: KaiAction;
  /** 0 to 1. */
  confidence: number;
}

export interface TicketPage {
  tickets: TicketSummary[];
  nextCursor?: string;
}

export interface DeskApiOptions {
  /** Defaults to the global `fetch`, looked up at call time (so tests can stub it). */
  fetch?: typeof fetch;
  /** Called when a signed-in call answers 401: the session has ended elsewhere. */
  onUnauthorized?: () => void;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

export class DeskApi {
  readonly #fetch: typeof fetch | undefined;
  readonly #onUnauthorized: (() => void) | undefined;

  constructor(options: DeskApiOptions = {}) {
    this.#fetch = options.fetch;
    this.#onUnauthorized = options.onUnauthorized;
  }

  /** The signed-in agent; throws `ApiError` with status 401 when nobody is. */
  me(): Promise<AgentProfile> {
    return this.#request('GET', '/api/auth/me', undefined, { quietUnauthorized: true });
  }

  login(email: string, password: string): Promise<AgentProfile> {
    return this.#request('POST', '/api/auth/login', { email, password }, { quietUnauthorized: true });
  }

  async logout(): Promise<void> {
    await this.#request<undefined>('POST', '/api/auth/logout', undefined, { quietUnauthorized: true });
  }

  /** `POST /api/auth/password`: the signed-in agent's own password. */
  async changePassword(current: string, next: string): Promise<void> {
    await this.#request<undefined>('POST', '/api/auth/password', { current, next });
  }

  listTickets(query: TicketQuery = {}): Promise<TicketPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    return this.#request('GET', `/api/tickets${qs ? `?${qs}` : ''}`);
  }

  getTicket(id: string): Promise<TicketDetail> {
    return this.#request('GET', `/api/tickets/${encodeURIComponent(id)}`);
  }

  updateTicket(id: string, patch: TicketPatch): Promise<TicketDetail> {
    return this.#request('PATCH', `/api/tickets/${encodeURIComponent(id)}`, patch);
  }

  postMessage(id: string, input: ReplyInput): Promise<Message> {
    return this.#request('POST', `/api/tickets/${encodeURIComponent(id)}/messages`, input);
  }

  /** Creates a ticket for a customer (a phone call); answers with the ticket. */
  createTicket(input: NewTicketInput): Promise<TicketDetail> {
    return this.#request('POST', '/api/tickets', input);
  }

  /** Invites the customer to a remote session: the stored session and the public message carrying its card. */
  offerRemoteSession(id: string, input: RemoteSessionInput): Promise<{ session: RemoteSession; message: Message }> {
    return this.#request('POST', `/api/tickets/${encodeURIComponent(id)}/remote-sessions`, input);
  }

  /** The sessions offered on a ticket, the requester's preferred tool, and the hours a start must fall in. */
  listRemoteSessions(id: string): Promise<RemoteSessionList> {
    return this.#request('GET', `/api/tickets/${encodeURIComponent(id)}/remote-sessions`);
  }

  /** Gives a chat back to Kai (from `waiting` or `human`); answers with the ticket, whose conversationMode is `ai`. */
  handBack(id: string, input: HandBackInput = {}): Promise<TicketDetail> {
    return this.#request('POST', `/api/tickets/${encodeURIComponent(id)}/handback`, input);
  }

  async listArticles(): Promise<KbArticle[]> {
    const { articles } = await this.#request<{ articles: KbArticle[] }>('GET', '/api/kb/articles');
    return articles;
  }

  createArticle(input: KbArticleInput): Promise<KbArticle> {
    return this.#request('POST', '/api/kb/articles', input);
  }

  updateArticle(id: string, input: KbArticleInput): Promise<KbArticle> {
    return this.#request('PUT', `/api/kb/articles/${encodeURIComponent(id)}`, input);
  }

  async deleteArticle(id: string): Promise<void> {
    await this.#request<undefined>('DELETE', `/api/kb/articles/${encodeURIComponent(id)}`);
  }

  /** What Kai would answer to a visitor's first message; creates nothing. */
  previewKai(message: string): Promise<KaiPreview> {
    return this.#request('POST', '/api/ai/preview', { message });
  }

  /** Any other call, for the settings area's own client (`settings/settings-api.ts`), which names its routes. */
  call<T>(method: string, path: string, body?: unknown, opts: { quietUnauthorized?: boolean } = {}): Promise<T> {
    return this.#request(method, path, body, opts);
  }

  async #request<T>(method: string, path: string, body?: unknown, opts: { quietUnauthorized?: boolean } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const init: RequestInit = { method, credentials: 'same-origin', headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const doFetch = this.#fetch ?? globalThis.fetch;
    let res: Response;
    try {
      res = await doFetch(path, init);
    } catch {
      throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection and try again.');
    }
    if (res.status === 204) return undefined as T; // only logout and deletes answer 204, and they are typed `undefined`
    const text = await res.text();
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        if (res.ok) throw new ApiError(res.status, 'bad_response', 'The server sent an answer the desk cannot read.');
      }
    }
    if (!res.ok) {
      if (res.status === 401 && !opts.quietUnauthorized) this.#onUnauthorized?.();
      throw errorFrom(res.status, data);
    }
    // The server's responses are typed by the shared protocol; the desk trusts its own server here.
    return data as T;
  }
}

function errorFrom(status: number, data: unknown): ApiError {
  const fallbackCode: ErrorCode = STATUS_CODES[status] ?? 'internal';
  if (typeof data === 'object' && data !== null && 'error' in data) {
    const err = (data as { error: unknown }).error;
    if (typeof err === 'object' && err !== null) {
      const { code, message } = err as { code?: unknown; message?: unknown };
      return new ApiError(
        status,
        // The server only sends codes from the shared catalogue; an unknown one still shows its message.
        typeof code === 'string' ? (code as ErrorCode) : fallbackCode,
        typeof message === 'string' && message ? message : `Request failed (${status})`,
      );
    }
  }
  return new ApiError(status, fallbackCode, `Request failed (${status})`);
}
