import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { DeskApi, KbArticle, KbArticleInput } from '../api';
import { englishTexts, type DeskTexts } from '../i18n/i18n';

/** The editor's fields as typed (tags comma separated). */
export interface ArticleDraft {
  title: string;
  url: string;
  tags: string;
  body: string;
}

/** The server's limits (`kbArticleSchema` in shared/api.ts), checked here so the agent hears at once. */
const MAX_TITLE = 200;
const MAX_URL = 500;
const MAX_TAG = 40;
const MAX_TAGS = 20;

export type ArticleInputResult = { ok: true; input: KbArticleInput } | { ok: false; error: string };

/** The editor's fields for an article, or empty ones for a new article. */
export function draftOf(article: KbArticle | null): ArticleDraft {
  if (!article) return { title: '', url: '', tags: '', body: '' };
  return { title: article.title, url: article.url ?? '', tags: article.tags.join(', '), body: article.body };
}

/** Splits "billing, Invoices , billing" into distinct tags, first spelling kept. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

/** Turns the editor's fields into the API body (PUT replaces, so every field is sent), or says what is wrong. */
export function articleInput(draft: ArticleDraft, t: DeskTexts = englishTexts): ArticleInputResult {
  const title = draft.title.trim();
  if (!title) return { ok: false, error: t.t('kbTitleMissing') };
  if (title.length > MAX_TITLE) return { ok: false, error: t.t('kbTitleTooLong', { max: MAX_TITLE }) };
  if (!draft.body.trim()) return { ok: false, error: t.t('kbBodyMissing') };
  const url = draft.url.trim();
  if (url && !/^https?:\/\//i.test(url) && !url.startsWith('/')) {
    return { ok: false, error: t.t('kbUrlInvalid') };
  }
  if (url.length > MAX_URL) return { ok: false, error: t.t('kbUrlTooLong', { max: MAX_URL }) };
  const tags = parseTags(draft.tags);
  if (tags.length > MAX_TAGS) return { ok: false, error: t.t('kbTooManyTags', { max: MAX_TAGS }) };
  const long = tags.find((tag) => tag.length > MAX_TAG);
  if (long) return { ok: false, error: t.t('kbTagTooLong', { tag: long, max: MAX_TAG }) };
  return { ok: true, input: { title, body: draft.body, tags, ...(url ? { url } : {}) } };
}

/** Whether every word of the query appears in the article's title, tags, URL or body (any case). */
export function matchesQuery(article: KbArticle, query: string): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const text = [article.title, article.slug, article.url ?? '', article.tags.join(' '), article.body].join('\n').toLowerCase();
  return terms.every((t) => text.includes(t));
}

const byTitle = (a: KbArticle, b: KbArticle): number => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' });

type KbApi = Pick<DeskApi, 'listArticles' | 'createArticle' | 'updateArticle' | 'deleteArticle'>;

/** The knowledge base Kai answers from: the articles, a search filter, and the one being edited. */
export class KbModel {
  readonly #articles = signal<readonly KbArticle[]>([]);
  readonly #query = signal('');
  /** The article in the editor; null means a new article. */
  readonly #selectedId = signal<string | null>(null);
  readonly #loading = signal(false);
  readonly #loaded = signal(false);
  readonly #loadError = signal<string | null>(null);
  readonly #saving = signal(false);
  readonly #actionError = signal<string | null>(null);
  readonly #notice = signal<string | null>(null);
  #loadSeq = 0;

  /** The articles the search filter lets through, by title. */
  readonly visible: ReadonlySignal<readonly KbArticle[]>;
  /** The article in the editor, or null for a new one. */
  readonly selected: ReadonlySignal<KbArticle | null>;

