import type { KbArticle } from '../api';
import { useDeskT } from '../i18n/i18n';

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
  const t = useDeskT();
  return (
    <section class="kb-list" aria-label={t.t('articles')}>
      <div class="kb-list__head">
        <h2 class="kb-list__title">{t.t('articles')}</h2>
        <span class="queue__count">
          {articles.length === total ? t.number(total) : t.t('articleCountOf', { shown: t.number(articles.length), total: t.number(total) })}
          <span class="sr-only"> {t.t('articleCount', { count: total })}</span>
        </span>
        {loading && <span class="queue__loading">{t.t('updating')}</span>}
        <button type="button" class="btn btn--primary kb-list__new" onClick={onNew}>
          {t.t('newArticle')}
        </button>
      </div>
      <div class="kb-list__search">
        <label for="kb-search" class="sr-only">
          {t.t('searchArticles')}
        </label>
        <input id="kb-search" type="search" placeholder={t.t('searchArticles')} value={query} onInput={(e) => onQuery(e.currentTarget.value)} />
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}{' '}
          <button type="button" class="btn btn--link" onClick={onRetry}>
            {t.t('retry')}
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
      {loaded && articles.length === 0 && <p class="queue__empty">{total === 0 ? t.t('noArticlesYet') : t.t('noArticleMatches')}</p>}
    </section>
  );
}
