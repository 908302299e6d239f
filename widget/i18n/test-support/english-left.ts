/**
 * Finds English left on a page drawn in another language: the words of the English catalogues (the messenger's,
 * the cards', the attachments' and the portal's) and common English words, less the words the language's own catalogues use too
 * (cognates such as "Messages" in French or "Ticket" in German). Text that bypassed the catalogues shows up
 * here, since it is written with the same words.
 */
import type { Language } from '../../../shared/language';
import type { Entries } from '../catalogue';
import { cardsEn, cards } from '../cards';
import { en } from '../en';
import { files, filesEn } from '../files';
import { loadCatalogue } from '../i18n';
import { portal, portalEn } from '../portal';

const COMMON = 'the you your and for with this that not are was were have has had please again here now our can could will would from what how did who when there been yet into more once only about after before then than them they their its it’s don’t can’t isn’t'.split(' ');

function words(text: string): string[] {
  return text
    .replace(/\{\w+\}/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}’']+/u)
    .filter((w) => w.length >= 3);
}

function values(catalogue: Entries): string[] {
  return Object.values(catalogue).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
}

/** The English words that must not appear in `language` (with `allowed` words the test's own data uses). */
export async function englishWords(language: Exclude<Language, 'en'>, allowed: string[] = []): Promise<Set<string>> {
  const own = [await loadCatalogue(language), await cards.load(language), await files.load(language), await portal.load(language)].flatMap((c) => values(c)).flatMap(words);
  const english = new Set([...[en, cardsEn, filesEn, portalEn].flatMap((c) => values(c)).flatMap(words), ...COMMON]);
  for (const word of [...own, ...allowed.flatMap(words)]) english.delete(word);
  return english;
}

/** The visible text and the accessible names and placeholders under `root`. */
function shownText(root: Element): string[] {
  const texts: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent?.trim()) texts.push(node.textContent);
  for (const el of Array.from(root.querySelectorAll('[aria-label], [placeholder], [title], [alt]'))) {
    for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = el.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  return texts;
}

/** Every English word shown under `root`, with the text it is in (empty when none is left). */
export function englishLeft(root: Element, english: Set<string>): string[] {
  const found: string[] = [];
  for (const text of shownText(root)) for (const word of words(text)) if (english.has(word)) found.push(`${word} (in “${text.trim().slice(0, 80)}”)`);
  return found;
}
