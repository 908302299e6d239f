/**
 * The browser's one way to call the REST API (messenger, portal, desk): same origin, JSON, and one error
 * class. A call that fails throws `HttpError` with the server's `{ error: { code, message } }`, or status 0
 * and code `network_error` when no answer came. Dependency-free, so every bundle can use it.
 */
import type { ErrorCode } from './errors';

/** Codes a call can fail with: the server's catalogue plus what only the client can see. */
export type HttpErrorCode = ErrorCode | 'network_error' | 'bad_response';

/** A refused or failed call. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    /** The HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly code: HttpErrorCode,
    message: string,
    /** What a refused stale write was refused against (the answer's `current`: the ticket, the new messages). */
    readonly current?: unknown,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** The code of a refusal whose answer names none (a proxy's page, an empty body). */
const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

/**
 * `method path` with a JSON body (if any); the parsed JSON answer (`undefined` for 204, `null` for an empty body),
 * or `HttpError`.
 */
export async function requestJson<T>(fetchFn: typeof fetch, method: string, path: string, options: RequestOptions = {}): Promise<T> {
  // A body-less call sends no content type: the server refuses an empty JSON body.
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetchFn(path, { method, headers, credentials: 'same-origin', body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    throw new HttpError(0, 'network_error', 'Could not reach the server. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T; // answers without content are typed `undefined` by their callers
  const text = await response.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) throw new HttpError(response.status, 'bad_response', 'The server sent an answer that cannot be read.');
  }
  if (!response.ok) throw errorOfAnswer(response.status, json);
  return json as T; // the route's documented answer; callers name its type
}

/** The `HttpError` of a refusal: the server's code, message and `current` when it sent them. */
function errorOfAnswer(status: number, json: unknown): HttpError {
  const fallback = new HttpError(status, STATUS_CODES[status] ?? 'internal', `The server answered ${status}`);
  if (typeof json !== 'object' || json === null || !('error' in json)) return fallback;
  const error: unknown = json.error;
  if (typeof error !== 'object' || error === null) return fallback;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return new HttpError(
    status,
    // The server only sends codes from the shared catalogue; an unknown one still shows its message.
    typeof code === 'string' ? (code as ErrorCode) : fallback.code,
    typeof message === 'string' && message ? message : fallback.message,
    'current' in json ? json.current : undefined,
  );
}
