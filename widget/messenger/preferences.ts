/**
 * The visitor's language and theme: `boot({ language })`, else the browser's first language that Frontdesk
 * has, else the site's default (`shared/language.ts` `pickLanguage`). Every site has a default (`en` unless an
 * admin sets one), so putting it before the browser would mean a browser set to Arabic never gets Arabic; it
 * decides for visitors whose browsers ask only for languages we do not have. `boot({ theme })`, else `auto` (the browser's `prefers-color-scheme`).
 * The chosen language's catalogue is loaded before it is shown; until then the previous one stays.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { pickLanguage, type Language } from '../../shared/language';
import type { ThemeChoice } from '../bridge';
import { createTranslator, Translator } from '../i18n/i18n';

export class PreferencesModel {
  private readonly _i18n = signal(new Translator('en'));
  private readonly _theme = signal<ThemeChoice>('auto');
  private requested: string | undefined;
  private siteDefault: string | undefined;
  private loading: Language | null = null;

  /** The texts and formats in the visitor's language. */
  readonly i18n: ReadonlySignal<Translator> = this._i18n;
  readonly theme: ReadonlySignal<ThemeChoice> = this._theme;

  constructor(private readonly browserLanguages: readonly string[]) {
    void this.apply();
  }

  /** The language the visitor gets now (the server is told the same). */
  get language(): Language {
    return pickLanguage(this.requested, this.browserLanguages, this.siteDefault);
  }

  /** From `boot`: what the site chose for this visitor (missing fields keep their defaults). */
  boot(language: string | undefined, theme: ThemeChoice | undefined): Promise<void> {
    this.requested = language;
    this._theme.value = theme ?? 'auto';
    return this.apply();
  }

  /** The site's own default language, from the session. */
  setSiteDefault(language: string | undefined): Promise<void> {
    this.siteDefault = language;
    return this.apply();
  }

  private async apply(): Promise<void> {
    const language = this.language;
    if (language === this._i18n.peek().language || language === this.loading) return;
    this.loading = language;
    try {
      const translator = await createTranslator(language);
      if (this.language === language) this._i18n.value = translator; // a newer choice wins
    } catch {
      // The catalogue could not be fetched (offline): the texts stay in the language they are in.
    } finally {
      if (this.loading === language) this.loading = null;
    }
  }
}
