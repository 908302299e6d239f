import { randomBytes } from 'node:crypto';
import type { Config } from './config';
import type { Db } from './db/database';
import { countAgents, createAgent } from './auth/agent.repository';
import type { KnowledgeBase } from './kb/knowledge-base';
import { readDemoArticles } from './kb/knowledge-base';
import { ensureDemoSite } from './sites/site.repository';
import { readSetting, settleSetting } from './db/settings.repository';

/** The first admin's email when ADMIN_EMAIL is not set; their password is then random, shown once. */
export const FIRST_ADMIN_EMAIL = 'admin@example.com';

/** The secret that signs visitor tokens: from SESSION_SECRET, or made once and kept in the database. */
export async function loadSecret(db: Db, config: Config): Promise<string> {
  if (config.sessionSecret) return config.sessionSecret;
  return (await readSetting(db, 'visitor_token_secret')) ?? settleSetting(db, 'visitor_token_secret', randomBytes(32).toString('base64url'));
}

/**
 * What a new database starts with: the demo site and its knowledge base, and a first admin: from
 * ADMIN_EMAIL/ADMIN_PASSWORD, or else with a random password that is printed at this first start only and
 * must be changed at first sign-in (no install shares a known password). Returns how to sign in, for the
 * start-up banner.
 */
export async function bootstrap(db: Db, config: Config, kb: KnowledgeBase, now: Date): Promise<{ signIn: string | null; siteId: string }> {
  const site = await ensureDemoSite(db, config.publicUrl, now);
  await kb.seedIfEmpty(site.id, readDemoArticles(), now);
  await kb.load(site.id);
  let signIn: string | null = null;
  if ((await countAgents(db)) === 0) {
    if (config.admin) {
      await createAgent(db, { email: config.admin.email, password: config.admin.password, name: config.adminName, role: 'admin', now });
      signIn = `${config.admin.email} (the password from ADMIN_PASSWORD)`;
    } else {
      const password = randomBytes(12).toString('base64url');
      await createAgent(db, { email: FIRST_ADMIN_EMAIL, password, name: config.adminName, role: 'admin', now, mustChangePassword: true });
      signIn = `${FIRST_ADMIN_EMAIL} / ${password} (shown this once; you choose a new password at first sign-in)`;
    }
  } else {
    signIn = 'an existing agent';
  }
  return { signIn, siteId: site.id };
}
