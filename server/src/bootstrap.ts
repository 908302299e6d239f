import { randomBytes } from 'node:crypto';
import type { Config } from './config';
import type { Db } from './db/database';
import { countAgents, createAgent } from './auth/agent.repository';
import type { KnowledgeBase } from './kb/knowledge-base';
import { readDemoArticles } from './kb/knowledge-base';
import { ensureDemoSite } from './sites/site.repository';

/** Credentials of the agent a fresh demo database gets when ADMIN_EMAIL/ADMIN_PASSWORD are not set. */
export const DEMO_ADMIN = { email: 'admin@example.com', password: 'frontdesk-demo', name: 'Alex Admin' } as const;

/** The secret that signs visitor tokens: from SESSION_SECRET, or made once and kept in the database. */
export async function loadSecret(db: Db, config: Config): Promise<string> {
  if (config.sessionSecret) return config.sessionSecret;
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'visitor_token_secret').executeTakeFirst();
  if (row) return row.value;
  const secret = randomBytes(32).toString('base64url');
  await db.insertInto('settings').values({ key: 'visitor_token_secret', value: secret }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const stored = await db.selectFrom('settings').select('value').where('key', '=', 'visitor_token_secret').executeTakeFirstOrThrow();
  return stored.value;
}

/**
 * What a new database starts with: the demo site and its knowledge base, and a first agent (from
 * ADMIN_EMAIL/ADMIN_PASSWORD, or the demo admin). Returns how to sign in, for the start-up banner.
 */
export async function bootstrap(db: Db, config: Config, kb: KnowledgeBase, now: Date): Promise<{ signIn: string | null; siteId: string }> {
  const site = await ensureDemoSite(db, config.publicUrl, now);
  await kb.seedIfEmpty(site.id, readDemoArticles(), now);
  await kb.load(site.id);
  let signIn: string | null = null;
  if ((await countAgents(db)) === 0) {
    const admin = config.admin ?? DEMO_ADMIN;
    await createAgent(db, { email: admin.email, password: admin.password, name: config.admin ? 'Admin' : DEMO_ADMIN.name, role: 'admin', now });
    signIn = config.admin ? `${admin.email} (the password from ADMIN_PASSWORD)` : `${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`;
  } else if (!config.admin) {
    signIn = `an existing agent (a new database's demo admin is ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password})`;
  }
  return { signIn, siteId: site.id };
}
