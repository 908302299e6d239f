/**
 * The one HTTP client of the customer self-service routes (`/api/me/…`), used by the messenger's "Your
 * requests" (with the visitor token) and by the portal (with its session cookie). Same origin only.
 */
import { HttpError, requestJson } from '../../shared/http-client';
import type { CsatAnswer } from '../../shared/reach';
import type { StatedUrgency, CustomerIdentity, CustomerReplyResult, CustomerRequest, CustomerRequestDetail } from '../../shared/self-service';

/** A refused or failed call: the browser's one HTTP error (`shared/http-client.ts`). */
export { HttpError as RequestsApiError };

export interface NewCustomerRequest {
  subject: string;
  description: string;
  urgency: StatedUrgency;
  timeZone?: string;
  /** The page's language: mail about the request is written in it. */
  language?: string;
}

export interface RequestsApiOptions {
  fetch: typeof fetch;
  /** Extra headers for every call: `Authorization: Visitor <token>` in the messenger; none in the portal (cookie). */
  headers?: () => Record<string, string>;
}

export class RequestsApi {
  constructor(private readonly options: RequestsApiOptions) {}

  me(): Promise<CustomerIdentity> {
    return this.call('GET', '/api/me');
  }

  async list(): Promise<CustomerRequest[]> {
    return (await this.call<{ requests: CustomerRequest[] }>('GET', '/api/me/requests')).requests;
  }

  get(id: string): Promise<CustomerRequestDetail> {
    return this.call('GET', `/api/me/requests/${encodeURIComponent(id)}`);
  }

  create(input: NewCustomerRequest): Promise<CustomerRequestDetail> {
    return this.call('POST', '/api/me/requests', input);
  }

  reply(id: string, body: string, clientId: string): Promise<CustomerReplyResult> {
    return this.call('POST', `/api/me/requests/${encodeURIComponent(id)}/messages`, { body, clientId });
  }

  reopen(id: string): Promise<CustomerRequestDetail> {
    return this.call('POST', `/api/me/requests/${encodeURIComponent(id)}/reopen`);
  }

  async remove(id: string): Promise<void> {
    await this.call('DELETE', `/api/me/requests/${encodeURIComponent(id)}`);
  }

  /** The CSAT question and answer of a request. */
  csat(id: string): Promise<{ askedAt: string | null; answer: CsatAnswer | null }> {
    return this.call('GET', `/api/me/requests/${encodeURIComponent(id)}/csat`);
  }

  rate(id: string, rating: number, comment: string): Promise<CsatAnswer> {
    return this.call('POST', `/api/me/requests/${encodeURIComponent(id)}/csat`, { rating, comment });
  }

  /** Portal only: email a sign-in link (always 202 for a well-formed address), written in `language`. */
  async requestLink(email: string, site: string | undefined, language?: string): Promise<void> {
    await this.call('POST', '/api/portal/login-link', { email, ...(site ? { site } : {}), ...(language ? { language } : {}) });
  }

  /** Portal only. */
  async logout(): Promise<void> {
    await this.call('POST', '/api/portal/logout');
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return requestJson<T>(this.options.fetch, method, path, { body, headers: this.options.headers?.() });
  }
}
