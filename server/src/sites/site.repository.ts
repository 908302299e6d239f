import { randomUUID } from 'node:crypto';
import type { PublicSiteSettings } from '../../../shared/protocol';
import type { DbOrTx } from '../db/database';
import type { SiteRow } from '../db/schema';

/** The look and behaviour a site owner sets; what reaches the browser is `toPublicSettings`. */
/** Site rules that always hand off: categories (e.g. security) and VIP customers (verified identity only). */
export interface HandoffRules {
  categories: string[];
  vipEmails: string[];
  vipUserIds: string[];
}

export const DEFAULT_HANDOFF_RULES: HandoffRules = { categories: ['security'], vipEmails: [], vipUserIds: [] };

export interface SiteSettings {
  agentName: string;
  color: string;
  greeting: string;
  position: 'right' | 'left';
  language: string;
  handoffRules: HandoffRules;
}

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  agentName: 'Kai',
  color: '#4f46e5',
  greeting: "Hi! I'm Kai, the AI assistant. Ask me anything about Northwind Cloud, or ask for a person at any time.",
  position: 'right',
  language: 'en',
  handoffRules: DEFAULT_HANDOFF_RULES,
};

export async function findSiteByKey(db: DbOrTx, key: string): Promise<SiteRow | undefined> {
  return db.selectFrom('sites').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function findSiteById(db: DbOrTx, id: string): Promise<SiteRow | undefined> {
  return db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
}

export function siteSettings(site: SiteRow): SiteSettings {
  return { ...DEFAULT_SITE_SETTINGS, ...(JSON.parse(site.settings) as Partial<SiteSettings>) };
}

/** The explicit allowlist of site settings the browser may see. */
export function toPublicSettings(site: SiteRow): PublicSiteSettings {
  const s = siteSettings(site);
  return { key: site.key, name: site.name, agentName: s.agentName, color: s.color, greeting: s.greeting, position: s.position, language: s.language };
}

export function allowedOrigins(site: SiteRow): string[] {
  return JSON.parse(site.allowed_origins) as string[];
}

/**
 * Whether a page origin may embed the site. Patterns are exact origins, or end in `:*` for any port
 * (`http://localhost:*`), the same form CSP `frame-ancestors` takes.
 */
export function isOriginAllowed(patterns: string[], origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin.replace(/\/$/, '')) return false;
  return patterns.some((p) => {
    if (p.endsWith(':*')) return `${url.protocol}//${url.hostname}` === p.slice(0, -2);
    return p === url.origin;
  });
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
