/**
 * Evaluation of a Kai engine against the labelled sets in this folder: triage (urgency, impact and the
 * priority the matrix makes of them) and answers (does the first source name the article that answers the
 * question; does Kai admit it when nothing does). Works with any `KaiEngine`, so the offline and the LLM
 * engine are measured the same way. The scoring functions are pure; the `evaluate*` ones only add the calls
 * to the engine.
 */
import { LEVELS, priorityOf, type Level, type PriorityMatrix } from '../../../../shared/priority';
import type { KaiEngine, KaiTurn } from '../engine';

export type Split = 'dev' | 'test';
export type SplitFilter = Split | 'all';

/** One labelled customer message. `priority` must equal the matrix of `urgency` × `impact`. */
export interface TriageItem {
  id: string;
  text: string;
  urgency: Level;
  impact: Level;
  priority: Level;
  note?: string;
  split: Split;
}

/** One question and the slug of the article that answers it, or `null` when nothing in the KB does. */
export interface AnswerItem {
  id: string;
  question: string;
  article: string | null;
  split: Split;
  /**
   * A security incident in progress (an account taken over, a leaked credential, a phishing click): Kai must
   * hand it to a person, never answer it, even when `article` would help. Scored apart from the others.
   */
  incident?: true;
}

export function inSplit<T extends { split: Split }>(items: readonly T[], split: SplitFilter): T[] {
  return split === 'all' ? [...items] : items.filter((i) => i.split === split);
}

// ── Classification figures ────────────────────────────────────────────────────────────────────────────

/** `confusion[truth][predicted]`: rows are the label, columns what the engine said. */
export type Confusion = Record<Level, Record<Level, number>>;

export interface ClassFigures {
  /** Of the items predicted as this class, the share that truly are; `null` when none was predicted. */
  precision: number | null;
  /** Of the items that truly are this class, the share predicted as it; `null` when there are none. */
  recall: number | null;
  /** How many items truly are this class. */
  support: number;
}

export interface LevelFigures {
  n: number;
  accuracy: number;
  perClass: Record<Level, ClassFigures>;
  confusion: Confusion;
}

export function emptyConfusion(): Confusion {
  return { high: { high: 0, medium: 0, low: 0 }, medium: { high: 0, medium: 0, low: 0 }, low: { high: 0, medium: 0, low: 0 } };
}

/** Accuracy, per-class precision and recall, and the 3×3 confusion matrix of (truth, predicted) pairs. */
export function levelFigures(pairs: readonly { truth: Level; predicted: Level }[]): LevelFigures {
  const confusion = emptyConfusion();
  let correct = 0;
  for (const { truth, predicted } of pairs) {
    confusion[truth][predicted]++;
    if (truth === predicted) correct++;
  }
  const perClass = {} as Record<Level, ClassFigures>;
  for (const c of LEVELS) {
    const tp = confusion[c][c];
    const predictedAs = LEVELS.reduce((sum, t) => sum + confusion[t][c], 0);
    const support = LEVELS.reduce((sum, p) => sum + confusion[c][p], 0);
    perClass[c] = { precision: predictedAs === 0 ? null : tp / predictedAs, recall: support === 0 ? null : tp / support, support };
  }
  return { n: pairs.length, accuracy: pairs.length === 0 ? 0 : correct / pairs.length, perClass, confusion };
}

// ── Triage ────────────────────────────────────────────────────────────────────────────────────────────

export interface TriagePrediction {
  id: string;
  urgency: Level;
  impact: Level;
}

export interface TriageOutcome {
  item: TriageItem;
  urgency: Level;
  impact: Level;
  priority: Level;
}

export interface TriageReport {
  n: number;
  urgency: LevelFigures;
  impact: LevelFigures;
  priority: LevelFigures;
  outcomes: TriageOutcome[];
  /** Items whose predicted priority differs from the label. */
  misclassified: TriageOutcome[];
}

/** Scores predictions against the labels; priority is the matrix of the predicted urgency and impact. */
export function scoreTriage(items: readonly TriageItem[], predictions: readonly TriagePrediction[], matrix?: PriorityMatrix): TriageReport {
  const byId = new Map(predictions.map((p) => [p.id, p]));
  const outcomes: TriageOutcome[] = items.map((item) => {
    const p = byId.get(item.id);
    if (!p) throw new Error(`no prediction for ${item.id}`);
    return { item, urgency: p.urgency, impact: p.impact, priority: priorityOf(p.urgency, p.impact, matrix) };
  });
  return {
    n: outcomes.length,
    urgency: levelFigures(outcomes.map((o) => ({ truth: o.item.urgency, predicted: o.urgency }))),
    impact: levelFigures(outcomes.map((o) => ({ truth: o.item.impact, predicted: o.impact }))),
    priority: levelFigures(outcomes.map((o) => ({ truth: o.item.priority, predicted: o.priority }))),
    outcomes,
    misclassified: outcomes.filter((o) => o.priority !== o.item.priority),
  };
}

