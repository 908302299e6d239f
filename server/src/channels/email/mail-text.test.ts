import { describe, expect, it } from 'vitest';
import { baseSubject, cleanSubject, headerList, htmlToReadableText, limitText, readableText, safeFilename, splitReply } from './mail-text';
import { normalizeMessageId, referencedIds, ticketNumberInSubject, trimReferences } from './threading';

describe('splitReply', () => {
  it('folds a Gmail-style "On … wrote:" quote', () => {
    const r = splitReply('Still broken.\n\nOn Tue, Jan 13, 2026 at 10:05 AM Support <support@frontdesk.test> wrote:\n> Hello\n> Please retry');
    expect(r).toEqual({ body: 'Still broken.', quoted: 'On Tue, Jan 13, 2026 at 10:05 AM Support <support@frontdesk.test> wrote:\n> Hello\n> Please retry' });
  });

  it('folds Outlook’s header block (an underscore rule, From/Sent/To/Subject) and keeps the sign-off', () => {
    const r = splitReply('Thanks, that fixed it.\n\nKind regards\nJane\n\n________________________________\nFrom: Support <support@frontdesk.test>\nSent: Tuesday, January 13, 2026 10:05 AM\nTo: Jane\nSubject: [#1001] Re: Export\n\nHello Jane,\nwe received your request.');
    expect(r.body).toBe('Thanks, that fixed it.\n\nKind regards\nJane');
    expect(r.quoted).toMatch(/^_{10,}\nFrom: Support/);
    expect(r.quoted).toContain('we received your request.');
  });

  it('folds German "-----Ursprüngliche Nachricht-----" and French "a écrit :"', () => {
    expect(splitReply('Danke, das hat geholfen.\n\n-----Ursprüngliche Nachricht-----\nVon: Support\nGesendet: Dienstag\n\nHallo').body).toBe('Danke, das hat geholfen.');
    expect(splitReply('Toujours en panne.\n\nLe mar. 13 janv. 2026 à 10:05, Support <support@frontdesk.test> a écrit :\n> Bonjour').body).toBe('Toujours en panne.');
  });

  it('keeps a mail without a quote whole, and a mail that is all quote as its body', () => {
    expect(splitReply('The export fails with error 500.\n--\nJane Doe\nACME Ltd')).toEqual({ body: 'The export fails with error 500.\n--\nJane Doe\nACME Ltd', quoted: null });
    expect(splitReply('> only a quote\n> nothing else')).toEqual({ body: '> only a quote\n> nothing else', quoted: null });
    expect(splitReply('')).toEqual({ body: '', quoted: null });
  });
});

describe('htmlToReadableText', () => {
  it('keeps words, paragraphs, lists, tables and links; drops tags, styles, scripts and images', () => {
    const text = htmlToReadableText('<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><h1>Export failing</h1><p>Since this <b>morning</b> it returns &quot;Error 500&quot; &amp; nothing&nbsp;downloads.</p><ul><li>Chrome 131</li><li>Windows 11</li></ul><table><tr><td>Account</td><td>ACME-42</td></tr></table><p><a href="mailto:jane@contoso.example">jane@contoso.example</a> <a href="https://x.example/b">our portal</a></p><img src="cid:image001.png@01DB" alt="logo"></body></html>');
    expect(text).toBe('Export failing\n\nSince this morning it returns "Error 500" & nothing downloads.\n\n * Chrome 131\n * Windows 11\n\nAccount   ACME-42\n\njane@contoso.example our portal [https://x.example/b]');
  });

  it('is used only when there is no text part', () => {
    expect(readableText({ text: 'plain words', html: '<p>html words</p>' })).toBe('plain words');
    expect(readableText({ text: '', html: '<p>html <i>words</i></p>' })).toBe('html words');
    expect(readableText({ html: false })).toBe('');
  });
});

describe('subjects, names and headers', () => {
  it('baseSubject drops reply/forward prefixes in several languages and our ticket tag', () => {
    expect(baseSubject('Re: [#1001] Invoice export fails')).toBe('Invoice export fails');
    expect(baseSubject('AW: WG: RE: Rechnung')).toBe('Rechnung');
    expect(baseSubject('[#1001] Re: Invoice')).toBe('Invoice');
    expect(baseSubject('Re:')).toBe('Re:');
  });

  it('cleanSubject makes one line of at most 200 characters, never empty', () => {
    expect(cleanSubject(undefined)).toBe('(no subject)');
    expect(cleanSubject('  a\r\n\tb  ')).toBe('a b');
    expect(cleanSubject('x'.repeat(300))).toHaveLength(200);
  });

  it('safeFilename removes paths, control characters and quotes, and keeps the extension when shortening', () => {
    expect(safeFilename('../../etc/passwd', 'f')).toBe('passwd');
    expect(safeFilename('C:\\Users\\jane\\report "final".pdf', 'f')).toBe('report _final_.pdf');
    expect(safeFilename('\u0000\u0007', 'attachment-1')).toBe('_');
    expect(safeFilename('...', 'attachment-1')).toBe('attachment-1');
    expect(safeFilename(undefined, 'attachment-2.png')).toBe('attachment-2.png');
    const long = safeFilename(`${'a'.repeat(300)}.xlsx`, 'f');
    expect(long).toHaveLength(150);
    expect(long.endsWith('.xlsx')).toBe(true);
  });

  it('limitText cuts with a visible note', () => {
    const cut = limitText('x'.repeat(30_000));
    expect(cut).toHaveLength(20_000);
    expect(cut).toMatch(/cut: it is longer than 20,000 characters\]$/);
    expect(limitText('short')).toBe('short');
  });

  it('headerList unfolds folded header lines', () => {
    expect(headerList([{ key: 'Content-Type', line: 'Content-Type: multipart/report;\r\n\treport-type=delivery-status' }])).toEqual([{ name: 'content-type', value: 'multipart/report; report-type=delivery-status' }]);
  });
});

describe('threading helpers', () => {
  it('normalizes Message-IDs and lists the ids a reply names, In-Reply-To first, References newest first', () => {
    expect(normalizeMessageId(' abc@x ')).toBe('<abc@x>');
    expect(normalizeMessageId('<abc@x>')).toBe('<abc@x>');
    expect(normalizeMessageId('not an id')).toBeNull();
    expect(referencedIds('<c@x>', ['<a@x>', '<b@x>', '<c@x>'])).toEqual(['<c@x>', '<b@x>', '<a@x>']);
    expect(referencedIds(undefined, '<a@x><b@x>')).toEqual(['<b@x>', '<a@x>']);
  });

  it('finds a ticket number in a subject', () => {
    expect(ticketNumberInSubject('Re: [#1042] Export')).toBe(1042);
    expect(ticketNumberInSubject('Question about #1042')).toBe(1042);
    expect(ticketNumberInSubject('Order#1042')).toBeNull();
    expect(ticketNumberInSubject('Invoice 1042')).toBeNull();
  });

  it('trims long References to the first and the newest', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `<${i}@x>`);
    const t = trimReferences(ids);
    expect(t).toHaveLength(20);
    expect(t[0]).toBe('<0@x>');
    expect(t.at(-1)).toBe('<29@x>');
  });
});
