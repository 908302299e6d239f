import { useEffect, useRef, useState } from 'preact/hooks';
import type { KbArticle } from '../api';
import { formatDateTime } from '../format';
import { draftOf, type ArticleDraft } from '../models/KbModel';
import { useDeskT } from '../i18n/i18n';

export interface ArticleEditorProps {
  /** The article to edit, or null to write a new one. Give the editor a `key` per article so its fields reset. */
  article: KbArticle | null;
  saving: boolean;
  /** Resolves true when the server has the article. */
  onSave: (draft: ArticleDraft) => Promise<boolean>;
  /** Called after the agent confirmed. */
  onDelete: (id: string) => Promise<boolean>;
}

/**
 * Title, URL, tags and the markdown body. The body is edited and shown as plain text only: it is never
 * rendered as HTML here. Deleting asks for confirmation first.
 */
export function ArticleEditor({ article, saving, onSave, onDelete }: ArticleEditorProps) {
  const t = useDeskT();
  const [draft, setDraft] = useState<ArticleDraft>(() => draftOf(article));
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const set = (field: keyof ArticleDraft) => (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    setDraft((d) => ({ ...d, [field]: e.currentTarget.value }));
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!saving) void onSave(draft);
  };
  const cancelDelete = () => {
    setConfirming(false);
    deleteRef.current?.focus();
  };

  return (
    <form class="kb-form" onSubmit={onSubmit} noValidate>
      <h2 class="kb-form__title">{article ? t.t('editArticle') : t.t('writeArticle')}</h2>
      {article && (
        <p class="muted kb-form__meta">
          {t.t('articleMeta', { slug: article.slug, time: formatDateTime(article.updatedAt, t) })}
        </p>
      )}
      <div class="field">
        <label class="field__label" for="kb-title">
          {t.t('title')}
        </label>
        <input id="kb-title" type="text" maxLength={200} required value={draft.title} onInput={set('title')} />
      </div>
      <div class="field">
        <label class="field__label" for="kb-url">
          {t.t('url')}
        </label>
        <input id="kb-url" type="text" inputMode="url" maxLength={500} aria-describedby="kb-url-hint" value={draft.url} onInput={set('url')} />
        <span class="field__hint" id="kb-url-hint">
          {t.t('urlHint')}
        </span>
      </div>
      <div class="field">
        <label class="field__label" for="kb-tags">
          {t.t('tags')}
        </label>
        <input id="kb-tags" type="text" aria-describedby="kb-tags-hint" value={draft.tags} onInput={set('tags')} />
        <span class="field__hint" id="kb-tags-hint">
          {t.t('tagsHint')}
        </span>
      </div>
      <div class="field">
        <label class="field__label" for="kb-body">
          {t.t('bodyMarkdown')}
        </label>
        <textarea id="kb-body" class="kb-form__body" rows={14} required value={draft.body} onInput={set('body')} />
      </div>
      <div class="kb-form__bar">
        <button type="submit" class="btn btn--primary" disabled={saving}>
          {t.t('saveArticle')}
        </button>
        {article && !confirming && (
          <button type="button" class="btn btn--danger" ref={deleteRef} disabled={saving} onClick={() => setConfirming(true)}>
            {t.t('deleteArticle')}
          </button>
        )}
      </div>
      {article && confirming && (
        <div class="kb-confirm" role="group" aria-labelledby="kb-confirm-text">
          <p id="kb-confirm-text" class="kb-confirm__text">
            {t.t('deleteArticleQuestion', { title: article.title })}
          </p>
          <button type="button" class="btn btn--danger" ref={confirmRef} disabled={saving} onClick={() => void onDelete(article.id)}>
            {t.t('confirmDelete')}
          </button>
          <button type="button" class="btn" onClick={cancelDelete}>
            {t.t('cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
