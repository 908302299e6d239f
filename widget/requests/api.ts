/**
 * The one HTTP client of the customer self-service routes (`/api/me/…`), used by the messenger's "Your
 * requests" (with the visitor token) and by the portal (with its session cookie). Same origin only.
 */
import type { ErrorBody, ErrorCode } from '../../shared/errors';
import type { StatedUrgency, CustomerIdentity, CustomerReplyResult, CustomerRequest, CustomerRequestDetail } from '../../shared/self-service';

/** A refused or failed call: the server's `{ error: { code, message } }`, or a network failure (status 0). */
export class RequestsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
  ) {
    super(message);
  }
}

export interface NewCustomerRequest {
  subject: string;
  description: string;
  urgency: StatedUrgency;
  timeZone?: string;
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

  /** Portal only: email a sign-in link (always 202 for a well-formed address). */
  async requestLink(email: string, site: string | undefined): Promise<void> {
    await this.call('POST', '/api/portal/login-link', site ? { email, site } : { email });
  }

  /** Portal only. */
  async logout(): Promise<void> {
    await this.call('POST', '/api/portal/logout');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    // A body-less call sends no content type: the server refuses an empty JSON body.
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers?.() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.options.fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new RequestsApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      const error = (json as { error?: ErrorBody } | null)?.error;
      throw new RequestsApiError(response.status, error?.code ?? 'internal', error?.message ?? `The server answered ${response.status}`);
    }
    return json as T; // the server's answer to this route, per shared/self-service.ts
  }
}
