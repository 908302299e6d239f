/**
 * Calibration for business support: the signals a company's ticket carries that the person-centred lexicon
 * of triage-rules.ts misses. A company writes "our operations are disrupted", not "400 users can't sign in";
 * an "Urgent:" subject and an explicit business deadline are the customer telling us how soon; a request that
 * blocks their work is not a plain question. These signals only ever raise a level, never lower one, and each
 * comes with the customer's own words.
 *
 * Tuned on the dev part of the third-party tickets (server/src/ai/eval/third-party/), never on its test part.
 */
import type { Level } from '../../../../shared/priority';
import {
  BILLING_TERMS,
  CANNOT_TERMS,
  CLAIMED_TERMS,
  DENIED,
  HOW_TO_TERMS,
  DISRUPTION_TERMS,
  HARM_OBJECTS,
  HARM_VERBS,
  NearLexicon,
  Lexicon,
  MINOR_TERMS,
  MODAL_NEGATION_TERMS,
  MODAL_TERMS,
  MY,
  ORG_HARM_TERMS,
  PROBLEM_TERMS,
  PURCHASED_TERMS,
  DEVICE_TERMS,
  ORG_VOICE_TERMS,
  SHARED_SYSTEM_TERMS,
  STATED_LOW_TERMS,
  STATED_MEDIUM_TERMS,
  sentenceWords,
  WORK_VERBS,
} from './business-lexicon';

export interface Raise {
  level: Level;
  reason: string;
  match: string;
}

