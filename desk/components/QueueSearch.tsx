import { useState } from 'preact/hooks';

export const SEARCH_INPUT_ID = 'queue-search';

/** The search box (`/` focuses it): a number (#1042), words, a name or an email; Escape clears it. */
export function QueueSearch({ value, onSearch }: { value: string; onSearch: (words: string) => void }) {
  const [text, setText] = useState(value);
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
        Search tickets
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        value={text}
        maxLength={200}
        placeholder="Search #1042, words, email… ( / )"
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          setText('');
          onSearch('');
        }}
      />
      <button type="submit" class="btn">
        Search
      </button>
    </form>
  );
}
