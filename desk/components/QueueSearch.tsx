import { useState } from 'preact/hooks';
import { useDeskT } from '../i18n/i18n';

export const SEARCH_INPUT_ID = 'queue-search';

/** The search box (`/` focuses it): a number (#1042), words, a name or an email; Escape clears it. */
export function QueueSearch({ value, onSearch }: { value: string; onSearch: (words: string) => void }) {
  const [text, setText] = useState(value);
  const t = useDeskT();
  return (
    <form
      class="queue__search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text);
      }}
    >
      <label for={SEARCH_INPUT_ID} class="sr-only">
        {t.t('searchTickets')}
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        value={text}
        maxLength={200}
        placeholder={t.t('searchPlaceholder')}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          setText('');
          onSearch('');
        }}
      />
      <button type="submit" class="btn">
        {t.t('search')}
      </button>
    </form>
  );
}
