import MiniSearch from 'minisearch';
import type { Source } from '../../../shared/protocol';
import type { KbArticle } from './kb.repository';
import type { Language } from '../../../shared/language';
import { detectLanguage } from './languages';
import { analyseQuery, markdownToText, processTerm, tokenize, type QueryUnit } from './text';

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
  /**
   * Share of the question's meaning that the article contains (0..1): each word or synonym group of the
   * question weighs by how rare it is in the knowledge base, so a distinctive word no article uses ("Android",
   * "bitcoin") counts for much more than one every article uses.
   */
  coverage: number;
  /** The question's words and synonym groups with their weights, for picking the sentences that answer. */
  units?: WeightedUnit[];
  /** The article's language, whose stemmer read it (and the question). */
  language?: Language;
}

export interface WeightedUnit extends QueryUnit {
  weight: number;
}

// Plain loops: these run for every passage of every candidate, so no closures per call.
function hasAll(terms: ReadonlySet<string>, alt: readonly string[]): boolean {
  for (const t of alt) if (!terms.has(t)) return false;
  return true;
}

function hasAny(terms: ReadonlySet<string>, alternatives: readonly (readonly string[])[]): boolean {
  for (const alt of alternatives) if (hasAll(terms, alt)) return true;
  return false;
}

/** Has every term of one alternative of the unit. */
export function hasUnit(terms: ReadonlySet<string>, unit: QueryUnit): boolean {
  return hasAny(terms, unit.alternatives);
}

/** 1 when the terms hold the words the question used, half when they hold only a synonym, else 0. */
export function unitStrength(terms: ReadonlySet<string>, unit: QueryUnit): number {
  if (hasAny(terms, unit.used)) return 1;
  return unit.alternatives.length > unit.used.length && hasAny(terms, unit.alternatives) ? SYNONYM_STRENGTH : 0;
}

/** What a synonym counts for, against the question's own word, when choosing passages and sentences. */
const SYNONYM_STRENGTH = 0.5;

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

/**
 * Search and ranking settings, chosen on the dev split of the evaluation set (server/src/ai/eval/):
 * - the title and tags boosts of MiniSearch's fields;
 * - how much the words a question borrowed from its synonyms count in the search, against its own words;
 * - what a question's word in a passage's heading adds to it being in the passage at all;
 * - the re-ranking of MiniSearch's candidates: the share of the question the best passage holds, plus the
 *   square root of the search score relative to the top one (raw BM25 scores spread too widely to add), plus
 *   three times the share of the question in the article's title (a help article's title says what it
 *   answers; chosen on the dev questions of both the demo and the third-party knowledge base).
 */
const TITLE_BOOST = 3;
const TAGS_BOOST = 2;
const EXPANSION_BOOST = 0.5;
const HEADING_BONUS = 1;
const CANDIDATES = 8;
const RANK_WEIGHTS = { passage: 1, score: 1, title: 3 };
const SCORE_POWER = 0.5;
/** A borrowed synonym in more than this share of the articles is not searched for. */
const MAX_BORROWED_SHARE = 0.25;
/** The most borrowed synonym words one search adds. */
const MAX_BORROWED = 8;

/** The processed terms of a text, in order (stop words dropped, the rest stemmed in the language). */
const termSeq = (text: string, language: Language) => tokenize(text).map((w) => processTerm(w, language)).filter((t): t is string => t !== null);
const termsOf = (text: string, language: Language) => new Set(termSeq(text, language));
/** Text for MiniSearch, already processed in its language: MiniSearch itself only splits it at spaces. */
const processed = (text: string, language: Language) => termSeq(text, language).join(' ');

/**
 * The full-text index Kai searches. A question is read as units: its meaningful words, and the synonym groups
 * it mentions (text.ts), each weighted by how rare it is across articles. MiniSearch (BM25-like scoring with
 * prefix and fuzzy matching, the synonyms at half weight) proposes articles; in each, the passage holding most
 * of the question's weight is the one quoted (a heading match counts extra, the customer's own word more than
 * a synonym); the articles are ranked by that passage's share of the question and the search score; and each
 * hit reports the share of the question the whole article holds (its coverage), which the offline engine
 * uses to decide whether it can answer at all. Updated in place when an article changes, so edits are
 * searchable at once.
 */
