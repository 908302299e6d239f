/**
 * The words of a mail as the desk shows them: the text part (any charset, decoded by mailparser), or the
 * HTML turned into readable text; the quoted history of a reply split off so the desk can fold it.
 */
import EmailReplyParser from 'email-reply-parser';
import { convert } from 'html-to-text';
import type { MailHeader } from './automated';

/** Longest text kept from one mail (characters); the rest is cut with a note (the ticket schema's limit). */
export const MAX_TEXT_LENGTH = 20_000;
/** HTML longer than this is not converted (html-to-text is slow on megabytes of markup). */
const MAX_HTML_LENGTH = 2_000_000;

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
  return tidy(text.replace(/\u00a0/g, ' '));
}

/** Normalises line ends, drops trailing spaces and runs of blank lines. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The mail's text: its text part when it has one, else its HTML made readable. */
export function readableText(parsed: { text?: string | undefined; html?: string | false | undefined }): string {
  const text = typeof parsed.text === 'string' ? tidy(parsed.text) : '';
  if (text) return text;
  return parsed.html ? htmlToReadableText(parsed.html) : '';
}

/**
 * Where a reply's quoted history starts, beyond what email-reply-parser marks as quoted: Outlook's
 * underscore rule and header block ("From: … Sent: …"), "-----Original Message-----" and its translations.
 */
const HISTORY_START = new RegExp(
  [
    '^_{10,}\\s*$',
    '^-{2,}\\s*(?:original message|ursprüngliche nachricht|message d.origine|mensaje original|messaggio originale|oorspronkelijk bericht|originalmeddelande|alkuperäinen viesti|forwarded message|weitergeleitete nachricht)\\s*-{2,}\\s*$',
    '^\\*?(?:from|von|de|van|da|från|fra|od|от)\\s*:\\*?\\s.+\\n\\*?(?:sent|date|gesendet|datum|envoyé|enviado|verzonden|inviato|skickat|sendt|wysłano|отправлено)\\s*:',
  ].join('|'),
  'im',
);

/**
 * Splits a reply into the new text and the quoted history (null when there is none). Signatures stay in the
 * text: a customer's name and company are useful to the agent.
 */
export function splitReply(text: string): { body: string; quoted: string | null } {
  if (!text) return { body: '', quoted: null };
  const fragments = new EmailReplyParser().read(text).getFragments();
  const cut = fragments.findIndex((f) => f.isQuoted() || HISTORY_START.test(f.getContent()));
  let body = (cut === -1 ? fragments : fragments.slice(0, cut)).map((f) => f.getContent()).join('\n');
  let quoted = cut === -1 ? '' : fragments.slice(cut).map((f) => f.getContent()).join('\n');
  // A history block the parser left inside one fragment (e.g. Outlook's header block in a signature fragment).
  const inner = HISTORY_START.exec(body);
  if (inner) {
    quoted = `${body.slice(inner.index)}\n${quoted}`;
    body = body.slice(0, inner.index);
  }
  body = tidy(body);
  quoted = tidy(quoted);
  // A mail that is all quote (a forward with no words of its own) keeps its text as the body.
  if (!body) return { body: tidy(text), quoted: null };
  return { body, quoted: quoted || null };
}

/** Cuts text to the stored limit with a visible note. */
export function limitText(text: string, max = MAX_TEXT_LENGTH): string {
  if (text.length <= max) return text;
  const note = '\n\n[… the rest of this email was cut: it is longer than 20,000 characters]';
  return text.slice(0, max - note.length) + note;
}

/** A subject for a ticket: one line, at most 200 characters, never empty. */
export function cleanSubject(subject: string | undefined): string {
  const s = (subject ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
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
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
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
  return lines.map(({ key, line }) => {
    const colon = line.indexOf(':');
    const value = colon === -1 ? '' : line.slice(colon + 1);
    return { name: key.toLowerCase(), value: value.replace(/\r?\n[ \t]+/g, ' ').trim() };
  });
}
