/**
 * The messenger's help articles (`GET /api/widget/articles`, `GET /api/widget/articles/:id`): zod-free wire
 * types, so the messenger can import them.
 */

/** One article in a list: the search's hits, or the suggestions for the page. */
export interface HelpArticleSummary {
  id: string;
  title: string;
  /** The article's page on the help centre (http(s) or site-relative); null when it has none. */
  url: string | null;
  /** A short passage: the one that matched the search, or the article's opening. */
  excerpt: string;
}

/** `GET /api/widget/articles?q=&page=`: `suggested` is true when the list is for the page, not a search. */
export interface HelpArticleList {
  articles: HelpArticleSummary[];
  suggested: boolean;
}

/** `GET /api/widget/articles/:id`: the article's markdown body, shown in the messenger as text. */
export interface HelpArticle {
  id: string;
  title: string;
  url: string | null;
  body: string;
  updatedAt: string;
}

/** The longest search (characters); a longer one is refused. */
export const MAX_ARTICLE_QUERY = 200;
