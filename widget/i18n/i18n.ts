/**
 * The browser's texts in the visitor's language: catalogues of plain strings and plurals, and `Intl` for
 * dates and numbers (relative times: `messenger/articles/relative-time.ts`, loaded with the articles). English is bundled (the fallback for a missing key); every other
 * language is its own chunk, loaded only when chosen. The choice itself is `shared/language.ts`'s.
 */
import { directionOf, type Language } from '../../shared/language';
import { en, type Catalogue } from './en';

export type MessageKey = keyof Catalogue;
type Params = Record<string, string | number>;

/** Loads a language's catalogue (English at once). */
export async function loadCatalogue(language: Language): Promise<Catalogue> {
  switch (language) {
    case 'de':
      return (await import('./de')).de;
    case 'fr':
      return (await import('./fr')).fr;
    case 'es':
      return (await import('./es')).es;
    case 'pt':
      return (await import('./pt')).pt;
    case 'ar':
      return (await import('./ar')).ar;
    default:
      return en;
  }
}

/** Texts and formats of one language. */
export class Translator {
  readonly dir: 'ltr' | 'rtl';
  private readonly plurals: Intl.PluralRules;

  constructor(
    readonly language: Language,
    private readonly catalogue: Catalogue = en,
  ) {
    this.dir = directionOf(language);
    this.plurals = new Intl.PluralRules(language);
  }

  /** The text for `key`; `count` picks a plural form and is `{count}`, formatted in the language. */
  t(key: MessageKey, params: Params = {}): string {
    const entry = this.catalogue[key] ?? en[key];
    let text: string;
    if (typeof entry === 'string') text = entry;
    else {
      const count = Number(params.count ?? 0);
      text = entry[this.plurals.select(count)] ?? entry.other;
      params = { ...params, count: this.number(count) };
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }

  number(value: number): string {
    return new Intl.NumberFormat(this.language).format(value);
  }

  /** A time of day, e.g. "14:05" or "2:05 PM", as the language writes it. */
  time(iso: string): string {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString(this.language, { hour: '2-digit', minute: '2-digit' });
  }

  /** A date and time in `options`, in `timeZone` when given (an unknown zone falls back to the browser's). */
  date(value: number, options: Intl.DateTimeFormatOptions, timeZone?: string): string {
    try {
      return new Intl.DateTimeFormat(this.language, timeZone ? { ...options, timeZone } : options).format(value);
    } catch {
      return new Intl.DateTimeFormat(this.language, options).format(value);
    }
  }

}

/** A translator for `language`, with its catalogue loaded. */
export async function createTranslator(language: Language): Promise<Translator> {
  return new Translator(language, await loadCatalogue(language));
}
