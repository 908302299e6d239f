import { describe, expect, it } from 'vitest';
import { directionOf, pickLanguage } from './language';

describe('pickLanguage', () => {
  it('takes the first candidate whose primary language we speak', () => {
    expect(pickLanguage('pt-BR')).toBe('pt');
    expect(pickLanguage('ja', 'de-AT')).toBe('de');
    expect(pickLanguage(null, undefined, ['sv-SE', 'FR'])).toBe('fr');
    expect(pickLanguage('ar-EG')).toBe('ar');
  });

  it('falls back to English for unknown or malformed tags', () => {
    expect(pickLanguage('ja', 'zh-Hant')).toBe('en');
    expect(pickLanguage('<script>', '', '--')).toBe('en');
    expect(pickLanguage()).toBe('en');
  });
});

describe('directionOf', () => {
  it('lays Arabic out right to left and the others left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('de')).toBe('ltr');
  });
});