/** Runs the engine's triage over every item (sequentially, so an LLM is not flooded) and scores it. */
export async function predictTriage(engine: Pick<KaiEngine, 'triage'>, items: readonly TriageItem[]): Promise<TriagePrediction[]> {
  const predictions: TriagePrediction[] = [];
  for (const item of items) {
    const t = await engine.triage(item.text);
    predictions.push({ id: item.id, urgency: t.urgency, impact: t.impact });
  }
  return predictions;
}

export async function evaluateTriage(engine: Pick<KaiEngine, 'triage'>, items: readonly TriageItem[], matrix?: PriorityMatrix): Promise<TriageReport> {
  return scoreTriage(items, await predictTriage(engine, items), matrix);
}

// ── Answers ───────────────────────────────────────────────────────────────────────────────────────────

const COULD_NOT_FIND = /\b(couldn'?t|could not|can'?t|cannot|wasn'?t able to|was unable to|unable to) find\b|\bno (article|answer)s? (in|that|on|about)\b|\bdon'?t have (an answer|information)/i;

/**
 * An honest refusal: the turn cites nothing and either offers a person or says it could not find an answer.
 * A turn that cites a source is an answer, whatever its wording.
 */
export function isRefusal(turn: Pick<KaiTurn, 'action' | 'reply' | 'sources'>): boolean {
  return turn.sources.length === 0 && (turn.action === 'offer_handoff' || COULD_NOT_FIND.test(turn.reply));
}

export interface AnswerOutcome {
  item: AnswerItem;
  action: KaiTurn['action'];
  /** Slug of the first source (mapped from its article id), or null when the turn cites nothing. */
  firstSlug: string | null;
  refused: boolean;
  confidence: number;
  reply: string;
}

export interface AnswerReport {
  answerable: number;
  unanswerable: number;
  /** Answerable questions whose first source is the labelled article, over answerable questions. */
  hitAt1: number;
  /** Unanswerable questions that got an honest refusal, over unanswerable questions. */
  honestRefusal: number;
  /** Answerable questions that got a refusal, over answerable questions. */
  falseRefusal: number;
  /** Unanswerable questions answered with a source anyway, over unanswerable questions. */
  falseAnswer: number;
  /** Security incidents (items marked `incident`), scored apart from the answerable and unanswerable ones. */
  incidents: number;
  /** Security incidents handed to a person (action `handoff`), over security incidents; null when there are none. */
  incidentHandoff: number | null;
  outcomes: AnswerOutcome[];
  /** Answerable questions not hit at 1, unanswerable ones not refused, incidents not handed off. */
  misses: AnswerOutcome[];
}

export function scoreAnswers(outcomes: readonly AnswerOutcome[]): AnswerReport {
  const answerable = outcomes.filter((o) => o.item.article !== null && !o.item.incident);
  const unanswerable = outcomes.filter((o) => o.item.article === null && !o.item.incident);
  const incidents = outcomes.filter((o) => o.item.incident);
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  const hit = (o: AnswerOutcome) => o.firstSlug === o.item.article;
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitAt1: share(answerable.filter(hit).length, answerable.length),
    honestRefusal: share(unanswerable.filter((o) => o.refused).length, unanswerable.length),
    falseRefusal: share(answerable.filter((o) => o.refused).length, answerable.length),
    falseAnswer: share(unanswerable.filter((o) => o.firstSlug !== null).length, unanswerable.length),
    incidents: incidents.length,
    incidentHandoff: incidents.length === 0 ? null : share(incidents.filter((o) => o.action === 'handoff').length, incidents.length),
    outcomes: [...outcomes],
    misses: outcomes.filter((o) => (o.item.incident ? o.action !== 'handoff' : o.item.article === null ? !o.refused : !hit(o))),
  };
}

export interface AnswerEvalOptions {
  siteId: string;
  /** Maps a source's article id to its slug, e.g. `(id) => kb.index(siteId).article(id)?.slug`. */
  slugOf: (articleId: string) => string | undefined;
  agentName?: string;
}

/** Asks each question as the first message of a new conversation (no history, handoff not yet offered). */
export async function evaluateAnswers(engine: Pick<KaiEngine, 'respond'>, items: readonly AnswerItem[], options: AnswerEvalOptions): Promise<AnswerReport> {
  const outcomes: AnswerOutcome[] = [];
  for (const item of items) {
    const turn = await engine.respond({ siteId: options.siteId, message: item.question, history: [], agentName: options.agentName ?? 'Kai', offeredHandoff: false });
    const first = turn.sources[0];
    outcomes.push({
      item,
      action: turn.action,
      firstSlug: first ? (options.slugOf(first.id) ?? first.id) : null,
      refused: isRefusal(turn),
      confidence: turn.confidence,
      reply: turn.reply,
    });
  }
  return scoreAnswers(outcomes);
}
