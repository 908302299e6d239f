/**
 * The browser's one way to call the REST API (messenger, portal, desk): same origin, JSON, and one error
 * class. A call that fails throws `HttpError` with the server's `{ error: { code, message } }`, or status 0
 * and code `network` when no answer came. Dependency-free, so every bundle can use it.
 */
import type { ErrorBody, ErrorCode } from './errors';

/** A refused or failed call. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    /** The HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly code: ErrorCode | 'network' | 'bad_response',
    message: string,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** `method path` with a JSON body (if any); the parsed JSON answer, or `HttpError`. */
export async function requestJson<T>(fetchFn: typeof fetch, method: string, path: string, options: RequestOptions = {}): Promise<T> {
  // A body-less call sends no content type: the server refuses an empty JSON body.
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetchFn(path, { method, headers, credentials: 'same-origin', body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    throw new HttpError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  const text = await response.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) throw new HttpError(response.status, 'bad_response', 'The server sent an answer that cannot be read.');
  }
  if (!response.ok) {
    const error = (json as { error?: ErrorBody } | null)?.error;
    throw new HttpError(response.status, error?.code ?? 'internal', error?.message ?? `The server answered ${response.status}`);
  }
  return json as T; // the route's documented answer; callers name its type
}
