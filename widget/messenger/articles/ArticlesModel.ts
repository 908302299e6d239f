/**
 * Help articles in the messenger: suggestions for the host page, a search, and one article open.
 * Calls `GET /api/widget/articles` with the visitor token; only the newest search's answer is shown.
 */
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { HelpArticle, HelpArticleList, HelpArticleSummary } from '../../../shared/help-articles';
import { requestJson } from '../../../shared/http-client';

export interface ArticlesModelOptions {
  fetch: typeof fetch;
  token: () => string | null;
  /** The host page's path, for suggestions. */
  page: string;
}

export class ArticlesModel {
  private readonly _results = signal<HelpArticleSummary[]>([]);
  private readonly _suggested = signal(true);
  private readonly _status = signal<'loading' | 'ready' | 'error'>('loading');
  private readonly _open = signal<HelpArticle | null>(null);
  private generation = 0;

  readonly results: ReadonlySignal<HelpArticleSummary[]> = this._results;
  /** True while the list is the page's suggestions rather than a search's hits. */
  readonly suggested: ReadonlySignal<boolean> = this._suggested;
  readonly status: ReadonlySignal<'loading' | 'ready' | 'error'> = this._status;
  /** The article being read, or null for the list. */
  readonly open: ReadonlySignal<HelpArticle | null> = this._open;

  constructor(private readonly options: ArticlesModelOptions) {}

  /** Searches (an empty query shows the page's suggestions again). */
  async search(query: string): Promise<void> {
    const generation = ++this.generation;
    this._status.value = 'loading';
    const q = query.trim();
    const params = q ? `q=${encodeURIComponent(q)}` : `page=${encodeURIComponent(this.options.page)}`;
    try {
      const list = await this.get<HelpArticleList>(`/api/widget/articles?${params}`);
      if (generation !== this.generation) return;
      batch(() => {
        this._results.value = list.articles;
        this._suggested.value = list.suggested;
        this._status.value = 'ready';
      });
    } catch {
      if (generation === this.generation) this._status.value = 'error';
    }
  }

  async read(id: string): Promise<void> {
    try {
      this._open.value = await this.get<HelpArticle>(`/api/widget/articles/${encodeURIComponent(id)}`);
    } catch {
      this._status.value = 'error';
    }
  }

  back(): void {
    this._open.value = null;
  }

  private get<T>(path: string): Promise<T> {
    return requestJson<T>(this.options.fetch, 'GET', path, { headers: { authorization: `Visitor ${this.options.token() ?? ''}` } });
  }
}
