import type { Source } from '../../../../shared/protocol';
import type { KnowledgeBase } from '../../kb/knowledge-base';
import { unitStrength, type PassageHit, type WeightedUnit } from '../../kb/search-index';
import { detectLanguage } from '../../kb/languages';
import { analyseQuery, isListItem, sentences, processTerm, tokenize } from '../../kb/text';
import type { KaiEngine, KaiInput, KaiTurn, TriageResult } from '../engine';
import { textsFor } from '../../i18n';
import { asksForPerson, asksHowToContact, isGreeting, isThanks, soundsFrustrated } from '../intents';
import { triageOffline } from './triage-rules';

/**
 * When the best article is trusted to answer. Coverage is the share of the question's meaning (rarity-weighted
 * words and synonym groups) that the article holds; the score is MiniSearch's. An article must cover at least
 * MIN_COVERAGE, and either score at least MIN_SCORE or cover nearly all of the question (FULL_COVERAGE: a short
 * question such as "Can I use a YubiKey?" scores low but is plainly answered). Chosen on the dev split of the
 * evaluation set (server/src/ai/eval/) to balance answering (source hit@1) against admitting that nothing
 * fits (honest refusals).
 */
export const MIN_COVERAGE = 0.35;
export const MIN_SCORE = 20;
export const FULL_COVERAGE = 0.8;
/** The size of the knowledge base MIN_SCORE was chosen on (the demo's). */
const MIN_SCORE_ARTICLES = 24;

/**
 * MIN_SCORE for a knowledge base of `articles` articles. BM25 scores grow with the rarity of the words, and in
 * a small base no word is rare: a question fully answered by one of six articles scores about half what it
 * would among 24. So below the demo's size the threshold shrinks with the weight of a word found in one article
 * only; above it, it stays (scaling it up too was tried and refused more answerable questions on the
 * third-party dev set).
 */
export function minScoreFor(articles: number): number {
  const idfOfUnique = (n: number) => Math.log(1 + (n - 0.5) / 1.5);
  return articles >= MIN_SCORE_ARTICLES ? MIN_SCORE : MIN_SCORE * (idfOfUnique(Math.max(1, articles)) / idfOfUnique(MIN_SCORE_ARTICLES));
}

/**
 * Trusted enough to answer, in a knowledge base of `articles` articles (the demo's size unless told), when an
 * article must cover `minCoverage` of the question (MIN_COVERAGE unless told).
 */
export function isConfident(hit: Pick<PassageHit, 'coverage' | 'score'>, articles = MIN_SCORE_ARTICLES, minCoverage = MIN_COVERAGE): boolean {
  return hit.coverage >= minCoverage && (hit.score >= minScoreFor(articles) || hit.coverage >= FULL_COVERAGE);
}

/**
 * How sure the engine is, 0..1, from the coverage: a full match is 1, a bare pass about 0.5, so the
 * conversation adds the offer of a person to a borderline answer (handoff-policy's LOW_CONFIDENCE).
 */
export function confidenceOf(coverage: number): number {
  return Math.min(1, 0.35 + 0.65 * coverage);
}

const MAX_ANSWER_CHARS = 600;

/**
 * A security incident in progress (an account taken over, credentials typed into a phishing page, a leaked
 * token, unknown sign-ins, data exposed) or a security matter the customer says is urgent: the offline
 * triage's security category at high urgency. Such a message goes to a person, never to an article that
 * shares its words; a question about security ("how do I report a vulnerability?") is low urgency and is
 * answered as usual.
 */
export function isSecurityIncident(text: string): boolean {
  const t = triageOffline(text);
  return t.category === 'security' && t.urgency === 'high';
}

/**
 * Picks the part of a passage that best answers the question, in its original order. The passage is read as
 * units: a sentence, or a sentence that introduces a list together with the list's items. The unit that holds
 * most of the question's (rarity-weighted) words leads; a sentence is joined by its neighbour so it is not
 * quoted out of context, and a list keeps its lead-in.
 */
