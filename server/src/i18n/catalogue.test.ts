import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/language';
import { textsFor } from '.';
import { en } from './en';

describe('the text catalogue', () => {
  it('is chosen by the visitor language first, then the site, English by default', () => {
    expect(textsFor('de-AT', 'fr').greeting('Kai')).toMatch(/^Hallo/);
    expect(textsFor(null, 'pt-BR').welcome).toMatch(/^De nada/);
    expect(textsFor('ja', undefined)).toBe(en);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('translates every text into %s (none left in English)', (lang) => {
    const t = textsFor(lang);
    for (const key of ['welcome', 'noAnswerOffer', 'noAnswerAgain', 'offer', 'frustratedApology', 'repeatedApology'] as const) expect(t[key], key).not.toBe(en[key]);
    expect(t.greeting('Aria')).toContain('Aria');
    expect(t.promise.solved).not.toBe(en.promise.solved);
    const notice = t.handoffNotice({ number: 42, priority: 'high', promise: '<promise>', followUp: false });
    expect(notice).toContain('42');
    expect(notice).toContain('<promise>');
    expect(notice).toContain(t.priority.high);
    expect(notice).not.toBe(en.handoffNotice({ number: 42, priority: 'high', promise: '<promise>', followUp: false }));
    // The mails: every text in the language, the numbers, links and names kept.
    const { mail } = t;
    for (const key of ['hello', 'confirmSubject', 'subject'] as const) expect(mail[key], key).not.toBe(en.mail[key]);
    for (const [status, word] of Object.entries(mail.statuses)) expect(word, status).not.toBe(en.mail.statuses[status as keyof typeof mail.statuses]);
    const body = mail.confirmBody('Acme', 1042, 'https://x.example/c');
    expect([body.includes('Acme'), body.includes('1042'), body.includes('https://x.example/c'), body !== en.mail.confirmBody('Acme', 1042, 'https://x.example/c')]).toEqual([true, true, true, true]);
    expect(mail.confirmBody('Acme', null, 'https://x.example/c')).not.toContain('null');
    expect(mail.replyFooter(1042)).toContain('[#1042]');
    expect(mail.csatBody(1042, '<links>')).toContain('<links>');
    expect(mail.transcriptSubject(1042, 'Acme')).toMatch(/^\[#1042\] .*Acme/);
    for (const text of [mail.replyFooter(1), mail.csatBody(1, ''), mail.transcriptHeading('A', 1), mail.attached('f'), mail.cut(9)]) expect(text).not.toMatch(/\b(the|your|reply|request|shown)\b/);

    // The acknowledgement and the pages: every text translated (functions called with the same arguments).
    const sample = (v: unknown) => (typeof v === 'function' ? (v as (...a: unknown[]) => string)(1042, 'Acme') : v);
    for (const key of ['helloName', 'received', 'followUp', 'addMore', 'added', 'notKept', 'tooBig', 'tooMany', 'overLimits', 'signature', 'neutralSubject'] as const) expect(sample(mail[key]), key).not.toBe(sample(en.mail[key]));
    expect(mail.received(1042)).toContain('1042');
    expect(mail.addMore(1042)).toContain('[#1042]');
    expect(mail.neutralSubject(1042)).toMatch(/^\[#1042\] /);
    const leaves = (o: object, path = ''): [string, unknown][] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? leaves(v, `${path}${k}.`) : [[`${path}${k}`, v] as [string, unknown]]));
    const english = new Map(leaves(en.pages));
    expect(leaves(t.pages).map(([k]) => k)).toEqual([...english.keys()]);
    for (const [key, value] of leaves(t.pages)) expect(sample(value), key).not.toBe(sample(english.get(key)));
    expect(t.pages.csat.about(1042, '<subject>')).toContain('<subject>');
  });
});
