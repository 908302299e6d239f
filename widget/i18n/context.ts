/** The translator components read (`useT()`); English until the messenger provides the visitor's. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { Translator } from './i18n';

export const I18nContext = createContext<Translator>(new Translator('en'));

export function useT(): Translator {
  return useContext(I18nContext);
}
