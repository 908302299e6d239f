import { createServer } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Config } from './config';
import type { ServerContext } from './context';
import { frameworkErrorHandler, installErrorHandler } from './errors';
import { DomainEvents } from './events';
import { OperationsStore } from './operations/operations';
import { dbPlugin } from './plugins/db.plugin';
import { socketPlugin } from './plugins/socket.plugin';
import { clusterPlugin } from './plugins/cluster.plugin';
import { countDomainEvents, countSockets, metricsPlugin } from './plugins/metrics.plugin';
import { clusterRateLimitStore } from './cluster/rate-limit-store';
import { reloadOnChange } from './cluster/shared-settings';
import { WebhookSubscribers } from './webhooks/webhook-subscribers';
import { probeRoutes } from './routes/probes.routes';
import { authPlugin } from './auth/auth.plugin';
import { webSecurityPlugin } from './auth/web-security.plugin';
import { identitySecretRoutes } from './sites/identity-secrets.routes';
import { bootstrap, loadSecret } from './bootstrap';
import { KnowledgeBase } from './kb/knowledge-base';
import { createKai } from './ai/create-kai';
import type { KaiEngine } from './ai/engine';
import { setUpVisitorNamespace, type VisitorNamespace } from './realtime/visitor.socket';
import { DESK_ROOM, setUpDeskNamespace, ticketRoom, type DeskNamespace } from './realtime/desk.socket';
import { deliverDomainEvents } from './realtime/deliveries';
import { pushQueueCounts } from './views/view-counts';
import { authRoutes } from './routes/auth.routes';
import { ticketRoutes } from './routes/tickets.routes';
import { viewRoutes } from './routes/views.routes';
import { widgetRoutes } from './routes/widget.routes';
import { aiRoutes } from './routes/ai.routes';
import { kbRoutes } from './routes/kb.routes';
import { widgetArticleRoutes } from './routes/widget-articles.routes';
import { hoursRoutes } from './routes/hours.routes';
import { pageRoutes } from './routes/pages.routes';
import { openApiRoutes } from './routes/openapi';
import { collectRoutes } from './routes/route-docs';
import { operationsRoutes } from './routes/operations.routes';
import { portalRoutes } from './channels/portal/portal.routes';
import { auditRoutes } from './audit/audit.routes';
import { siteRoutes } from './sites/sites.routes';
import { agentRoutes } from './routes/agents.routes';
import { remoteSessionRoutes } from './routes/remote-sessions.routes';
import { startOperationsClock } from './tickets/operations-clock';
import { startOutboxWorker, type OutboxWorker } from './channels/email/outbox';
import { emailPlugin } from './channels/email/email.plugin';
import type { DnsResolver } from './channels/email/sender-auth';
import { reachPlugin } from './reach/reach.plugin';
import { AttachmentStore } from './attachments/attachment-store';
import { reportRoutes } from './reports/reports.routes';
import { attachmentRoutes, visitorAttachmentRoutes } from './routes/attachments.routes';
import { webhooksPlugin } from './webhooks/webhooks.plugin';
import { MemoryPresenceStore, PRESENCE_TTL_MS, RedisPresenceStore } from './team/presence';
import { TeamPresence } from './team/team-presence';
import { teamRoutes } from './team/team.routes';
import { startAutoAssignment } from './team/auto-assign';
import { staffedCentres } from './team/coverage';

export interface AppOptions {
  /** A clock for tests; defaults to the real one. */
  now?: () => Date;
  /** Replace Kai's engine (tests). */
  kai?: KaiEngine;
  /** How often queued mail is sent (default 2 s). */
  outboxIntervalMs?: number;
  /** Told of every route as it is registered (the fuzz tests walk them all). */
  onRoute?: (route: { method: string; url: string }) => void;
  /** How often due webhook deliveries are sent (default 2 s); 0 turns the timer off (tests call `app.webhooks.flush`). */
  webhookIntervalMs?: number;
  /** Where logs go (tests read them); defaults to stdout. */
  logStream?: NodeJS.WritableStream;
  /** How long a client may take to send a whole request (default 30 s; tests shorten it). */
  requestTimeoutMs?: number;
  /** How often replies not seen in the messenger are checked to be mailed (default 15 s); 0 turns it off (tests drive it). */
  reachIntervalMs?: number;
  /** How often the operations clock (SLA warnings and breaches, handover, auto-close) runs; 0 turns it off (tests drive it). */
  sweepIntervalMs?: number;
  /** How often chats of agents gone offline are reassigned (default 30 s); 0 turns the pass off (tests drive it). */
  reassignIntervalMs?: number;
  /** With Redis: how long a dead node's desk tabs still count as present (default 30 s; tests shorten it). */
  presenceTtlMs?: number;
  /** DNS for checking email senders (SPF, DKIM, DMARC); defaults to the system's, with short timeouts. Tests answer from a table. */
  dnsResolver?: DnsResolver;
}

