/**
 * The messenger's help articles (`GET /api/widget/articles`, `GET /api/widget/articles/:id`): their types,
 * from the schemas in resources.ts, imported as types only so the messenger's bundle carries no schema.
 */
import type { z } from 'zod';
import type { helpArticleListSchema, helpArticleSchema, helpArticleSummarySchema } from './resources';

/** One article in a list: the search's hits, or the suggestions for the page. */
export type HelpArticleSummary = z.infer<typeof helpArticleSummarySchema>;

/** `GET /api/widget/articles?q=&page=`: `suggested` is true when the list is for the page, not a search. */
export type HelpArticleList = z.infer<typeof helpArticleListSchema>;

/** `GET /api/widget/articles/:id`: the article's markdown body, shown in the messenger as text. */
export type HelpArticle = z.infer<typeof helpArticleSchema>;

/** The longest search (characters); a longer one is refused. */
export const MAX_ARTICLE_QUERY = 200;
