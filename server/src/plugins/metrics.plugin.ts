import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Namespace } from 'socket.io';
import { errorResponseSchema } from '../../../shared/resources';
import { AppError } from '../errors';
import { routeDocs } from '../routes/route-docs';
import type { DomainEvents } from '../events';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/** Every metric this node exposes at `GET /metrics` (the README lists them). One registry per app. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({ name: 'frontdesk_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers }),
    httpDuration: new Histogram({
      name: 'frontdesk_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    socketsOpen: new Gauge({ name: 'frontdesk_socket_connections', help: 'Socket.io connections open on this node, by namespace', labelNames: ['namespace'], registers }),
    socketsOpened: new Counter({ name: 'frontdesk_socket_connections_total', help: 'Socket.io connections accepted, by namespace', labelNames: ['namespace'], registers }),
    messages: new Counter({ name: 'frontdesk_messages_total', help: 'Messages stored, by author kind and visibility', labelNames: ['author', 'visibility'], registers }),
    tickets: new Counter({ name: 'frontdesk_tickets_created_total', help: 'Tickets created, by channel', labelNames: ['channel'], registers }),
    slaWarnings: new Counter({ name: 'frontdesk_sla_warnings_total', help: 'SLA warnings sent before a deadline, by clock', labelNames: ['clock'], registers }),
    slaBreaches: new Counter({ name: 'frontdesk_sla_breaches_total', help: 'SLA deadlines passed, by clock', labelNames: ['clock'], registers }),
    mailSent: new Counter({ name: 'frontdesk_mail_sent_total', help: 'Mails handed to SMTP_URL, by kind', labelNames: ['kind'], registers }),
    mailFailed: new Counter({ name: 'frontdesk_mail_failed_total', help: 'Failed attempts to send a mail (it is retried), by kind', labelNames: ['kind'], registers }),
    kaiTurns: new Counter({ name: 'frontdesk_kai_turns_total', help: "Kai's turns, by outcome", labelNames: ['outcome'], registers }),
    kaiDuration: new Histogram({
      name: 'frontdesk_kai_turn_duration_seconds',
      help: "Time from a visitor's message to the end of Kai's turn, by outcome",
      labelNames: ['outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30],
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares in constant time (hashes first, so lengths do not leak either). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Counts every HTTP answer by its route pattern (never the raw URL, so ids do not explode the series) and
 * serves `GET /metrics` in the Prometheus text format; with a token, only to `Authorization: Bearer <token>`.
 */
const METRICS_DOC = routeDocs('Probes', 'public')({
  summary: 'Prometheus text: process metrics and frontdesk_* counters and histograms (the README lists them); with METRICS_TOKEN set, `Authorization: Bearer <METRICS_TOKEN>`',
  response: { 200: { description: 'Prometheus text exposition', mediaType: 'text/plain; version=0.0.4' }, 401: errorResponseSchema.describe('METRICS_TOKEN is set and the bearer token is missing or wrong') },
});

export const metricsPlugin = fp(
  async (app, opts: { token?: string | undefined }) => {
    const metrics = createMetrics();
    app.decorate('metrics', metrics);
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
      metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });
    app.get('/metrics', { logLevel: 'warn', ...METRICS_DOC }, async (request, reply) => {
      if (opts.token && !bearerMatches(request.headers.authorization, opts.token)) throw new AppError('unauthorized', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>');
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    });
  },
  { name: 'metrics' },
);

/** Counts what the domain announces; returns the unsubscribe. */
export function countDomainEvents(metrics: Metrics, events: DomainEvents): () => void {
  const stops = [
    events.on('message.created', ({ message }) => metrics.messages.inc({ author: message.author.kind, visibility: message.internal ? 'internal' : 'public' })),
    events.on('ticket.created', ({ ticket }) => metrics.tickets.inc({ channel: ticket.channel })),
    events.on('ticket.sla', (alert) => (alert.kind === 'breach' ? metrics.slaBreaches : metrics.slaWarnings).inc({ clock: alert.clock })),
    events.on('mail.sent', ({ kind }) => metrics.mailSent.inc({ kind })),
    events.on('mail.failed', ({ kind }) => metrics.mailFailed.inc({ kind })),
    events.on('kai.turn', ({ outcome, seconds }) => {
      metrics.kaiTurns.inc({ outcome });
      metrics.kaiDuration.observe({ outcome }, seconds);
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

/** Open and accepted connections per namespace, counted on this node. */
export function countSockets(metrics: Metrics, namespaces: Namespace[]): void {
  for (const nsp of namespaces) {
    const labels = { namespace: nsp.name };
    metrics.socketsOpen.set(labels, 0);
    nsp.on('connection', (socket) => {
      metrics.socketsOpened.inc(labels);
      metrics.socketsOpen.inc(labels);
      socket.once('disconnect', () => metrics.socketsOpen.dec(labels));
    });
  }
}
