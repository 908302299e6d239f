/**
 * REST payloads of the settings area (sites, agents' invitations and resets, the audit log), shared by the
 * server's routes and the desk's forms. The look and the site sections are checked again by the server's
 * `site-settings.ts` schema, which owns their limits.
 */
import { z } from 'zod';
import { newPasswordSchema } from './api';

/**
 * Why an allowed-origin pattern is refused, or null when it is one of: an exact origin (`https://shop.example.com`,
 * `http://localhost:3000`), any port of a host (`http://localhost:*`), or one-level subdomains
 * (`https://*.example.com`: `a.example.com`, not `example.com` nor `a.b.example.com`).
 */
export function originPatternProblem(pattern: string): string | null {
  const m = /^(https?):\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:]+\])(:(\d{1,5}|\*))?$/i.exec(pattern);
  if (!m) return `${pattern} is not an origin: write scheme://host[:port] without a path, e.g. https://shop.example.com`;
  const [, , wildcard, host = '', , port] = m;
  if (wildcard && host.split('.').filter(Boolean).length < 2) return `${pattern}: a wildcard needs a domain under it, e.g. https://*.example.com`;
  if (host.startsWith('.') || host.endsWith('.') || host.includes('..')) return `${pattern}: the host name is malformed`;
  if (port && port !== '*' && (Number(port) < 1 || Number(port) > 65535)) return `${pattern}: the port must be 1 to 65535`;
  return null;
}

export const originPatternSchema = z
  .string()
  .trim()
  .max(300)
  .transform((s) => s.replace(/\/$/, '').toLowerCase())
  .superRefine((s, issue) => {
    const problem = originPatternProblem(s);
    if (problem) issue.addIssue({ code: 'custom', message: problem });
  });

export const allowedOriginsSchema = z.array(originPatternSchema).max(100);

/** A site key: what `data-site` names in the snippet. */
export const siteKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'key: 2 to 40 lowercase letters, digits or dashes');

/** `POST /api/sites`. */
export const createSiteSchema = z
  .object({
    key: siteKeySchema.optional(),
    name: z.string().trim().min(1, 'name is required').max(100),
    allowedOrigins: allowedOriginsSchema.default([]),
  })
  .strict();

/** `PATCH /api/sites/:key`: the look under `appearance`; other sections (handoffRules, reach…) as stored. */
export const updateSiteSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    allowedOrigins: allowedOriginsSchema,
    language: z.string(),
    appearance: z.object({ color: z.string(), position: z.string(), greeting: z.string(), agentName: z.string() }).partial().strict(),
    handoffRules: z.record(z.string(), z.unknown()),
    assignment: z.record(z.string(), z.unknown()),
    reach: z.record(z.string(), z.unknown()),
    csat: z.record(z.string(), z.unknown()),
    attachments: z.record(z.string(), z.unknown()),
  })
  .partial()
  .strict();
export type SitePatch = z.infer<typeof updateSiteSchema>;

/** One line of the audit log: who did what, when, from where, and what changed. */
export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string().nullable(), label: z.string() }),
    ip: z.string().nullable(),
    action: z.string().describe('e.g. `site.updated`, `agent.invited`, `auth.login`'),
    target: z.object({ type: z.string(), id: z.string().nullable() }),
    siteId: z.string().nullable(),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

/** A site as the admin API returns it. */
export const siteViewSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    allowedOrigins: z.array(z.string()),
    language: z.string(),
    appearance: z.object({ color: z.string(), position: z.enum(['right', 'left']), greeting: z.string(), agentName: z.string() }),
    handoffRules: z.object({ categories: z.array(z.string()), vipEmails: z.array(z.string()), vipUserIds: z.array(z.string()) }),
    assignment: z.object({ auto: z.boolean(), maxOpenChats: z.number().int() }),
    reach: z.object({ askForEmail: z.boolean(), mailUnseenAfterMinutes: z.number().int() }),
    csat: z.object({ enabled: z.boolean() }),
    attachments: z.object({ maxBytes: z.number().int(), types: z.array(z.string()) }),
    createdAt: z.string(),
    /** Where the messenger last started a session, most recent first. */
    seen: z.array(z.object({ origin: z.string(), lastSeenAt: z.string() })),
    /** The latest audit-log line about this site. */
    lastChange: auditEntrySchema.nullable(),
  })
  .meta({ id: 'Site' });
export type SiteView = z.infer<typeof siteViewSchema>;

/** `GET /api/sites/:key/identity-secrets`: never the secrets themselves. */
export const identitySecretListSchema = z.object({
  secrets: z.array(z.object({ id: z.string().describe('The JWT `kid`'), kind: z.enum(['jwt', 'user_hash']), createdAt: z.string() })),
  /** Visitors whose identity a secret proved in the last day. */
  verifiedLastDay: z.number().int(),
  lastChange: auditEntrySchema.nullable(),
});
/** `POST /api/sites/:key/identity-secrets`: the secret, shown this once. */
export const identitySecretCreatedSchema = z
  .object({ id: z.string().describe('The JWT `kid`'), secret: z.string(), kind: z.enum(['jwt', 'user_hash']), createdAt: z.string() })
  .meta({ id: 'IdentitySecret' });

/** `POST /api/auth/links/accept`: the token from an invitation or reset link, and the password chosen. */
export const acceptLinkSchema = z.object({ token: z.string().min(10).max(200), password: newPasswordSchema }).strict();

/** `GET /api/audit` query. */
export const auditQuerySchema = z
  .object({
    action: z.string().trim().max(100).optional(),
    actor: z.string().trim().max(254).optional(),
    target: z.string().trim().max(200).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();


