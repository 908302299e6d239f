import type { z } from 'zod';
import { describeIssues, type Ack } from '../../../shared/protocol';
import { AppError, toErrorBody } from '../errors';
import { containsNul } from '../routes/validate';
import type { FastifyBaseLogger } from 'fastify';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Wraps a socket command: validates the payload with the shared schema, runs the command, and always
 * answers the ack with the closed union. A client that sends no ack function gets nothing back.
 */
export function command<S extends z.ZodType, T>(
  log: FastifyBaseLogger,
  schema: S,
  run: (input: z.output<S>) => Promise<T>,
): (payload: unknown, ...rest: unknown[]) => void {
  return (payload, ...rest) => {
    // The ack is the last argument, however many a client sent before it.
    const ack = rest.at(-1) ?? payload;
    const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => undefined;
    const input = typeof payload === 'function' ? {} : (payload ?? {});
    if (containsNul(input)) {
      reply({ ok: false, error: { code: 'validation_failed', message: 'The payload may not contain NUL characters' } });
      return;
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      reply({ ok: false, error: { code: 'validation_failed', message: describeIssues(parsed.error) } });
      return;
    }
    run(parsed.data).then(
      (data) => reply({ ok: true, data }),
      (err: unknown) => {
        const { status, body } = toErrorBody(err);
        if (status >= 500) log.error({ err }, 'socket command failed');
        reply({ ok: false, error: body });
      },
    );
  };
}

/**
 * A per-key limit (rate-limiter-flexible): enough for a person typing fast, not for a flood.
 * Returns a check that throws `rate_limited` once the key is over its budget. `create` picks the store (the
 * cluster's Redis with several nodes); in memory by default.
 */
export function rateLimit(
  points: number,
  durationSeconds: number,
  create: (points: number, durationSeconds: number) => RateLimiterAbstract = (p, d) => new RateLimiterMemory({ points: p, duration: d }),
): (key: string) => Promise<void> {
  const limiter = create(points, durationSeconds);
  return async (key) => {
    try {
      await limiter.consume(key);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw new AppError('rate_limited', 'You are sending messages too fast; wait a moment');
      throw res;
    }
  };
}

/** Typing indicators per person: a few changes a second is typing; more is a flood. */
export const TYPING_BUDGET = { points: 20, seconds: 10 };

/**
 * A per-key budget for signals without an ack (typing): `true` while the key is within it. Synchronous, so a
 * flood costs a counter, not a promise per event.
 */
export function budget(points: number, durationSeconds: number): (key: string) => boolean {
  const windows = new Map<string, { start: number; used: number }>();
  return (key) => {
    const now = Date.now();
    let w = windows.get(key);
    if (!w || now - w.start >= durationSeconds * 1000) {
      // Bounded memory: past 10,000 keys every window starts afresh (a flood of keys gains a window, no more).
      if (windows.size > 10_000) windows.clear();
      w = { start: now, used: 0 };
      windows.set(key, w);
    }
    w.used += 1;
    return w.used <= points;
  };
}
