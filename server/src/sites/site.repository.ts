import { randomUUID } from 'node:crypto';
import type { PublicSiteSettings } from '../../../shared/protocol';
import type { DbOrTx } from '../db/database';
import type { SiteRow } from '../db/schema';
import { DEFAULT_SITE_SETTINGS, parseSiteSettings, type SiteSettings } from './site-settings';

export async function findSiteByKey(db: DbOrTx, key: string): Promise<SiteRow | undefined> {
  return db.selectFrom('sites').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Every site's id (a changed knowledge base is reloaded for each). */
export async function listSiteIds(db: DbOrTx): Promise<string[]> {
  return (await db.selectFrom('sites').select('id').execute()).map((r) => r.id);
}

/** The oldest site (the one a deployment-wide channel such as email files its tickets under). */
export async function findFirstSite(db: DbOrTx): Promise<SiteRow | undefined> {
  return db.selectFrom('sites').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

export async function findSiteById(db: DbOrTx, id: string): Promise<SiteRow | undefined> {
  return db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The site's settings, checked (`site-settings.ts`): defaults for what a row lacks or holds mis-shaped. */
export function siteSettings(site: SiteRow): SiteSettings {
  return parseSiteSettings(site.settings);
}

/** The explicit allowlist of site settings the browser may see. */
export function toPublicSettings(site: SiteRow): PublicSiteSettings {
  const s = siteSettings(site);
  return { key: site.key, name: site.name, agentName: s.agentName, color: s.color, greeting: s.greeting, position: s.position, language: s.language, attachments: s.attachments };
}

export function allowedOrigins(site: SiteRow): string[] {
  return JSON.parse(site.allowed_origins) as string[];
}

/**
 * Whether a page origin may embed the site. Patterns (checked by `originPatternProblem` in `shared/admin.ts`) are
 * exact origins, `scheme://host:*` for any port (`http://localhost:*`), or `scheme://*.domain` for exactly one
 * label under the domain: `https://*.example.com` admits `https://a.example.com`, not `https://example.com` nor
 * `https://a.b.example.com`.
 */
export function isOriginAllowed(patterns: string[], origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin.replace(/\/$/, '').toLowerCase()) return false;
  return patterns.some((p) => patternMatches(p.toLowerCase(), url));
}

function patternMatches(pattern: string, url: URL): boolean {
  if (pattern.endsWith(':*')) return `${url.protocol}//${url.hostname}` === pattern.slice(0, -2);
  const wildcard = /^(https?:)\/\/\*\.([^:/]+)(?::(\d+))?$/.exec(pattern);
  if (!wildcard) return pattern === url.origin;
  const [, scheme, domain, port = ''] = wildcard;
  if (url.protocol !== scheme || url.port !== port || !url.hostname.endsWith(`.${domain}`)) return false;
  const label = url.hostname.slice(0, -(domain!.length + 1));
  return label.length > 0 && !label.includes('.');
}

/** Contract §3: a new database has the `demo` site, embeddable from any local port and from PUBLIC_URL. */
export async function ensureDemoSite(db: DbOrTx, publicUrl: string, now: Date): Promise<SiteRow> {
  const existing = await findSiteByKey(db, 'demo');
  if (existing) return existing;
  const row: SiteRow = {
    id: randomUUID(),
    key: 'demo',
    name: 'Northwind Cloud',
    allowed_origins: JSON.stringify([...new Set(['http://localhost:*', 'http://127.0.0.1:*', new URL(publicUrl).origin])]),
    settings: JSON.stringify(DEFAULT_SITE_SETTINGS),
    created_at: now.toISOString(),
  };
  await db.insertInto('sites').values(row).execute();
  return row;
}
