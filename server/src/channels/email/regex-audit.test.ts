/**
 * Every pattern that runs on text a mail's sender chose (mail-text.ts, threading.ts, automated.ts,
 * read-mail.ts, inbound-server.ts, sender-auth.ts and mail-log.ts), run on adversarial strings under a time bound: the known worst cases
 * of the security review and strings fast-check builds from the pieces those patterns react to, at lengths
 * far beyond any real mail. A backtracking pattern takes seconds on these; a linear one, milliseconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { automatedReason, suppressesAutoResponses, type MailHeader } from './automated';
import { isSupportAddress } from './inbound-server';
import { baseSubject, cleanSubject, headerList, htmlToReadableText, readableText, safeFilename, splitReply, textForTriage } from './mail-text';
import { mailError } from './mail-log';
import { parseAuthenticationResults, trustedResults } from './sender-auth';
import { normalizeMessageId, referencedIds, ticketNumberInSubject } from './threading';

/** Time one call may take on a string of up to ~200,000 characters (generous for a slow, shared machine). */
const BOUND_MS = 250;

/** The pieces the patterns look for: whitespace runs, quote marks, quote-header words, header names, brackets. */
const PIECES = [' ', '  ', '\t', '\u00a0', '\n', '\r\n', '>', '<', '<<', '>>', ' on', ' at', 'On ', ' wrote:', 'schrieb ', ' a écrit :', 'Am ', ':', '-', '--', '_', 'From: ', 'Sent: ', 'Von: ', 'Re: ', 'AW:', '[#', '#', ']', '1', '12345', '@', 'a', 'x', '.', '"', '/', '\\', '*', 'report-type=', 'multipart/report', 'auto', 'reply', 'out of office', '=', ';', '(', ')', '((', 'dkim=pass ', 'header.d=', 'a@b', '@a.'];

/** A string of pieces repeated: the shapes that make backtracking patterns blow up are long runs of a few pieces. */
const adversarial = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1_000, max: 40_000 }), fc.constantFrom('', 'x', '\n', '>', ':', '!'))
  .map(([unit, times, tail]) => unit.join('').repeat(times).slice(0, 200_000) + tail);

/** The review's worst cases and their cousins. */
const KNOWN = [
  `${' '.repeat(80_000)}x`,
  `a${' '.repeat(80_000)}\n`,
  `${'\u00a0'.repeat(80_000)}x`,
  ' on at'.repeat(2_000),
  `On ${' on at'.repeat(2_000)}`,
  `${'>'.repeat(80_000)}x`,
  `${'<'.repeat(80_000)}x`,
  `From: ${'a '.repeat(40_000)}`,
  `${'-'.repeat(80_000)}x`,
  `${'_'.repeat(80_000)} x`,
  `${'Re: '.repeat(20_000)}x`,
  `${'[#1'.repeat(20_000)}`,
  `${'('.repeat(80_000)}x`,
  `${'a@'.repeat(40_000)}x`,
  `${';'.repeat(80_000)}x`,
];

/** Every function that runs patterns on mail text, with the input shape it gets. */
const TARGETS: [string, (s: string) => unknown][] = [
  ['readableText (text part)', (s) => readableText({ text: s })],
  ['htmlToReadableText', (s) => htmlToReadableText(`<p>${s}</p>`)],
  ['splitReply', (s) => splitReply(s)],
  ['textForTriage', (s) => textForTriage('subject', s)],
  ['cleanSubject + baseSubject', (s) => baseSubject(cleanSubject(s))],
  ['ticketNumberInSubject', (s) => ticketNumberInSubject(cleanSubject(s))],
  ['safeFilename', (s) => safeFilename(s, 'f')],
  ['headerList', (s) => headerList([{ key: 'X-Test', line: `X-Test: ${s}` }])],
  ['normalizeMessageId', (s) => normalizeMessageId(s)],
  ['referencedIds', (s) => referencedIds(s, s)],
  ['referencedIds (list)', (s) => referencedIds(undefined, s.split('\n'))],
  ['automatedReason', (s) => automatedReason({ headers: headersOf(s), envelopeFrom: s.slice(0, 320), fromAddress: s.slice(0, 320), subject: cleanSubject(s), supportEmail: 'support@frontdesk.test' })],
  ['suppressesAutoResponses', (s) => suppressesAutoResponses(headersOf(s))],
  ['isSupportAddress', (s) => isSupportAddress(s, 'support@frontdesk.test')],
  ['parseAuthenticationResults', (s) => parseAuthenticationResults(s)],
  ['trustedResults', (s) => trustedResults(headerList([{ key: 'Authentication-Results', line: `Authentication-Results: mx.test; ${s}` }]), 'mx.test', 'a@b.example')],
  ['mailError (a transport error naming addresses)', (s) => mailError(Object.assign(new Error(s), { command: s }))],
];

/** Headers as headerList makes them (that is what automatedReason gets), every one it reads set to `s`. */
function headersOf(s: string): MailHeader[] {
  const names = ['Return-Path', 'Content-Type', 'X-Failed-Recipients', 'X-Loop', 'Auto-Submitted', 'X-Autoreply', 'Precedence', 'List-Id', 'X-Auto-Response-Suppress'];
  return headerList(names.map((key) => ({ key, line: `${key}: ${s}` })));
}

function timed(fn: (s: string) => unknown, s: string): number {
  const started = performance.now();
  fn(s);
  return performance.now() - started;
}

describe('patterns on mail text', () => {
  it.each(TARGETS)('%s stays within the time bound on the known worst cases', (_name, fn) => {
    for (const s of KNOWN) expect(timed(fn, s), JSON.stringify(s.slice(0, 40))).toBeLessThan(BOUND_MS);
  });

  it.each(TARGETS)('%s stays within the time bound on generated adversarial strings', (_name, fn) => {
    fc.assert(
      fc.property(adversarial, (s) => timed(fn, s) < BOUND_MS),
      { numRuns: 40, seed: 9 },
    );
  });
});
