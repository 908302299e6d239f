/**
 * The one list of error codes that browsers, REST clients and socket acks see.
 * The server maps each to an HTTP status in `server/src/errors.ts`.
 */
import type { z } from 'zod';
import type { errorBodySchema } from './resources';

export const ERROR_CODES = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'invalid_transition',
  /** The request's Host is not this server's (PUBLIC_URL): a DNS-rebinding page or a misrouted proxy. */
  'misdirected_request',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What every failed call carries, over REST (`{ error }`) and in socket acks. */
export type ErrorBody = z.infer<typeof errorBodySchema>;
