import { useEffect, useRef, useState } from 'preact/hooks';
import type { KbArticle } from '../api';
import { formatDateTime } from '../format';
import { draftOf, type ArticleDraft } from '../models/KbModel';

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
      <h2 class="kb-form__title">{article ? 'Edit article' : 'Write a new article'}</h2>
      {article && (
        <p class="muted kb-form__meta">
          Slug {article.slug} · updated {formatDateTime(article.updatedAt)}
        </p>
      )}
      <div class="field">
        <label class="field__label" for="kb-title">
          Title
        </label>
        <input id="kb-title" type="text" maxLength={200} required value={draft.title} onInput={set('title')} />
      </div>
      <div class="field">
        <label class="field__label" for="kb-url">
          URL
        </label>
        <input id="kb-url" type="text" inputMode="url" maxLength={500} aria-describedby="kb-url-hint" value={draft.url} onInput={set('url')} />
        <span class="field__hint" id="kb-url-hint">
          Optional: the article’s page, https://… or /path.
        </span>
      </div>
      <div class="field">
        <label class="field__label" for="kb-tags">
          Tags
        </label>
        <input id="kb-tags" type="text" aria-describedby="kb-tags-hint" value={draft.tags} onInput={set('tags')} />
        <span class="field__hint" id="kb-tags-hint">
          Comma separated, e.g. billing, invoices.
        </span>
      </div>
      <div class="field">
        <label class="field__label" for="kb-body">
          Body (Markdown)
        </label>
        <textarea id="kb-body" class="kb-form__body" rows={14} required value={draft.body} onInput={set('body')} />
      </div>
      <div class="kb-form__bar">
        <button type="submit" class="btn btn--primary" disabled={saving}>
          Save article
        </button>
        {article && !confirming && (
          <button type="button" class="btn btn--danger" ref={deleteRef} disabled={saving} onClick={() => setConfirming(true)}>
            Delete article
          </button>
        )}
      </div>
      {article && confirming && (
        <div class="kb-confirm" role="group" aria-labelledby="kb-confirm-text">
          <p id="kb-confirm-text" class="kb-confirm__text">
            Delete “{article.title}”? Kai stops using it at once. This cannot be undone.
          </p>
          <button type="button" class="btn btn--danger" ref={confirmRef} disabled={saving} onClick={() => void onDelete(article.id)}>
            Confirm delete
          </button>
          <button type="button" class="btn" onClick={cancelDelete}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}