export function composeAnswer(question: string, hit: PassageHit): string {
  // The question's words and synonym groups, weighted by rarity when the index weighed them.
  const language = hit.language ?? 'en';
  const units: WeightedUnit[] = hit.units ?? analyseQuery(question, language).units.map((u) => ({ ...u, weight: 1 }));
  // Sentences, each with the paragraph it is in (a list that follows a blank line is still its lead-in's).
  const paragraphs = hit.text.split(/\n\s*\n/);
  const all: string[] = [];
  const paragraphOf: number[] = [];
  paragraphs.forEach((p, k) => {
    for (const s of sentences(p)) {
      all.push(s);
      paragraphOf.push(k);
    }
  });
  if (all.length === 0) return hit.text.slice(0, MAX_ANSWER_CHARS);
  const weightOf = (indexes: number[]) => {
    const words = new Set(indexes.flatMap((i) => tokenize(all[i]!).map((w) => processTerm(w, language)).filter((w): w is string => w !== null)));
    let weight = 0;
    for (const u of units) weight += u.weight * unitStrength(words, u);
    return weight;
  };
  // Blocks: a sentence followed by a list is the list's lead-in, and they go together; the list ends where its
  // paragraph does (a table after a list is another block). Any other sentence stands alone.
  const blocks: number[][] = [];
  for (let i = 0; i < all.length; i++) {
    const next = i + 1;
    if (!isListItem(all[i]!) && next < all.length && isListItem(all[next]!)) {
      const block = [i];
      const list = paragraphOf[next];
      while (i + 1 < all.length && isListItem(all[i + 1]!) && paragraphOf[i + 1] === list) block.push(++i);
      blocks.push(block);
    } else if (isListItem(all[i]!)) {
      const block = [i];
      while (i + 1 < all.length && isListItem(all[i + 1]!) && paragraphOf[i + 1] === paragraphOf[i]) block.push(++i);
      blocks.push(block);
    } else blocks.push([i]);
  }
  let lead = blocks[0]!;
  let leadWeight = -1;
  for (const block of blocks) {
    const w = weightOf(block);
    if (w > leadWeight) {
      lead = block;
      leadWeight = w;
    }
  }
  const chosen = new Set<number>(lead);
  if (lead.length === 1) {
    // A lone sentence: add the next one (or, at the end of the passage, the one before) for context.
    const next = lead[0]! + 1;
    const prev = lead[0]! - 1;
    if (next < all.length && !isListItem(all[next]!)) chosen.add(next);
    else if (prev >= 0 && !isListItem(all[prev]!)) chosen.add(prev);
  }
  let text = '';
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const next = text ? `${text}${isListItem(all[i]!) ? '\n' : ' '}${all[i]}` : all[i]!;
    if (next.length > MAX_ANSWER_CHARS && text) break;
    text = next;
  }
  return text;
}

/**
 * The embedded agent: no network, no model weights. It answers from the best knowledge-base passage,
 * admits when nothing fits, and recognises requests for a person.
 */
export class OfflineEngine implements KaiEngine {
  readonly kind = 'offline' as const;
  readonly #kb: KnowledgeBase;
  readonly #categories: readonly string[] | undefined;
  readonly #minCoverage: number;

  /**
   * `categories`: the deployment's ticket categories triage chooses from (default: DEFAULT_CATEGORIES).
   * `minCoverage`: the share of a question an article must cover to be trusted (default MIN_COVERAGE; `npm run
   * eval` prints the dev figures of its neighbours, which is how it was chosen).
   */
  constructor(kb: KnowledgeBase, categories?: readonly string[], minCoverage = MIN_COVERAGE) {
    this.#kb = kb;
    this.#categories = categories;
    this.#minCoverage = minCoverage;
  }

  async respond(input: KaiInput, onToken?: (text: string) => void): Promise<KaiTurn> {
    const turn = this.decide(input);
    onToken?.(turn.reply);
    return turn;
  }

  /** Synchronous core, used directly by the benchmark. */
  decide(input: KaiInput): KaiTurn {
    const text = input.message.trim();
    const texts = textsFor(input.language);
    if (asksForPerson(text)) {
      return { action: 'handoff', reply: '', sources: [], confidence: 1, handoffReason: 'visitor_request' };
    }
    if (isSecurityIncident(text)) {
      // Never answered from an article, whatever the site's handoff rules: a person must act on it now.
      return { action: 'handoff', reply: '', sources: [], confidence: 1, handoffReason: 'policy', triage: triageOffline(text, this.#categories) };
    }
    if (isGreeting(text)) {
      return { action: 'answer', reply: texts.greeting(input.agentName), sources: [], confidence: 1 };
    }
    if (isThanks(text)) {
      return { action: 'answer', reply: texts.welcome, sources: [], confidence: 1 };
    }
    const offer = !input.offeredHandoff;
    const index = this.#kb.index(input.siteId);
    // The question is read in the language it is written in; the visitor's language breaks a tie.
    const hits = index.search(text, 5, detectLanguage(text, input.language));
    const best = hits[0];
    if (!best || !isConfident(best, index.size, this.#minCoverage)) {
      return {
        action: offer ? 'offer_handoff' : 'answer',
        reply: offer ? texts.noAnswerOffer : texts.noAnswerAgain,
        sources: [],
        confidence: best ? Math.min(confidenceOf(best.coverage), 0.49) : 0,
        handoffReason: 'no_answer',
      };
    }
    const answer = composeAnswer(text, best);
    const sources: Source[] = [index.sourceOf(best.articleId)];
    const frustrated = soundsFrustrated(text);
    const wantsContact = asksHowToContact(text);
    const confidence = confidenceOf(best.coverage);
    if (offer && (frustrated || wantsContact)) {
      return {
        action: 'offer_handoff',
        reply: `${frustrated ? texts.frustratedApology : ''}${answer}\n\n${texts.offer}`,
        sources,
        confidence,
        handoffReason: 'visitor_request',
      };
    }
    return { action: 'answer', reply: answer, sources, confidence };
  }

  async triage(text: string): Promise<TriageResult> {
    return triageOffline(text, this.#categories);
  }
}
