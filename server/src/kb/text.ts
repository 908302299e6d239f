/** Small text helpers for search: words, stop words and stems in each language, synonyms, markdown to plain text. */
import type { Language } from '../../../shared/language';
import { isStopWordIn, stemIn } from './languages';

/**
 * The Snowball stem of a word, in English unless told otherwise (Porter2 for English), so "infected"/
 * "infection", "travelers"/"traveling" and "invoices"/"invoice" meet. The light suffix-stripper used before
 * missed derivations, which is how most paraphrases differ from an article's wording (measured on the
 * third-party knowledge base's dev questions).
 */
export function stem(word: string, language: Language = 'en'): string {
  return stemIn(language, word);
}

/** Lowercased word tokens, numbers kept; combining marks (Arabic vowel signs, decomposed accents) stay in the word. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)?/gu) ?? [];
}

/** French (and Italian-style) elided articles and pronouns before a vowel: "l'authentification", "d'une", "qu'il". */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/u;
/** Arabic short-vowel and other marks, and the tatweel that stretches a word: spelling, not meaning. */
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;

/**
 * Query/document term processing shared by the index and the coverage check: lower case, elision and
 * apostrophes dropped, stop words of the language removed, the rest stemmed in that language.
 */
export function processTerm(term: string, language: Language = 'en'): string | null {
  let t = term.toLowerCase();
  if (language === 'fr') t = t.replace(ELISION, '');
  else if (language === 'ar') t = t.replace(ARABIC_MARKS, '');
  t = t.replace(/['’]/g, '');
  if (t.length < 2 || isStopWordIn(language, t)) return null;
  return stemIn(language, t);
}

/** Meaningful, distinct terms of a query. */
export function queryTerms(text: string, language: Language = 'en'): string[] {
  return [...new Set(tokenize(text).map((w) => processTerm(w, language)).filter((t): t is string => t !== null))];
}

/**
 * Words and phrases customers use for the same thing, one group a line; the first member names the group.
 * A question that uses any member is searched with all of them, and an article that uses any member covers
 * that part of the question ("MFA" finds "two-factor authentication", "yearly" finds "annual billing").
 * Product vocabulary and common paraphrases only: a group must mean the same thing in every article. A member
 * marked `?` works one way: it tells what the customer means ("when are you available?" asks for hours), but
 * is not looked for in articles, where the word means other things too ("SSO is available on Business").
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['two-factor', '2fa', 'two factor', 'two-step', 'two step', 'mfa', 'multi-factor', 'multifactor', 'second factor', 'authenticator', 'verification code', 'one-time code', 'otp'],
  ['single sign-on', 'sso', 'single sign on', 'saml', 'identity provider', 'idp', 'okta', 'entra', 'azure ad', 'adfs'],
  ['sign in', 'log in', 'login', 'log on', 'logon', 'signin', 'sign-in', 'sign on'],
  ['invoice', 'receipt', 'bill', 'bills'],
  ['payment', 'pay', 'paying', 'paid'],
  ['price', 'cost', 'costs', 'cheaper', 'expensive', 'pricing'],
  ['annual', 'yearly', 'annually', 'per year', 'every year'],
  ['api token', 'api key', 'access token', 'personal access token', 'bearer token'],
  ['api', 'rest api', 'developer api', 'public api'],
  ['create', 'generate', 'make a new', 'set up a new'],
  ['turn on', 'enable', 'switch on', 'activate'],
  ['mandatory', 'required', 'require', 'compulsory', 'enforce', 'obligatory', 'force'],
  ['operations centre', 'operations center', 'centre', 'center', '?office'],
  ['phishing simulation', 'simulated phishing', 'fake phishing', 'phishing test', 'test phishing', 'mock phishing', 'phishing exercise', 'phishing campaign'],
  ['suspicious', 'fake', 'pretending', 'scam', 'phishy', 'impersonating', 'pretending to be', 'not really from'],
  ['allowlist', 'whitelist', 'safelist', 'safe sender', 'safe senders'],
  ['junk', 'spam', 'quarantine'],
  ['upload', 'uploading', 'uploads'],
  ['largest', 'biggest', 'maximum', 'max', 'size limit'],
  ['outage', 'down', 'offline', 'unavailable', 'status page'],
  ['opening hours', 'hours', '?available', '?availability'],
  ['weekend', 'weekends', 'saturday', 'sunday', 'overnight', 'at night'],
  ['response', 'reply', 'respond', 'hear back'],
  ['deactivate', 'leaver', 'leaving', 'left the company', 'offboard', 'offboarding'],
  ['cancel', 'cancellation', 'terminate', 'close our account', 'close my account', 'stop our subscription'],
  ['delete', 'erase', 'remove', 'wipe'],
  ['export', 'take our files', 'take our data'],
  ['staff', 'employees', 'people', 'users', 'colleagues', 'team members', 'workforce', 'recipients'],
  ['remote session', 'screen share', 'screen sharing', 'share my screen', 'look at my screen', 'see my screen', 'remote support', 'video call', 'zoom call', 'teams call'],
  ['request', 'ticket', 'support case'],
  ['service level', 'sla', 'response time', 'resolution time', 'targets'],
  ['vulnerability', 'security flaw', 'security hole', 'security bug', 'exploit', 'bug bounty'],
  ['compromised', 'hacked', 'breached', 'taken over', 'takeover'],
  ['share link', 'sharing link', 'public link', 'shared link'],
  ['expire', 'expiry', 'expiration', 'expires'],
  ['storage', 'space', 'quota', 'capacity'],
  ['text message', 'sms'],
  ['security key', 'yubikey', 'hardware key', 'passkey', 'fido2', 'webauthn'],
  ['lost', 'dropped', 'broke', 'stolen', 'new phone', 'replaced', 'wiped'],
  ['invite', 'add people', 'add users', 'add new people', 'new users', 'onboard'],
  ['role', 'roles', 'permissions', 'permission', 'access rights', 'access level'],
  ['vat', 'sales tax', 'tax'],
  ['purchase order', 'po', 'po number'],
  ['data processing agreement', 'dpa'],
  ['retention', 'kept', 'stored for', 'how long do you keep', 'how long do you store'],
];

/** One part of a question: a word, or a group of synonyms any of which answers for it. */
export interface QueryUnit {
  /** The word, or the group's name. */
  label: string;
  /** Each alternative as the processed terms of its words; an alternative matches when all its terms are present. */
  alternatives: string[][];
  /** The alternatives the question itself used (for a plain word, the word). */
  used: string[][];
}

const processedWords = (text: string, language: Language = 'en') => tokenize(text).map((w) => processTerm(w, language)).filter((t): t is string => t !== null);

// Longer phrases first within a group, so "left the company" is consumed before a shorter member could be.
const GROUPS = SYNONYM_GROUPS.map((group) => ({
  label: group[0]!,
  members: group
    .map((member) => ({ raw: member.replace(/^\?/, ''), terms: processedWords(member.replace(/^\?/, '')), queryOnly: member.startsWith('?') }))
    .filter((m) => m.terms.length > 0)
    .sort((a, b) => b.terms.length - a.terms.length),
}));

/**
 * A question as units of meaning: the synonym groups it mentions (each phrase's words are folded into its
 * group) and its remaining meaningful words. `expansion` lists every member of those groups the question did
 * not use itself (its text and processed terms), to search with as well.
 */
export function analyseQuery(text: string, language: Language = 'en'): { units: QueryUnit[]; expansion: { raw: string; terms: string[] }[] } {
  const seq = processedWords(text, language);
  const consumed = new Array<boolean>(seq.length).fill(false);
  const units: QueryUnit[] = [];
  const used = new Set<string>();
  const positions = new Map<string, number[]>();
  seq.forEach((term, i) => positions.set(term, [...(positions.get(term) ?? []), i]));
  // The groups are English product vocabulary and paraphrases; another language's words are its own units.
  for (const group of language === 'en' ? GROUPS : []) {
    let hit = false;
    const usedHere: string[][] = [];
    for (const { raw, terms } of group.members) {
      for (const i of positions.get(terms[0]!) ?? []) {
        if (i + terms.length <= seq.length && terms.every((w, k) => seq[i + k] === w && !consumed[i + k])) {
          for (let k = 0; k < terms.length; k++) consumed[i + k] = true;
          used.add(raw);
          usedHere.push(terms);
          hit = true;
        }
      }
    }
    // What an article may say for it: the group's members, and whatever the question itself said.
    if (hit) units.push({ label: group.label, alternatives: [...group.members.filter((m) => !m.queryOnly).map((m) => m.terms), ...usedHere.filter((u) => group.members.some((m) => m.queryOnly && m.terms === u))], used: usedHere });
  }
  const seen = new Set(units.map((u) => u.label));
  seq.forEach((term, i) => {
    if (consumed[i] || seen.has(term)) return;
    seen.add(term);
    units.push({ label: term, alternatives: [[term]], used: [[term]] });
  });
  const expansion = GROUPS.filter((g) => g.members.some((m) => used.has(m.raw))).flatMap((g) => g.members.filter((m) => !used.has(m.raw) && !m.queryOnly));
  return { units, expansion };
}

/** Markdown to readable plain text: drops syntax, keeps words, list items and paragraph breaks. */
export function markdownToText(md: string): string {
  return tablesToLines(md)
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

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Markdown tables as one list item a row, each cell named by its column ("• High — First response: 1
 * business hour; Resolution: 8 business hours."), so a row reads as a sentence and can be quoted on its own.
 */
function tablesToLines(md: string): string {
  const lines = md.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!(TABLE_ROW.test(lines[i]!) && TABLE_RULE.test(lines[i + 1] ?? ''))) {
      out.push(lines[i]!);
      continue;
    }
    const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    const header = cells(lines[i]!);
    i += 2;
    for (; i < lines.length && TABLE_ROW.test(lines[i]!); i++) {
      const [first = '', ...rest] = cells(lines[i]!);
      const named = rest.map((c, k) => (header[k + 1] ? `${header[k + 1]}: ${c}` : c)).join('; ');
      out.push(`- ${first} — ${named}.`);
    }
    i--;
  }
  return out.join('\n');
}

/**
 * Splits text into sentences (keeping list items whole): after a full stop, question or exclamation mark (the
 * Arabic one too), before a capital, a letter of a script without capitals (Arabic), a digit, a quote or an
 * opening ¿ or ¡.
 */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => (isListItem(line) ? [line] : line.split(/(?<=[.!?؟])\s+(?=[\p{Lu}\p{Lo}\d“"(¿¡])/u)))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A bullet (`• `) or numbered (`1. `) list item, as markdownToText writes them. */
export function isListItem(line: string): boolean {
  return line.startsWith('• ') || /^\d+\. /.test(line);
}
