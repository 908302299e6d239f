import MiniSearch from 'minisearch';
import type { Source } from '../../../shared/protocol';
import type { KbArticle } from './kb.repository';
import { markdownToText, processTerm, queryTerms, tokenize } from './text';

/** One searchable section of an article: its intro or one `##` section. */
interface Passage {
  id: string;
  articleId: string;
  title: string;
  heading: string;
  text: string;
}

/** A passage that matched, with how much of the question it covers. */
export interface PassageHit {
  articleId: string;
  title: string;
  heading: string;
  text: string;
  url: string;
  score: number;
  /** Share of the question's meaningful terms that the passage contains (0..1). */
  coverage: number;
}

/** Splits an article into passages at `##` headings; the text before the first heading is the intro. */
export function splitArticle(article: KbArticle): Passage[] {
  const parts = article.body.split(/^##\s+/m);
  const passages: Passage[] = [];
  parts.forEach((part, i) => {
    const [first = '', ...rest] = part.split('\n');
    const heading = i === 0 ? article.title : first.trim();
    const text = markdownToText(i === 0 ? part : rest.join('\n'));
    if (text.length > 0) passages.push({ id: `${article.id}#${i}`, articleId: article.id, title: article.title, heading, text });
  });
  return passages;
}

/**
 * The full-text index Kai searches (MiniSearch, BM25-like scoring with prefix and fuzzy matching). Updated in
 * place when an article changes, so edits are searchable at once.
 */
export class KnowledgeIndex {
  readonly #search = new MiniSearch<Passage>({
    fields: ['title', 'heading', 'text', 'tags'],
    storeFields: ['articleId', 'title', 'heading', 'text'],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => processTerm(term) ?? false,
    searchOptions: {
      boost: { title: 2, heading: 2, tags: 1.5 },
      prefix: (term) => term.length > 4,
      fuzzy: (term) => (term.length > 5 ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  readonly #passagesByArticle = new Map<string, string[]>();
  readonly #articles = new Map<string, KbArticle>();

  get size(): number {
    return this.#articles.size;
  }

  replaceAll(articles: KbArticle[]): void {
    this.#search.removeAll();
    this.#passagesByArticle.clear();
    this.#articles.clear();
    for (const a of articles) this.upsert(a);
  }

  upsert(article: KbArticle): void {
    this.remove(article.id);
    const passages = splitArticle(article).map((p) => ({ ...p, tags: article.tags.join(' ') }));
    this.#search.addAll(passages);
    this.#passagesByArticle.set(article.id, passages.map((p) => p.id));
    this.#articles.set(article.id, article);
  }

  remove(articleId: string): void {
    for (const id of this.#passagesByArticle.get(articleId) ?? []) this.#search.discard(id);
    this.#passagesByArticle.delete(articleId);
    this.#articles.delete(articleId);
  }

  article(id: string): KbArticle | undefined {
    return this.#articles.get(id);
  }

  sourceOf(articleId: string): Source {
    const a = this.#articles.get(articleId);
    return { id: articleId, title: a?.title ?? 'Article', url: a?.url ?? `/help/${a?.slug ?? articleId}` };
  }

  /** Best passages for a question, best first. */
  search(question: string, limit = 5): PassageHit[] {
    const terms = queryTerms(question);
    if (terms.length === 0) return [];
    return this.#search
      .search(question)
      .slice(0, limit)
      .map((r) => {
        const matched = new Set(r.queryTerms.map((t) => processTerm(t) ?? t));
        return {
          articleId: String(r['articleId']),
          title: String(r['title']),
          heading: String(r['heading']),
          text: String(r['text']),
          url: this.sourceOf(String(r['articleId'])).url,
          score: r.score,
          coverage: Math.min(1, matched.size / terms.length),
        };
      });
  }
}
