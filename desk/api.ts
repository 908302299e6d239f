/**
 * The desk's one HTTP client: every REST call the desk makes, same origin, JSON, session cookie.
 * A failed call throws `ApiError`, the browser's one HTTP error (`HttpError` of `shared/http-client.ts`, which
 * makes every call), carrying the server's `{ error: { code, message } }`.
 */
import { HttpError, requestJson } from '../shared/http-client';
import { englishTexts, type DeskTexts } from './i18n/i18n';
import type { BulkChangeResult, SavedView, ViewFilters, ViewsResponse } from '../shared/queue';
import type { Level } from '../shared/priority';
import type { Webhook, WebhookDelivery } from '../shared/webhooks';
import type { WebhookEventType } from '../shared/webhook-events';
import type { OperationsSettings, TicketPreview, TicketPreviewInput } from './settings/operations/operations-types';
import type { AgentProfile, Channel, Message, RemoteSession, RemoteSessionList, RemoteTool, Source, TicketDetail, TicketStatus, TicketSummary } from '../shared/protocol';

/** What a bulk action may change. */
export interface BulkChanges {
  status?: TicketStatus;
  assigneeId?: string | null;
  addTags?: string[];
  removeTags?: string[];
}

/** A failed API call: `status` is 0 when the request never got an answer. */
export { HttpError as ApiError, type HttpErrorCode as ApiErrorCode } from '../shared/http-client';

/** What a form says when a call failed: the server's own words, or a plain line in the agent's language for anything else. */
export function failureText(err: unknown, t: DeskTexts = englishTexts): string {
  return err instanceof HttpError ? err.message : t.t('somethingWrong');
}

/** Query of `GET /api/tickets`. */
export interface TicketQuery {
  status?: TicketStatus;
  priority?: Level;
  channel?: string;
  centre?: string;
  assignee?: string;
  /** Comma-separated tags, all required. */
  tag?: string;
  site?: string;
  /** Search words: a ticket number, words of subjects and messages, a name or an email. */
  q?: string;
  /** Minutes: only tickets whose next deadline is at most this far away. */
  dueWithin?: number;
  limit?: number;
  cursor?: string;
}

/** A view's filters as a `GET /api/tickets` query (lists joined with commas). */
export function queryOfView(f: ViewFilters): TicketQuery {
  return {
    status: f.status?.join(',') as TicketStatus | undefined,
    priority: f.priority?.join(',') as Level | undefined,
    channel: f.channel?.join(','),
    centre: f.centre?.join(','),
    assignee: f.assignee,
    tag: f.tag?.join(','),
    site: f.site,
    dueWithin: f.dueWithinMinutes,
    q: f.q,
  };
}

/** `PATCH /api/tickets/:id` body. */
export interface TicketPatch {
  status?: TicketStatus;
  urgency?: Level;
  impact?: Level;
  assigneeId?: string | null;
  addTags?: string[];
  removeTags?: string[];
  category?: string;
  reason?: string;
  /** The `updatedAt` the change is based on: a newer ticket refuses it (409, with `current`). */
  ifUpdatedAt?: string;
}

/** `POST /api/tickets/:id/messages` body. */
export interface ReplyInput {
  body: string;
  internal?: boolean;
  clientId?: string;
  /** The last message the agent saw: someone else's newer message refuses the send (409, with `current.messages`). */
  ifLastMessageId?: string;
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
import type { AgentPresence, CustomerContext, Macro, MacroInput, NotificationPreferences, RenderedMacro } from '../shared/team';
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
  /** With `q`: ticket id → an excerpt of the message that matched. */
  matches?: Record<string, string>;
}

