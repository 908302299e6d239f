import type { Macro } from '../../shared/team';
import { useDeskT } from '../i18n/i18n';

export interface MacroListProps {
  macros: readonly Macro[];
  activeIndex: number;
  onPick: (macro: Macro) => void;
}

export const macroOptionId = (id: string) => `macro-option-${id}`;

/** The `/` menu of the composer: matching macros as a listbox (the textarea keeps the focus and names the active one). */
export function MacroList({ macros, activeIndex, onPick }: MacroListProps) {
  const t = useDeskT();
  if (macros.length === 0) {
    return (
      <p class="macro-list macro-list--empty" role="status">
        {t.t('noMacroMatches')}
      </p>
    );
  }
  return (
    <ul class="macro-list" id="macro-list" role="listbox" aria-label={t.t('macros')}>
      {macros.map((m, i) => (
        <li
          key={m.id}
          id={macroOptionId(m.id)}
          role="option"
          aria-selected={i === activeIndex}
          class={i === activeIndex ? 'macro-list__option macro-list__option--active' : 'macro-list__option'}
          // mousedown, not click: the textarea keeps the focus.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(m);
          }}
        >
          <span class="macro-list__title">{m.title}</span>
          {m.shared && <span class="muted">{t.t('sharedSuffix')}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The macros whose title contains every word typed after `/`. */
export function matchMacros(macros: readonly Macro[], query: string): Macro[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return macros.filter((m) => words.every((w) => m.title.toLowerCase().includes(w)));
}
