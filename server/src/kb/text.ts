/** Small text helpers for search: stop words, a light English stemmer, and markdown to plain text. */

const STOP_WORDS = new Set(
  `a about above after again all am an and any are as at be because been before being below between both but by can
  could did do does doing down during each few for from further had has have having he her here hers him his how i if
  in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over
  own same she should so some such than that the their theirs them then there these they this those through to too
  under until up very was we were what when where which while who whom why will with would you your yours yourself
  please hi hello hey thanks thank tell know want need get got im ive dont cant wont there's it's i'm can't don't
  hey ok okay also still really help`.split(/\s+/),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Folds plurals and common endings so "invoices"/"invoice" and "resetting"/"reset" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  // resett → reset, logg → log
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[aeiou]/.test(w[w.length - 1]!)) w = w.slice(0, -1);
  return w;
}

/** Lowercased word tokens, numbers kept. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Query/document term processing shared by the index and the coverage check. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase().replace(/['’]/g, '');
  if (t.length < 2 || STOP_WORDS.has(t)) return null;
  return stem(t);
}

/** Meaningful, distinct terms of a query. */
export function queryTerms(text: string): string[] {
  return [...new Set(tokenize(text).map(processTerm).filter((t): t is string => t !== null))];
}

/** Markdown to readable plain text: drops syntax, keeps words, list items and paragraph breaks. */
export function markdownToText(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, (block) => block.replace(/```\w*/g, ''))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '• ')
    .replace(/^\s*(\d+)[.)]\s+/gm, '$1. ')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(\*|_)(\S.*?\S|\S)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^>\s?/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Splits text into sentences (keeping list items whole). */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => (isListItem(line) ? [line] : line.split(/(?<=[.!?])\s+(?=[A-Z“"(])/)))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A bullet (`• `) or numbered (`1. `) list item, as markdownToText writes them. */
export function isListItem(line: string): boolean {
  return line.startsWith('• ') || /^\d+\. /.test(line);
}
