/**
 * The yardsticks printed beside Kai's triage on third-party tickets, and the figures that compare them.
 *
 * - Folds are fixed by position (item i is in fold i mod k) before anything is measured, never by results.
 * - The majority-class baseline always answers the commonest priority of the training folds.
 * - The naive Bayes baseline is a plain multinomial model over word counts (Laplace smoothing), trained on
 *   the training folds and scored on the held-out fold: what a text classifier reaches with no domain
 *   knowledge at all. Kai's rules must beat it to claim they generalise.
 * - The fitted baseline (`npm run eval` only) is a logistic regression over words and Kai's own signals,
 *   trained the same way: how far a calibrated combination of the signals could go on this very data. It is
 *   an evaluation-time measure, never shipped (see README: the tickets' licence forbids it).
 */
import { LEVELS, type Level } from '../../../../shared/priority';
import { levelFigures, type LevelFigures } from './evaluate';

export interface Labelled {
  text: string;
  label: Level;
}

/** The k folds of `items`, by position: fold f holds the items whose index is f mod k. */
export function foldsOf<T>(items: readonly T[], k: number): { train: T[]; test: T[] }[] {
  return Array.from({ length: k }, (_, f) => ({
    train: items.filter((_, i) => i % k !== f),
    test: items.filter((_, i) => i % k === f),
  }));
}

/** Lower-cased letter-and-digit words, any script. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export type Classifier = (text: string) => Level;

export function trainMajority(train: readonly Labelled[]): Classifier {
  const counts = new Map<Level, number>();
  for (const t of train) counts.set(t.label, (counts.get(t.label) ?? 0) + 1);
  const best = [...LEVELS].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0]!;
  return () => best;
}

export function trainNaiveBayes(train: readonly Labelled[]): Classifier {
  const vocabulary = new Set<string>();
  const wordCounts = new Map<Level, Map<string, number>>(LEVELS.map((l) => [l, new Map()]));
  const totals = new Map<Level, number>(LEVELS.map((l) => [l, 0]));
  const docs = new Map<Level, number>(LEVELS.map((l) => [l, 0]));
  for (const { text, label } of train) {
    docs.set(label, docs.get(label)! + 1);
    const counts = wordCounts.get(label)!;
    for (const w of words(text)) {
      vocabulary.add(w);
      counts.set(w, (counts.get(w) ?? 0) + 1);
      totals.set(label, totals.get(label)! + 1);
    }
  }
  const v = vocabulary.size;
  return (text) => {
    let best: Level = LEVELS[0];
    let bestScore = -Infinity;
    for (const l of LEVELS) {
      if (docs.get(l) === 0) continue;
      let score = Math.log(docs.get(l)! / train.length);
      const counts = wordCounts.get(l)!;
      const denominator = Math.log(totals.get(l)! + v);
      for (const w of words(text)) if (vocabulary.has(w)) score += Math.log((counts.get(w) ?? 0) + 1) - denominator;
      if (score > bestScore) {
        bestScore = score;
        best = l;
      }
    }
    return best;
  };
}

/** Settings of the logistic regression, fixed before it was first measured (not tuned on any split). */
const LOGISTIC = { iterations: 300, learningRate: 0.5, l2: 0.01 };

/**
 * A multinomial logistic regression over binary features (each feature present or not), fitted by batch
 * gradient descent from zero weights with L2 regularisation: deterministic, and small enough to train in a
 * fraction of a second on a few hundred tickets.
 */
export function trainLogisticRegression(featuresOf: (text: string) => readonly string[]): (train: readonly Labelled[]) => Classifier {
  return (train) => {
    const index = new Map<string, number>();
    const rows = train.map(({ text }) =>
      [...new Set(featuresOf(text))].map((f) => {
        if (!index.has(f)) index.set(f, index.size);
        return index.get(f)!;
      }),
    );
    const bias = index.size;
    const weights = LEVELS.map(() => new Float64Array(index.size + 1));
    const labels = train.map((t) => LEVELS.indexOf(t.label));
    const scores = (row: readonly number[]) => weights.map((w) => row.reduce((sum, j) => sum + w[j]!, w[bias]!));
    for (let iteration = 0; iteration < LOGISTIC.iterations; iteration++) {
      const gradients = LEVELS.map(() => new Float64Array(index.size + 1));
      rows.forEach((row, n) => {
        const z = scores(row);
        const top = Math.max(...z);
        const e = z.map((v) => Math.exp(v - top));
        const total = e.reduce((a, b) => a + b, 0);
        e.forEach((p, c) => {
          const g = p / total - (c === labels[n] ? 1 : 0);
          const grad = gradients[c]!;
          for (const j of row) grad[j]! += g;
          grad[bias]! += g;
        });
      });
      weights.forEach((w, c) => {
        const grad = gradients[c]!;
        for (let j = 0; j <= bias; j++) w[j]! -= LOGISTIC.learningRate * (grad[j]! / train.length + (j < bias ? LOGISTIC.l2 * w[j]! : 0));
      });
    }
    return (text) => {
      const row = featuresOf(text).flatMap((f) => (index.has(f) ? [index.get(f)!] : []));
      const z = scores([...new Set(row)]);
      return LEVELS[z.indexOf(Math.max(...z))]!;
    };
  };
}

/** Predictions for every item, each made by a model trained on the other folds. */
export function crossValidate(items: readonly Labelled[], k: number, train: (items: readonly Labelled[]) => Classifier): Level[] {
  const predictions = new Array<Level>(items.length);
  for (let f = 0; f < k; f++) {
    const model = train(items.filter((_, i) => i % k !== f));
    items.forEach((item, i) => {
      if (i % k === f) predictions[i] = model(item.text);
    });
  }
  return predictions;
}

/** What the table prints for one classifier over one set. */
export interface PriorityFigures extends LevelFigures {
  macroF1: number;
  highRecall: number | null;
  /** Predicted within one level of the label (high↔low is the only miss by two). */
  withinOne: number;
}

export function priorityFigures(truth: readonly Level[], predicted: readonly Level[]): PriorityFigures {
  const base = levelFigures(truth.map((t, i) => ({ truth: t, predicted: predicted[i]! })));
  const f1s = LEVELS.map((l) => {
    const { precision, recall } = base.perClass[l];
    const p = precision ?? 0;
    const r = recall ?? 0;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  });
  const farOff = truth.filter((t, i) => Math.abs(LEVELS.indexOf(t) - LEVELS.indexOf(predicted[i]!)) > 1).length;
  return {
    ...base,
    macroF1: f1s.reduce((a, b) => a + b, 0) / LEVELS.length,
    highRecall: base.perClass.high.recall,
    withinOne: truth.length === 0 ? 0 : 1 - farOff / truth.length,
  };
}