/** The service or system stopped, or data was lost or exposed. */
const DISRUPTION =
  /\b(outages?|downtime|(?:is|are|went|been|goes) down|disrupt(?:s|ed|ing|ions?)?|halt(?:s|ed|ing)?|standstill|stopped (?:working|functioning|responding)|not (?:functioning|responding|loading|accessible)|inaccessible|unavailable|crash(?:es|ed|ing)?|breach(?:es|ed)?|unauthori[sz]ed (?:access|login|entry)|data (?:loss|leak)|lost (?:all |our |my )?(?:data|files|records)|vanish(?:ed|ing)?|corrupt(?:ed|ion)?|(?:cannot|can't|unable to) (?:access|log ?in|connect|use))\b/i;

/** A claim of urgency right after a negation ("not urgent", "not that critical", French "pas urgent") is none. */
const UNDENIED = String.raw`(?<!\b(?:not|no|isn'?t|wasn'?t|pas|non)\s+(?:\w+\s+)?)`;

/** The customer says it is urgent, or gives a deadline. */
const CLAIMED = new RegExp(
  String.raw`${UNDENIED}\b(urgent(?:ly)?|immediate(?:ly)?|asap|as soon as possible|critical|emergency|high[- ]priority|time[- ]sensitive|right away|without delay|utmost importance|(?:by|before) (?:tomorrow|today|tonight|end of (?:day|week))|deadlines?)\b`,
  'i',
);

/** The customer's own word that it is pressing (a deadline of theirs is not this: one person's deadline is still one person). */
const SAID_URGENT = new RegExp(
  String.raw`${UNDENIED}\b(urgent(?:ly)?|immediate(?:ly)?|asap|as soon as possible|critical|emergency|high[- ]priority|time[- ]sensitive|right away|without delay|utmost importance)\b`,
  'i',
);

/** A priority below high that the customer states outright ("Medium Priority Issue with…", "priority: low"). */
const STATED_MEDIUM = /\b(?:medium|moderate|normal)[- ]priority\b|\bpriority(?: level)?:?\s+(?:medium|moderate|normal)\b/i;
const STATED_LOW = /\blow[- ]priority\b|\bpriority(?: level)?:?\s+low\b/i;

/** A fault the customer calls minor ("a minor issue", "a slight glitch"). */
const MINOR = /\b(?:minor|slight|small) (?:issues?|problems?|glitch(?:es)?|bugs?|faults?|inconvenience)\b/i;

/** Something is wrong (weaker than a disruption). */
const PROBLEM =
  /\b(issues?|problems?|errors?|fail(?:s|ed|ing|ures?)?|not working|bugs?|incorrect|glitch(?:es)?|malfunction\w*|damaged|defective|faulty|unable|can'?t|cannot|trouble|difficult(?:y|ies)|discrepanc(?:y|ies)|conflicts?|slow(?:ness|down)?|delays?|broken|vulnerabilit(?:y|ies)|suspicious)\b/i;

/** The harm reaches the organisation: its operations, its customers, its production, sensitive data. */
const ORG_HARM =
  /\b((?:affect|impact|disrupt|hinder|block|halt|jeopardi[sz]|threaten|delay|stall)\w*\b[^.!?\n]{0,50}(?<!\bmy (?:\w+ )?)\b(?:our|the|business|company|team|daily|critical|client|customer) (?:\w+ )?(?:operations?|business|productivity|workflows?|revenue|sales|clients?|customers?|services?|projects?|teams?|staff|employees|patients?|deadlines?)|(?:business|company|organi[sz]ation(?:al)?|critical|daily|hospital) (?:operations?|systems?|infrastructure|services?)|production (?:systems?|servers?|environments?|is)|(?:sensitive|confidential|patient|medical|financial|customer|client|personal) (?:data|information|records)|security (?:breach|incident)|revenue loss|loss of revenue|financial loss)\b/i;

/** An organisation writing about its own systems, people or customers. */
const ORG_VOICE =
  /\b(?:we|our|us)\b[^.!?\n]{0,40}\b(company|business|organi[sz]ation|firm|agency|hospital|clinic|teams?|clients?|customers?|users|employees|staff|systems?|infrastructure|network|servers?|platform|website|operations|projects?|campaigns?|department)\b/i;

/** A system an organisation shares, rather than one person's own device or settings. */
const SHARED_SYSTEM =
  /\b(servers?|platforms?|databases?|network|infrastructure|deployments?|websites?|portal|crm|erp|cloud|saas|dashboards?|analytics|integrations?|campaigns?|pipelines?|backups?|firewalls?|(?:the|our) (?:system|systems|application|software|tool|service))\b/i;

/** Something the customer bought from or runs with the vendor: a fault in it is the account's problem. */
const PURCHASED = /\b(purchased|bought|acquired|ordered|order (?:number|no)|subscription|licen[cs]es?|account (?:number|no)|<acc_num>|<order_num>)\b/i;

/** Hardware the customer bought and works with: when it fails, the account has a faulty product, not a settings question. */
const DEVICE =
  /\b(laptops?|notebooks?|printers?|routers?|switch(?:es)?|access points?|modems?|smart ?tvs?|televisions?|monitors?|smartphones?|tablets?|headsets?|webcams?|projectors?|consoles?|macbook\w*|ipads?|iphones?|galaxy|surface pro|thinkpad|xps)\b/i;

/** Billing words in the other languages; in English the lexicon of triage-rules.ts finds them. */
const BILLING_OTHER = new Lexicon(BILLING_TERMS);

/** A message that opens by asking how to do something, whatever word of urgency comes first. */
const HOW_TO = /^\W*(?:(?:urgent|asap|important|immediate|critical)\W+)?(?:how|what|where|which|can (?:i|we)|is (?:it|there))\b/i;
const HOW_TO_OTHER = new Lexicon(HOW_TO_TERMS);
const CLAIMED_OTHER = new Lexicon(CLAIMED_TERMS);

/** Whether the message opens by asking how to do something, in English or another language ("Dringend: Wie kann ich…"). */
function howTo(text: string): boolean {
  if (HOW_TO.test(text)) return true;
  const first = wordsOf(text)[0] ?? [];
  const start = first.length > 0 && CLAIMED_OTHER.matchAt(first, 0) > 0 ? 1 : 0;
  return HOW_TO_OTHER.matchAt(first, start) > 0;
}

/**
 * "Cannot sign in / open / access" in the other languages, the verb a few words after ("können keine Dateien
 * öffnen"), or in German the modal, the negation and the verb apart ("können seit heute nicht auf den Server zugreifen").
 */
export const CANNOT_WORK: readonly NearLexicon[] = [
  new NearLexicon(CANNOT_TERMS, WORK_VERBS, 4),
  new NearLexicon(MODAL_TERMS, new NearLexicon(MODAL_NEGATION_TERMS, WORK_VERBS, 5), 4),
];

/** The same signals in the other languages Kai speaks (business-lexicon.ts). */
const OTHER_LANGUAGES = new Map<RegExp, (Lexicon | NearLexicon)[]>([
  [DISRUPTION, [new Lexicon(DISRUPTION_TERMS), ...CANNOT_WORK]],
  [CLAIMED, [new Lexicon(CLAIMED_TERMS, { unlessAfter: DENIED })]],
  [SAID_URGENT, [new Lexicon(CLAIMED_TERMS, { unlessAfter: DENIED })]],
  [PROBLEM, [new Lexicon(PROBLEM_TERMS)]],
  [STATED_MEDIUM, [new Lexicon(STATED_MEDIUM_TERMS)]],
  [STATED_LOW, [new Lexicon(STATED_LOW_TERMS)]],
  [MINOR, [new Lexicon(MINOR_TERMS)]],
  [ORG_HARM, [new NearLexicon(HARM_VERBS, new Lexicon(HARM_OBJECTS, { unlessAfter: MY })), new Lexicon(ORG_HARM_TERMS)]],
  [PURCHASED, [new Lexicon(PURCHASED_TERMS)]],
  [DEVICE, [new Lexicon(DEVICE_TERMS)]],
  [ORG_VOICE, [new Lexicon(ORG_VOICE_TERMS)]],
  [SHARED_SYSTEM, [new Lexicon(SHARED_SYSTEM_TERMS)]],
]);

/**
 * The last message's words (its sentences, lower-cased: sentenceWords) and the signals already looked for in
 * it: urgency and impact ask for the same signals of the same message, and on a long message each look is a
 * full pass over it. triage-rules.ts reads the same words for its signals in the other languages.
 */
let lastText: string | null = null;
let lastWords: string[][] = [];
const lastMatches = new Map<RegExp, string | null>();
export function wordsOf(text: string): string[][] {
  if (text !== lastText) {
    lastText = text;
    lastWords = sentenceWords(text);
    lastMatches.clear();
  }
  return lastWords;
}

/** The words that show a signal, in English or another language, or null. */
function match(re: RegExp, text: string): string | null {
  const words = wordsOf(text);
  const known = lastMatches.get(re);
  if (known !== undefined) return known;
  let found: string | null = re.exec(text)?.[0] ?? null;
  for (const list of OTHER_LANGUAGES.get(re) ?? []) {
    if (found) break;
    found = list.find(words);
  }
  lastMatches.set(re, found);
  return found;
}

/** The customer's own word that it is pressing, in any language Kai reads ("urgent", "dringend", "urgente"), or null. */
export function saidUrgent(text: string): string | null {
  return match(SAID_URGENT, text);
}

/** A priority below high that the customer states ("medium priority", "prioridad baja"), with their words, or null. */
export function statedPriority(text: string): { level: 'medium' | 'low'; match: string } | null {
  const low = match(STATED_LOW, text);
  if (low) return { level: 'low', match: low };
  const medium = match(STATED_MEDIUM, text);
  return medium ? { level: 'medium', match: medium } : null;
}

/** The customer's words that the fault is minor ("a minor issue", "problema menor"), or null. */
export function minorFault(text: string): string | null {
  return match(MINOR, text);
}

/** The urgency a company's ticket claims or shows, if higher than nothing. */
export function businessUrgency(text: string): Raise | null {
  const disruption = match(DISRUPTION, text);
  const claimed = match(CLAIMED, text);
  const harm = match(ORG_HARM, text);
  if (disruption && (claimed || harm)) return { level: 'high', reason: `A disruption (“${disruption}”) the customer calls pressing or that stops their work (“${claimed ?? harm}”)`, match: disruption };
  const problem = match(PROBLEM, text);
  // Harm to the organisation's work ("affecting our operations") says something is wrong, in words of its own.
  if (claimed && (problem || disruption || harm)) return { level: 'high', reason: `Said to be pressing (“${claimed}”) about something that is wrong (“${problem ?? disruption ?? harm}”)`, match: claimed };
  if (disruption) return { level: 'medium', reason: `A disruption (“${disruption}”)`, match: disruption };
  // An organisation that calls work on its own shared systems pressing ("urgently need help optimising our
  // infrastructure") is telling us its operations wait on it.
  const shared = match(SHARED_SYSTEM, text);
  if (claimed && shared && match(ORG_VOICE, text) && !howTo(text)) return { level: 'high', reason: `Said to be pressing (“${claimed}”) about the organisation’s own systems (“${shared}”)`, match: claimed };
  // "ASAP: how do I add a profile picture?": the word alone does not make a how-to pressing.
  if (claimed && !howTo(text)) return { level: 'medium', reason: `The customer asks for it soon (“${claimed}”)`, match: claimed };
  if (harm && problem) return { level: 'medium', reason: `A problem (“${problem}”) that holds up their work (“${harm}”)`, match: harm };
  if (problem) return { level: 'medium', reason: `Reports something wrong (“${problem}”)`, match: problem };
  return null;
}

/** The impact of a company's ticket on the organisation, if any. */
export function businessImpact(text: string): Raise | null {
  const harm = match(ORG_HARM, text);
  const trouble = match(DISRUPTION, text) ?? match(PROBLEM, text);
  if (harm && trouble) return { level: 'high', reason: `Reaches the organisation (“${harm}”), not one person`, match: harm };
  const voice = match(ORG_VOICE, text);
  if (harm) return { level: 'medium', reason: `Concerns the organisation (“${harm}”)`, match: harm };
  const shared = match(SHARED_SYSTEM, text);
  if (shared && trouble) return { level: 'medium', reason: `Something wrong (“${trouble}”) in a shared system (“${shared}”)`, match: shared };
  const billing = BILLING_OTHER.find(wordsOf(text));
  if (billing) return { level: 'medium', reason: `Concerns the account and its billing (“${billing}”), not one person`, match: billing };
  const purchased = match(PURCHASED, text);
  if (purchased && trouble) return { level: 'medium', reason: `A fault (“${trouble}”) in something the customer’s account holds (“${purchased}”)`, match: purchased };
  const device = match(DEVICE, text);
  if (device && trouble) return { level: 'medium', reason: `A fault (“${trouble}”) in hardware the customer bought (“${device}”)`, match: device };
  if (voice && trouble) return { level: 'medium', reason: `An organisation’s own systems or people (“${voice}”)`, match: voice };
  // A business customer who calls a fault pressing is saying their work waits on it: not one person's nuisance.
  const claimed = match(SAID_URGENT, text);
  if (claimed && trouble && !howTo(text)) return { level: 'medium', reason: `A fault (“${trouble}”) the customer says their work waits on (“${claimed}”)`, match: claimed };
  return null;
}
