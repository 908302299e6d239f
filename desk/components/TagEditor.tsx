import { useState } from 'preact/hooks';
import { tagSchema } from '../../shared/queue';

export interface TagEditorProps {
  tags: readonly string[];
  onAdd: (tag: string) => Promise<void>;
  onRemove: (tag: string) => Promise<void>;
}

/** A ticket's tags: each removable, and a field to add one (Enter). */
export function TagEditor({ tags, onAdd, onRemove }: TagEditorProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    const parsed = tagSchema.safeParse(text);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Not a tag');
      return;
    }
    try {
      await onAdd(parsed.data);
      setText('');
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not add the tag');
    }
  };
  const remove = async (tag: string) => {
    try {
      await onRemove(tag);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not remove the tag');
    }
  };
  return (
    <div class="tag-editor" role="group" aria-label="Tags">
      <ul class="tag-editor__list" role="list">
        {tags.map((tag) => (
          <li key={tag} class="tag">
            {tag}
            <button type="button" class="tag__remove" aria-label={`Remove tag ${tag}`} onClick={() => void remove(tag)}>
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
          Add a tag
        </label>
        <input id="tag-editor-input" value={text} maxLength={40} placeholder="Add tag" onInput={(e) => setText(e.currentTarget.value)} />
      </form>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
