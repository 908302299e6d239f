import { useContext } from 'preact/hooks';
import { createContext, type ComponentChildren } from 'preact';
import { LANGUAGES } from '../../shared/language';
import { DeskI18nContext, LANGUAGE_NAMES, useDeskT, type DeskLanguageModel } from './i18n';

/** The page's language model, for the picker; without one (tests of single components) there is no picker. */
export const DeskLanguageContext = createContext<DeskLanguageModel | null>(null);

/** `Language`: the agent's own choice of the desk's language, each named in its own words. */
export function LanguagePicker() {
  const model = useContext(DeskLanguageContext);
  const t = useDeskT();
  if (!model) return null;
  return (
    <span class="language-picker">
      <label for="desk-language" class="sr-only">
        {t.t('language')}
      </label>
      <select id="desk-language" value={t.language} onChange={(e) => void model.choose(e.currentTarget.value)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Gives the desk the agent's language: the texts (re-rendering when they change) and the model for the picker. */
export function DeskLanguageProvider({ model, children }: { model: DeskLanguageModel; children: ComponentChildren }) {
  return (
    <DeskLanguageContext.Provider value={model}>
      <DeskI18nContext.Provider value={model.texts.value}>{children}</DeskI18nContext.Provider>
    </DeskLanguageContext.Provider>
  );
}
