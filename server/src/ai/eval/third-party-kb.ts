/**
 * A knowledge base and questions written by others (see third-party/LICENSE.md): the CDC's COVID-19 FAQ as
 * articles, and paraphrases of its questions written by deepset's annotators as what visitors ask. The
 * honest measure of retrieval, because nobody here wrote the articles, the questions or the ranker from them.
 *
 * Every fifth FAQ (by position in the paraphrase file, fixed before any tuning) is left out of the knowledge
 * base, so its paraphrases are questions nothing answers although neighbouring articles share their words:
 * the hard case for an honest refusal. Every third FAQ's paraphrases are `test`, the rest `dev`, so all the
 * wordings of one FAQ are on one side of the split.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ArticleInput } from '../../kb/kb.repository';
import { openArticlesKb, type DemoKb } from './demo-kb';
import type { AnswerItem } from './evaluate';

const setSchema = z.strictObject({
  articles: z.array(z.strictObject({ slug: z.string().min(1), title: z.string().min(1), url: z.string().min(1), body: z.string().min(1) })),
  questions: z.array(z.strictObject({ id: z.string().min(1), question: z.string().min(1), article: z.string().min(1).nullable(), split: z.enum(['dev', 'test']) })),
});

export interface ThirdPartyKbSet {
  articles: ArticleInput[];
  questions: AnswerItem[];
}

const FILE = new URL('./third-party/covid-faq.json', import.meta.url);

/** The articles and questions, or null when the folder was left out of this copy. */
export function loadThirdPartyKbSet(): ThirdPartyKbSet | null {
  if (!existsSync(FILE)) return null;
  const set = setSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));
  return { articles: set.articles.map((a) => ({ ...a, tags: [] })), questions: set.questions };
}

/** The third-party articles loaded into a fresh in-memory knowledge base, as the KB API would store them. */
export const openThirdPartyKb: (articles: readonly ArticleInput[], now?: Date) => Promise<DemoKb> = openArticlesKb;
