import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../shared/errors';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  invalid_transition: 409,
  misdirected_request: 421,
  internal: 500,
};

const DEFAULT_MESSAGE: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  unauthorized: 'Sign in first',
  forbidden: 'You may not do that',
  not_found: 'Not found',
  conflict: 'That conflicts with the current state',
  payload_too_large: 'The request is too large',
  rate_limited: 'Too many requests; slow down',
  invalid_transition: 'That status change is not allowed',
  misdirected_request: 'This server does not answer for that host name',
  internal: 'Something went wrong on our side',
};

/** The one error type domain code throws; routes and socket handlers turn it into `{ error: { code, message } }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? DEFAULT_MESSAGE[code]);
    this.code = code;
    this.status = STATUS[code];
  }
}

/**
 * A write refused because what it was based on is out of date (a ticket changed, a message arrived). `current` is
 * what the caller should look at before trying again; it is sent beside the error as `{ error, current }`.
 */
export class StaleWriteError extends AppError {
  current: unknown;
  constructor(message: string, current?: unknown) {
    super('conflict', message);
    this.current = current;
  }
}

/** Maps anything thrown to the public error body; 5xx details are hidden. */
export function toErrorBody(err: unknown): { status: number; body: { code: ErrorCode; message: string } } {
  if (err instanceof AppError) return { status: err.status, body: { code: err.code, message: err.message } };
  const fe = err as Partial<FastifyError> & { validation?: unknown };
  if (fe && typeof fe === 'object') {
    if (fe.validation || fe.code === 'FST_ERR_VALIDATION') {
      return { status: 400, body: { code: 'validation_failed', message: fe.message ?? DEFAULT_MESSAGE.validation_failed } };
    }
    if (fe.statusCode === 413 || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return { status: 413, body: { code: 'payload_too_large', message: DEFAULT_MESSAGE.payload_too_large } };
    }
    if (fe.statusCode === 429) return { status: 429, body: { code: 'rate_limited', message: DEFAULT_MESSAGE.rate_limited } };
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code: ErrorCode = fe.statusCode === 404 ? 'not_found' : fe.statusCode === 401 ? 'unauthorized' : fe.statusCode === 403 ? 'forbidden' : 'validation_failed';
      return { status: fe.statusCode, body: { code, message: fe.message ?? DEFAULT_MESSAGE[code] } };
    }
  }
  return { status: 500, body: { code: 'internal', message: DEFAULT_MESSAGE.internal } };
}

/** One error handler: logs with request context, answers the error body, hides 5xx details. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toErrorBody(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: body.code, msg: body.message }, 'request rejected');
    const current = err instanceof StaleWriteError && err.current !== undefined ? { current: err.current } : {};
    void reply.status(status).send({ error: body, ...current });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` } });
  });
}

/**
 * Errors Fastify raises before a route runs (a path parameter past its length, a malformed URL, a bad
 * content type), given the same catalogued body as every other error.
 */
export function frameworkErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorBody(err);
  request.log.info({ code: body.code, msg: body.message }, 'request rejected');
  void reply.status(status).send({ error: body });
}
