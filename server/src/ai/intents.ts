/** Recognisers for what a visitor's words ask for, shared by both engines. */

const PERSON = String.raw`(?:human(?:\s+being)?|person|people|agent|rep(?:resentative)?|operator|someone|somebody|staff|support\s+(?:team|staff)|customer\s+(?:service|support)|live\s+(?:chat|support)|real\s+one|man|woman)`;

const ASK_FOR_PERSON = [
  new RegExp(String.raw`\b(?:talk|speak|chat|connect|transfer|put|get|pass|escalate|hand)\b[^.?!]{0,40}\b(?:to|with|me)\b[^.?!]{0,30}\b${PERSON}\b`, 'i'),
  new RegExp(String.raw`\b(?:real|actual|live)\s+(?:human|person|agent|people)\b`, 'i'),
  new RegExp(String.raw`^\W*(?:an?\s+)?${PERSON}\W*(?:please|pls|plz|now|asap)?\W*$`, 'i'),
  new RegExp(String.raw`\b${PERSON}\s+(?:please|pls|plz)\b`, 'i'),
  new RegExp(String.raw`\b(?:want|need|like|prefer)\b[^.?!]{0,20}\b(?:a|an|to\s+talk\s+to\s+a|to\s+speak\s+to\s+a)?\s*(?:human|real\s+person|person|agent)\b`, 'i'),
  /\bare you (?:a )?(?:bot|robot|human)\b.*\b(?:human|person)\b/i,
  /\b(?:no|not)\s+(?:a\s+)?(?:bot|robot|ai)\b/i,
];

/**
 * The same requests in German, French, Spanish, Portuguese and Arabic: a verb of talking followed closely by
 * a person, a person with "please", or a person alone. Unicode word edges (`\b` knows only ASCII letters);
 * every gap is bounded, so no pattern backtracks over a long message.
 */
const W = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const PERSON_OTHER = String.raw`(?:mensch(?:en)?|person|mitarbeiter(?:in)?|ansprechpartner(?:in)?|kundenservice|kundendienst|support-?team|jemande[mn]|humain|personne|conseill(?:er|ère)|agent|opérateur|quelqu['’]un|service client|humano|persona|agente|operador|alguien|atención al cliente|pessoa|atendente|alguém|atendimento humano)`;
const TALK_OTHER = String.raw`(?:sprechen|reden|verbinden|chatten|weiterleiten|parler|discuter|joindre|passer|hablar|comunicarme|pasar|falar|conversar|transferir)`;
const PLEASE_OTHER = String.raw`(?:bitte|s['’]il vous plaît|svp|por favor|por favour)`;
const ASK_FOR_PERSON_OTHER = [
  new RegExp(String.raw`${W}${TALK_OTHER}${E}[^.?!]{0,40}?${W}${PERSON_OTHER}${E}|${W}${PERSON_OTHER}${E}[^.?!]{0,40}?${W}${TALK_OTHER}${E}`, 'iu'),
  new RegExp(String.raw`${W}(?:echten|echte|vraie|vrai|real|de verdad|verdadeira|de verdade)\s+(?:menschen|mensch|person|personne|humain|persona|humano|pessoa)${E}|${W}(?:persona|pessoa|personne)\s+(?:real|de verdad|de verdade|réelle|humaine)${E}`, 'iu'),
  new RegExp(String.raw`^[\s\p{P}]*(?:(?:un|une|una|uma|einen?|ein)\s+)?${PERSON_OTHER}[\s\p{P}]*(?:${PLEASE_OTHER})?[\s\p{P}]*$`, 'iu'),
  new RegExp(String.raw`${W}${PERSON_OTHER}\s+${PLEASE_OTHER}${E}`, 'iu'),
  /(?:أريد|اريد|أرغب|ممكن|أود)[^.?!؟]{0,30}(?:موظف|شخص|إنسان|انسان|بشري|خدمة العملاء)|(?:التحدث|التكلم|الحديث)[^.?!؟]{0,20}(?:مع|إلى|الى)[^.?!؟]{0,20}(?:موظف|شخص|إنسان|انسان|بشري)|^[\s\p{P}]*(?:موظف|إنسان|انسان)[\s\p{P}]*(?:من فضلك|لو سمحت)?[\s\p{P}]*$/u,
];

