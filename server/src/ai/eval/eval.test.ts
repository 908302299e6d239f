/**
 * The evaluation sets are what they claim to be, the scoring is right, and the offline engine holds its floors
 * on the test split (which is never used for tuning). A change that makes Kai triage or answer worse fails here.
 * The figures themselves: `npm run eval`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVELS, priorityOf } from '../../../../shared/priority';
import { readDemoArticles } from '../../kb/knowledge-base';
import { OfflineEngine } from '../offline/offline-engine';
import { openDemoKb, type DemoKb } from './demo-kb';
import { evaluateAnswers, evaluateTriage, inSplit, isRefusal, levelFigures, scoreAnswers, type AnswerReport, type TriageReport } from './evaluate';
import { loadAnswerSet, loadTriageSet } from './sets';

const triageSet = loadTriageSet();
const answerSet = loadAnswerSet();

/**
 * Floors on the test split (85 messages; 30 answerable and 8 unanswerable questions, so one question is 3.3 or
 * 12.5 points), a few points below what the offline engine scores (priority 94.1%, urgency 97.6%,
 * impact 92.9%, hit@1 90.0%, honest refusals 87.5%, false refusals 3.3%), so an unrelated tweak does not trip
 * them but a real regression does. Raise them when the engine improves; never lower them to let a change in.
 */
const FLOORS = {
  priorityAccuracy: 0.9,
  urgencyAccuracy: 0.93,
  impactAccuracy: 0.88,
  hitAt1: 0.85,
  honestRefusal: 0.75,
  /** A ceiling: answerable questions Kai says it cannot answer. */
  falseRefusal: 0.08,
};