export class KnowledgeIndex {
  // Articles and questions are processed before MiniSearch sees them, each in its own language (the same
  // function for every field cannot know a document's language).
  readonly #search = new MiniSearch<{ id: string; title: string; tags: string; text: string }>({
    fields: ['title', 'tags', 'text'],
    storeFields: [],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || false,
    searchOptions: {
      boost: { title: TITLE_BOOST, tags: TAGS_BOOST },
      prefix: (term) => term.length > 4,
      fuzzy: (term) => (term.length > 5 ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  readonly #passages = new Map<string, IndexedPassage[]>();
  readonly #articles = new Map<string, KbArticle>();
  /** Every term of each article (title, tags, headings and text), for coverage and document frequency. */
  readonly #articleTerms = new Map<string, Set<string>>();
  /** The language each article is written in (detected from its text), whose stemmer reads it. */
  readonly #languages = new Map<string, Language>();
  /** The terms of each article's title: a help article's title says what it answers. */
  readonly #titleTerms = new Map<string, Set<string>>();
  /** The articles each term occurs in. */
  readonly #postings = new Map<string, Set<string>>();

  get size(): number {
    return this.#articles.size;
  }

  replaceAll(articles: KbArticle[]): void {
    this.#search.removeAll();
    this.#passages.clear();
    this.#articles.clear();
    this.#articleTerms.clear();
    this.#postings.clear();
    for (const a of articles) this.upsert(a);
  }

  upsert(article: KbArticle): void {
    this.remove(article.id);
    const language = detectLanguage(`${article.title}\n${article.body}`);
    // The intro's "heading" is the article title, which every passage shares: it does not favour the intro.
    const passages = splitArticle(article).map((p, i) => ({ ...p, headingTerms: i === 0 ? new Set<string>() : termsOf(p.heading, language), textTerms: termsOf(p.text, language) }));
    this.#search.add({
      id: article.id,
      title: processed(article.title, language),
      tags: processed(article.tags.join(' '), language),
      text: passages.map((p) => processed(`${p.heading}\n${p.text}`, language)).join(' '),
    });
    this.#passages.set(article.id, passages);
    this.#articles.set(article.id, article);
    this.#languages.set(article.id, language);
    const all = termsOf(`${article.title}\n${article.tags.join(' ')}`, language);
    for (const p of passages) for (const t of [...p.headingTerms, ...p.textTerms, ...termsOf(p.heading, language)]) all.add(t);
    this.#articleTerms.set(article.id, all);
    this.#titleTerms.set(article.id, termsOf(article.title, language));
    for (const t of all) {
      let ids = this.#postings.get(t);
      if (!ids) this.#postings.set(t, (ids = new Set()));
      ids.add(article.id);
    }
  }

  remove(articleId: string): void {
    if (this.#articles.has(articleId)) this.#search.discard(articleId);
    this.#passages.delete(articleId);
    this.#articles.delete(articleId);
    this.#languages.delete(articleId);
    this.#titleTerms.delete(articleId);
    for (const t of this.#articleTerms.get(articleId) ?? []) {
      const ids = this.#postings.get(t);
      ids?.delete(articleId);
      if (ids?.size === 0) this.#postings.delete(t);
    }
    this.#articleTerms.delete(articleId);
  }

  article(id: string): KbArticle | undefined {
    return this.#articles.get(id);
  }

  sourceOf(articleId: string): Source {
    const a = this.#articles.get(articleId);
    return { id: articleId, title: a?.title ?? 'Article', url: a?.url ?? `/help/${a?.slug ?? articleId}` };
  }

  /**
   * Each unit of the question weighted by its rarity across articles (BM25's inverse document frequency): a
   * unit no article has weighs most, one every article has weighs almost nothing.
   */
  #weigh(units: QueryUnit[]): WeightedUnit[] {
    const n = this.#articleTerms.size;
    return units.map((unit) => {
      const df = this.#articlesWith(unit.alternatives);
      return { ...unit, weight: Math.log(1 + (n - df + 0.5) / (df + 0.5)) };
    });
  }

  /** How many articles hold all the terms of at least one of the alternatives. */
  #articlesWith(alternatives: string[][]): number {
    if (alternatives.length === 1 && alternatives[0]!.length === 1) return this.#postings.get(alternatives[0]![0]!)?.size ?? 0;
    const found = new Set<string>();
    for (const alt of alternatives) {
      const lists = alt.map((t) => this.#postings.get(t));
      if (lists.some((l) => !l)) continue;
      const [smallest, ...rest] = (lists as Set<string>[]).sort((a, b) => a.size - b.size);
      for (const id of smallest!) if (rest.every((l) => l.has(id))) found.add(id);
    }
    return found.size;
  }

