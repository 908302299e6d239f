/**
 * Sites as the admin changes them: create, edit (name, allowed origins, look and the settings sections), delete.
 * Every change writes its audit line in the same transaction. Nothing is cached: every request reads the row, so
 * a change reaches every node at once (the messenger's CSP, `POST /api/widget/session`, the launcher's look).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { SitePatch, SiteView } from '../../../shared/admin';
import { describeIssues } from '../../../shared/protocol';
import { changedFields, recordAudit, type AuditActor } from '../audit/audit-log';
import { lastChangeOf } from '../audit/audit.repository';
import type { CoreContext } from '../context';
import type { DbOrTx } from '../db/database';
import type { SiteRow } from '../db/schema';
import { AppError } from '../errors';
import { allowedOrigins, findSiteByKey, siteSettings } from './site.repository';
import { DEFAULT_SITE_SETTINGS, SITE_SECTIONS, siteSettingsSchema, type SiteSettings } from './site-settings';


export async function listSiteRows(db: DbOrTx): Promise<SiteRow[]> {
  return db.selectFrom('sites').selectAll().orderBy('created_at').orderBy('key').execute();
}

/** The one place a site row becomes what the admin API returns. */
export async function toSiteView(db: DbOrTx, site: SiteRow): Promise<SiteView> {
  const s = siteSettings(site);
  const seen = await db
    .selectFrom('site_origins_seen')
    .select(['origin', 'last_seen_at'])
    .where('site_id', '=', site.id)
    .orderBy('last_seen_at', 'desc')
    .limit(20)
    .execute();
  return {
    id: site.id,
    key: site.key,
    name: site.name,
    allowedOrigins: allowedOrigins(site),
    language: s.language,
    appearance: { color: s.color, position: s.position, greeting: s.greeting, agentName: s.agentName },
    handoffRules: s.handoffRules,
    assignment: s.assignment,
    reach: s.reach,
    csat: s.csat,
    attachments: s.attachments,
    createdAt: site.created_at,
    seen: seen.map((r) => ({ origin: r.origin, lastSeenAt: r.last_seen_at })),
    lastChange: await lastChangeOf(db, 'site', site.id),
  };
}

/** A key from the name (`Acme Shop` → `acme-shop-3f9a`), so two sites of one name never clash. */
function keyFromName(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30) || 'site';
  return `${slug}-${randomBytes(2).toString('hex')}`;
}

export async function createSite(
  ctx: Pick<CoreContext, 'db' | 'now'>,
  actor: AuditActor,
  input: { key?: string | undefined; name: string; allowedOrigins: string[] },
): Promise<SiteRow> {
  const key = input.key ?? keyFromName(input.name);
  return ctx.db.transaction().execute(async (tx) => {
    if (await findSiteByKey(tx, key)) throw new AppError('conflict', `A site with the key ${key} exists`);
    const row: SiteRow = {
      id: randomUUID(),
      key,
      name: input.name,
      allowed_origins: JSON.stringify([...new Set(input.allowedOrigins)]),
      settings: JSON.stringify({ ...DEFAULT_SITE_SETTINGS, greeting: `Hi! I'm Kai, the AI assistant. Ask me anything about ${input.name}, or ask for a person at any time.`.slice(0, 500) }),
      created_at: ctx.now().toISOString(),
    };
    await tx.insertInto('sites').values(row).execute();
    await recordAudit(tx, actor, {
      action: 'site.created',
      target: { type: 'site', id: row.id },
      siteId: row.id,
      changes: { key: { from: null, to: key }, name: { from: null, to: row.name }, allowedOrigins: { from: null, to: JSON.parse(row.allowed_origins) } },
    }, ctx.now());
    return row;
  });
}

/** The stored settings with the patch applied, checked by the site-settings schema: a bad value is a 400 naming it. */
function patchedSettings(current: SiteSettings, patch: SitePatch): SiteSettings {
  const next: Record<string, unknown> = { ...current, ...patch.appearance };
  if (patch.language !== undefined) next.language = patch.language;
  for (const section of SITE_SECTIONS) {
    if (patch[section]) next[section] = { ...current[section], ...patch[section] };
  }
  const parsed = siteSettingsSchema.strict().safeParse(next);
  if (!parsed.success) throw new AppError('validation_failed', describeIssues(parsed.error));
  return parsed.data;
}

