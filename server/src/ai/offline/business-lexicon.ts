/**
 * The business-support signals of business-signals.ts in German, French, Spanish, Portuguese and Arabic. The
 * English patterns stay there; these are word lists, compiled with Unicode-aware word edges (JavaScript's
 * `\b` knows only ASCII letters, so "é" or "ü" would end a word). A term ending in `*` is a stem and matches
 * any ending ("störung*" finds "Störungen"); any other term must be a whole word. Arabic terms are stems
 * matched anywhere, because articles and prepositions are written joined to the word.
 *
 * Tuned on the dev part of the third-party tickets, never on its test part.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function alternation(terms: readonly string[]): string {
  return terms
    .map((t) => {
      const stem = t.endsWith('*');
      const body = escape(stem ? t.slice(0, -1) : t).replace(/ /g, String.raw`\s+`);
      if (/[\u0600-\u06FF]/.test(t)) return body;
      return String.raw`(?<![\p{L}\p{N}])${body}${stem ? String.raw`\p{L}*` : String.raw`(?![\p{L}\p{N}])`}`;
    })
    .join('|');
}

/** One pattern that finds any of the terms, case-insensitively. */
export function lexicon(terms: readonly string[]): RegExp {
  return new RegExp(alternation(terms), 'iu');
}

/** A harm verb followed, within the same sentence, by what it harms ("beeinträchtigt unseren Betrieb"). */
export function harmLexicon(verbs: readonly string[], objects: readonly string[]): RegExp {
  return new RegExp(String.raw`(?:${alternation(verbs)})[^.!?\n]{0,50}?(?:${alternation(objects)})`, 'iu');
}

export const DISRUPTION_TERMS = [
  // de
  'ausfall*', 'ausgefallen', 'störung*', 'gestört', 'unterbrech*', 'nicht erreichbar', 'nicht verfügbar', 'abgestürzt', 'absturz*', 'stürzt ab', 'funktioniert nicht mehr',
  'datenverlust*', 'sicherheitsverletzung*', 'datenleck*', 'unbefugt*', 'kein zugriff', 'nicht zugreifen', 'lahmgelegt', 'stillstand',
  // fr
  'panne*', 'interruption*', 'hors service', 'inaccessible*', 'indisponible*', 'planté*', 'perte de données', 'violation de données', 'fuite de données',
  'accès non autorisé', 'ne fonctionne plus', 'arrêt*',
  // es
  'caída*', 'caído', 'interrupci*', 'fuera de servicio', 'inaccesible*', 'no disponible', 'se bloquea', 'pérdida de datos', 'violación de datos', 'filtración*',
  'acceso no autorizado', 'dejó de funcionar', 'interrump*',
  // pt
  'queda*', 'fora do ar', 'interrupç*', 'indisponível', 'inacessível', 'travando', 'perda de dados', 'violação de dados', 'vazamento*', 'acesso não autorizado',
  'parou de funcionar',
  // ar
  'انقطاع', 'توقف', 'اختراق', 'تعطل', 'لا يمكن الوصول', 'فقدان البيانات',
];

export const CLAIMED_TERMS = [
  'dringend*', 'sofort*', 'umgehend*', 'schnellstmöglich*', 'so schnell wie möglich', 'kritisch*', 'notfall*', 'eilig*', 'höchste priorität', 'unverzüglich*',
  'urgent*', 'urgence*', 'immédiat*', 'dès que possible', 'au plus vite', 'critique*', 'prioritaire*', 'sans délai',
  'urgente*', 'urgencia*', 'inmediat*', 'lo antes posible', 'cuanto antes', 'crítico*', 'crítica*', 'prioritari*', 'sin demora',
  'urgência*', 'imediat*', 'o mais rápido possível', 'o quanto antes', 'prioritári*', 'sem demora',
  'عاجل', 'فورا', 'فوراً', 'طارئ', 'حرج',
];

export const PROBLEM_TERMS = [
  'problem*', 'fehler*', 'funktioniert nicht', 'defekt*', 'schwierigkeit*', 'langsam*', 'verzögerung*', 'falsch*', 'fehlgeschlagen',
  'problème*', 'erreur*', 'ne fonctionne pas', 'dysfonctionnement*', 'défaillance*', 'difficulté*', 'bug*', 'lent*', 'retard*', 'incorrect*', 'échec*',
  'problema*', 'error*', 'no funciona', 'fallo*', 'falla*', 'dificultad*', 'lento*', 'retraso*', 'incorrect*', 'avería*',
  'erro*', 'não funciona', 'falha*', 'dificuldade*', 'atraso*', 'incorret*', 'defeito*',
  'مشكلة', 'مشكل', 'خطأ', 'لا يعمل', 'عطل',
];

export const HARM_VERBS = [
  'beeinträchtig*', 'betrifft', 'betroffen*', 'behindert*', 'gefährdet*', 'stört*', 'blockiert*',
  'affect*', 'impact*', 'perturb*', 'bloqu*', 'entrav*', 'compromet*',
  'afect*', 'interrump*', 'perjudic*',
  'afet*', 'interromp*', 'prejudic*',
  'يؤثر', 'تأثير',
];

export const HARM_OBJECTS = [
  'betrieb*', 'geschäft*', 'abläufe*', 'kunden*', 'produktion*', 'umsatz*', 'team*', 'mitarbeiter*', 'arbeit*',
  'activités', 'activité', 'opérations', 'entreprise*', 'clients', 'production', 'équipe*', "chiffre d'affaires",
  'operaciones', 'negocio*', 'empresa*', 'clientes', 'producción', 'equipo*', 'ventas', 'ingresos', 'actividad*',
  'operações', 'negócio*', 'produção', 'equipe*', 'vendas', 'receita*', 'atividades',
  'العمل', 'العملاء', 'الشركة',
];

/** Harm to the organisation named outright, without a verb. */
export const ORG_HARM_TERMS = [
  'geschäftsbetrieb*', 'geschäftsabläufe*', 'betriebsabläufe*', 'patientendaten', 'kundendaten', 'sensible daten', 'medizinische daten', 'umsatzverlust*',
  'données sensibles', 'données des patients', 'données médicales', 'données clients', 'perte de revenus', 'perte de chiffre',
  'datos sensibles', 'datos de pacientes', 'datos médicos', 'datos de clientes', 'pérdida de ingresos',
  'dados sensíveis', 'dados de pacientes', 'dados médicos', 'dados de clientes', 'perda de receita',
];

export const PURCHASED_TERMS = [
  'gekauft', 'erworben', 'bestellung*', 'bestellnummer*', 'abonnement*', 'lizenz*', 'kundennummer*', 'kontonummer*',
  'acheté*', 'commande*', 'numéro de commande', 'licence*', 'numéro de compte',
  'compré', 'comprado*', 'adquirido*', 'pedido*', 'número de pedido', 'suscripción*', 'licencia*', 'número de cuenta',
  'comprei', 'assinatura*', 'licença*', 'número do pedido', 'número da conta',
];

export const SHARED_SYSTEM_TERMS = [
  'server*', 'plattform*', 'datenbank*', 'netzwerk*', 'infrastruktur*', 'systeme', 'webseite*', 'cloud*', 'dashboard*', 'integration*',
  'serveur*', 'plateforme*', 'base de données', 'réseau*', 'infrastructure*', 'système*', 'site web', 'tableau de bord',
  'servidor*', 'plataforma*', 'base de datos', 'infraestructura*', 'sistema*', 'sitio web', 'nube',
  'banco de dados', 'rede', 'infraestrutura*', 'nuvem', 'painel',
];
