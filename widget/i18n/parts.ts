/**
 * The texts of lazily loaded views (`TextPart`) in the visitor's language: loaded once per translator and kept
 * with it. A module of its own, imported only by those views (and the portal), so the messenger's first load
 * does without it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Entries, TextPart } from './catalogue';
import { useT } from './context';
import { Texts, type Translator } from './i18n';

/**
 * The parts loaded for each translator. A translator belongs to one messenger (or portal page) and language,
 * so this is that instance's state, and it goes with it (weak keys).
 */
const loaded = new WeakMap<Translator, Map<TextPart<Entries>, Texts<Entries>>>();

/** A part's texts in the translator's language once loaded (English ones at once), else undefined. */
export function partTexts<E extends Entries>(i18n: Translator, part: TextPart<E>): Texts<E> | undefined {
  let parts = loaded.get(i18n);
  if (!parts) loaded.set(i18n, (parts = new Map()));
  // Safe: each part's texts are stored under that part only (here and in loadPart).
  const texts = parts.get(part) as Texts<E> | undefined;
  if (texts || i18n.language !== 'en') return texts;
  const english = new Texts(i18n.language, part.en, part.en);
  parts.set(part, english);
  return english;
}

/** Loads a part's texts in the translator's language; English ones when its chunk cannot be fetched (offline). */
export async function loadPart<E extends Entries>(i18n: Translator, part: TextPart<E>): Promise<Texts<E>> {
  const ready = partTexts(i18n, part);
  const language = i18n.language;
  if (ready || language === 'en') return ready ?? new Texts(language, part.en, part.en);
  const catalogue = await part.load(language).catch(() => part.en);
  const texts = partTexts(i18n, part) ?? new Texts(language, catalogue, part.en);
  loaded.get(i18n)?.set(part, texts);
  return texts;
}

/** In a component: the part's texts (at once when loaded before, or in English); null while loading. */
export function useTexts<E extends Entries>(part: TextPart<E>): Texts<E> | null {
  const i18n = useT();
  const texts = partTexts(i18n, part);
  const [, rerender] = useState(0);
  useEffect(() => {
    if (texts) return;
    let live = true;
    void loadPart(i18n, part).then(() => live && rerender((n) => n + 1));
    return () => {
      live = false;
    };
  }, [i18n, part, texts]);
  return texts ?? null;
}