declare module 'fastify' {
  interface FastifyInstance {
    frontdesk: ServerContext & { kai: KaiEngine; kb: KnowledgeBase; secret: string; signIn: string | null; outbox: OutboxWorker | null };
    /** Who of the team is online, and where (desk tabs). */
    teamPresence: TeamPresence;
  }
}

/** The real clock, or one that starts at `start` (FRONTDESK_CLOCK) and runs on at the real pace. */
function clockFrom(start: Date | undefined): () => Date {
  if (!start) return () => new Date();
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

/** TRUST_PROXY as a hop count: the nearest `hops` proxies are believed. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Builds the whole app without listening: infrastructure plugins, then the domain, then routes. */
export async function buildApp(config: Config, opts: AppOptions = {}): Promise<FastifyInstance> {
  const requestTimeout = opts.requestTimeoutMs ?? 30_000;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Query strings can carry personal data (a search for an email, a sign-in token): only the path is logged.
      serializers: {
        req: (req) => ({ method: req.method, url: req.url.split('?')[0], hostname: req.hostname, remoteAddress: req.ip }),
      },
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    bodyLimit: 256 * 1024,
    frameworkErrors: frameworkErrorHandler,
    forceCloseConnections: 'idle',
    // Behind a proxy (TRUST_PROXY) request.ip is the client's, so rate limits are per client, not global.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    // A slow client cannot hold a connection: the whole request within 30 s, and idle sockets closed after 60 s.
    requestTimeout,
    connectionTimeout: 60_000,
    // Node checks request deadlines every connectionsCheckingInterval (30 s by default); check often enough
    // that a stalled body is cut close to its deadline.
    serverFactory: (handler) => createServer({ requestTimeout, headersTimeout: Math.min(requestTimeout, 20_000), connectionsCheckingInterval: Math.min(requestTimeout, 5_000) }, handler),
  });
  installErrorHandler(app);
  // Every route from here on is recorded for the OpenAPI document (its schema documents; zod validates).
  const routes = collectRoutes(app);
  const onRoute = opts.onRoute;
  if (onRoute) app.addHook('onRoute', (route) => [route.method].flat().forEach((method) => onRoute({ method, url: route.url })));

  await app.register(webSecurityPlugin, { publicUrl: config.publicUrl, allowedHosts: config.allowedHosts });
  await app.register(dbPlugin, { databaseUrl: config.databaseUrl });
  await app.register(clusterPlugin, { redisUrl: config.redisUrl });
  await app.register(metricsPlugin, { token: config.metricsToken });
  // With Redis, a route's limit counts every node's requests; alone, in memory.
  await app.register(rateLimit, { global: false, ...(config.redisUrl ? { store: clusterRateLimitStore(app.cluster) } : {}) });
  await app.register(authPlugin);
  await app.register(socketPlugin, { redisUrl: config.redisUrl });

  const now = opts.now ?? clockFrom(config.clockStart);
  const events = new DomainEvents((err, event) => app.log.error({ err, event }, 'event listener failed'));
  const { cluster } = app;
  // Settings cached in memory: a change here tells the other nodes, which reload it from the database.
  const kb = new KnowledgeBase(app.db, (siteId) => cluster.announce({ kind: 'kb', siteId }));
  const secret = await loadSecret(app.db, config);
  const operations = new OperationsStore(() => cluster.announce({ kind: 'operations' }));
  await operations.load(app.db);
  const webhookSubscribers = new WebhookSubscribers(() => cluster.announce({ kind: 'webhooks' }));
  const stopReloads = reloadOnChange(cluster, app.db, { operations, kb, webhooks: webhookSubscribers }, app.log);
  app.addHook('onClose', async () => stopReloads());
  const kai = opts.kai ?? createKai(config, kb, app.log, () => operations.get().categories);
  const ctx: ServerContext = { db: app.db, events, log: app.log, now, config, operations, cluster };
  const stopCounting = countDomainEvents(app.metrics, events);
  app.addHook('onClose', async () => stopCounting());
  const { signIn } = await bootstrap(app.db, config, kb, now());
  // Outgoing mail: queued in the database always; sent when SMTP_URL names a transport.
  const outbox = config.smtpUrl ? startOutboxWorker({ ...ctx, supportEmail: config.supportEmail, attachments: new AttachmentStore(config.attachmentsDir) }, config.smtpUrl, opts.outboxIntervalMs) : null;
  if (outbox) app.addHook('preClose', outbox.stop);
  app.decorate('frontdesk', { ...ctx, kai, kb, secret, signIn, outbox });
  // Email in (SMTP_INBOUND_PORT) and out (agents' replies on email tickets), stopped on close.
  await app.register(emailPlugin, { ctx, kai, resolver: opts.dnsResolver });
  // Webhook deliveries are written in the transaction of each fact from here on, and sent by a timer.
  await app.register(webhooksPlugin, { ctx, intervalMs: opts.webhookIntervalMs ?? 2000, subscribers: webhookSubscribers });

  const visitors = app.io.of('/visitor') as VisitorNamespace;
  const desk = app.io.of('/desk') as DeskNamespace;
  setUpVisitorNamespace(visitors, { ...ctx, kai, secret, origins: app.webOrigins });
  const presenceTtlMs = opts.presenceTtlMs ?? PRESENCE_TTL_MS;
  const presence = new TeamPresence(app.clusterRedis ? new RedisPresenceStore(app.clusterRedis, { ttlMs: presenceTtlMs }) : new MemoryPresenceStore(), {
    team: (agents) => desk.to(DESK_ROOM).emit('presence:changed', { agents }),
    ticket: (ticketId, viewers) => desk.to(ticketRoom(ticketId)).emit('ticket:viewers', { ticketId, viewers }),
  }, now);
  app.decorate('teamPresence', presence);
  const stopAssigning = startAutoAssignment(ctx, presence, opts.reassignIntervalMs ?? 30_000);
  app.addHook('preClose', stopAssigning);
  // Three heartbeats per TTL: one late beat (a busy event loop) does not make this node's agents vanish.
  if (app.clusterRedis) presence.start(presenceTtlMs / 3);
  app.addHook('preClose', async () => presence.close());
  setUpDeskNamespace(desk, { ...ctx, origins: app.webOrigins, presence });
  countSockets(app.metrics, [visitors, desk]);
  const stopDeliveries = deliverDomainEvents(ctx, visitors, desk);
  app.addHook('onClose', async () => stopDeliveries());
  const stopCounts = pushQueueCounts(ctx, desk);
  app.addHook('preClose', async () => stopCounts());
  const sweepMs = opts.sweepIntervalMs ?? 10_000;
  if (sweepMs > 0) {
    const stopClock = startOperationsClock(ctx, sweepMs);
    app.addHook('preClose', stopClock);
  }

  await app.register(probeRoutes, { db: app.db, cluster, redis: config.redisUrl !== undefined });
  await app.register(authRoutes, { secureCookies: config.publicUrl.startsWith('https:') });
  await app.register(widgetRoutes, { ctx: { ...ctx, secret, staffedCentres: () => staffedCentres(ctx, presence) } });
  await app.register(ticketRoutes, { ctx, kai });
  await app.register(viewRoutes, { ctx });
  await app.register(attachmentRoutes, { ctx });
  await app.register(visitorAttachmentRoutes, { ctx: { ...ctx, secret } });
  await app.register(reportRoutes, { ctx });
  await app.register(aiRoutes, { ctx, kai });
  await app.register(kbRoutes, { ctx, kb });
  await app.register(widgetArticleRoutes, { ctx: { ...ctx, secret }, kb });
  await app.register(hoursRoutes, { ctx });
  await app.register(operationsRoutes, { ctx });
  await app.register(agentRoutes, { ctx, flushMail: async () => outbox?.flush() });
  await app.register(siteRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
  await app.register(identitySecretRoutes, { ctx });
  await app.register(remoteSessionRoutes, { ctx });
  await app.register(teamRoutes, { ctx, presence });
  await app.register(portalRoutes, { ctx: { ...ctx, secret }, kai, flushMail: async () => outbox?.flush() });
  await app.register(openApiRoutes, { publicUrl: config.publicUrl, routes });
  await app.register(pageRoutes, { ctx });
  // Reaching customers who left (unseen replies mailed), CSAT and transcripts.
  await app.register(reachPlugin, { ctx: { ...ctx, secret, supportEmail: config.supportEmail }, intervalMs: opts.reachIntervalMs ?? (sweepMs > 0 ? 15_000 : 0) });
  return app;
}