export interface DeskApiOptions {
  /** Defaults to the global `fetch`, looked up at call time (so tests can stub it). */
  fetch?: typeof fetch;
  /** Called when a signed-in call answers 401: the session has ended elsewhere. */
  onUnauthorized?: () => void;
}

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

  listViews(): Promise<ViewsResponse> {
    return this.#request('GET', '/api/views');
  }

  createView(body: { name: string; shared: boolean; filters: ViewFilters }): Promise<SavedView> {
    return this.#request('POST', '/api/views', body);
  }

  updateView(id: string, body: { name?: string; shared?: boolean; filters?: ViewFilters }): Promise<SavedView> {
    return this.#request('PATCH', `/api/views/${encodeURIComponent(id)}`, body);
  }

  deleteView(id: string): Promise<void> {
    return this.#request('DELETE', `/api/views/${encodeURIComponent(id)}`);
  }

  /** One change to many tickets (`POST /api/tickets/bulk`). */
  bulkChange(ticketIds: string[], changes: BulkChanges): Promise<BulkChangeResult> {
    return this.#request('POST', '/api/tickets/bulk', { ticketIds, changes });
  }

  addTag(id: string, tag: string): Promise<TicketDetail> {
    return this.#request('POST', `/api/tickets/${encodeURIComponent(id)}/tags`, { tag });
  }

  removeTag(id: string, tag: string): Promise<TicketDetail> {
    return this.#request('DELETE', `/api/tickets/${encodeURIComponent(id)}/tags/${encodeURIComponent(tag)}`);
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

  /** The team (to assign tickets and name who is online). */
  async listAgents(): Promise<AgentProfile[]> {
    const { agents } = await this.#request<{ agents: AgentProfile[] }>('GET', '/api/agents');
    return agents;
  }

  /** Everyone with the desk open, and their status. */
  async teamPresence(): Promise<AgentPresence[]> {
    const { agents } = await this.#request<{ agents: AgentPresence[] }>('GET', '/api/team/presence');
    return agents;
  }

  /** The agent's notification preferences (kept on the server). */
  notificationPreferences(): Promise<NotificationPreferences> {
    return this.#request('GET', '/api/me/notifications');
  }

  saveNotificationPreferences(prefs: NotificationPreferences): Promise<NotificationPreferences> {
    return this.#request('PUT', '/api/me/notifications', prefs);
  }

  /** The shared macros and the agent's own. */
  async listMacros(): Promise<Macro[]> {
    const { macros } = await this.#request<{ macros: Macro[] }>('GET', '/api/macros');
    return macros;
  }

  createMacro(input: MacroInput): Promise<Macro> {
    return this.#request('POST', '/api/macros', input);
  }

  async deleteMacro(id: string): Promise<void> {
    await this.#request<undefined>('DELETE', `/api/macros/${encodeURIComponent(id)}`);
  }

  /** A macro's text for one ticket (placeholders filled) and what sending it also sets. */
  renderMacro(ticketId: string, macroId: string): Promise<RenderedMacro> {
    return this.#request('POST', `/api/tickets/${encodeURIComponent(ticketId)}/macros/${encodeURIComponent(macroId)}/render`);
  }

  /** Merges ticket `id` into `intoId`; answers with the surviving ticket. */
  mergeTicket(id: string, intoId: string): Promise<TicketDetail> {
    return this.#request('POST', `/api/tickets/${encodeURIComponent(id)}/merge`, { intoId });
  }

  /** Who the requester is and what else they asked (past requests, page, browser, boot attributes). */
  customerContext(id: string): Promise<CustomerContext> {
    return this.#request('GET', `/api/tickets/${encodeURIComponent(id)}/context`);
  }

  /** What Kai would answer to a visitor's first message; creates nothing. */
  previewKai(message: string): Promise<KaiPreview> {
    return this.#request('POST', '/api/ai/preview', { message });
  }

  /** Support operations: every agent reads them, admins change them. */
  getOperations(): Promise<OperationsSettings> {
    return this.#request('GET', '/api/operations');
  }

  putOperations(patch: Partial<OperationsSettings>): Promise<OperationsSettings> {
    return this.#request('PUT', '/api/operations', patch);
  }

  /** Where a new ticket would go and when it would be due (on `operations`, unsaved changes, when given). */
  previewOperations(input: TicketPreviewInput): Promise<TicketPreview> {
    return this.#request('POST', '/api/operations/preview', input);
  }

  /** Webhooks (admins): endpoints, their secrets (shown when created or rotated) and deliveries. */
  listWebhooks(): Promise<{ webhooks: Webhook[] }> {
    return this.#request('GET', '/api/webhooks');
  }

  createWebhook(input: { url: string; events: WebhookEventType[]; description?: string }): Promise<Webhook & { secret: string }> {
    return this.#request('POST', '/api/webhooks', input);
  }

  updateWebhook(id: string, patch: Partial<Pick<Webhook, 'url' | 'events' | 'description' | 'enabled'>>): Promise<Webhook> {
    return this.#request('PATCH', `/api/webhooks/${encodeURIComponent(id)}`, patch);
  }

  rotateWebhookSecret(id: string): Promise<Webhook & { secret: string }> {
    return this.#request('POST', `/api/webhooks/${encodeURIComponent(id)}/rotate-secret`);
  }

  async deleteWebhook(id: string): Promise<void> {
    await this.#request<undefined>('DELETE', `/api/webhooks/${encodeURIComponent(id)}`);
  }

  listWebhookDeliveries(id: string): Promise<{ deliveries: WebhookDelivery[] }> {
    return this.#request('GET', `/api/webhooks/${encodeURIComponent(id)}/deliveries`);
  }

  redeliverWebhook(id: string, deliveryId: string): Promise<WebhookDelivery> {
    return this.#request('POST', `/api/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`);
  }

  /** Any other call, for the settings area's own client (`settings/settings-api.ts`), which names its routes. */
  call<T>(method: string, path: string, body?: unknown, opts: { quietUnauthorized?: boolean } = {}): Promise<T> {
    return this.#request(method, path, body, opts);
  }

  async #request<T>(method: string, path: string, body?: unknown, opts: { quietUnauthorized?: boolean } = {}): Promise<T> {
    try {
      // The desk trusts its own server's answers, typed by the shared protocol.
      return await requestJson<T>(this.#fetch ?? globalThis.fetch, method, path, { body });
    } catch (err) {
      if (err instanceof HttpError && err.status === 401 && !opts.quietUnauthorized) this.#onUnauthorized?.();
      throw err;
    }
  }
}
