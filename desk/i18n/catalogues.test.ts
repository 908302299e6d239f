/**
 * Every desk catalogue has every key of the English one, in the same shape (a plural stays a plural with an
 * `other`), with the same placeholders (a plural's form may leave the number out), and says it in its own
 * words: a text the same as the English one must be on the short list of words the languages share.
 * Components use the keys they name: a key used in desk code but missing from `en.ts` is a type error already.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/language';
import type { Entries } from '../../widget/i18n/catalogue';
import { en } from './en';
import { formatDue } from '../format';
import { chooseDeskLanguage, DeskLanguageModel, deskTexts, LANGUAGE_STORAGE_KEY, loadDeskCatalogue } from './i18n';

type Other = Exclude<Language, 'en'>;
const OTHERS = LANGUAGES.filter((l): l is Other => l !== 'en');

/** Texts a language writes exactly as English does (names, units, cognates). */
const SAME_AS_ENGLISH: Record<Other, string[]> = {
  de: ['channel_chat', 'channel_portal', 'channel_api', 'centre_uk', 'author_agent', 'author_system', 'labelled', 'durPair', 'conn_online', 'tickets', 'ticket', 'status', 'tags', 'presence_online', 'presence_offline', 'name', 'problem', 'bytes', 'kilobytes', 'megabytes', 'browser', 'team', 'url', 'settings_webhooks', 'role_agent', 'median', 'sla', 'kai', 'agent', 'position', 'whMs', 'opsPlace_london', 'opsPlace_berlin', 'opsPlace_newYork', 'opsPlace_sanFrancisco', 'opsPlace_saoPaulo', 'opsPlace_mumbai', 'opsPlace_sydney'],
  fr: ['channel_chat', 'channel_api', 'author_agent', 'durMinutes', 'durHours', 'durPair', 'ticketCount', 'centre', 'tickets', 'impact', 'ticket', 'alsoSetsImpact', 'conversation', 'messages', 'sources', 'page', 'notes', 'macros', 'note', 'articles', 'articleCount', 'url', 'satisfaction', 'settings_sites', 'settings_agents', 'settings_webhooks', 'site', 'role_agent', 'centres', 'actions', 'action', 'conversations', 'volume', 'sla', 'kai', 'agents', 'agent', 'sites', 'whMs', 'whDescription', 'opsPlanSite', 'opsPlace_berlin', 'opsPlace_newYork', 'opsPlace_sanFrancisco', 'opsPlace_saoPaulo', 'opsPlace_tokyo', 'opsPlace_sydney'],
  es: ['channel_chat', 'channel_portal', 'channel_api', 'labelled', 'durMinutes', 'durHours', 'durDays', 'durPair', 'ticketCount', 'tickets', 'ticket', 'bytes', 'kilobytes', 'megabytes', 'macros', 'url', 'settings_webhooks', 'sla', 'kai', 'whMs', 'whEndpoints', 'opsPlace_sanFrancisco', 'opsPlace_saoPaulo'],
  pt: ['channel_chat', 'channel_portal', 'channel_api', 'labelled', 'durMinutes', 'durHours', 'durDays', 'durPair', 'ticketCount', 'tickets', 'ticket', 'status', 'alsoSetsStatus', 'bytes', 'kilobytes', 'megabytes', 'macros', 'url', 'settings_sites', 'settings_webhooks', 'site', 'volume', 'sla', 'kai', 'sites', 'whMs', 'whEndpoints', 'opsPlanSite', 'opsPlace_saoPaulo', 'opsPlace_mumbai', 'opsPlace_sydney'],
  ar: ['labelled', 'kai'],
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function compare(language: Other, source: Entries, translated: Entries) {
  expect(Object.keys(translated).sort(), 'the same keys').toEqual(Object.keys(source).sort());
  for (const [key, english] of Object.entries(source)) {
    const text = translated[key]!;
    const same = JSON.stringify(text) === JSON.stringify(english);
    expect(same, `${key} is still English`).toBe(SAME_AS_ENGLISH[language].includes(key));
    if (typeof english === 'string') {
      expect(typeof text, key).toBe('string');
      expect(placeholders(text as string), key).toEqual(placeholders(english));
    } else {
      expect(typeof text === 'object' && 'other' in text, `${key} is a plural with "other"`).toBe(true);
      // A form may leave the number out ("تذكرتان": two tickets), never add another placeholder.
      for (const form of Object.values(text as object) as string[]) for (const name of placeholders(form)) expect(placeholders(english.other), key).toContain(name);
    }
  }
}

describe('the desk catalogues', () => {
  it.each(OTHERS)('%s: every key, in its own words, with the same placeholders', async (language) => {
    compare(language, en, await loadDeskCatalogue(language));
  });
});

describe('the desk language', () => {
  const storage = (value: string | null) => {
    const kept = new Map<string, string>(value ? [[LANGUAGE_STORAGE_KEY, value]] : []);
    return { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v), kept };
  };

  it('is the agent’s own choice, else the browser’s, else English', () => {
    expect(chooseDeskLanguage({ storage: storage('fr'), browserLanguages: ['de-DE'] })).toBe('fr');
    expect(chooseDeskLanguage({ storage: storage(null), browserLanguages: ['pt-BR', 'en'] })).toBe('pt');
    expect(chooseDeskLanguage({ storage: storage('xx'), browserLanguages: ['ja', 'ar-EG'] })).toBe('ar');
    expect(chooseDeskLanguage({ storage: storage(null), browserLanguages: ['ja'] })).toBe('en');
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(chooseDeskLanguage({ storage: refusing, browserLanguages: ['es'] })).toBe('es');
  });

  it('sets <html lang dir> once the catalogue is loaded, and keeps a choice for next time', async () => {
    const root = { lang: '', dir: '' };
    const kept = storage(null);
    const model = new DeskLanguageModel({ storage: kept, browserLanguages: ['de'], root });
    expect(root).toEqual({ lang: 'en', dir: 'ltr' });
    await model.load();
    expect(root).toEqual({ lang: 'de', dir: 'ltr' });
    expect(model.texts.value.t('signIn')).toBe('Anmelden');
    await model.choose('ar');
    expect(root).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(model.texts.value.t('signIn')).toBe('تسجيل الدخول');
    expect(kept.kept.get(LANGUAGE_STORAGE_KEY)).toBe('ar');
    await model.choose('klingon');
    expect(model.texts.value.language).toBe('ar');
  });

  it('counts in the language: plurals by Intl.PluralRules, numbers by Intl.NumberFormat', async () => {
    const model = new DeskLanguageModel({ storage: null, browserLanguages: ['ar'], root: null });
    await model.load();
    const t = model.texts.value;
    expect(t.t('selected', { count: 2 })).toBe('تم تحديد تذكرتين');
    expect(t.t('selected', { count: 1 })).toBe('تم تحديد تذكرة واحدة');
    expect([1, 2, 3, 11].map((count) => t.t('whEventCount', { count }))).toEqual(['حدث واحد', 'حدثان', '3 أحداث', '11 حدثًا']);
    const de = await deskTexts('de');
    expect(de.t('selected', { count: 1234 })).toBe('1.234 ausgewählt');
    expect([1, 4].map((count) => de.t('whEventCount', { count }))).toEqual(['1 Ereignis', '4 Ereignisse']);
    expect(formatDue('2025-03-03T15:05:00Z', Date.parse('2025-03-03T12:00:00Z'), de).text).toBe('fällig in 3 Std. 5 Min.');
  });
});