  constructor(
    private readonly api: KbApi,
    /** The agent's language, for the model's own messages (English without it). */
    private readonly texts: () => DeskTexts = () => englishTexts,
  ) {
    this.visible = computed(() => this.#articles.value.filter((a) => matchesQuery(a, this.#query.value)));
    this.selected = computed(() => this.#articles.value.find((a) => a.id === this.#selectedId.value) ?? null);
  }

  get articles(): ReadonlySignal<readonly KbArticle[]> {
    return this.#articles;
  }
  get query(): ReadonlySignal<string> {
    return this.#query;
  }
  get selectedId(): ReadonlySignal<string | null> {
    return this.#selectedId;
  }
  get loading(): ReadonlySignal<boolean> {
    return this.#loading;
  }
  /** True once the first load has answered. */
  get loaded(): ReadonlySignal<boolean> {
    return this.#loaded;
  }
  get loadError(): ReadonlySignal<string | null> {
    return this.#loadError;
  }
  get saving(): ReadonlySignal<boolean> {
    return this.#saving;
  }
  /** Why the last save or delete failed (the server's message for a validation error). */
  get actionError(): ReadonlySignal<string | null> {
    return this.#actionError;
  }
  /** What the last save or delete did ("Article saved."). */
  get notice(): ReadonlySignal<string | null> {
    return this.#notice;
  }

  async load(): Promise<void> {
    const seq = ++this.#loadSeq;
    this.#loading.value = true;
    try {
      const articles = await this.api.listArticles();
      if (seq !== this.#loadSeq) return;
      batch(() => {
        this.#articles.value = [...articles].sort(byTitle);
        this.#loaded.value = true;
        this.#loadError.value = null;
        // The article in the editor was deleted elsewhere: start a new one.
        if (this.#selectedId.value && !articles.some((a) => a.id === this.#selectedId.value)) this.#selectedId.value = null;
      });
    } catch (err) {
      if (seq === this.#loadSeq) this.#loadError.value = messageOf(err, this.texts().t('kbLoadFailed'));
    } finally {
      if (seq === this.#loadSeq) this.#loading.value = false;
    }
  }

  setQuery(query: string): void {
    this.#query.value = query;
  }

  /** Opens an article in the editor. */
  select(id: string): void {
    this.#select(id);
  }

  /** Empties the editor for a new article. */
  startNew(): void {
    this.#select(null);
  }

  /** Creates (no article selected) or replaces the selected article. Resolves true when the server has it. */
  async save(draft: ArticleDraft): Promise<boolean> {
    if (this.#saving.value) return false;
    const parsed = articleInput(draft, this.texts());
    batch(() => {
      this.#notice.value = null;
      this.#actionError.value = parsed.ok ? null : parsed.error;
    });
    if (!parsed.ok) return false;
    const id = this.#selectedId.value;
    this.#saving.value = true;
    try {
      const article = id ? await this.api.updateArticle(id, parsed.input) : await this.api.createArticle(parsed.input);
      batch(() => {
        this.#articles.value = [...this.#articles.value.filter((a) => a.id !== article.id), article].sort(byTitle);
        this.#selectedId.value = article.id;
        this.#notice.value = this.texts().t(id ? 'articleSaved' : 'articleCreated');
      });
      return true;
    } catch (err) {
      this.#actionError.value = messageOf(err, this.texts().t('articleNotSaved'));
      return false;
    } finally {
      this.#saving.value = false;
    }
  }

  /** Deletes an article (the editor asks for confirmation first). */
  async remove(id: string): Promise<boolean> {
    if (this.#saving.value) return false;
    this.#saving.value = true;
    batch(() => {
      this.#notice.value = null;
      this.#actionError.value = null;
    });
    try {
      await this.api.deleteArticle(id);
      batch(() => {
        this.#articles.value = this.#articles.value.filter((a) => a.id !== id);
        if (this.#selectedId.value === id) this.#selectedId.value = null;
        this.#notice.value = this.texts().t('articleDeleted');
      });
      return true;
    } catch (err) {
      this.#actionError.value = messageOf(err, this.texts().t('articleNotDeleted'));
      return false;
    } finally {
      this.#saving.value = false;
    }
  }

  /** Forgets everything (signed out). */
  clear(): void {
    this.#loadSeq++;
    batch(() => {
      this.#articles.value = [];
      this.#query.value = '';
      this.#selectedId.value = null;
      this.#loading.value = false;
      this.#loaded.value = false;
      this.#loadError.value = null;
      this.#actionError.value = null;
      this.#notice.value = null;
    });
  }

  #select(id: string | null): void {
    batch(() => {
      this.#selectedId.value = id;
      this.#actionError.value = null;
      this.#notice.value = null;
    });
  }
}

function messageOf(err: unknown, fallback: string): string {
  return err instanceof Error && err.message ? err.message : fallback;
}
