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

interface IndexedPassage extends Passage {
  headingTerms: Set<string>;
  textTerms: Set<string>;
}

const termsOf = (text: string) => new Set(tokenize(text).map(processTerm).filter((t): t is string => t !== null));

/**
 * The full-text index Kai searches, in two steps: MiniSearch (BM25-like scoring with prefix and fuzzy
 * matching) finds the articles that answer a question, then the passage of each article that shares most of
 * the question's terms (a heading match counts double) is the one quoted. Updated in place when an article
 * changes, so edits are searchable at once.
 */
export class KnowledgeIndex {
  readonly #search = new MiniSearch<{ id: string; title: string; tags: string; text: string }>({
    fields: ['title', 'tags', 'text'],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => processTerm(term) ?? false,
    searchOptions: {
      boost: { title: 3, tags: 2 },
      prefix: (term) => term.length > 4,
      fuzzy: (term) => (term.length > 5 ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  readonly #passages = new Map<string, IndexedPassage[]>();
  readonly #articles = new Map<string, KbArticle>();

  get size(): number {
    return this.#articles.size;
  }

  replaceAll(articles: KbArticle[]): void {
    this.#search.removeAll();
    this.#passages.clear();
    this.#articles.clear();
    for (const a of articles) this.upsert(a);
  }

  upsert(article: KbArticle): void {
    this.remove(article.id);
    // The intro's "heading" is the article title, which every passage shares: it does not favour the intro.
    const passages = splitArticle(article).map((p, i) => ({ ...p, headingTerms: i === 0 ? new Set<string>() : termsOf(p.heading), textTerms: termsOf(p.text) }));
    this.#search.add({ id: article.id, title: article.title, tags: article.tags.join(' '), text: passages.map((p) => `${p.heading}\n${p.text}`).join('\n') });
    this.#passages.set(article.id, passages);
    this.#articles.set(article.id, article);
  }

  remove(articleId: string): void {
    if (this.#articles.has(articleId)) this.#search.discard(articleId);
    this.#passages.delete(articleId);
    this.#articles.delete(articleId);
  }

  article(id: string): KbArticle | undefined {
    return this.#articles.get(id);
  }

  sourceOf(articleId: string): Source {
    const a = this.#articles.get(articleId);
    return { id: articleId, title: a?.title ?? 'Article', url: a?.url ?? `/help/${a?.slug ?? articleId}` };
  }

  /** The passage of an article that shares most of the question's terms; the earliest on a tie. */
  #bestPassage(articleId: string, terms: string[]): IndexedPassage | undefined {
    let best: IndexedPassage | undefined;
    let bestScore = -1;
    for (const p of this.#passages.get(articleId) ?? []) {
      let score = 0;
      for (const t of terms) score += (p.headingTerms.has(t) ? 2 : 0) + (p.textTerms.has(t) ? 1 : 0);
      if (score > bestScore) {
        best = p;
        bestScore = score;
      }
    }
    return best;
  }

  /** The best passage of each of the best articles for a question, best first. */
  search(question: string, limit = 5): PassageHit[] {
    const terms = queryTerms(question);
    if (terms.length === 0) return [];
    const hits: PassageHit[] = [];
    for (const r of this.#search.search(question).slice(0, limit)) {
      const articleId = String(r.id);
      const passage = this.#bestPassage(articleId, terms);
      if (!passage) continue;
      const matched = new Set(r.queryTerms.map((t) => processTerm(t) ?? t));
      hits.push({
        articleId,
        title: passage.title,
        heading: passage.heading,
        text: passage.text,
        url: this.sourceOf(articleId).url,
        score: r.score,
        coverage: Math.min(1, matched.size / terms.length),
      });
    }
    return hits;
  }
}
