/**
 * Answers over a knowledge base and questions nobody here wrote (third-party-kb.ts: the CDC's COVID-19 FAQ,
 * deepset's paraphrases), test split: the set's shape, and floors a few points below what the offline engine
 * scores (source hit@1 60.0%, honest refusals 35.3%, false refusals 15.7%; 70 answerable and 17 unanswerable
 * questions, so one question is 1.4 or 5.9 points). Far from the goal (hit@1 ≥ 85%, honest refusals ≥ 90%):
 * see server/src/ai/eval/README.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfflineEngine } from '../offline/offline-engine';
import type { DemoKb } from './demo-kb';
import { evaluateAnswers, inSplit, type AnswerReport } from './evaluate';
import { loadThirdPartyKbSet, openThirdPartyKb } from './third-party-kb';

const FLOORS = { hitAt1: 0.57, honestRefusal: 0.29, /** A ceiling. */ falseRefusal: 0.2 };

const set = loadThirdPartyKbSet();

describe.runIf(set !== null)('the third-party knowledge base and questions', () => {
  it('labels each question with an article of the knowledge base, or with none for a withheld FAQ', () => {
    const slugs = new Set(set!.articles.map((a) => a.slug));
    expect(slugs.size).toBe(set!.articles.length);
    for (const q of set!.questions) if (q.article !== null) expect(slugs.has(q.article)).toBe(true);
    expect(set!.questions.filter((q) => q.article === null).length).toBeGreaterThan(40);
  });

  it('keeps every wording of one article on one side of the split', () => {
    const sides = new Map<string, Set<string>>();
    for (const q of set!.questions) if (q.article) sides.set(q.article, (sides.get(q.article) ?? new Set()).add(q.split));
    for (const s of sides.values()) expect(s.size).toBe(1);
  });
});

describe.runIf(set !== null)('offline answers over the third-party knowledge base (test split)', () => {
  let kb: DemoKb;
  let report: AnswerReport;

  beforeAll(async () => {
    kb = await openThirdPartyKb(set!.articles);
    report = await evaluateAnswers(new OfflineEngine(kb.kb), inSplit(set!.questions, 'test'), { siteId: kb.siteId, slugOf: kb.slugOf });
  });
  afterAll(async () => {
    await kb.db.destroy();
  });

  it(`cites the paraphrased FAQ first for at least ${FLOORS.hitAt1 * 100}% of answerable questions`, () => {
    expect(report.answerable).toBe(70);
    expect(report.hitAt1).toBeGreaterThanOrEqual(FLOORS.hitAt1);
  });

  it(`admits it has no answer to at least ${FLOORS.honestRefusal * 100}% of the withheld FAQs' questions`, () => {
    expect(report.unanswerable).toBe(17);
    expect(report.honestRefusal).toBeGreaterThanOrEqual(FLOORS.honestRefusal);
  });

  it(`refuses at most ${FLOORS.falseRefusal * 100}% of questions it could answer`, () => {
    expect(report.falseRefusal).toBeLessThanOrEqual(FLOORS.falseRefusal);
  });
});
