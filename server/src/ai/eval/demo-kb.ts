/** The demo knowledge base in an in-memory SQLite database, as the evaluation and its tests use it. */
import { migrateToLatest, openDatabase, type Db } from '../../db/database';
import type { ArticleInput } from '../../kb/kb.repository';
import { KnowledgeBase, readDemoArticles } from '../../kb/knowledge-base';
import { ensureDemoSite } from '../../sites/site.repository';

export interface DemoKb {
  db: Db;
  kb: KnowledgeBase;
  siteId: string;
  /** Article id → slug, for scoring sources. */
  slugOf: (articleId: string) => string | undefined;
}

export async function openDemoKb(now = new Date('2026-03-02T10:00:00Z')): Promise<DemoKb> {
  return openArticlesKb(readDemoArticles(), now);
}

/** Any articles loaded into a fresh in-memory knowledge base, as the KB API would store them. */
export async function openArticlesKb(articles: readonly ArticleInput[], now = new Date('2026-03-02T10:00:00Z')): Promise<DemoKb> {
  const db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
  const siteId = (await ensureDemoSite(db, 'http://127.0.0.1:3000', now)).id;
  const kb = new KnowledgeBase(db);
  await kb.seedIfEmpty(siteId, [...articles], now);
  await kb.load(siteId);
  return { db, kb, siteId, slugOf: (id) => kb.index(siteId).article(id)?.slug };
}
