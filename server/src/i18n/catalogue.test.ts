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
  });
});
