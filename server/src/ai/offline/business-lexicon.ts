/**
 * The business-support signals of business-signals.ts in German, French, Spanish, Portuguese and Arabic. The
 * English patterns stay there; these are word lists matched against the message's words (split once, in
 * linear time, Unicode-aware: JavaScript's `\b` knows only ASCII letters). A term ending in `*` is a stem and
 * matches any ending ("störung*" finds "Störungen"); a one-word term that starts with `*` also matches inside
 * a longer word, for German compounds, whose last part is the head ("*problem*" finds "Zahlungsprobleme",
 * "Heizproblem"); any other term must be whole words. Arabic words may sit inside a longer written word,
 * because articles and prepositions are written joined to the word.
 *
 * Tuned on the dev part of the third-party tickets, never on its test part.
 */

/** The lower-cased words of each sentence: one linear pass, so no pattern ever backtracks over visitor text. */
export function sentenceWords(text: string): string[][] {
  const sentences: string[][] = [];
  let current: string[] = [];
  for (const [token] of text.toLowerCase().matchAll(/[\p{L}\p{N}'’]+|[.!?\n]/gu)) {
    if (/^[.!?\n]$/.test(token)) {
      if (current.length > 0) sentences.push(current);
      current = [];
    } else current.push(token);
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

const ARABIC = /[\u0600-\u06FF]/;

interface Term {
  words: string[];
  /** The last word is a stem: any word that starts with it matches. */
  stem: boolean;
  /** Arabic: each word may sit inside a longer written word (joined articles and prepositions). */
  inside: boolean;
}

function parseTerm(term: string): Term {
  const compound = term.startsWith('*');
  const bare = compound ? term.slice(1) : term;
  const stem = bare.endsWith('*');
  return { words: (stem ? bare.slice(0, -1) : bare).split(' '), stem, inside: compound || ARABIC.test(term) };
}

function wordMatches(term: Term, k: number, word: string): boolean {
  const want = term.words[k]!;
  if (term.inside) return word.includes(want);
  return term.stem && k === term.words.length - 1 ? word.startsWith(want) : word === want;
}

/** Where a term starts in a sentence's words, or -1; returns the index after its last word via `end`. */
function termAt(term: Term, words: readonly string[], i: number): number {
  for (let k = 0; k < term.words.length; k++) if (i + k >= words.length || !wordMatches(term, k, words[i + k]!)) return -1;
  return i + term.words.length;
}

/** Words that deny what follows them ("nicht dringend", "no es urgente", "n'est pas urgent", "não é urgente"). */
export const NEGATION_TERMS = ['not', "isn't", 'isn’t', "wasn't", 'nicht', 'kein*', 'pas', 'non', 'no', 'nada', 'ningún', 'ninguna', 'não', 'nem', 'nenhum*', 'ليس', 'غير'];

/** Words before a term that cancel it, and how many words before it they may stand. */
export interface Cancel {
  terms: readonly string[];
  window: number;
}

/** A claim denied by a negation just before it is no claim. */
export const DENIED: Cancel = { terms: NEGATION_TERMS, window: 2 };

/** A word list: finds the first of its terms in a message's words. */
export class Lexicon {
  readonly #terms: Term[];
  readonly #cancel: { lexicon: Lexicon; window: number } | null;

  /** With `unlessAfter`, a term right after one of its words does not count ("nicht dringend", "une personne"). */
  constructor(terms: readonly string[], options: { unlessAfter?: Cancel } = {}) {
    this.#terms = terms.map(parseTerm);
    const cancel = options.unlessAfter;
    this.#cancel = cancel ? { lexicon: new Lexicon(cancel.terms), window: cancel.window } : null;
  }

  /** The words of the first term found, or null. */
  find(sentences: readonly (readonly string[])[]): string | null {
    for (const words of sentences) {
      for (let i = 0; i < words.length; i++) {
        const end = this.matchAt(words, i);
        if (end > 0) return words.slice(i, end).join(' ');
      }
    }
    return null;
  }

  /** The index after the term that starts at word i, or -1 (also when the words before it cancel it). */
  matchAt(words: readonly string[], i: number): number {
    for (const t of this.#terms) {
      const end = termAt(t, words, i);
      if (end > 0) return this.#cancelled(words, i) ? -1 : end;
    }
    return -1;
  }

  #cancelled(words: readonly string[], i: number): boolean {
    if (!this.#cancel) return false;
    for (let j = Math.max(0, i - this.#cancel.window); j < i; j++) if (this.#cancel.lexicon.matchAt(words, j) > 0) return true;
    return false;
  }
}

/**
 * A term followed, within a few words of the same sentence, by another: a harm verb and what it harms
 * ("beeinträchtigt unseren Betrieb"), or "nobody" and "can" ("Niemand in unserem Team kann…").
 */
export class NearLexicon {
  readonly #verbs: Lexicon;
  readonly #objects: Lexicon | NearLexicon;
  readonly #window: number;

  /** `window`: how many words after the first term the second may start; the second may itself be a pair. */
  constructor(verbs: readonly string[] | Lexicon, objects: readonly string[] | Lexicon | NearLexicon, window = 8) {
    this.#verbs = verbs instanceof Lexicon ? verbs : new Lexicon(verbs);
    this.#objects = objects instanceof Lexicon || objects instanceof NearLexicon ? objects : new Lexicon(objects);
    this.#window = window;
  }

  find(sentences: readonly (readonly string[])[]): string | null {
    for (const words of sentences) {
      for (let i = 0; i < words.length; i++) {
        const end = this.matchAt(words, i);
        if (end > 0) return words.slice(i, end).join(' ');
      }
    }
    return null;
  }

  /** If the first term starts at `i` and the second follows in the window, the index after the second; else -1. */
  matchAt(words: readonly string[], i: number): number {
    const verbEnd = this.#verbs.matchAt(words, i);
    if (verbEnd < 0) return -1;
    for (let j = verbEnd; j < Math.min(words.length, verbEnd + this.#window); j++) {
      const end = this.#objects.matchAt(words, j);
      if (end > 0) return end;
    }
    return -1;
  }
}

export const DISRUPTION_TERMS = [
  // de
  'ausfall*', 'ausgefallen', 'störung*', 'gestört', 'unterbrech*', 'nicht erreichbar', 'nicht verfügbar', 'abgestürzt', 'absturz*', 'stürzt ab', 'funktioniert nicht mehr',
  // compounds by their head: "Serverausfall", "Dienstunterbrechung", "Systemabsturz", "Netzwerkstörung"
  '*ausfall*', '*unterbrechung*', '*absturz*', '*störung*',
  'datenverlust*', '*datenverlust*', 'sicherheitsverletzung*', 'datenleck*', 'unbefugt*', 'kein zugriff', 'nicht zugreifen', 'lahmgelegt', 'stillstand',
  'nicht anmelden', 'keine verbindung', 'nicht verbinden', 'nicht mehr nutzen', 'nicht nutzen', 'nicht mehr verwenden',
  // fr
  'panne*', 'interruption*', 'hors service', 'inaccessible*', 'indisponible*', 'planté*', 'perte de données', 'violation de données', 'fuite de données',
  'accès non autorisé', 'ne fonctionne plus', 'arrêt*',
  "impossible d'accéder", 'impossible de se connecter', 'impossible de me connecter', "impossible d'utiliser", 'peux pas accéder', 'pouvons pas accéder',
  'peux pas me connecter', 'pouvons pas nous connecter', 'peux pas utiliser', 'pouvons pas utiliser',
  // es
  'caída*', 'caído', 'interrupci*', 'fuera de servicio', 'inaccesible*', 'no disponible', 'se bloquea', 'pérdida de datos', 'violación de datos', 'filtración*',
  'acceso no autorizado', 'dejó de funcionar', 'interrump*',
  'no puedo acceder', 'no podemos acceder', 'no pueden acceder', 'no puedo conectar*', 'no podemos conectar*', 'no puedo iniciar sesión', 'no podemos iniciar sesión',
  'no puedo usar', 'no podemos usar', 'no puedo utilizar', 'no podemos utilizar', 'imposible acceder', 'sin acceso',
  // pt
  'queda*', 'fora do ar', 'interrupç*', 'indisponível', 'inacessível', 'travando', 'perda de dados', 'violação de dados', 'vazamento*', 'acesso não autorizado',
  'parou de funcionar',
  'não consigo acessar', 'não conseguimos acessar', 'não conseguem acessar', 'não consigo conectar*', 'não conseguimos conectar*', 'não consigo fazer login',
  'não conseguimos fazer login', 'não consigo usar', 'não conseguimos usar', 'não consigo utilizar', 'não conseguimos utilizar', 'sem acesso',
  // ar
  'انقطاع', 'توقف', 'اختراق', 'تعطل', 'لا يمكن الوصول', 'فقدان البيانات',
];

export const CLAIMED_TERMS = [
  'dringend*', 'sofort*', 'umgehend*', 'unmittelbar*', 'schnellstmöglich*', 'so schnell wie möglich', 'kritisch*', 'notfall*', 'eilig*', 'höchste priorität', 'unverzüglich*',
  'urgent*', 'urgence*', 'immédiat*', 'dès que possible', 'au plus vite', 'critique*', 'prioritaire*', 'sans délai',
  'urgente*', 'urgencia*', 'inmediat*', 'lo antes posible', 'cuanto antes', 'crítico*', 'crítica*', 'prioritari*', 'sin demora',
  'urgência*', 'imediat*', 'o mais rápido possível', 'o quanto antes', 'prioritári*', 'sem demora',
  // a high priority stated outright (the English "high priority" is in business-signals.ts)
  'hohe priorität', 'hoher priorität', 'hohen priorität', 'haute priorité', 'priorité haute', 'priorité élevée',
  'alta prioridad', 'prioridad alta', 'alta prioridade', 'prioridade alta',
  'عاجل', 'فورا', 'فوراً', 'طارئ', 'حرج',
];

/** A priority below high that the customer states outright ("Vorfall mittlerer Priorität", "priorité moyenne"). */
export const STATED_MEDIUM_TERMS = [
  'mittlere priorität', 'mittlerer priorität', 'mittleren priorität', 'normale priorität', 'normaler priorität',
  'priorité moyenne', 'moyenne priorité', 'priorité normale', 'priorité modérée',
  'prioridad media', 'media prioridad', 'prioridad moderada', 'prioridad normal',
  'prioridade média', 'média prioridade', 'prioridade moderada', 'prioridade normal',
];
export const STATED_LOW_TERMS = [
  'niedrige priorität', 'niedriger priorität', 'niedrigen priorität', 'geringe priorität', 'geringer priorität',
  'priorité basse', 'basse priorité', 'priorité faible', 'faible priorité',
  'prioridad baja', 'baja prioridad', 'prioridade baixa', 'baixa prioridade',
];

/** A fault the customer calls minor. */
export const MINOR_TERMS = [
  'kleines problem', 'kleinen problem', 'kleine probleme', 'kleiner fehler', 'kleinen fehler', 'geringfügig*',
  'léger problème', 'légers problèmes', 'petit problème', 'petits problèmes', 'problème mineur', 'problèmes mineurs',
  'problema menor', 'problemas menores', 'pequeño problema', 'pequeños problemas', 'fallo menor',
  'pequeno problema', 'pequenos problemas', 'problema pequeno',
];

export const PROBLEM_TERMS = [
  'problem*', '*problem*', 'fehler*', '*fehler*', 'beschädigt*', 'kaputt*', 'funktioniert nicht', 'defekt*', 'schwierigkeit*', 'langsam*', 'verzögerung*', 'falsch*', 'fehlgeschlagen',
  'problème*', 'erreur*', 'endommagé*', 'cassé*', 'défectueu*', 'ne fonctionne pas', 'dysfonctionnement*', 'défaillance*', 'difficulté*', 'bug*', 'lent*', 'retard*', 'incorrect*', 'échec*',
  'problema*', 'error*', 'dañad*', 'defectuos*', 'no funciona', 'fallo*', 'falla*', 'dificultad*', 'lento*', 'retraso*', 'incorrect*', 'avería*',
  'erro*', 'danificad*', 'defeituos*', 'não funciona', 'falha*', 'dificuldade*', 'atraso*', 'incorret*', 'defeito*',
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

/** "My" before what is harmed ("beeinträchtigt meine Arbeit", "afecta mi productividad"): one person's work, not the organisation's. */
export const MY: Cancel = { terms: ['mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines', 'mon', 'ma', 'mes', 'mi', 'mis', 'meu', 'minha', 'meus', 'minhas'], window: 2 };

/** Harm to the organisation named outright, without a verb. */
export const ORG_HARM_TERMS = [
  'geschäftsbetrieb*', 'geschäftsabläufe*', 'betriebsabläufe*', 'patientendaten', 'kundendaten', 'sensible daten', 'medizinische daten', 'umsatzverlust*',
  'einnahmeverlust*', 'produktionsserver*', 'produktionsumgebung*', 'produktivsystem*',
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

/** The account and its billing (triage-rules.ts has the English words): the organisation's money, not one person's settings. */
export const BILLING_TERMS = [
  // de ("Doppelzahlung", "Rückzahlung": compounds by their head; not "*rechnung", which is also "Berechnung", a calculation)
  'rechnung*', 'abrechnung*', 'zahlung*', '*zahlung', 'rückerstattung*', 'erstattung*', 'gebühr*', 'abbuchung*',
  // fr and es (facture, facturation, factura, facturación)
  'factur*', 'paiement*', 'remboursement*', 'prélèvement*',
  'cobro*', 'cargos', 'reembolso*', 'pago*',
  // pt
  'fatura*', 'faturamento', 'cobrança*', 'cobrad*', 'pagamento*',
];

/** An organisation speaking of its own ("our"): with a pressing request about shared systems, its operations wait. */
export const ORG_VOICE_TERMS = ['unser*', 'notre', 'nos', 'nuestro*', 'nuestra*', 'nosso*', 'nossa*'];

/** Hardware a customer buys (the brand and model names are the same in every language). */
export const DEVICE_TERMS = [
  'laptop*', 'notebook*', 'drucker*', 'router*', 'monitor*', 'smartphone*', 'tablet*', 'fernseher*', 'headset*', 'webcam*', 'beamer*',
  'portable*', 'ordinateur portable', 'imprimante*', 'routeur*', 'téléviseur*', 'tablette*', 'casque*',
  'portátil*', 'impresora*', 'enrutador*', 'televisor*', 'tableta*', 'auriculares',
  'impressora*', 'roteador*', 'televisão',
  'macbook*', 'ipad*', 'iphone*', 'galaxy', 'xps', 'thinkpad',
];

export const SHARED_SYSTEM_TERMS = [
  'server*', '*server*', 'plattform*', 'datenbank*', 'netzwerk*', 'infrastruktur*', 'systeme', 'webseite*', 'cloud*', 'dashboard*', 'integration*',
  'serveur*', 'plateforme*', 'base de données', 'réseau*', 'infrastructure*', 'système*', 'site web', 'tableau de bord',
  'servidor*', 'plataforma*', 'base de datos', 'infraestructura*', 'sistema*', 'sitio web', 'nube',
  'banco de dados', 'rede', 'infraestrutura*', 'nuvem', 'painel',
];

/**
 * What triage-rules.ts reads in English, in the other languages: who is affected, whether work has stopped, a
 * deadline within hours. Whole phrases, so that a common word ("hoy", "heute", "personne") does not count alone.
 */
export const WIDE_TERMS = [
  'alle mitarbeiter*', 'alle benutzer*', 'alle nutzer*', 'alle kunden', 'alle unsere*', 'das ganze unternehmen', 'das gesamte unternehmen', 'die ganze firma',
  'die gesamte firma', 'unternehmensweit*', 'firmenweit*',
  'unser unternehmen', 'unseres unternehmens', 'unserem unternehmen', 'unsere firma', 'unserer firma', 'unsere organisation', 'unserer organisation',
  'nuestra empresa', 'nuestra organización', 'nuestra compañía', 'notre entreprise', 'notre société', 'notre organisation', 'nossa empresa', 'nossa organização',
  'todos los usuarios', 'todos los empleados', 'todos los clientes', 'todos nuestros', 'todas nuestras', 'toda la empresa', 'toda la organización', 'toda la compañía',
  'tous les utilisateurs', 'tous les employés', 'tous les salariés', 'tous les clients', 'tous nos', 'toutes nos', "toute l'entreprise", "toute l'organisation", 'toute la société',
  'todos os usuários', 'todos os funcionários', 'todos os colaboradores', 'todos os clientes', 'todos os nossos', 'todas as nossas', 'toda a empresa', 'toda a organização',
];

/** Nobody (first list) can (second list), a few words apart: "Niemand in unserem Büro kann…", "Personne dans l'équipe ne peut…". */
export const NOBODY_TERMS = ['niemand', 'keiner', 'nadie', 'ninguno', 'ninguém', 'personne', 'aucun'];
/** "Une personne", "la personne", "cada uno": an article makes "personne" (or "ninguno") someone, not nobody. */
export const NOT_NOBODY: Cancel = { terms: ['une', 'la', 'cette', 'chaque', 'une autre', 'el', 'un', 'cada'], window: 1 };
export const CAN_TERMS = ['kann', 'können', 'puede', 'pueden', 'ne peut', 'ne peuvent', "n'arrive", "n'arrivent", 'consegue', 'conseguem', 'pode', 'podem'];

/** People counted in a head count ("200 Mitarbeiter", "50 de nuestros empleados"). */
export const PEOPLE_TERMS = [
  'mitarbeiter*', 'benutzer*', 'nutzer*', 'kunden', 'kollegen', 'personen', 'leute', 'angestellte*',
  'usuarios', 'empleados', 'personas', 'clientes', 'colegas', 'trabajadores',
  'utilisateurs', 'employés', 'salariés', 'personnes', 'collègues', 'clients',
  'usuários', 'funcionários', 'pessoas', 'colaboradores',
];

/** Cannot (first list) do their work (second list), a few words apart: "können keine Dateien öffnen", "no podemos acceder". */
export const CANNOT_TERMS = [
  // German puts the verb last ("können 400 Mitarbeiter keine Dateien öffnen"); a bare "nicht" is too common
  'kann nicht', 'können nicht', 'konnte nicht', 'konnten nicht', 'nicht mehr', 'lässt sich nicht', 'lassen sich nicht', 'kein*',
  'kann sich nicht', 'können sich nicht', 'kann mich nicht', 'können uns nicht', 'kann ich mich nicht', 'können wir uns nicht',
  'no puedo', 'no puede', 'no podemos', 'no pueden', 'no logro', 'no logra', 'no logramos',
  'ne peux pas', 'ne peut pas', 'ne pouvons pas', 'ne peuvent pas', "n'arrive pas", "n'arrivons pas", "n'arrivent pas", 'impossible de', "impossible d'",
  'não consigo', 'não consegue', 'não conseguimos', 'não conseguem', 'não posso', 'não pode', 'não podemos', 'não podem',
];
/**
 * German puts "nicht" anywhere after the modal verb and the verb last ("Wir können seit heute Morgen nicht auf den
 * Server zugreifen"): the modal, then within a few words the negation, then within a few more the verb.
 */
export const MODAL_TERMS = ['kann', 'können', 'konnte', 'konnten'];
export const MODAL_NEGATION_TERMS = ['nicht', 'kein', 'keine', 'keinen'];
export const WORK_VERBS = [
  'anmelden', 'einloggen', 'zugreifen', 'öffnen', 'arbeiten', 'hochladen', 'herunterladen', 'erreichen', 'nutzen', 'verwenden',
  'acceder', 'abrir', 'entrar', 'iniciar', 'trabajar', 'subir', 'descargar', 'usar', 'utilizar',
  'accéder', "d'accéder", 'ouvrir', "d'ouvrir", 'connecter', 'travailler', 'télécharger', 'utiliser', "d'utiliser",
  'acessar', 'trabalhar', 'fazer login', 'baixar', 'carregar',
];

/** They can carry on some other way, which caps urgency at medium. */
export const WORKAROUND_TERMS = [
  'vorerst', 'vorübergehend', 'übergangsweise', 'notlösung', 'umgehungslösung', 'workaround', 'in der zwischenzeit',
  'por ahora', 'por el momento', 'mientras tanto', 'solución temporal', 'solución alternativa',
  "pour l'instant", 'pour le moment', 'en attendant', 'solution de contournement', 'solution temporaire',
  'por enquanto', 'no momento', 'enquanto isso', 'solução alternativa', 'solução temporária',
];

/** A team or several people of their own (never "Sehr geehrtes Support-Team": a salutation is not the customer's team). */
export const GROUP_TERMS = [
  'mein team', 'meinem team', 'meines teams', 'unser team', 'unserem team', 'unseres teams', 'unsere abteilung', 'unserer abteilung', 'mehrere kollegen', 'mehrere mitarbeiter', 'einige kollegen',
  'mi equipo', 'nuestro equipo', 'nuestro departamento', 'varios compañeros', 'varios usuarios', 'varios empleados', 'algunos compañeros',
  'mon équipe', 'notre équipe', 'notre service', 'notre département', 'plusieurs collègues', 'plusieurs utilisateurs', 'plusieurs employés',
  'minha equipe', 'nossa equipe', 'nosso departamento', 'vários colegas', 'vários usuários', 'vários funcionários', 'alguns colegas',
];

/** Said plainly to affect only the one writing. */
export const ONLY_ONE_TERMS = [
  'nur ich', 'nur bei mir', 'nur mein konto', 'nur mich',
  'solo yo', 'sólo yo', 'solo a mí', 'solo mi cuenta', 'únicamente mi cuenta',
  'seulement moi', 'que moi', 'uniquement moi', 'seulement mon compte', 'uniquement mon compte',
  'só eu', 'apenas eu', 'só comigo', 'apenas comigo', 'só a minha conta', 'apenas a minha conta', 'apenas minha conta',
];

/** A deadline within hours. */
export const WITHIN_HOURS_TERMS = [
  'heute abend', 'noch heute', 'bis heute mittag', 'morgen früh', 'in einer stunde', 'innerhalb einer stunde', 'in zwei stunden', 'in wenigen stunden',
  'esta noche', 'esta tarde', 'hoy mismo', 'antes de esta noche', 'mañana por la mañana', 'en una hora', 'en dos horas', 'en unas horas',
  'ce soir', 'cet après-midi', "aujourd'hui même", "d'ici ce soir", 'demain matin', 'dans une heure', 'dans deux heures', 'dans quelques heures',
  'esta noite', 'hoje à noite', 'hoje mesmo', 'ainda hoje', 'amanhã de manhã', 'em uma hora', 'em duas horas', 'em algumas horas',
];

/** How a message opens when it asks how to do something (the English words are in business-signals.ts). */
export const HOW_TO_TERMS = [
  'wie', 'was', 'wo', 'welche*', 'kann ich', 'können wir', 'gibt es', 'ist es möglich',
  'comment', 'que', "qu'est-ce", 'où', 'quel*', 'puis-je', 'pouvons-nous', "est-il possible", "est-ce qu'il",
  'cómo', 'qué', 'dónde', 'cuál*', 'puedo', 'podemos', 'hay', 'es posible',
  'como', 'o que', 'onde', 'qual', 'quais', 'posso', 'é possível', 'existe',
];

/** A security incident in progress, in the other languages (triage-rules.ts has the English signals). */
export const SECURITY_TERMS = [
  'gehackt', 'kompromittiert', 'unbefugt*', 'datenleck*', 'datenpanne*', 'sicherheitsvorfall*', 'sicherheitsverletzung*', 'schadsoftware',
  'piraté*', 'compromis', 'fuite de données', 'violation de données', 'accès non autorisé', 'incident de sécurité', 'hameçonnage',
  'hackeado*', 'hackearon', 'hackeada*', 'sin permiso', 'acceso no autorizado', 'filtración de datos', 'brecha de seguridad', 'incidente de seguridad', 'suplantación',
  'hackeó', 'pirateado*', 'pirateada*',
  'invadida', 'invadido', 'invadiu', 'invadiram', 'hackeou', 'hackearam', 'acesso não autorizado', 'vazamento de dados', 'violação de dados', 'incidente de segurança',
  'اختراق', 'اخترق', 'تسريب', 'وصول غير مصرح',
];

/** A phishing page or mail, in the other languages: with a credential word after it, the credential was given away. */
export const PHISHING_TERMS = ['phishing', 'phishing*', '*hameçonnage', 'suplantación', 'تصيد'];

/** What opens an account or an API, in the other languages. */
export const CREDENTIAL_TERMS = [
  'passwort', 'kennwort', 'zugangsdaten', 'schlüssel', 'token*',
  'mot de passe', 'identifiants', 'clé', 'clés',
  'contraseña', 'credenciales', 'clave',
  'senha', 'credenciais', 'chave',
  'كلمة المرور', 'مفتاح',
];

/** A credential that has leaked or been published, in the other languages: named after the credential. */
export const LEAKED_TERMS = [
  'geleakt', 'öffentlich*', 'veröffentlicht',
  'fuité', 'fuite', 'exposé*', 'publié*',
  'filtró', 'filtrad*', 'filtraron', 'filtración', 'expuest*', 'publicad*',
  'vazou', 'vazaram', 'vazad*', 'vazament*', 'expost*',
];

/** The same where the verb comes first (Arabic: "تسرب مفتاح…"). */
export const LEAKED_FIRST_TERMS = ['تسرب', 'تسريب'];
