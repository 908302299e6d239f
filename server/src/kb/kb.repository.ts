import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/database';
import type { KbArticleRow } from '../db/schema';
import type { KbArticle } from '../../../shared/api';

export type { KbArticle } from '../../../shared/api';

export function toKbArticle(row: KbArticleRow): KbArticle {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    body: row.body,
    url: row.url,
    tags: JSON.parse(row.tags) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listArticles(db: DbOrTx, siteId: string): Promise<KbArticle[]> {
  const rows = await db.selectFrom('kb_articles').selectAll().where('site_id', '=', siteId).orderBy('title').execute();
  return rows.map(toKbArticle);
}

export async function findArticle(db: DbOrTx, siteId: string, id: string): Promise<KbArticle | undefined> {
  const row = await db.selectFrom('kb_articles').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
  return row && toKbArticle(row);
}

export async function findArticleBySlug(db: DbOrTx, siteId: string, slug: string): Promise<KbArticle | undefined> {
  const row = await db.selectFrom('kb_articles').selectAll().where('site_id', '=', siteId).where('slug', '=', slug).executeTakeFirst();
  return row && toKbArticle(row);
}

export function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 80) || 'article'
  );
}

export interface ArticleInput {
  title: string;
  body: string;
  url?: string | null | undefined;
  slug?: string | undefined;
  tags?: string[] | undefined;
}

export async function insertArticle(db: DbOrTx, siteId: string, input: ArticleInput, now: Date): Promise<KbArticle> {
  const base = input.slug ?? slugify(input.title);
  let slug = base;
  for (let i = 2; await findArticleBySlug(db, siteId, slug); i++) slug = `${base}-${i}`;
  const row: KbArticleRow = {
    id: randomUUID(),
    site_id: siteId,
    slug,
    title: input.title,
    body: input.body,
    url: input.url ?? `/help/${slug}`,
    tags: JSON.stringify(input.tags ?? []),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.insertInto('kb_articles').values(row).execute();
  return toKbArticle(row);
}

export async function replaceArticle(db: DbOrTx, siteId: string, id: string, input: ArticleInput, now: Date): Promise<KbArticle | undefined> {
  const row = await db
    .updateTable('kb_articles')
    .set({
      title: input.title,
      body: input.body,
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.tags ? { tags: JSON.stringify(input.tags) } : {}),
      updated_at: now.toISOString(),
    })
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toKbArticle(row);
}

export async function deleteArticle(db: DbOrTx, siteId: string, id: string): Promise<boolean> {
  const res = await db.deleteFrom('kb_articles').where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
