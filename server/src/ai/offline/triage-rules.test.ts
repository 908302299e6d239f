/**
 * The offline triage in the languages Kai reads besides English: the same label principles
 * (server/src/ai/eval/README.md) must hold whatever language the customer writes in, and each level comes with
 * the customer's own words. The English cases are in offline-engine.test.ts and the evaluation sets.
 */
import { describe, expect, it } from 'vitest';
import type { Level } from '../../../../shared/priority';
import { triageOffline } from './triage-rules';

interface Case {
  text: string;
  urgency: Level;
  impact: Level;
  /** Words the reasons or the evidence must quote. */
  quotes?: string;
}

/** The same situations in German, Spanish, French and Portuguese. */
const CASES: Record<string, Case[]> = {
  'nobody in the organisation can sign in': [
    { text: 'Niemand in unserem Unternehmen kann sich seit heute Morgen anmelden.', urgency: 'high', impact: 'high' },
    { text: 'Nadie de la empresa puede iniciar sesión desde esta mañana.', urgency: 'high', impact: 'high' },
    { text: "Personne dans l'entreprise ne peut se connecter depuis ce matin.", urgency: 'high', impact: 'high' },
    { text: 'Ninguém da empresa consegue entrar desde hoje de manhã.', urgency: 'high', impact: 'high' },
  ],
  'hundreds of staff cannot open their files': [
    { text: 'Seit heute können 400 Mitarbeiter keine Dateien öffnen.', urgency: 'high', impact: 'high', quotes: '400 mitarbeiter' },
    { text: 'Desde hoy 400 empleados no pueden abrir sus archivos.', urgency: 'high', impact: 'high', quotes: '400 empleados' },
    { text: "Depuis ce matin, 400 employés n'arrivent pas à ouvrir leurs fichiers.", urgency: 'high', impact: 'high', quotes: '400 employés' },
    { text: 'Desde hoje 400 funcionários não conseguem abrir os arquivos.', urgency: 'high', impact: 'high', quotes: '400 funcionários' },
  ],
  'one member of their team cannot sign in (someone, not nobody)': [
    { text: 'Eine Person in meinem Team kann sich nicht anmelden.', urgency: 'high', impact: 'medium', quotes: 'meinem team' },
    { text: 'Una persona de mi equipo no puede iniciar sesión.', urgency: 'high', impact: 'medium', quotes: 'mi equipo' },
    { text: 'Une personne de mon équipe ne peut pas se connecter.', urgency: 'high', impact: 'medium', quotes: 'mon équipe' },
    { text: 'Uma pessoa da minha equipe não consegue fazer login.', urgency: 'high', impact: 'medium', quotes: 'minha equipe' },
  ],
  'blocked, but with a workaround': [
    { text: 'Wir können nicht auf die Plattform zugreifen, nutzen aber vorerst die mobile App.', urgency: 'medium', impact: 'medium', quotes: 'vorerst' },
    { text: 'No podemos acceder a la plataforma; por ahora usamos la aplicación móvil.', urgency: 'medium', impact: 'medium', quotes: 'por ahora' },
    { text: "Nous ne pouvons pas accéder à la plateforme ; pour l'instant nous utilisons l'application mobile.", urgency: 'medium', impact: 'medium', quotes: "pour l'instant" },
    { text: 'Não conseguimos acessar a plataforma; por enquanto usamos o aplicativo.', urgency: 'medium', impact: 'medium', quotes: 'por enquanto' },
  ],
  'an invoice due within hours': [
    { text: 'Die Rechnung muss heute Abend bezahlt sein, sonst wird das Konto gesperrt.', urgency: 'high', impact: 'medium', quotes: 'heute abend' },
    { text: 'La factura tiene que estar pagada esta noche o suspenden la cuenta.', urgency: 'high', impact: 'medium', quotes: 'esta noche' },
    { text: 'La facture doit être payée ce soir, sinon le compte sera suspendu.', urgency: 'high', impact: 'medium', quotes: 'ce soir' },
    { text: 'A fatura precisa ser paga hoje à noite, senão a conta será suspensa.', urgency: 'high', impact: 'medium', quotes: 'hoje à noite' },
  ],
  'a wrong invoice that the customer says is not urgent': [
    { text: 'Nicht dringend, aber die Rechnung ist falsch.', urgency: 'medium', impact: 'medium', quotes: 'rechnung' },
    { text: 'No es urgente, pero la factura tiene un error.', urgency: 'medium', impact: 'medium', quotes: 'factura' },
    { text: "Ce n'est pas urgent, mais la facture est incorrecte.", urgency: 'medium', impact: 'medium', quotes: 'facture' },
    { text: 'Não é urgente, mas a fatura está incorreta.', urgency: 'medium', impact: 'medium', quotes: 'fatura' },
  ],
  'a how-to marked urgent': [
    { text: 'Dringend: Wie kann ich mein Profilbild ändern?', urgency: 'low', impact: 'low', quotes: 'dringend' },
    { text: 'Urgente: ¿Cómo puedo cambiar mi foto de perfil?', urgency: 'low', impact: 'low', quotes: 'urgente' },
    { text: 'Urgent : comment puis-je changer ma photo de profil ?', urgency: 'low', impact: 'low', quotes: 'urgent' },
    { text: 'Urgente: como posso mudar minha foto de perfil?', urgency: 'low', impact: 'low', quotes: 'urgente' },
  ],
  'called urgent, with harm to their operations and no word for a fault': [
    { text: 'Dringend: Das neue Release beeinträchtigt unseren Betrieb.', urgency: 'high', impact: 'medium', quotes: 'beeinträchtigt unseren betrieb' },
    { text: 'Urgente: la nueva versión afecta a nuestras operaciones.', urgency: 'high', impact: 'medium', quotes: 'afecta a nuestras operaciones' },
    { text: 'Urgent : la nouvelle version perturbe nos opérations.', urgency: 'high', impact: 'medium', quotes: 'perturbe nos opérations' },
    { text: 'Urgente: a nova versão está afetando nossas operações.', urgency: 'high', impact: 'medium', quotes: 'afetando nossas operações' },
  ],
  'blocked, but the customer rates it medium priority': [
    { text: 'Mittlere Priorität: Wir können seit heute Morgen nicht auf den Server zugreifen.', urgency: 'medium', impact: 'medium', quotes: 'mittlere priorität' },
    { text: 'Prioridad media: no podemos acceder al servidor desde esta mañana.', urgency: 'medium', impact: 'medium', quotes: 'prioridad media' },
    { text: 'Priorité moyenne : nous ne pouvons pas accéder au serveur depuis ce matin.', urgency: 'medium', impact: 'medium', quotes: 'priorité moyenne' },
    { text: 'Prioridade média: não conseguimos acessar o servidor desde hoje de manhã.', urgency: 'medium', impact: 'medium', quotes: 'prioridade média' },
  ],
  'something wrong for the whole company ("our company")': [
    { text: 'Die Rechnungen für unser Unternehmen sind falsch.', urgency: 'medium', impact: 'high', quotes: 'unser unternehmen' },
    { text: 'Las facturas de nuestra empresa son incorrectas.', urgency: 'medium', impact: 'high', quotes: 'nuestra empresa' },
    { text: 'Les factures de notre entreprise sont incorrectes.', urgency: 'medium', impact: 'high', quotes: 'notre entreprise' },
    { text: 'As faturas da nossa empresa estão incorretas.', urgency: 'medium', impact: 'high', quotes: 'nossa empresa' },
  ],
  'a fault that holds up "my" work, not the organisation\'s': [
    { text: 'Der Absturz beeinträchtigt meine Arbeit.', urgency: 'medium', impact: 'low' },
    { text: 'El fallo afecta mi productividad.', urgency: 'medium', impact: 'low' },
    { text: 'La panne perturbe mon activité.', urgency: 'medium', impact: 'low' },
    { text: 'A falha prejudica minha produção.', urgency: 'medium', impact: 'low' },
  ],
  'a fault the customer calls minor': [
    { text: 'Ein kleines Problem: Die Tastatur reagiert manchmal verzögert.', urgency: 'low', impact: 'low', quotes: 'kleines problem' },
    { text: 'Un problema menor: el teclado a veces no responde.', urgency: 'low', impact: 'low', quotes: 'problema menor' },
    { text: 'Un petit problème : le clavier répond parfois avec retard.', urgency: 'low', impact: 'low', quotes: 'petit problème' },
    { text: 'Um pequeno problema: o teclado às vezes não responde.', urgency: 'low', impact: 'low', quotes: 'pequeno problema' },
  ],
  'called minor, but work has stopped': [
    { text: 'Kleines Problem, aber wir können seit heute Morgen nicht auf den Server zugreifen.', urgency: 'high', impact: 'medium' },
    { text: 'Un problema menor, pero no podemos acceder al servidor desde esta mañana.', urgency: 'high', impact: 'medium' },
  ],
  'something cosmetic that only they see': [
    { text: 'Nur bei mir ist das Logo unscharf.', urgency: 'low', impact: 'low', quotes: 'nur bei mir' },
    { text: 'Solo a mí se me ve borroso el logo.', urgency: 'low', impact: 'low', quotes: 'solo a mí' },
    { text: 'Le logo est flou, mais seulement pour moi : il ne concerne que moi.', urgency: 'low', impact: 'low', quotes: 'que moi' },
    { text: 'Só comigo o logo aparece borrado.', urgency: 'low', impact: 'low', quotes: 'só comigo' },
  ],
};

