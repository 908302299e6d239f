/**
 * The words of a mail as the desk shows them: the text part (any charset, decoded by mailparser), or the
 * HTML turned into readable text; the quoted history of a reply split off so the desk can fold it.
 *
 * Everything here runs on text a stranger chose, so it is bounded and linear: the text is cut before any
 * regex runs, lines are handled one at a time, and every pattern either is anchored without nested or
 * adjacent repeats or runs on a slice of bounded length.
 */
import { convert } from 'html-to-text';
import type { MailHeader } from './automated';

/** Longest text kept from one mail (characters); the rest is cut with a note (the ticket schema's limit). */
export const MAX_TEXT_LENGTH = 20_000;
/** Text read from one mail before splitting off its quote: far more than is kept, so a long quote still folds. */
export const MAX_READ_LENGTH = 10 * MAX_TEXT_LENGTH;
/** HTML longer than this is not converted (html-to-text is slow on megabytes of markup). */
const MAX_HTML_LENGTH = 2_000_000;
/** How much of a line the quote patterns look at: enough for any real "On … wrote:" line. */
const MAX_LINE_CHECK = 1_000;
/** Longest header value kept (characters): real ones are far shorter; the rest is cut before any pattern. */
const MAX_HEADER_VALUE = 8_000;
/** Header lines kept from one mail (a real mail has a few dozen). */
const MAX_HEADERS = 300;

/** HTML to plain text a person can read: paragraphs, lists, tables and links kept; images, styles and scripts gone. */
export function htmlToReadableText(html: string): string {
  const text = convert(html.slice(0, MAX_HTML_LENGTH), {
    wordwrap: false,
    limits: { maxDepth: 500, maxChildNodes: 5000 },
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'head', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    ],
  });
  // &nbsp; is layout in HTML mail; in plain text it only confuses search and copying.
  return tidy(text.slice(0, MAX_READ_LENGTH).replace(/\u00a0/g, ' '));
}

/** Normalises line ends, drops trailing spaces (line by line: linear however long a run) and runs of blank lines. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The mail's text, at most MAX_READ_LENGTH characters: its text part when it has one, else its HTML made readable. */
export function readableText(parsed: { text?: string | undefined; html?: string | false | undefined }): string {
  const text = typeof parsed.text === 'string' ? tidy(parsed.text.slice(0, MAX_READ_LENGTH)) : '';
  if (text) return text;
  return parsed.html ? htmlToReadableText(parsed.html) : '';
}

/** Outlook's underscore rule, and "-----Original Message-----" with its translations. */
const HISTORY_RULE = /^_{10,}$/;
const ORIGINAL_MESSAGE =
  /^-{2,} ?(?:original message|ursprüngliche nachricht|message d.origine|mensaje original|messaggio originale|oorspronkelijk bericht|originalmeddelande|alkuperäinen viesti|oprindelig besked|forwarded message|weitergeleitete nachricht) ?-{2,}$/i;
/** Outlook's header block: a From line directly followed by a Sent/Date line, in the languages Outlook ships. */
const HEADER_FROM = /^\*?(?:from|von|de|van|da|från|fra|od|от) ?:\*? /i;
const HEADER_SENT = /^\*?(?:sent|date|gesendet|datum|envoyé|enviado|verzonden|inviato|skickat|sendt|wysłano|отправлено) ?:/i;
/** How a quote header ("On <date>, <name> wrote:") ends, in the languages mail programs write it; run on a line's tail. */
const QUOTE_HEADER_END = /(?:wrote|écrit|escribió|scritto|escreveu|schrieb|schreef|pisze|napisał|napisał\(a\)|skrev|kirjoitti|写道|작성|のメッセージ) ?[:：]$/iu;
/** How a quote header starts; with "schrieb NAME <EMAIL>:" (German) the verb sits in the middle. */
const QUOTE_HEADER_START = /^(?:(?:on|le|el|il|em|am|op|w dniu|dnia|den|pe) |在|20\d\d[./-])/i;
const QUOTE_HEADER_VERB = / (?:schrieb|skrev|schreef|pisze|napisał) /i;

/** A line as the patterns see it: trimmed and at most MAX_LINE_CHECK characters. */
const checked = (line: string | undefined) => (line ?? '').slice(0, MAX_LINE_CHECK).trim();

function isQuoteHeader(line: string): boolean {
  if (QUOTE_HEADER_END.test(line.slice(-40))) return true;
  return QUOTE_HEADER_START.test(line) && line.endsWith(':') && QUOTE_HEADER_VERB.test(line);
}

