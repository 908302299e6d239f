/**
 * The desk's texts in the agent's language. The mechanism is the messenger's (`widget/i18n`: `Texts`, plurals by
 * `Intl.PluralRules`, `{name}` parameters, English as the fallback for a missing key); the desk has its own
 * catalogue (`en.ts`, bundled) and one chunk per other language (`desk.de.ts`, …), loaded only when chosen.
 * Which language: the agent's own choice (the header's `Language` picker, kept in localStorage), else the
 * browser's (`navigator.languages`), else English, by `shared/language.ts`'s one rule.
 */
import { createContext } from 'preact';
import { useContext, useRef } from 'preact/hooks';
import { signal, type ReadonlySignal } from '@preact/signals';
import { directionOf, isLanguage, LANGUAGES, pickLanguage, type Language } from '../../shared/language';
import { textPart, type CatalogueOf, type Line } from '../../widget/i18n/catalogue';
import { Texts } from '../../widget/i18n/i18n';
import { en } from './en';

export type DeskCatalogue = CatalogueOf<typeof en>;
export type DeskKey = keyof typeof en & string;
/** Words a model keeps to be shown later in the current language: a key with parameters, or the server's own text. */
export type DeskLine = Line<DeskKey>;
export type DeskTexts = Texts<typeof en>;

/** The English texts: the default for components rendered without a provider (tests, before a language loads). */
export const englishTexts: DeskTexts = new Texts<typeof en>('en', en, en);

/** Each language in its own words, for the picker. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  pt: 'Português',
  ar: 'العربية',
};

/** The desk's catalogue in each language: English bundled, every other language its own chunk (the messenger's `textPart`). */
const catalogues = textPart<typeof en>(en, {
  de: () => import('./desk.de').then((m) => m.de),
  fr: () => import('./desk.fr').then((m) => m.fr),
  es: () => import('./desk.es').then((m) => m.es),
  pt: () => import('./desk.pt').then((m) => m.pt),
  ar: () => import('./desk.ar').then((m) => m.ar),
});

/** Loads a language's desk catalogue (English at once). */
export async function loadDeskCatalogue(language: Language): Promise<DeskCatalogue> {
  return language === 'en' ? en : catalogues.load(language);
}

/** The desk's texts for `language`, its catalogue loaded (English when the chunk cannot be fetched). */
export async function deskTexts(language: Language): Promise<DeskTexts> {
  if (language === 'en') return englishTexts;
  const catalogue = await loadDeskCatalogue(language).catch(() => en);
  return new Texts<typeof en>(language, catalogue, en);
}

export const DeskI18nContext = createContext<DeskTexts>(englishTexts);

/** In a component: the desk's texts in the agent's language. */
export function useDeskT(): DeskTexts {
  return useContext(DeskI18nContext);
}

/**
 * In a component that makes a model once: a getter of the texts of the moment (the same function on every
 * render), so the model writes its messages in the language the agent reads when they happen.
 */
export function useDeskTexts(): () => DeskTexts {
  const t = useDeskT();
  const current = useRef(t);
  current.current = t;
  return useRef(() => current.current).current;
}

/** Where the agent's own choice is kept. */
export const LANGUAGE_STORAGE_KEY = 'frontdesk.desk.language';

export interface LanguageHost {
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** The browser's languages, most wanted first (`navigator.languages`). */
  browserLanguages: readonly string[];
  /** Where `lang` and `dir` go (`document.documentElement`). */
  root: { lang: string; dir: string } | null;
}

function storedChoice(storage: LanguageHost['storage']): string | null {
  try {
    return storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null; // storage refused (privacy settings): the browser's language it is
  }
}

/** The agent's language: their own choice, else the browser's, else English. */
export function chooseDeskLanguage(host: Pick<LanguageHost, 'storage' | 'browserLanguages'>): Language {
  return pickLanguage(storedChoice(host.storage), host.browserLanguages);
}

/**
 * The language the desk speaks: `texts` (English until the chosen language's catalogue has loaded), `choose()`
 * for the picker (kept for next time). Sets `<html lang dir>` whenever it changes.
 */
export class DeskLanguageModel {
  readonly #texts = signal<DeskTexts>(englishTexts);
  readonly texts: ReadonlySignal<DeskTexts> = this.#texts;
  #wanted: Language;

  constructor(private readonly host: LanguageHost) {
    this.#wanted = chooseDeskLanguage(host);
    this.#apply(englishTexts);
  }

  get language(): Language {
    return this.#wanted;
  }

  /** Loads the chosen language (at start). */
  async load(): Promise<void> {
    await this.#switch(this.#wanted);
  }

  /** The agent picks a language: kept in storage, shown at once (once its chunk is loaded). */
  async choose(language: string): Promise<void> {
    if (!isLanguage(language)) return;
    try {
      this.host.storage?.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // not kept, but still shown for this page
    }
    this.#wanted = language;
    await this.#switch(language);
  }

  async #switch(language: Language): Promise<void> {
    const texts = await deskTexts(language);
    if (language !== this.#wanted) return; // a later choice won
    this.#texts.value = texts;
    this.#apply(texts);
  }

  #apply(texts: DeskTexts): void {
    if (!this.host.root) return;
    this.host.root.lang = texts.language;
    this.host.root.dir = directionOf(texts.language);
  }
}

export { LANGUAGES };

/** Names as one list in the language ("Ann, Bob and Cy"). */
export function listOf(items: readonly string[], t: DeskTexts): string {
  return new Intl.ListFormat(t.language, { style: 'long', type: 'conjunction' }).format(items);
}