describe('the triage set', () => {
  it('has at least 200 messages with unique ids, and about 30% of them in the test split', () => {
    expect(triageSet.length).toBeGreaterThanOrEqual(200);
    expect(new Set(triageSet.map((i) => i.id)).size).toBe(triageSet.length);
    const test = inSplit(triageSet, 'test').length / triageSet.length;
    expect(test).toBeGreaterThan(0.25);
    expect(test).toBeLessThan(0.4);
  });

  it('labels every priority as the matrix of its urgency and impact', () => {
    const wrong = triageSet.filter((i) => i.priority !== priorityOf(i.urgency, i.impact));
    expect(wrong.map((i) => i.id)).toEqual([]);
  });

  it('covers all nine urgency × impact cells with at least 12 messages each, and each cell in both splits', () => {
    for (const u of LEVELS) {
      for (const i of LEVELS) {
        const cell = triageSet.filter((t) => t.urgency === u && t.impact === i);
        expect(cell.length, `${u} urgency × ${i} impact`).toBeGreaterThanOrEqual(12);
        expect(inSplit(cell, 'test').length, `${u} × ${i} in test`).toBeGreaterThanOrEqual(3);
        expect(inSplit(cell, 'dev').length, `${u} × ${i} in dev`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('includes the hard cases, several of each', () => {
    const noted = (re: RegExp) => triageSet.filter((i) => re.test(i.note ?? '')).length;
    expect(noted(/polite but critical/)).toBeGreaterThanOrEqual(3);
    expect(noted(/angry but trivial/)).toBeGreaterThanOrEqual(3);
    expect(noted(/casual urgent/)).toBeGreaterThanOrEqual(3);
    expect(noted(/security|account takeover|phishing click|leaked|data exposure/)).toBeGreaterThanOrEqual(6);
    expect(noted(/billing deadline/)).toBeGreaterThanOrEqual(3);
    expect(noted(/frustration/)).toBeGreaterThanOrEqual(3);
  });
});

describe('the answer set', () => {
  const slugs = new Set(readDemoArticles().map((a) => a.slug));
  const answerable = answerSet.filter((a) => a.article !== null);

  it('has at least 40 answerable questions over at least 15 articles, and at least 10 that nothing answers', () => {
    expect(new Set(answerSet.map((a) => a.id)).size).toBe(answerSet.length);
    expect(answerable.length).toBeGreaterThanOrEqual(40);
    expect(new Set(answerable.map((a) => a.article)).size).toBeGreaterThanOrEqual(15);
    expect(answerSet.filter((a) => a.article === null).length).toBeGreaterThanOrEqual(10);
  });

  it('refers only to articles that exist in the demo knowledge base', () => {
    expect(answerable.filter((a) => !slugs.has(a.article!)).map((a) => a.id)).toEqual([]);
  });

  it('puts answerable and unanswerable questions in both splits', () => {
    for (const split of ['dev', 'test'] as const) {
      const part = inSplit(answerSet, split);
      expect(part.filter((a) => a.article !== null).length).toBeGreaterThanOrEqual(10);
      expect(part.filter((a) => a.article === null).length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('scoring', () => {
  it('computes accuracy, per-class precision and recall and the confusion matrix (row = truth)', () => {
    const f = levelFigures([
      { truth: 'high', predicted: 'high' },
      { truth: 'high', predicted: 'medium' },
      { truth: 'low', predicted: 'low' },
      { truth: 'low', predicted: 'high' },
    ]);
    expect(f.accuracy).toBe(0.5);
    expect(f.confusion.high).toEqual({ high: 1, medium: 1, low: 0 });
    expect(f.confusion.low).toEqual({ high: 1, medium: 0, low: 1 });
    expect(f.perClass.high).toEqual({ precision: 0.5, recall: 0.5, support: 2 });
    expect(f.perClass.medium).toEqual({ precision: 0, recall: null, support: 0 });
    expect(f.perClass.low).toEqual({ precision: 1, recall: 0.5, support: 2 });
  });

  it('counts a refusal only when nothing is cited', () => {
    expect(isRefusal({ action: 'offer_handoff', reply: 'Shall I connect you with a person?', sources: [] })).toBe(true);
    expect(isRefusal({ action: 'answer', reply: "Sorry, I couldn't find that in our help centre.", sources: [] })).toBe(true);
    expect(isRefusal({ action: 'answer', reply: 'Go to Admin → Billing.', sources: [] })).toBe(false);
    expect(isRefusal({ action: 'offer_handoff', reply: 'Here is how…', sources: [{ id: 'a', title: 'A', url: '/help/a' }] })).toBe(false);
  });

  it('scores hit@1, honest refusals and false refusals over the right questions', () => {
    const outcome = (article: string | null, firstSlug: string | null) => ({
      item: { id: `${article}-${firstSlug}`, question: 'q', article, split: 'test' as const },
      action: firstSlug ? ('answer' as const) : ('offer_handoff' as const),
      firstSlug,
      refused: firstSlug === null,
      confidence: 1,
      reply: '',
    });
    const r = scoreAnswers([outcome('a', 'a'), outcome('a', 'b'), outcome('b', null), outcome(null, null), outcome(null, 'c')]);
    expect(r).toMatchObject({ answerable: 3, unanswerable: 2, hitAt1: 1 / 3, falseRefusal: 1 / 3, honestRefusal: 0.5, falseAnswer: 0.5, incidents: 0, incidentHandoff: null });
    expect(r.misses).toHaveLength(3);
  });

  it('scores security incidents apart: handed to a person or a miss, even when the cited article is the labelled one', () => {
    const incident = (id: string, action: 'handoff' | 'answer') => ({
      item: { id, question: '?', article: 'api-tokens', split: 'dev' as const, incident: true as const },
      action,
      firstSlug: action === 'answer' ? 'api-tokens' : null,
      refused: false,
      confidence: 1,
      reply: '',
    });
    const r = scoreAnswers([incident('i1', 'handoff'), incident('i2', 'answer')]);
    expect(r).toMatchObject({ answerable: 0, unanswerable: 0, incidents: 2, incidentHandoff: 0.5 });
    expect(r.misses.map((m) => m.item.id)).toEqual(['i2']);
  });
});

/** The messages labelled as security incidents in the triage set (by their notes, written by hand). */
const SECURITY_NOTE = /security|account takeover|phishing click|leaked|data exposure/;

describe('security incidents go to a person', () => {
  let demo: DemoKb;
  beforeAll(async () => {
    demo = await openDemoKb();
  });
  afterAll(async () => {
    await demo.db.destroy();
  });

  // Over both splits: a rule, not a tuned figure. t020 (payroll data reached a customer through a public link)
  // is not recognised as a security incident by the offline triage yet; any other miss is a regression.
  it('hands the labelled incidents of the triage and answer sets to a person instead of answering from an article', async () => {
    const engine = new OfflineEngine(demo.kb);
    const incidents = [
      ...triageSet.filter((i) => SECURITY_NOTE.test(i.note ?? '')).map((i) => ({ id: i.id, text: i.text })),
      ...answerSet.filter((a) => a.incident).map((a) => ({ id: a.id, text: a.question })),
    ];
    expect(incidents.length).toBeGreaterThanOrEqual(15);
    const answered: string[] = [];
    for (const { id, text } of incidents) {
      const turn = await engine.respond({ siteId: demo.siteId, message: text, history: [], agentName: 'Kai', offeredHandoff: false });
      if (turn.action !== 'handoff') answered.push(id);
      else expect(turn).toMatchObject({ handoffReason: 'policy', sources: [] });
    }
    expect(answered).toEqual(['t020']);
  });

  it('still answers questions about security from the knowledge base', async () => {
    const engine = new OfflineEngine(demo.kb);
    const turn = await engine.respond({ siteId: demo.siteId, message: 'How do I report a security vulnerability I found?', history: [], agentName: 'Kai', offeredHandoff: false });
    expect(turn.action).toBe('answer');
    expect(demo.slugOf(turn.sources[0]!.id)).toBe('report-security-issue');
  });
});

describe('the offline engine on the test split', () => {
  let demo: DemoKb;
  let triage: TriageReport;
  let answers: AnswerReport;

  beforeAll(async () => {
    demo = await openDemoKb();
    const engine = new OfflineEngine(demo.kb);
    triage = await evaluateTriage(engine, inSplit(triageSet, 'test'));
    answers = await evaluateAnswers(engine, inSplit(answerSet, 'test'), { siteId: demo.siteId, slugOf: demo.slugOf });
  });

  afterAll(async () => {
    await demo.db.destroy();
  });

  it(`gets priority right at least ${FLOORS.priorityAccuracy * 100}% of the time`, () => {
    expect(triage.priority.accuracy).toBeGreaterThanOrEqual(FLOORS.priorityAccuracy);
  });

  it(`gets urgency right at least ${FLOORS.urgencyAccuracy * 100}% and impact at least ${FLOORS.impactAccuracy * 100}% of the time`, () => {
    expect(triage.urgency.accuracy).toBeGreaterThanOrEqual(FLOORS.urgencyAccuracy);
    expect(triage.impact.accuracy).toBeGreaterThanOrEqual(FLOORS.impactAccuracy);
  });

  it('never rates a high-priority message low, nor a low one high', () => {
    expect(triage.priority.confusion.high.low).toBe(0);
    expect(triage.priority.confusion.low.high).toBe(0);
  });

  it(`cites the right article first for at least ${FLOORS.hitAt1 * 100}% of answerable questions`, () => {
    expect(answers.hitAt1).toBeGreaterThanOrEqual(FLOORS.hitAt1);
  });

  it(`admits it has no answer to at least ${FLOORS.honestRefusal * 100}% of questions nothing answers`, () => {
    expect(answers.honestRefusal).toBeGreaterThanOrEqual(FLOORS.honestRefusal);
  });

  it(`refuses at most ${FLOORS.falseRefusal * 100}% of questions it could answer`, () => {
    expect(answers.falseRefusal).toBeLessThanOrEqual(FLOORS.falseRefusal);
  });
});
