import type { KbArticle } from '../api';

export interface ArticleListProps {
  articles: readonly KbArticle[];
  /** How many articles there are before the filter. */
  total: number;
  query: string;
  selectedId: string | null;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  onQuery: (query: string) => void;
  onSelect: (id: string) => void;
  onNew: () => void;
  onRetry: () => void;
}

/** The articles Kai answers from, a search filter over them, and `New article`. */
export function ArticleList({ articles, total, query, selectedId, loading, loaded, error, onQuery, onSelect, onNew, onRetry }: ArticleListProps) {
  return (
    <section class="kb-list" aria-label="Articles">
      <div class="kb-list__head">
        <h2 class="kb-list__title">Articles</h2>
        <span class="queue__count">
          {articles.length === total ? total : `${articles.length} of ${total}`}
          <span class="sr-only"> articles</span>
        </span>
        {loading && <span class="queue__loading">Updating…</span>}
        <button type="button" class="btn btn--primary kb-list__new" onClick={onNew}>
          New article
        </button>
      </div>
      <div class="kb-list__search">
        <label for="kb-search" class="sr-only">
          Search articles
        </label>
        <input id="kb-search" type="search" placeholder="Search articles" value={query} onInput={(e) => onQuery(e.currentTarget.value)} />
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}{' '}
          <button type="button" class="btn btn--link" onClick={onRetry}>
            Retry
          </button>
        </p>
      )}
      <ul class="kb-list__items" role="list">
        {articles.map((a) => (
          <li key={a.id}>
            <button type="button" class="kb-list__item" aria-current={a.id === selectedId ? 'true' : undefined} onClick={() => onSelect(a.id)}>
              <span class="kb-list__name">{a.title}</span>
              {a.tags.length > 0 && <span class="kb-list__tags">{a.tags.join(', ')}</span>}
            </button>
          </li>
        ))}
      </ul>
      {loaded && articles.length === 0 && <p class="queue__empty">{total === 0 ? 'No articles yet.' : 'No article matches.'}</p>}
    </section>
  );
}
