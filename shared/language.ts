/**
 * The languages Frontdesk speaks, and the one rule that picks a visitor's language: the first requested BCP 47
 * tag whose primary language we have (`pt-BR` → `pt`), else English. Used by the messenger, the portal, the desk
 * and the server (Kai's offline replies, promises, handoff notices, mail), so everyone agrees on the choice.
 */

/** Every language with its own texts. English is the fallback and the source of every catalogue. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Languages written right to left. */
const RTL: ReadonlySet<Language> = new Set(['ar']);

/** The primary subtag of a BCP 47 tag, lower-cased ("pt-BR" → "pt"); null for anything that is not a tag. */
function primaryOf(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const match = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$/.exec(tag.trim());
  return match ? match[1]!.toLowerCase() : null;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to speak, from candidates in order of preference (e.g. `boot({ language })`, the site's
 * default, the browser's `navigator.languages`): the first whose primary subtag we have, else English.
 */
export function pickLanguage(...candidates: readonly (string | null | undefined | readonly string[])[]): Language {
  return findLanguage(...candidates) ?? DEFAULT_LANGUAGE;
}

/** Like `pickLanguage`, but null when no candidate is a language we have (to store what a customer said, or nothing). */
export function findLanguage(...candidates: readonly (string | null | undefined | readonly string[])[]): Language | null {
  for (const candidate of candidates.flat()) {
    const primary = primaryOf(candidate);
    if (isLanguage(primary)) return primary;
  }
  return null;
}

/** `rtl` for languages written right to left, for the `dir` attribute. */
export function directionOf(language: Language): 'ltr' | 'rtl' {
  return RTL.has(language) ? 'rtl' : 'ltr';
}
