import type { Source } from '../../../../shared/protocol';
import type { KnowledgeBase } from '../../kb/knowledge-base';
import { hasUnit, type PassageHit, type WeightedUnit } from '../../kb/search-index';
import { analyseQuery, isListItem, sentences, processTerm, tokenize } from '../../kb/text';
import type { KaiEngine, KaiInput, KaiTurn, TriageResult } from '../engine';
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
export const MIN_COVERAGE = 0.25;
export const MIN_SCORE = 20;
export const FULL_COVERAGE = 0.8;

/** Trusted enough to answer. */
export function isConfident(hit: Pick<PassageHit, 'coverage' | 'score'> | undefined): hit is PassageHit {
  return hit !== undefined && hit.coverage >= MIN_COVERAGE && (hit.score >= MIN_SCORE || hit.coverage >= FULL_COVERAGE);
}

/**
 * How sure the engine is, 0..1, from the coverage: a full match is 1, a bare pass about 0.5, so the
 * conversation adds the offer of a person to a borderline answer (handoff-policy's LOW_CONFIDENCE).
 */
export function confidenceOf(coverage: number): number {
  return Math.min(1, 0.35 + 0.65 * coverage);
}

const MAX_ANSWER_CHARS = 600;

/** Picks the sentences of a passage that best answer the question, in their original order. */
export function composeAnswer(question: string, hit: PassageHit): string {
  // The question's words and synonym groups, weighted by rarity when the index weighed them.
  const units: WeightedUnit[] = hit.units ?? analyseQuery(question).units.map((u) => ({ ...u, weight: 1 }));
  const all = sentences(hit.text);
  const scored = all.map((s, index) => {
    const words = new Set(tokenize(s).map((w) => processTerm(w)).filter((w): w is string => w !== null));
    let overlap = 0;
    for (const u of units) if (hasUnit(words, u)) overlap += u.weight;
    return { s, index, overlap };
  });
  const best = [...scored].sort((a, b) => b.overlap - a.overlap || a.index - b.index);
  const lead = best[0];
  if (!lead) return hit.text.slice(0, MAX_ANSWER_CHARS);
  // The best sentence plus its neighbours (list items after a lead-in sentence belong with it).
  const chosen = new Set<number>([lead.index]);
  for (let i = lead.index + 1; i < all.length && chosen.size < 5; i++) {
    if (isListItem(all[i]!) || chosen.size < 3) chosen.add(i);
    else break;
  }
  if (chosen.size < 2 && lead.index > 0) chosen.add(lead.index - 1);
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

  constructor(kb: KnowledgeBase) {
    this.#kb = kb;
  }

  async respond(input: KaiInput, onToken?: (text: string) => void): Promise<KaiTurn> {
    const turn = this.decide(input);
    onToken?.(turn.reply);
    return turn;
  }

  /** Synchronous core, used directly by the benchmark. */
  decide(input: KaiInput): KaiTurn {
    const text = input.message.trim();
    if (asksForPerson(text)) {
      return { action: 'handoff', reply: '', sources: [], confidence: 1, handoffReason: 'visitor_request' };
    }
    if (isGreeting(text)) {
      return { action: 'answer', reply: `Hi! I'm ${input.agentName}. What can I help you with today?`, sources: [], confidence: 1 };
    }
    if (isThanks(text)) {
      return { action: 'answer', reply: "You're welcome! Is there anything else I can help with?", sources: [], confidence: 1 };
    }
    const offer = !input.offeredHandoff;
    const index = this.#kb.index(input.siteId);
    const hits = index.search(text, 5);
    const best = hits[0];
    if (!isConfident(best)) {
      return {
        action: offer ? 'offer_handoff' : 'answer',
        reply: offer
          ? "I'm sorry, I couldn't find an answer to that in our help centre. Would you like me to connect you with a person, or shall I keep trying? You can also rephrase your question."
          : "I'm sorry, I couldn't find that in our help centre either. Try rephrasing it, or choose “Talk to a person” and our team will pick it up.",
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
        reply: `${frustrated ? "I'm sorry this has been frustrating. " : ''}${answer}\n\nWould you like me to connect you with a person, or shall I keep trying?`,
        sources,
        confidence,
        handoffReason: 'visitor_request',
      };
    }
    return { action: 'answer', reply: answer, sources, confidence };
  }

  async triage(text: string): Promise<TriageResult> {
    return triageOffline(text);
  }
}