/** Security incidents in progress: high urgency and the security category in every language, not only English. */
const INCIDENTS: Record<string, string[]> = {
  'a password typed into a phishing page': [
    'Mein Kollege hat auf eine Phishing-Seite geklickt und dort sein Kennwort eingetippt.',
    'Mi compañero abrió un enlace de phishing y puso ahí sus credenciales.',
    "Une collègue a suivi un lien d'hameçonnage et y a saisi ses identifiants.",
    'Um colega abriu um e-mail de phishing e informou a senha dele na página.',
    'فتح زميلي رابط تصيد وكتب كلمة المرور الخاصة به',
  ],
  'a credential that leaked': [
    'Das Token unserer Integration wurde in einem Forum veröffentlicht.',
    'El token de nuestra integración quedó expuesto en un foro.',
    'Les identifiants de notre intégration ont fuité sur un forum.',
    'As credenciais da nossa integração vazaram num fórum.',
    'تسريب مفتاح التكامل الخاص بنا في منتدى',
  ],
  'an account broken into': [
    'Jemand hat das Konto unserer Buchhaltung gehackt.',
    'Alguien hackeó la cuenta de nuestra contable.',
    'Quelqu’un a piraté le compte de notre comptable.',
    'Alguém invadiu a conta da nossa contadora.',
    'اخترق أحدهم حساب المحاسبة لدينا',
  ],
};

