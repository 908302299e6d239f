import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { Db } from '../db/database';
import { deleteArticle, insertArticle, listArticles, replaceArticle, type ArticleInput, type KbArticle } from './kb.repository';
import { KnowledgeIndex } from './search-index';

const DEMO_ARTICLES_DIR = fileURLToPath(new URL('./articles/', import.meta.url));

/** Reads the demo knowledge base shipped in the repo: markdown with YAML front matter. */
export function readDemoArticles(dir = DEMO_ARTICLES_DIR): ArticleInput[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const { data, content } = matter(readFileSync(join(dir, file), 'utf8'));
      const slug = typeof data['slug'] === 'string' ? data['slug'] : file.replace(/\.md$/, '');
      return {
        title: typeof data['title'] === 'string' ? data['title'] : slug,
        slug,
        url: typeof data['url'] === 'string' ? data['url'] : `/help/${slug}`,
        tags: Array.isArray(data['tags']) ? data['tags'].map(String) : [],
        body: content.trim(),
      };
    });
}

/**
 * Each site's articles in the database and in a search index kept in step with it: every write goes to
 * both, so a change is searchable at once.
 */
export class KnowledgeBase {
  readonly #db: Db;
  readonly #indexes = new Map<string, KnowledgeIndex>();
  readonly #onWrite: (siteId: string) => void;

  /** `onWrite` hears of every change, so other server processes can `load` the site again. */
  constructor(db: Db, onWrite: (siteId: string) => void = () => undefined) {
    this.#db = db;
    this.#onWrite = onWrite;
  }

  index(siteId: string): KnowledgeIndex {
    let index = this.#indexes.get(siteId);
    if (!index) this.#indexes.set(siteId, (index = new KnowledgeIndex()));
    return index;
  }

  async load(siteId: string): Promise<void> {
    this.index(siteId).replaceAll(await listArticles(this.#db, siteId));
  }

  /** Fills an empty knowledge base with the demo articles. */
  async seedIfEmpty(siteId: string, articles: ArticleInput[], now: Date): Promise<void> {
    if ((await listArticles(this.#db, siteId)).length > 0) return;
    await this.#db.transaction().execute(async (tx) => {
      for (const a of articles) await insertArticle(tx, siteId, a, now);
    });
  }

  async create(siteId: string, input: ArticleInput, now: Date): Promise<KbArticle> {
    const article = await insertArticle(this.#db, siteId, input, now);
    this.index(siteId).upsert(article);
    this.#onWrite(siteId);
    return article;
  }

  async replace(siteId: string, id: string, input: ArticleInput, now: Date): Promise<KbArticle | undefined> {
    const article = await replaceArticle(this.#db, siteId, id, input, now);
    if (article) {
      this.index(siteId).upsert(article);
      this.#onWrite(siteId);
    }
    return article;
  }

  async remove(siteId: string, id: string): Promise<boolean> {
    const removed = await deleteArticle(this.#db, siteId, id);
    if (removed) {
      this.index(siteId).remove(id);
      this.#onWrite(siteId);
    }
    return removed;
  }
}
