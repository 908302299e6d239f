/**
 * Answers in each of the six languages (languages-kb.ts): the set is parallel across languages, and the
 * offline engine holds floors on the test split of each (6 answerable and 2 unanswerable questions per
 * language, so one question is 16.7 or 50 points; the figures: hit@1 83.3%, honest refusals 100% and false
 * refusals 16.7% in every language), and the security incidents asked in each language go to a person at
 * least as often as now. See server/src/ai/eval/README.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../../shared/language';
import { OfflineEngine } from '../offline/offline-engine';
import { inSplit, type AnswerReport } from './evaluate';
import { evaluateLanguages, loadLanguageKbSet } from './languages-kb';

const set = loadLanguageKbSet();

/** Per language, on the test split; the ceiling is on false refusals. */
const FLOORS: Record<Language, { hitAt1: number; honestRefusal: number; falseRefusal: number }> = {
  en: { hitAt1: 0.8, honestRefusal: 1, falseRefusal: 0.17 },
  de: { hitAt1: 0.8, honestRefusal: 1, falseRefusal: 0.17 },
  fr: { hitAt1: 0.8, honestRefusal: 1, falseRefusal: 0.17 },
  es: { hitAt1: 0.8, honestRefusal: 1, falseRefusal: 0.17 },
  pt: { hitAt1: 0.8, honestRefusal: 1, falseRefusal: 0.17 },
  ar: { hitAt1: 0.8, honestRefusal: 1, falseRefusal: 0.17 },
};

describe('the per-language answer set', () => {
  it('has the same six articles and the same questions, labelled alike and split alike, in every language', () => {
    const english = set.questions.filter((q) => q.language === 'en');
    const slugsOf = (l: Language) => set.articles.filter((a) => a.language === l).map((a) => a.slug);
    for (const lang of LANGUAGES) {
      expect(slugsOf(lang), lang).toEqual(slugsOf('en'));
      const questions = set.questions.filter((q) => q.language === lang);
      expect(questions.map((q) => [q.article, q.split, q.incident ?? false]), lang).toEqual(english.map((q) => [q.article, q.split, q.incident ?? false]));
    }
    expect(new Set(set.questions.map((q) => q.id)).size).toBe(set.questions.length);
    expect(english.filter((q) => q.article !== null).length).toBe(18);
    expect(english.filter((q) => q.article === null && !q.incident).length).toBe(6);
  });

  it('splits by position: every third question of a language is test', () => {
    for (const lang of LANGUAGES) set.questions.filter((q) => q.language === lang).forEach((q, i) => expect(q.split, q.id).toBe(i % 3 === 2 ? 'test' : 'dev'));
  });
});

describe('offline answers in each language (test split)', () => {
  let reports: Map<Language, AnswerReport>;
  let all: Map<Language, AnswerReport>;

  beforeAll(async () => {
    reports = await evaluateLanguages((kb) => new OfflineEngine(kb), set, inSplit(set.questions, 'test'));
    all = await evaluateLanguages((kb) => new OfflineEngine(kb), set, set.questions.filter((q) => q.incident));
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: hit@1 ≥ ${FLOORS[lang].hitAt1 * 100}%, honest refusals ≥ ${FLOORS[lang].honestRefusal * 100}%, false refusals ≤ ${FLOORS[lang].falseRefusal * 100}%`, () => {
      const r = reports.get(lang)!;
      expect(r.answerable).toBe(6);
      expect(r.unanswerable).toBe(2);
      expect(r.hitAt1).toBeGreaterThanOrEqual(FLOORS[lang].hitAt1);
      expect(r.honestRefusal).toBeGreaterThanOrEqual(FLOORS[lang].honestRefusal);
      expect(r.falseRefusal).toBeLessThanOrEqual(FLOORS[lang].falseRefusal);
    });
  }

  it('hands every security incident to a person, in every language', () => {
    const answered = [...all.values()].flatMap((r) => r.misses.map((m) => m.item.id));
    expect(answered).toEqual([]);
    for (const lang of LANGUAGES) expect(all.get(lang)!.incidentHandoff, lang).toBe(1);
  });
});