/** Where the quote header of a quote starting at line `i` begins: a header may wrap onto two lines and be followed by a blank. */
function quoteHeaderAbove(lines: readonly string[], i: number): number {
  let j = i - 1;
  if (j >= 0 && checked(lines[j]) === '') j--;
  if (j < 0 || !isQuoteHeader(checked(lines[j]))) return i;
  const above = checked(lines[j - 1]);
  return above && QUOTE_HEADER_START.test(above) && !QUOTE_HEADER_START.test(checked(lines[j])) ? j - 1 : j;
}

/** The first line of a reply's quoted history, or -1 when it has none. One pass over the lines. */
function historyStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = checked(lines[i]);
    if (line.startsWith('>')) return quoteHeaderAbove(lines, i);
    if (HISTORY_RULE.test(line) || ORIGINAL_MESSAGE.test(line)) return i;
    if (HEADER_FROM.test(line) && HEADER_SENT.test(checked(lines[i + 1]))) return i;
    if (isQuoteHeader(line) && QUOTE_HEADER_START.test(line)) return i;
  }
  return -1;
}

/**
 * Splits a reply into the new text and the quoted history (null when there is none): the history starts at
 * the first quoted line (with the "On … wrote:" line above it), an underscore rule, "-----Original
 * Message-----" or Outlook's From/Sent block. Signatures stay in the text: a customer's name and company are
 * useful to the agent. Linear in the length of the text.
 */
export function splitReply(text: string): { body: string; quoted: string | null } {
  if (!text) return { body: '', quoted: null };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = historyStart(lines);
  const body = cut === -1 ? tidy(text) : tidy(lines.slice(0, cut).join('\n'));
  // A mail that is all quote (a forward with no words of its own) keeps its text as the body.
  if (!body) return { body: tidy(text), quoted: null };
  const quoted = cut === -1 ? '' : tidy(lines.slice(cut).join('\n'));
  return { body, quoted: quoted || null };
}

/** Text handed to triage at most (characters): the opening of a mail says what it is about. */
const MAX_TRIAGE_TEXT = 4_000;

/**
 * A mail's words as triage reads them: runs of spaces made one, blank lines dropped, the opening only.
 * Triage's lexicon runs many patterns over the text on the event loop; this keeps what they see small.
 */
export function textForTriage(subject: string, body: string): string {
  return `${subject}\n${body.slice(0, 4 * MAX_TRIAGE_TEXT)}`.replace(/[ \t\u00a0]+/g, ' ').replace(/\n[\n ]*/g, '\n').slice(0, MAX_TRIAGE_TEXT);
}

/** Cuts text to the stored limit with a visible note. */
export function limitText(text: string, max = MAX_TEXT_LENGTH): string {
  if (text.length <= max) return text;
  const note = '\n\n[… the rest of this email was cut: it is longer than 20,000 characters]';
  return text.slice(0, max - note.length) + note;
}

/** A subject for a ticket: one line, at most 200 characters, never empty. */
export function cleanSubject(subject: string | undefined): string {
  const s = (subject ?? '').slice(0, 2_000).replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return (s || '(no subject)').slice(0, 200);
}

/** Reply and forward prefixes in the languages mail programs use, with any ticket tag, removed for display. */
export function baseSubject(subject: string): string {
  let s = subject;
  for (;;) {
    const next = s.replace(/^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|antw|r|rif|tr|odp|ynt|res|enc)\s*(?:\[\d+\])?\s*[:：]|\[#\d+\])\s*/i, '');
    if (next === s) return s.trim() || subject.trim();
    s = next;
  }
}

/** A file name as the desk shows it and the download offers it: no path, no control characters, ≤ 150 characters. */
export function safeFilename(name: string | undefined, fallback: string): string {
  const base = (name ?? '').slice(-1_000).split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"<>|:*?]+/g, '_')
    .replace(/^\.+/, '')
    .trim();
  if (!cleaned) return fallback;
  if (cleaned.length <= 150) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 150 - ext.length) + ext;
}

/** Header lines as name/value pairs: lower-case names, folded lines joined (RFC 5322 §2.2.3). */
export function headerList(lines: readonly { key: string; line: string }[]): MailHeader[] {
  return lines.slice(0, MAX_HEADERS).map(({ key, line }) => {
    const colon = line.indexOf(':');
    const value = colon === -1 ? '' : line.slice(colon + 1, colon + 1 + MAX_HEADER_VALUE);
    return { name: key.slice(0, 200).toLowerCase(), value: value.replace(/\r?\n[ \t]+/g, ' ').trim() };
  });
}
