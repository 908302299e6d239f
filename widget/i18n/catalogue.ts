/**
 * The shapes of the browser's catalogues. A catalogue maps keys to plain strings (`{name}` is replaced by a
 * parameter) or plurals (keys are `Intl.PluralRules` categories, `other` always present, `{count}` the number
 * formatted in the language). English is each catalogue's source and the fallback for a missing key.
 */
import type { Language } from '../../shared/language';

type Other = Exclude<Language, 'en'>;

export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Entries = Record<string, string | Plural>;
/** A translation of the English entries `E`: every key (a plural stays a plural). */
export type CatalogueOf<E extends Entries> = { [K in keyof E]: E[K] extends string ? string : Plural };
export type Params = Record<string, string | number>;

/**
 * Words a model keeps to be shown later in whatever language is current: a key of a catalogue with its
 * parameters, or text as it came (the server's own words).
 */
export type Line<K extends string> = { key: K; params?: Params } | { text: string };

/**
 * Texts that only lazily loaded views need (`cards`, `files`, `portal`): English inline with those views, each other
 * language a chunk of its own, loaded with `loadPart` (`useTexts` in components; `parts.ts`).
 */
export interface TextPart<E extends Entries> {
  readonly en: CatalogueOf<E>;
  load(language: Other): Promise<CatalogueOf<E>>;
}

/** A part from its English entries and each other language's chunk (`() => import('./cards.de')`: a literal path, so the bundler makes the chunk). */
export function textPart<E extends Entries>(en: CatalogueOf<E>, chunks: Record<Other, () => Promise<CatalogueOf<E>>>): TextPart<E> {
  return { en, load: (language) => chunks[language]() };
}
