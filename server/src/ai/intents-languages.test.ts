/**
 * The offline engine's intents in each language it speaks: asking for a person, frustration, contact
 * questions, greetings and thanks, with look-alikes that must not trigger. These are the per-language floors
 * for intents: every listed phrase must be recognised.
 */
import { describe, expect, it } from 'vitest';
import { asksForPerson, asksHowToContact, isGreeting, isThanks, soundsFrustrated } from './intents';

const PERSON: Record<string, { yes: string[]; no: string[] }> = {
  de: { yes: ['Ich möchte mit einem Menschen sprechen', 'Mitarbeiter bitte', 'Können Sie mich mit dem Kundenservice verbinden?', 'einen echten Menschen, bitte'], no: ['Wie setze ich mein Passwort zurück?', 'Wie füge ich eine Person zu meinem Team hinzu?'] },
  fr: { yes: ['Je veux parler à un humain', 'un conseiller svp', 'Puis-je parler à quelqu’un ?', 'une vraie personne'], no: ['Comment réinitialiser mon mot de passe ?', 'Comment ajouter une personne à mon équipe ?'] },
  es: { yes: ['Quiero hablar con una persona', 'agente por favor', '¿Puedo hablar con alguien de atención al cliente?', 'una persona real'], no: ['¿Cómo restablezco mi contraseña?', '¿Cómo añado una persona a mi equipo?'] },
  pt: { yes: ['Quero falar com uma pessoa', 'atendente por favor', 'Posso falar com alguém?', 'uma pessoa de verdade'], no: ['Como redefino a minha senha?', 'Como adiciono uma pessoa à minha equipe?'] },
  ar: { yes: ['أريد التحدث مع موظف', 'ممكن أتكلم مع شخص؟', 'موظف من فضلك'], no: ['كيف أعيد تعيين كلمة المرور؟'] },
};

const FRUSTRATED: Record<string, string[]> = {
  de: ['Das ist nutzlos', 'Das hilft mir nicht'],
  fr: ['C’est inutile', 'Quelle perte de temps'],
  es: ['Esto es inútil', 'No me ayuda'],
  pt: ['Isso não ajuda', 'Que perda de tempo'],
  ar: ['هذا غير مفيد', 'مضيعة للوقت'],
};

const CONTACT: Record<string, string[]> = {
  de: ['Wie kann ich den Support telefonisch erreichen?'],
  fr: ['Comment contacter votre équipe ?'],
  es: ['¿Cómo puedo contactar con soporte?'],
  pt: ['Como posso entrar em contato com o suporte?'],
  ar: ['كيف يمكنني التواصل مع الدعم؟'],
};

const GREETING: Record<string, string> = { de: 'Hallo!', fr: 'Bonjour', es: '¡Hola!', pt: 'Olá', ar: 'مرحبا' };
const THANKS: Record<string, string> = { de: 'Danke, das hat geholfen', fr: 'Merci beaucoup', es: 'Muchas gracias', pt: 'Obrigado!', ar: 'شكرا جزيلا' };

describe.each(Object.keys(PERSON))('intents in %s', (lang) => {
  it('recognises a request for a person, and not look-alikes', () => {
    for (const text of PERSON[lang]!.yes) expect(asksForPerson(text), text).toBe(true);
    for (const text of PERSON[lang]!.no) expect(asksForPerson(text), text).toBe(false);
  });
  it('recognises frustration and contact questions, and not a plain question', () => {
    for (const text of FRUSTRATED[lang]!) expect(soundsFrustrated(text), text).toBe(true);
    for (const text of CONTACT[lang]!) expect(asksHowToContact(text), text).toBe(true);
    expect(soundsFrustrated(PERSON[lang]!.no[0]!)).toBe(false);
    expect(asksHowToContact(PERSON[lang]!.no[0]!)).toBe(false);
  });
  it('recognises a greeting and thanks', () => {
    expect(isGreeting(GREETING[lang]!)).toBe(true);
    expect(isThanks(THANKS[lang]!)).toBe(true);
    expect(isGreeting(PERSON[lang]!.no[0]!)).toBe(false);
  });
});
