import { useState } from 'preact/hooks';
import { tagSchema } from '../../shared/queue';
import { useDeskT } from '../i18n/i18n';

export interface TagEditorProps {
  tags: readonly string[];
  onAdd: (tag: string) => Promise<void>;
  onRemove: (tag: string) => Promise<void>;
}

/** A ticket's tags: each removable, and a field to add one (Enter). */
export function TagEditor({ tags, onAdd, onRemove }: TagEditorProps) {
  const [text, setText] = useState('');
  const t = useDeskT();
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    const parsed = tagSchema.safeParse(text);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? t.t('notATag'));
      return;
    }
    try {
      await onAdd(parsed.data);
      setText('');
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : t.t('tagNotAdded'));
    }
  };
  const remove = async (tag: string) => {
    try {
      await onRemove(tag);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : t.t('tagNotRemoved'));
    }
  };
  return (
    <div class="tag-editor" role="group" aria-label={t.t('tags')}>
      <ul class="tag-editor__list" role="list">
        {tags.map((tag) => (
          <li key={tag} class="tag">
            {tag}
            <button type="button" class="tag__remove" aria-label={t.t('removeTag', { tag })} onClick={() => void remove(tag)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label for="tag-editor-input" class="sr-only">
          {t.t('addATag')}
        </label>
        <input id="tag-editor-input" value={text} maxLength={40} placeholder={t.t('addTagPlaceholder')} onInput={(e) => setText(e.currentTarget.value)} />
      </form>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
