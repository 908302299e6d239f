/**
 * The server's text catalogue: what Kai, the handoff and the promise say, in each language Frontdesk speaks.
 * The language is chosen by `pickLanguage` (shared/language.ts), the one rule the messenger uses too.
 */
import { findLanguage, pickLanguage, type Language } from '../../../shared/language';
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

/**
 * The languages an `Accept-Language` header (a browser's; some mail programs send one too) asks for, most
 * wanted first; `q=0` means "not this one". At most 20 entries are read.
 */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 1000)
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((e) => e.tag && e.tag !== '*' && e.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((e) => e.tag);
}

/**
 * The language an inbound email says it is in, when it says (null otherwise): its `Content-Language`, else the
 * sender's mail program's `Accept-Language` (Outlook sends both). A cheap signal, not detection.
 */
export function languageOfMail(contentLanguage: string | null, acceptLanguage: string | null): Language | null {
  return findLanguage((contentLanguage ?? '').split(',').map((t) => t.trim()), acceptedLanguages(acceptLanguage));
}
