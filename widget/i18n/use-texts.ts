/** A lazily loaded view's texts (`TextPart`) in the visitor's language; a module of its own, so the first load does without it. */
import { useEffect, useState } from 'preact/hooks';
import type { Entries, TextPart } from './catalogue';
import { useT } from './context';
import type { Texts } from './i18n';

/** The part's texts once loaded (at once in English, or when loaded before); null meanwhile. */
export function useTexts<E extends Entries>(part: TextPart<E>): Texts<E> | null {
  const i18n = useT();
  const texts = i18n.part(part);
  const [, loaded] = useState(0);
  useEffect(() => {
    if (texts) return;
    let live = true;
    void i18n.loadPart(part).then(() => live && loaded((n) => n + 1));
    return () => {
      live = false;
    };
  }, [i18n, part, texts]);
  return texts ?? null;
}
