/**
 * Sends due webhook deliveries: an HTTP POST of the stored JSON body, signed per Standard Webhooks
 * (`standardwebhooks`), with the delivery's id as `webhook-id` on every attempt. A 2xx answer is success; anything
 * else (or no answer within the timeout) is retried on the schedule below, over more than 24 hours, and then
 * given up. One node at a time sends (the cluster's lock) and each delivery is claimed before it is sent.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import type { CoreContext } from '../context';
import { guardedLookup, literalHostProblem } from './webhook-address';
import { claimDelivery, dueDeliveries, recordAttempt } from './webhook.repository';

/** Waits before attempt 2, 3, …: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (27 h 35 min in all), then it fails. */
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000];

/** How long a receiver has to answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** At most this much of an answer is kept in the delivery log. */
export const EXCERPT_CHARS = 500;

/** One attempt's outcome: the receiver's status and the start of its answer, or why there was none. */
export interface AttemptResult {
  status: number | null;
  excerpt: string;
  durationMs: number;
}

/** POSTs `body` and reads at most EXCERPT_CHARS of the answer; never throws, never follows a redirect. */
export function postOnce(url: string, headers: Record<string, string>, body: string, opts: { timeoutMs: number; allowPrivate: boolean }): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ status: null, excerpt: 'invalid URL', durationMs: 0 });
    }
    const refused = literalHostProblem(target, opts.allowPrivate);
    if (refused) return resolve({ status: null, excerpt: `refused: the URL ${refused}`, durationMs: 0 });
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Frontdesk-Webhooks/1' },
      lookup: guardedLookup(opts.allowPrivate),
      timeout: opts.timeoutMs,
    });
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${opts.timeoutMs / 1000} s`)), opts.timeoutMs);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        // Enough kept: stop reading a large answer.
        if (text.length >= EXCERPT_CHARS) res.destroy();
      });
      const done = () => {
        clearTimeout(deadline);
        resolve({ status: res.statusCode ?? null, excerpt: text.slice(0, EXCERPT_CHARS), durationMs: elapsed() });
      };
      res.on('end', done);
      res.on('close', done);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs / 1000} s`)));
    req.on('error', (err) => {
      clearTimeout(deadline);
      resolve({ status: null, excerpt: err.message.slice(0, EXCERPT_CHARS), durationMs: elapsed() });
    });
    req.end(body);
  });
}

/** The three Standard Webhooks headers for one attempt of one delivery. */
export function signedHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  const signature = new Webhook(secret).sign(id, at, body);
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature };
}

export interface WebhookSender {
  /** Sends what is due now; resolves with how many attempts were made. Used by the timer and by tests. */
  flush: () => Promise<number>;
  stop: () => Promise<void>;
}

/** Deliveries one pass sends at most. */
const BATCH = 50;

export function startWebhookSender(ctx: CoreContext, opts: { intervalMs: number; allowPrivate: boolean; timeoutMs?: number }): WebhookSender {
  const timeoutMs = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS;

  async function sendDue(): Promise<number> {
    const due = await dueDeliveries(ctx.db, ctx.now(), BATCH);
    let attempted = 0;
    for (const delivery of due) {
      // Held past the timeout, so a node that dies mid-attempt leaves it to be retried, never lost.
      if (!(await claimDelivery(ctx.db, delivery, new Date(ctx.now().getTime() + timeoutMs + 60_000)))) continue;
      attempted++;
      const at = ctx.now();
      const result = await postOnce(delivery.url, signedHeaders(delivery.secret, delivery.id, at, delivery.payload), delivery.payload, { timeoutMs, allowPrivate: opts.allowPrivate });
      const ok = result.status !== null && result.status >= 200 && result.status < 300;
      const wait = RETRY_DELAYS_MS[delivery.attempts];
      const status = ok ? 'delivered' : wait === undefined ? 'failed' : 'queued';
      await recordAttempt(ctx.db, delivery.id, {
        at,
        status,
        responseStatus: result.status,
        durationMs: result.durationMs,
        excerpt: result.excerpt,
        nextAttemptAt: status === 'queued' ? new Date(ctx.now().getTime() + wait!) : null,
      });
      if (!ok) ctx.log.warn({ deliveryId: delivery.id, webhookId: delivery.webhook_id, attempts: delivery.attempts + 1, status: result.status }, status === 'failed' ? 'webhook delivery given up' : 'webhook delivery failed; will retry');
    }
    return attempted;
  }

  let running: Promise<number> = Promise.resolve(0);
  const sendDueOnce = async () => {
    let attempted = 0;
    await ctx.cluster.exclusive('webhooks', async () => (attempted = await sendDue()));
    return attempted;
  };
  const flush = () =>
    (running = running.then(sendDueOnce, sendDueOnce).catch((err: unknown) => {
      ctx.log.error({ err }, 'webhook pass failed');
      return 0;
    }));
  const timer = opts.intervalMs > 0 ? setInterval(() => void flush(), opts.intervalMs) : null;
  timer?.unref();
  return {
    flush,
    stop: async () => {
      if (timer) clearInterval(timer);
      await running.catch(() => 0);
    },
  };
}