/** True when the visitor asks, in words, for a person ("can I talk to a human?", "agent please", "mit einem Menschen sprechen"). */
export function asksForPerson(text: string): boolean {
  return ASK_FOR_PERSON.some((re) => re.test(text)) || ASK_FOR_PERSON_OTHER.some((re) => re.test(text));
}

/** Longer than this, a message that asks for a person also says what the problem is. */
const PERSON_REQUEST_ONLY_CHARS = 60;

/** A message that asks for a person and says nothing else worth a ticket's subject ("human please"). */
export function asksOnlyForPerson(text: string): boolean {
  return text.trim().length < PERSON_REQUEST_ONLY_CHARS && asksForPerson(text);
}

const FRUSTRATION = /\b(useless|not helpful|unhelpful|doesn'?t help|didn'?t help|not what i asked|stupid|ridiculous|waste of time|fed up|frustrat\w*|annoy\w*|terrible|awful|rubbish|garbage)\b|!{3,}|\?{3,}/i;

const FRUSTRATION_OTHER =
  /(?<![\p{L}\p{N}])(?:nutzlos|sinnlos|hilft (?:mir )?nicht|bringt nichts|nervig|frustrierend|lächerlich|zeitverschwendung|unbrauchbar|inutile|ça ne m['’]aide pas|ne m['’]aide pas|ridicule|perte de temps|frustrant|énervant|nul|inútil|no me ayuda|no sirve|ridículo|pérdida de tiempo|frustrante|harto|não ajuda|não serve|perda de tempo|cansado disso|irritante)(?![\p{L}\p{N}])|غير مفيد|لا يفيد|مضيعة للوقت|سخيف|محبط|مزعج/iu;

/** Signs that the visitor is losing patience with Kai. */
export function soundsFrustrated(text: string): boolean {
  if (FRUSTRATION.test(text) || FRUSTRATION_OTHER.test(text)) return true;
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 12 && letters === letters.toUpperCase();
}

/** Asking how to reach support is a cue to offer a person as well as answering. */
export function asksHowToContact(text: string): boolean {
  return /\b(contact|reach|call|phone|email)\b[^.?!]{0,30}\b(support|you|team|someone|help\s*desk)\b/i.test(text) || CONTACT_OTHER.test(text);
}

const CONTACT_VERB_OTHER = String.raw`(?:kontaktieren|erreichen|anrufen|telefonnummer|kontakt|contacter|joindre|appeler|numéro de téléphone|contactar|comunicarme|llamar|número de teléfono|contatar|ligar|telefone|entrar em contato)`;
const CONTACT_WHO_OTHER = String.raw`(?:support|team|ihnen|euch|kundendienst|service client|équipe|vous|soporte|equipo|ustedes|servicio|suporte|equipe|vocês|atendimento)`;
/** "Wie erreiche ich den Support", "den Support erreichen": either order, within a few words. */
const CONTACT_OTHER = new RegExp(
  String.raw`${W}${CONTACT_VERB_OTHER}${E}[^.?!]{0,30}?${W}${CONTACT_WHO_OTHER}${E}|${W}${CONTACT_WHO_OTHER}${E}[^.?!]{0,30}?${W}${CONTACT_VERB_OTHER}${E}|(?:التواصل|الاتصال)[^.?!؟]{0,30}(?:الدعم|فريق|معكم|بكم)`,
  'iu',
);

export function isGreeting(text: string): boolean {
  const t = text.trim();
  return (
    /^\W*(hi|hello|hey|hiya|good (morning|afternoon|evening)|yo)\b[\s\W]*(there|kai)?\W*$/i.test(t) ||
    /^[\s\p{P}]*(hallo|guten (?:morgen|tag|abend)|servus|moin|bonjour|bonsoir|salut|hola|buenos días|buenas(?: tardes| noches)?|olá|ola|oi|bom dia|boa tarde|boa noite|مرحبا|مرحبًا|السلام عليكم|أهلا|اهلا)[\s\p{P}]*$/iu.test(t)
  );
}

export function isThanks(text: string): boolean {
  const t = text.trim();
  if (text.length >= 80) return false;
  return (
    /^\W*(thanks?|thank you|thx|cheers|ta|great|perfect|that helps?|that worked|got it)\b[^?]*$/i.test(t) ||
    /^[\s\p{P}]*(danke|vielen dank|merci|gracias|muchas gracias|obrigad[oa]|شكرا|شكرًا)(?![\p{L}])[^?؟]*$/iu.test(t)
  );
}