  /**
   * The passage of an article that holds most of the question's weight, the earliest on a tie: a unit in the
   * heading counts extra (unless it heads most sections, being the article's topic), and the customer's own
   * word counts more than a synonym of it. Also returns the share of the question's weight the passage holds.
   */
  #bestPassage(articleId: string, units: WeightedUnit[], total: number): { passage: IndexedPassage; coverage: number } | undefined {
    let best: { passage: IndexedPassage; coverage: number } | undefined;
    let bestScore = -1;
    const passages = this.#passages.get(articleId) ?? [];
    // A word (as the question put it) in most of an article's headings is the article's topic: it tells
    // articles apart, not passages.
    const sections = passages.slice(1);
    const topical = new Set(units.filter((u) => sections.length >= 2 && sections.filter((p) => unitStrength(p.headingTerms, u) === 1).length * 2 >= sections.length));
    for (const p of passages) {
      let score = 0;
      let covered = 0;
      for (const u of units) {
        const inHeading = unitStrength(p.headingTerms, u);
        const inText = unitStrength(p.textTerms, u);
        score += u.weight * ((topical.has(u) ? 0 : HEADING_BONUS * inHeading) + Math.max(inText, inHeading));
        if (inHeading > 0 || inText > 0) covered += u.weight;
      }
      if (score > bestScore) {
        best = { passage: p, coverage: total > 0 ? covered / total : 0 };
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * The best passage of each of the best articles for a question, best first. MiniSearch proposes up to
   * CANDIDATES articles; they are ranked by how much of the question their best passage holds (words that
   * answer together sit together) and by the search score. `coverage` is the share held by the whole article.
   */
  search(question: string, limit = 5, language: Language = detectLanguage(question)): PassageHit[] {
    const { units, expansion } = analyseQuery(question, language);
    if (units.length === 0) return [];
    const weighted = this.#weigh(units);
    const total = weighted.reduce((sum, u) => sum + u.weight, 0);
    const ownSeq = termSeq(question, language);
    const own = new Set(ownSeq);
    // The borrowed synonyms are exact vocabulary: no prefix or typo matching for them, and half the weight.
    // Only those some article uses, and not so common that they tell nothing apart (they also cost the most).
    // Word by word, leaving out the question's own words (already searched: adding them again would count
    // them twice).
    // At most MAX_BORROWED of them, the rarest first: they tell most apart and cost least.
    const n = this.#articleTerms.size;
    const candidates: { word: string; df: number }[] = [];
    const seen = new Set(own);
    for (const m of expansion) {
      for (const word of tokenize(m.raw)) {
        const t = processTerm(word, language);
        if (t === null || seen.has(t)) continue;
        seen.add(t);
        const df = this.#postings.get(t)?.size ?? 0;
        if (df > 0 && df <= Math.max(1, n * MAX_BORROWED_SHARE)) candidates.push({ word: t, df });
      }
    }
    const borrowed = candidates
      .sort((a, b) => a.df - b.df)
      .slice(0, MAX_BORROWED)
      .map((c) => c.word);
    const results = this.#search.search([...ownSeq, ...borrowed].join(' '), {
      boostTerm: (term) => (own.has(term) ? 1 : EXPANSION_BOOST),
      prefix: (term) => own.has(term) && term.length > 4,
      fuzzy: (term) => (own.has(term) && term.length > 5 ? 0.2 : false),
    });
    const topScore = results[0]?.score ?? 0;
    const ranked: { hit: PassageHit; rank: number }[] = [];
    for (const r of results.slice(0, Math.max(limit, CANDIDATES))) {
      const articleId = String(r.id);
      const best = this.#bestPassage(articleId, weighted, total);
      if (!best) continue;
      const terms = this.#articleTerms.get(articleId) ?? new Set<string>();
      // A word matched only by prefix or a typo's fuzzy match ("pasword") still counts as present.
      const matchedWords = new Set(r.queryTerms);
      let covered = 0;
      for (const u of weighted) if (hasUnit(terms, u) || (u.alternatives.length === 1 && matchedWords.has(u.label))) covered += u.weight;
      const coverage = total > 0 ? Math.min(1, covered / total) : 0;
      const hit: PassageHit = {
        articleId,
        title: best.passage.title,
        heading: best.passage.heading,
        text: best.passage.text,
        url: this.sourceOf(articleId).url,
        score: r.score,
        coverage,
        units: weighted,
        language: this.#languages.get(articleId) ?? 'en',
      };
      const titleTerms = this.#titleTerms.get(articleId) ?? new Set<string>();
      let inTitle = 0;
      for (const u of weighted) inTitle += u.weight * unitStrength(titleTerms, u);
      const titleCoverage = total > 0 ? inTitle / total : 0;
      ranked.push({ hit, rank: RANK_WEIGHTS.passage * best.coverage + RANK_WEIGHTS.score * (topScore > 0 ? (r.score / topScore) ** SCORE_POWER : 0) + RANK_WEIGHTS.title * titleCoverage });
    }
    return ranked
      .sort((a, b) => b.rank - a.rank)
      .slice(0, limit)
      .map((r) => r.hit);
  }
}
