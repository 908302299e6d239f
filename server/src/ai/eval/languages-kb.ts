/**
 * Answers in each language Frontdesk speaks (`answer-set-languages.json`): six articles of the demo knowledge
 * base (password reset, two-factor authentication, invoices and VAT, cancelling, support hours, file limits),
 * condensed and written in en, de, fr, es, pt and ar, and the same 24 questions asked in each language
 * (18 that one of the six articles answers, 6 that none does). Each language is measured on a knowledge base
 * of its own six articles, so the figures say how well search reads that language (its stemmer and stop
 * words), not how well it translates. The split is fixed by position, the same in every language: every third
 * question (index 2, 5, 8, …) is `test`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../../../shared/language';
import type { KaiEngine } from '../engine';
import type { KnowledgeBase } from '../../kb/knowledge-base';
import { openArticlesKb } from './demo-kb';
import { evaluateAnswers, type AnswerItem, type AnswerReport } from './evaluate';

const language = z.enum(LANGUAGES);
const setSchema = z.strictObject({
  articles: z.array(z.strictObject({ language, slug: z.string().min(1), title: z.string().min(1), body: z.string().min(1) })),
  questions: z.array(
    z.strictObject({ id: z.string().min(1), language, question: z.string().min(1), article: z.string().min(1).nullable(), split: z.enum(['dev', 'test']), incident: z.literal(true).optional() }),
  ),
});

export type LanguageKbSet = z.infer<typeof setSchema>;
export type LanguageQuestion = LanguageKbSet['questions'][number];

export function loadLanguageKbSet(): LanguageKbSet {
  return setSchema.parse(JSON.parse(readFileSync(new URL('./answer-set-languages.json', import.meta.url), 'utf8')));
}

/**
 * Each language's questions (those `items` holds) asked of a knowledge base of that language's articles;
 * `engineOver` builds the engine for each knowledge base.
 */
export async function evaluateLanguages(
  engineOver: (kb: KnowledgeBase) => Pick<KaiEngine, 'respond'>,
  set: LanguageKbSet,
  items: readonly LanguageQuestion[] = set.questions,
): Promise<Map<Language, AnswerReport>> {
  const reports = new Map<Language, AnswerReport>();
  for (const lang of LANGUAGES) {
    const questions: AnswerItem[] = items.filter((q) => q.language === lang);
    if (questions.length === 0) continue;
    const kb = await openArticlesKb(set.articles.filter((a) => a.language === lang).map((a) => ({ slug: a.slug, title: a.title, body: a.body, url: `/help/${a.slug}`, tags: [] })));
    try {
      reports.set(lang, await evaluateAnswers(engineOver(kb.kb), questions, { siteId: kb.siteId, slugOf: kb.slugOf }));
    } finally {
      await kb.db.destroy();
    }
  }
  return reports;
}
