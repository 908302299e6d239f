/**
 * Floors on tickets nobody here wrote (third-party/, test split, never tuned on), per language, and the
 * scoring of the baselines printed beside them. Measured: en 57.4% accuracy, macro-F1 54.1%, high recall
 * 72.9% (naive Bayes 54.6% / 44.4% / 70.0%); de 49.3% / 47.4% / 63.6%, es 51.4% / 47.4% / 70.2%,
 * fr 50.7% / 49.3% / 60.6%, pt 42.7% / 38.3% / 68.4%. The floors sit a few points below, so a real regression
 * fails and an unrelated tweak does not. Accuracy is still far from the goal of 0.65: see
 * server/src/ai/eval/README.md for why.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { OfflineEngine } from '../offline/offline-engine';
import { crossValidate, foldsOf, priorityFigures, trainLogisticRegression, trainMajority, trainNaiveBayes } from './baselines';
import { openDemoKb } from './demo-kb';
import { loadThirdPartyTickets } from './third-party';
import { byLanguage, evaluateThirdParty, type ThirdPartyReport } from './third-party-eval';

const FLOORS: Record<string, { accuracy: number; macroF1: number; highRecall: number }> = {
  en: { accuracy: 0.55, macroF1: 0.52, highRecall: 0.7 },
  de: { accuracy: 0.48, macroF1: 0.47, highRecall: 0.6 },
  es: { accuracy: 0.49, macroF1: 0.45, highRecall: 0.67 },
  fr: { accuracy: 0.48, macroF1: 0.46, highRecall: 0.57 },
  // pt macro-F1 fell from 41.8% to 36.7% (its low-priority recall) when faults in bought hardware became the
  // account's problem, which raised every other language on dev; its floor followed, and rose again since.
  pt: { accuracy: 0.4, macroF1: 0.35, highRecall: 0.65 },
};

/**
 * Where offline triage beats naive Bayes in the same run on the test split, beyond accuracy in English: macro-F1
 * (naive Bayes leans on the commonest class) and high-priority recall, and accuracy in French too (50.7% against
 * 49.3%: one ticket). Not yet German macro-F1 (47.4% against 49.0%), nor Spanish and French high recall, nor
 * accuracy in German, Spanish and Portuguese.
 */
const BEATS_NAIVE_BAYES: Record<string, ('accuracy' | 'macroF1' | 'highRecall')[]> = {
  en: ['accuracy', 'macroF1', 'highRecall'],
  de: ['highRecall'],
  es: ['macroF1'],
  fr: ['accuracy', 'macroF1'],
  pt: ['macroF1', 'highRecall'],
};

const tickets = loadThirdPartyTickets();

describe('the third-party tickets', () => {
  it('are present, labelled, split by position per language before tuning, a third of them dev', () => {
    expect(tickets).not.toBeNull();
    const all = tickets ?? [];
    expect(all.length).toBe(1167);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    for (const group of byLanguage(all, 'test')) expect(group.length).toBeGreaterThan(70);
    expect(all.filter((t) => t.split === 'dev').length / all.length).toBeCloseTo(1 / 3, 1);
  });
});

describe('the baselines', () => {
  it('folds by position and trains only on the other folds', () => {
    const folds = foldsOf([0, 1, 2, 3, 4, 5, 6], 3);
    expect(folds[0]).toEqual({ train: [1, 2, 4, 5], test: [0, 3, 6] });
  });

  it('majority answers the commonest training label; naive Bayes and logistic regression learn words', () => {
    const train = [
      { text: 'server down outage', label: 'high' as const },
      { text: 'outage everything down', label: 'high' as const },
      { text: 'question about invoices', label: 'low' as const },
    ];
    expect(trainMajority(train)('anything')).toBe('high');
    expect(trainNaiveBayes(train)('a question about an invoice')).toBe('low');
    const fitted = trainLogisticRegression((text) => text.split(' '))(train);
    expect(fitted('the server is down')).toBe('high');
    expect(fitted('a question about invoices')).toBe('low');
    expect(crossValidate(train, 3, trainMajority)).toHaveLength(3);
  });

  it('computes macro-F1, high recall and within-one-level accuracy', () => {
    const f = priorityFigures(['high', 'high', 'low', 'medium'], ['high', 'low', 'low', 'medium']);
    expect(f.accuracy).toBe(0.75);
    expect(f.highRecall).toBe(0.5);
    expect(f.withinOne).toBe(0.75);
    // F1: high 2/3, medium 1, low 2/3.
    expect(f.macroF1).toBeCloseTo((2 / 3 + 1 + 2 / 3) / 3, 6);
  });
});

describe.each(Object.keys(FLOORS))('offline triage on third-party %s tickets (test split)', (language) => {
  let report: ThirdPartyReport;
  let n = 0;

  beforeAll(async () => {
    const demo = await openDemoKb();
    const group = byLanguage(tickets ?? [], 'test').find((g) => g[0]?.language === language) ?? [];
    n = group.length;
    report = await evaluateThirdParty(new OfflineEngine(demo.kb), group);
    await demo.db.destroy();
  });

  it('beats the majority baseline scored in the same run', () => {
    expect(report.n).toBe(n);
    expect(report.kai.accuracy).toBeGreaterThan(report.majority.accuracy);
    expect(report.kai.macroF1).toBeGreaterThan(report.majority.macroF1);
  });

  it(`holds its floors (accuracy ≥ ${FLOORS[language]!.accuracy}, macro-F1 ≥ ${FLOORS[language]!.macroF1}, high recall ≥ ${FLOORS[language]!.highRecall})`, () => {
    const floor = FLOORS[language]!;
    expect(report.kai.accuracy).toBeGreaterThanOrEqual(floor.accuracy);
    expect(report.kai.macroF1).toBeGreaterThanOrEqual(floor.macroF1);
    expect(report.kai.highRecall ?? 0).toBeGreaterThanOrEqual(floor.highRecall);
  });

  const beats = BEATS_NAIVE_BAYES[language]!;
  it(`beats naive Bayes in the same run on ${beats.join(', ')}`, () => {
    for (const figure of beats) expect(report.kai[figure] ?? 0, figure).toBeGreaterThan(report.naiveBayes[figure] ?? 0);
  });
});