describe.each(Object.entries(INCIDENTS))('offline triage of a security incident in other languages: %s', (_, texts) => {
  it.each(texts)('%s', (text) => {
    const t = triageOffline(text);
    expect(t.category).toBe('security');
    expect(t.urgency).toBe('high');
    expect(t.urgencyReason).toMatch(/^Security incident/);
  });
});

describe.each(Object.entries(CASES))('offline triage in other languages: %s', (_, cases) => {
  it.each(cases)('$text', ({ text, urgency, impact, quotes }) => {
    const t = triageOffline(text);
    expect({ urgency: t.urgency, impact: t.impact }).toEqual({ urgency, impact });
    expect(t.urgencyReason.length).toBeGreaterThan(0);
    expect(t.impactReason.length).toBeGreaterThan(0);
    if (quotes) expect(`${t.urgencyReason} ${t.impactReason} ${t.evidence.join(' ')}`.toLowerCase()).toContain(quotes);
  });
});

describe('offline triage: words that look like a signal but are not', () => {
  it('reads Office 365 and Microsoft Teams as products, not as a team or an office', () => {
    expect(triageOffline('Excel in Office 365 is slow when I open large sheets.').impact).toBe('low');
    expect(triageOffline('My Microsoft Teams client crashes when I share my screen.').impact).toBe('low');
    expect(triageOffline('Our marketing team cannot open the shared drive.').impact).toBe('medium');
  });

  it('does not read a claim of urgency that the customer denies as one, in English either', () => {
    const denied = triageOffline('Not urgent, but the upload fails with an error.');
    expect(denied.urgency).toBe('medium');
    expect(triageOffline('Urgent: the upload fails with an error.').urgency).toBe('high');
  });

  it('reads a German "cannot" whose negation and verb stand apart from the modal (the verb comes last)', () => {
    const t = triageOffline('Wir können seit heute Morgen nicht auf den Server zugreifen.');
    expect(t.urgency).toBe('high');
    expect(t.urgencyReason).toMatch(/^Blocked from working/);
  });

  it('does not take a question whether something works for a blocked worker', () => {
    expect(triageOffline('Ich möchte wissen, ob ich nicht auch offline arbeiten kann.').urgency).toBe('low');
  });
});
