import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be between 0 and 65535`)
    .max(65535, `${name} must be between 0 and 65535`);

const envSchema = z.object({
  PORT: port('PORT').default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ error: 'PUBLIC_URL must be an absolute http(s) URL' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'DATABASE_URL must be sqlite:<path> or postgres://…')
    .default('sqlite:./data/frontdesk.db'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://').optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url({ error: 'OPENAI_BASE_URL must be an absolute URL' }).optional(),
  AI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  ADMIN_EMAIL: z.email({ error: 'ADMIN_EMAIL must be an email address' }).optional(),
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD must be at least 8 characters').optional(),
  /** The first admin's display name (agents' names are shown to customers). */
  ADMIN_NAME: z.string().trim().min(1).max(200).default('Admin'),
  SMTP_INBOUND_PORT: port('SMTP_INBOUND_PORT').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  SUPPORT_EMAIL: z.email({ error: 'SUPPORT_EMAIL must be an email address' }).default('support@localhost'),
  /** The authserv-id of the site's own MX: its Authentication-Results header is trusted instead of checking SPF/DKIM/DMARC here. */
  EMAIL_TRUSTED_AUTHSERV_ID: z
    .string()
    .trim()
    .max(255, 'EMAIL_TRUSTED_AUTHSERV_ID must be a host name (the authserv-id your MX writes)')
    .regex(/^[a-z0-9.-]+$/i, 'EMAIL_TRUSTED_AUTHSERV_ID must be a host name (the authserv-id your MX writes)')
    .optional(),
  /** Folder for email attachments (and quarantined raw mail under `quarantine/`). */
  ATTACHMENTS_DIR: z
    .string()
    .trim()
    .min(1, 'ATTACHMENTS_DIR must be a folder path')
    .refine((v) => !v.includes('\0'), 'ATTACHMENTS_DIR must be a folder path')
    .default('./data/attachments'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  /** Demos and tests only: the server's clock starts at this instant and runs on from there. */
  FRONTDESK_CLOCK: z.iso.datetime({ offset: true, error: 'FRONTDESK_CLOCK must be an ISO 8601 date-time, e.g. 2026-01-13T17:30:00Z' }).optional(),
  /** Secret for signing visitor tokens; unset means one is generated once and kept in the database. */
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  /** When set, GET /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /** Fastify's trustProxy: `true`, a hop count, or a comma-separated list of addresses and CIDRs. */
  TRUST_PROXY: z.string().trim().refine((v) => parseTrustProxy(v) !== null, 'TRUST_PROXY must be true, false, a hop count, or addresses/CIDRs separated by commas').optional(),
  /** Webhooks may be sent to loopback and private addresses (tests, a receiver on this host); never in production. */
  WEBHOOKS_ALLOW_PRIVATE_NETWORK: z.enum(['true', 'false'], { error: 'WEBHOOKS_ALLOW_PRIVATE_NETWORK must be true or false' }).default('false'),
  /** More host names than PUBLIC_URL's that requests may name in Host (comma-separated). */
  ALLOWED_HOSTS: z
    .string()
    .refine((v) => v.split(',').every((h) => /^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/i.test(h.trim())), 'ALLOWED_HOSTS must be host names separated by commas')
    .optional(),
});

const isAddressOrCidr = (v: string) => {
  const [address, bits, extra] = v.split('/');
  if (extra !== undefined || !address || !isIP(address)) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128);
};

/** TRUST_PROXY's value as Fastify takes it; null when malformed. */
export function parseTrustProxy(value: string): boolean | number | string[] | null {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const list = value.split(',').map((v) => v.trim());
  return list.every(isAddressOrCidr) ? list : null;
}

/** Validated configuration; the only place environment variables are read. */
export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string;
  redisUrl: string | undefined;
  /** Set when OPENAI_API_KEY or OPENAI_BASE_URL is: local model servers (Ollama, vLLM, llama.cpp) need no key. */
  openai: { apiKey: string | null; baseUrl: string | undefined; model: string } | null;
  aiModel: string;
  admin: { email: string; password: string } | null;
  /** ADMIN_NAME: the first admin's display name. */
  adminName: string;
  smtpInboundPort: number | undefined;
  smtpUrl: string | undefined;
  supportEmail: string;
  /** EMAIL_TRUSTED_AUTHSERV_ID, lower-cased: whose Authentication-Results header decides whether a sender is authenticated; null: checked here. */
  emailTrustedAuthservId: string | null;
  /** Where email attachments are kept (ATTACHMENTS_DIR), absolute. */
  attachmentsDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  sessionSecret: string | undefined;
  /** When set (FRONTDESK_CLOCK), the instant the server's clock starts at. */
  clockStart: Date | undefined;
  /** When set (METRICS_TOKEN), the bearer token GET /metrics requires. */
  metricsToken: string | undefined;
  /** TRUST_PROXY: which proxies' X-Forwarded-For is believed for the client address (rate limits key on it). */
  trustProxy: boolean | number | string[];
  /** ALLOWED_HOSTS, lower-cased: Host names answered besides PUBLIC_URL's. */
  allowedHosts: string[];
  /** WEBHOOKS_ALLOW_PRIVATE_NETWORK: webhook URLs may name loopback and private addresses. */
  webhooksAllowPrivateNetwork: boolean;
}

/** Thrown for a missing or malformed variable; server.ts prints its one-line message and exits. */
export class ConfigError extends Error {}

/** Reads and validates the environment once. Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name}: ${issue.message}`);
  }
  const e = parsed.data;
  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    openai: e.OPENAI_API_KEY || e.OPENAI_BASE_URL ? { apiKey: e.OPENAI_API_KEY ?? null, baseUrl: e.OPENAI_BASE_URL, model: e.AI_MODEL } : null,
    aiModel: e.AI_MODEL,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : null,
    adminName: e.ADMIN_NAME,
    smtpInboundPort: e.SMTP_INBOUND_PORT,
    smtpUrl: e.SMTP_URL,
    supportEmail: e.SUPPORT_EMAIL,
    emailTrustedAuthservId: e.EMAIL_TRUSTED_AUTHSERV_ID?.toLowerCase() ?? null,
    attachmentsDir: resolve(e.ATTACHMENTS_DIR),
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET,
    clockStart: e.FRONTDESK_CLOCK ? new Date(e.FRONTDESK_CLOCK) : undefined,
    metricsToken: e.METRICS_TOKEN,
    trustProxy: e.TRUST_PROXY ? parseTrustProxy(e.TRUST_PROXY)! : false,
    allowedHosts: e.ALLOWED_HOSTS ? e.ALLOWED_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean) : [],
    webhooksAllowPrivateNetwork: e.WEBHOOKS_ALLOW_PRIVATE_NETWORK === 'true',
  };
}