/** What the audit log compares: the look flattened, each section whole. */
function auditable(site: SiteRow, s: SiteSettings): Record<string, unknown> {
  const { agentName, color, greeting, position, language, ...sections } = s;
  return { name: site.name, allowedOrigins: allowedOrigins(site), language, color, position, greeting, agentName, ...sections };
}

export async function updateSite(ctx: Pick<CoreContext, 'db' | 'now'>, actor: AuditActor, key: string, patch: SitePatch): Promise<SiteRow> {
  return ctx.db.transaction().execute(async (tx) => {
    const site = await findSiteByKey(tx, key);
    if (!site) throw new AppError('not_found', 'No such site');
    const before = siteSettings(site);
    const settings = patchedSettings(before, patch);
    const next: SiteRow = {
      ...site,
      name: patch.name ?? site.name,
      allowed_origins: patch.allowedOrigins ? JSON.stringify([...new Set(patch.allowedOrigins)]) : site.allowed_origins,
      settings: JSON.stringify(settings),
    };
    await tx.updateTable('sites').set({ name: next.name, allowed_origins: next.allowed_origins, settings: next.settings }).where('id', '=', site.id).execute();
    const changes = changedFields(auditable(site, before), auditable(next, settings));
    if (Object.keys(changes).length) {
      await recordAudit(tx, actor, { action: 'site.updated', target: { type: 'site', id: site.id }, siteId: site.id, changes }, ctx.now());
    }
    return next;
  });
}

/** What keeps a site: its tickets keep their history, so a site that has any conversation, ticket or article stays. */
async function historyOf(db: DbOrTx, siteId: string): Promise<{ tickets: number; conversations: number; articles: number }> {
  const count = async (table: 'tickets' | 'conversations' | 'kb_articles') => {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('site_id', '=', siteId).executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return { tickets: await count('tickets'), conversations: await count('conversations'), articles: await count('kb_articles') };
}

/**
 * Deletes a site that has no history. The last site cannot go (the messenger and the portal need one), and a site
 * with tickets, chats or articles is refused: its tickets stay as they are, and taking its allowed origins away
 * is how its messenger leaves the owner's pages.
 */
export async function deleteSite(ctx: Pick<CoreContext, 'db' | 'now'>, actor: AuditActor, key: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const site = await findSiteByKey(tx, key);
    if (!site) throw new AppError('not_found', 'No such site');
    const [{ n }] = (await tx.selectFrom('sites').select((eb) => eb.fn.countAll().as('n')).execute()) as [{ n: number | string | bigint }];
    if (Number(n) <= 1) throw new AppError('conflict', 'This is the last site; create another before deleting it');
    const history = await historyOf(tx, site.id);
    if (history.tickets || history.conversations || history.articles) {
      throw new AppError(
        'conflict',
        `${site.name} has ${history.tickets} tickets, ${history.conversations} chats and ${history.articles} articles. ` +
          'Tickets keep their history, so this site cannot be deleted; its tickets stay in the queue. ' +
          'To take the messenger off your pages, remove its allowed origins.',
      );
    }
    for (const table of ['customer_sessions', 'customer_login_tokens', 'visitors'] as const) {
      await tx.deleteFrom(table).where('site_id', '=', site.id).execute();
    }
    await tx.deleteFrom('identity_secrets').where('site_id', '=', site.id).execute();
    await tx.deleteFrom('site_origins_seen').where('site_id', '=', site.id).execute();
    await tx.deleteFrom('sites').where('id', '=', site.id).execute();
    await recordAudit(tx, actor, { action: 'site.deleted', target: { type: 'site', id: site.id }, siteId: site.id, changes: { key: { from: key, to: null } } }, ctx.now());
  });
}

/**
 * Notes that the messenger started a session on this origin (the Install page's "last seen"). One upsert per
 * site and origin, skipped while the stored time is under a minute old, so a busy page costs a read, not a write.
 */
export async function noteOriginSeen(db: DbOrTx, siteId: string, origin: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const fresh = new Date(now.getTime() - 60_000).toISOString();
  const row = await db.selectFrom('site_origins_seen').select('last_seen_at').where('site_id', '=', siteId).where('origin', '=', origin).executeTakeFirst();
  if (row && row.last_seen_at > fresh) return;
  await db
    .insertInto('site_origins_seen')
    .values({ site_id: siteId, origin, last_seen_at: at })
    .onConflict((oc) => oc.columns(['site_id', 'origin']).doUpdateSet({ last_seen_at: at }))
    .execute();
}
