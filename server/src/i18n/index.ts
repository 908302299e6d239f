/**
 * The server's text catalogue: what Kai, the handoff and the promise say, in each language Frontdesk speaks.
 * The language is chosen by `pickLanguage` (shared/language.ts), the one rule the messenger uses too.
 */
import { pickLanguage, type Language } from '../../../shared/language';
import { ar } from './ar';
import { de } from './de';
import { en, type Texts } from './en';
import { es } from './es';
import { fr } from './fr';
import { pt } from './pt';

export type { HandoffNotice, Texts } from './en';

const CATALOGUE: Record<Language, Texts> = { en, de, fr, es, pt, ar };

/** The texts for a visitor, from their language and then the site's (any BCP 47 tags), English by default. */
export function textsFor(...languages: (string | null | undefined)[]): Texts {
  return CATALOGUE[pickLanguage(...languages)];
}

/** The locale for dates and times in a language's texts. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', pt: 'pt-BR', ar: 'ar' };
