/**
 * Every catalogue has every key of its English source, in the same shape (a plural stays a plural with an
 * `other`), with the same placeholders (a plural's form may leave the number out), and says it in its own words: a text the same as the English one must be
 * on the short list of words the languages share.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/language';
import type { Entries } from './catalogue';
import { cards, cardsEn } from './cards';
import { en } from './en';
import { files, filesEn } from './files';
import { loadCatalogue } from './i18n';
import { portal, portalEn } from './portal';

type Other = Exclude<Language, 'en'>;
const OTHERS = LANGUAGES.filter((l): l is Other => l !== 'en');

/** Texts a language writes exactly as English does (names, and words the languages share). */
const SAME_AS_ENGLISH: Record<Other, string[]> = {
  de: ['messenger', 'ticket', 'emailLabel', 'csatComment'],
  fr: ['messenger', 'message', 'conversation', 'sources', 'messages', 'description'],
  es: ['messenger'],
  pt: ['messenger'],
  ar: [],
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function compare(language: Other, source: Entries, translated: Entries) {
  expect(Object.keys(translated).sort(), 'the same keys').toEqual(Object.keys(source).sort());
  for (const [key, english] of Object.entries(source)) {
    const text = translated[key]!;
    if (typeof english === 'string') {
      expect(typeof text, key).toBe('string');
      expect(placeholders(text as string), key).toEqual(placeholders(english));
      if (!SAME_AS_ENGLISH[language].includes(key)) expect(text, `${key} is still English`).not.toBe(english);
    } else {
      expect(typeof text === 'object' && 'other' in text, `${key} is a plural with "other"`).toBe(true);
      // A form may leave the number out ("رسالتان": two messages), never add another placeholder.
      for (const form of Object.values(text as object) as string[]) for (const name of placeholders(form)) expect(placeholders(english.other), key).toContain(name);
      expect((text as { other: string }).other, key).not.toBe(english.other);
    }
  }
}

describe('the catalogues', () => {
  it.each(OTHERS)('%s: the messenger, its cards, its attachments and the portal, every key in its own words', async (language) => {
    compare(language, en, await loadCatalogue(language));
    compare(language, cardsEn, await cards.load(language));
    compare(language, filesEn, await files.load(language));
    compare(language, portalEn, await portal.load(language));
  });
});
