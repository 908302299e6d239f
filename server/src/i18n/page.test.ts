import { describe, expect, it } from 'vitest';
import { acceptedLanguages, languageOfMail } from '.';
import { htmlPage, pageLanguage } from './page';

describe('the language of a page', () => {
  it('reads Accept-Language by weight, keeping the order of equal weights, dropping q=0 and *', () => {
    expect(acceptedLanguages('ja, fr-CH;q=0.9, de;q=0.5, *;q=0.1')).toEqual(['ja', 'fr-CH', 'de']);
    expect(acceptedLanguages('de;q=0.4,es;q=0.8,fr;q=0')).toEqual(['es', 'de']);
    expect(acceptedLanguages('pt;q=abc, ar')).toEqual(['pt', 'ar']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages(`${'x,'.repeat(5000)}de`)).toEqual(Array(20).fill('x'));
  });

  it('is ?lang=, else the customer’s, else the browser’s, else the site’s, else English', () => {
    expect(pageLanguage({ asked: 'ar', customer: ['de'], acceptLanguage: 'fr', site: 'es' })).toBe('ar');
    expect(pageLanguage({ asked: 'zz', customer: [null, 'de-AT'], acceptLanguage: 'fr', site: 'es' })).toBe('de');
    expect(pageLanguage({ asked: ['fr'], acceptLanguage: 'ja, pt-BR;q=0.5', site: 'es' })).toBe('pt');
    expect(pageLanguage({ acceptLanguage: 'ja', site: 'es' })).toBe('es');
    expect(pageLanguage({ acceptLanguage: 'ja', site: 'ja' })).toBe('en');
  });

  it('sets <html lang dir> and escapes the title', () => {
    expect(htmlPage('ar', '<b>', '')).toContain('<html lang="ar" dir="rtl">');
    expect(htmlPage('de', '<b>"x"</b>', '')).toContain('<title>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</title>');
  });

  it('takes an email’s Content-Language, else its Accept-Language; nothing we speak is null', () => {
    expect(languageOfMail('fr-FR', 'de')).toBe('fr');
    expect(languageOfMail('ja, es', null)).toBe('es');
    expect(languageOfMail(null, 'ja, de-CH;q=0.8')).toBe('de');
    expect(languageOfMail('ja', 'ko')).toBeNull();
    expect(languageOfMail(null, null)).toBeNull();
  });
});
