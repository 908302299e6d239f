import { describe, expect, it } from 'vitest';
import type { KbArticle } from './kb.repository';
import { detectLanguage } from './languages';
import { KnowledgeIndex } from './search-index';
import { processTerm, queryTerms, sentences } from './text';

const article = (id: string, title: string, body: string): KbArticle => ({ id, slug: id, title, url: `/help/${id}`, tags: [], body, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });

describe('language detection', () => {
  it.each([
    ['How do I reset my password?', 'en'],
    ['Wie kann ich mein Passwort zurücksetzen?', 'de'],
    ['Antwortet am Wochenende jemand?', 'de'],
    ['Comment réinitialiser mon mot de passe ?', 'fr'],
    ['¿Cómo restablezco mi contraseña?', 'es'],
    ['Como redefino minha senha?', 'pt'],
    ['Alguém responde nos fins de semana?', 'pt'],
    ['كيف أعيد تعيين كلمة المرور؟', 'ar'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('falls back to the hint, then English, when the text has no function words', () => {
    expect(detectLanguage('2FA YubiKey', 'de')).toBe('de');
    expect(detectLanguage('2FA YubiKey')).toBe('en');
    expect(detectLanguage('2FA YubiKey', 'xx')).toBe('en');
  });
});

describe('terms in each language', () => {
  it('stems inflections together and drops the language’s stop words', () => {
    expect(queryTerms('die Rechnungen', 'de')).toEqual(queryTerms('Rechnung', 'de'));
    expect(queryTerms('les factures', 'fr')).toEqual(queryTerms('facture', 'fr'));
    expect(queryTerms('nuestras facturas', 'es')).toEqual(queryTerms('factura', 'es'));
    expect(queryTerms('minhas senhas', 'pt')).toEqual(queryTerms('senha', 'pt'));
    expect(queryTerms('الاشتراك', 'ar')).toEqual(queryTerms('اشتراكي', 'ar'));
  });

  it('reads a French elided article as the word after it, and Arabic vowel marks as spelling', () => {
    expect(processTerm("l'authentification", 'fr')).toBe(processTerm('authentification', 'fr'));
    expect(processTerm('كَلِمَة', 'ar')).toBe(processTerm('كلمة', 'ar'));
  });

  it('keeps English as before: Porter2 stems and the English stop words', () => {
    expect(queryTerms('How do I download my invoices?')).toEqual(['download', 'invoic']);
  });
});

describe('one index, articles in several languages', () => {
  const index = new KnowledgeIndex();
  index.replaceAll([
    article('en', 'Download your invoices', 'Invoices are in Admin → Billing. Click an invoice and choose Download PDF.'),
    article('de', 'Rechnungen herunterladen', 'Ihre Rechnungen finden Sie unter Admin → Abrechnung. Klicken Sie auf eine Rechnung und wählen Sie PDF herunterladen.'),
    article('fr', 'Télécharger vos factures', 'Vos factures se trouvent dans Admin → Facturation. Cliquez sur une facture et choisissez Télécharger le PDF.'),
  ]);

  it('finds each question’s article in its own language, inflections and all', () => {
    expect(index.search('Wo kann ich meine Rechnung herunterladen?')[0]?.articleId).toBe('de');
    expect(index.search('Où est-ce que je télécharge la facture ?')[0]?.articleId).toBe('fr');
    expect(index.search('Where can I download an invoice?')[0]?.articleId).toBe('en');
  });

  it('reports the article’s language with each hit', () => {
    expect(index.search('Wo kann ich meine Rechnung herunterladen?')[0]?.language).toBe('de');
  });
});

describe('sentences in each language', () => {
  it('splits Arabic and Spanish text into sentences, as it does English', () => {
    expect(sentences('يعمل الرابط مرة واحدة. تنتهي صلاحيته بعد 60 دقيقة.')).toHaveLength(2);
    expect(sentences('El enlace funciona una vez. ¿No ha llegado? Revisa la carpeta de spam.')).toHaveLength(3);
    expect(sentences('It works once. It expires after 60 minutes. e.g. not here')).toHaveLength(2);
  });
});
