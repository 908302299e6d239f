/**
 * The browser's texts in the visitor's language: catalogues of plain strings and plurals, and `Intl` for
 * dates and numbers (relative times: `relative-time.ts`, imported by the views that show them). English is
 * bundled (the fallback for a missing key); every other language is its own chunk, loaded only when chosen.
 * Texts that only lazily loaded views show are parts (`TextPart`: `cards`, `files`, `portal`), loaded with those views
 * (`parts.ts`).
 * The choice of language itself is `shared/language.ts`'s.
 */
import { directionOf, type Language } from '../../shared/language';
import type { CatalogueOf, Entries, Line, Params, Plural } from './catalogue';
import { en, type Catalogue } from './en';

export type MessageKey = keyof Catalogue;

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

/** The texts of one catalogue in one language, and the language's formats. */
export class Texts<E extends Entries> {
  readonly dir: 'ltr' | 'rtl';
  private readonly plurals: Intl.PluralRules;

  constructor(
    readonly language: Language,
    private readonly catalogue: CatalogueOf<E>,
    private readonly source: CatalogueOf<E>,
  ) {
    this.dir = directionOf(language);
    this.plurals = new Intl.PluralRules(language);
  }

  /** The text for `key`; `count` picks a plural form and is `{count}`, formatted in the language. */
  t(key: keyof E & string, params: Params = {}): string {
    const entry: string | Plural = this.catalogue[key] ?? this.source[key];
    let text: string;
    if (typeof entry === 'string') text = entry;
    else {
      const count = Number(params.count ?? 0);
      text = entry[this.plurals.select(count)] ?? entry.other;
      params = { ...params, count: this.number(count) };
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }

  /** A model's line (a key, or text as it came) in this language. */
  say(line: Line<keyof E & string>): string {
    return 'text' in line ? line.text : this.t(line.key, line.params);
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

/** The messenger's texts in one language (the parts of lazily loaded views: `parts.ts`). */
export class Translator extends Texts<typeof en> {
  constructor(language: Language, catalogue: Catalogue = en) {
    super(language, catalogue, en);
  }
}

/** A translator for `language`, with its catalogue loaded. */
export async function createTranslator(language: Language): Promise<Translator> {
  return new Translator(language, await loadCatalogue(language));
}
