import type { Level } from '../../../../shared/priority';
import type { TriageResult } from '../engine';
import {
  CAN_TERMS,
  CREDENTIAL_TERMS,
  GROUP_TERMS,
  LEAKED_FIRST_TERMS,
  LEAKED_TERMS,
  Lexicon,
  NearLexicon,
  NOBODY_TERMS,
  NOT_NOBODY,
  ONLY_ONE_TERMS,
  PEOPLE_TERMS,
  PHISHING_TERMS,
  SECURITY_TERMS,
  WIDE_TERMS,
  WITHIN_HOURS_TERMS,
  WORKAROUND_TERMS,
  sentenceWords,
} from './business-lexicon';
import { businessImpact, businessUrgency, CANNOT_WORK, minorFault, saidUrgent, statedPriority, wordsOf, type Raise } from './business-signals';

/**
 * The offline triage model: a transparent lexicon. Urgency (how soon it must be handled) and impact (how
 * widely and how badly) are assessed separately; priority is the matrix's job, not ours.
 *
 * Each assessment is made of named signals found in the customer's words (a security incident in progress,
 * a deadline within hours, work stopped, a workaround, a plain question, a whole organisation, a team, one
 * person…), then combined by a few explicit rules, so the reason an agent reads is the signal that decided.
 * Tone is deliberately not a signal: shouting, "urgent" and politeness change nothing by themselves.
 *
 * The label definitions the rules aim at, and the evaluation that measures them, are in
 * server/src/ai/eval/README.md.
 */

interface Signal {
  pattern: RegExp;
  reason: string;
}

interface Found {
  reason: string;
  match: string;
}

/** The first signal that matches, with the words it matched. */
function find(signals: readonly Signal[], text: string): Found | null {
  for (const s of signals) {
    const m = s.pattern.exec(text);
    if (m) return { reason: s.reason, match: m[0] };
  }
  return null;
}

/** Splits a message into sentences (and clauses after a semicolon), for signals that must not span them. */
function sentencesOf(text: string): string[] {
  return text
    // A dash between spaces is matched without a leading `\s+`, which retried at every space of a long run.
    .split(/(?<=[.!?;])\s+|\n+|(?<=\s)[-–—](?=\s)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// ── Urgency signals ───────────────────────────────────────────────────────────────────────────────────

const CANT = String.raw`(?:can'?t|cannot|can ?not|cant|unable to|not able to|couldn'?t|could not|won'?t let (?:me|us|them|him|her))`;

/** A security incident happening or just discovered (not a question about what would happen if one did). */
const SECURITY: Signal[] = [
  { pattern: /\bsecurity (incident|breach)\b|\b(hacked|compromised|ransomware|malware|account takeover|taken over|password spray\w*|brute[- ]?forc\w*)\b/i, reason: 'Security incident: an account or data is compromised now' },
  { pattern: /\b(clicked|opened)\b[^.!?]{0,60}\b(phishing|fake|suspicious|malicious|dodgy|dubious|bogus|spoofed|scam)\b|\b(phishing|fake|suspicious|malicious|dodgy|dubious|bogus|spoofed|scam)\b[^.!?]{0,60}\b(clicked|entered|typed)\b/i, reason: 'Security incident: credentials given to a phishing page' },
  { pattern: /\bclicked\b[^.!?]{0,80}\b(entered|typed|put in|gave|submitted|filled in)\b[^.!?]{0,40}\b(password|credentials|login|log-?in|sign-?in|details|2fa|code)\b/i, reason: 'Security incident: credentials given to a phishing page' },
  { pattern: /\b(entered|typed|put|gave)\b[^.!?]{0,40}\b(password|credentials|2fa code|login)\b[^.!?]{0,40}\b(fake|phishing|into it)\b/i, reason: 'Security incident: credentials given to a phishing page' },
  { pattern: /\b(leak(ed|ing)?|exposed|pushed|committed|pasted|posted|published)\b[^.!?]{0,60}\b(tokens?|api keys?|passwords?|credentials|secrets?)\b|\b(tokens?|api keys?|passwords?|credentials)\b[^.!?]{0,60}\b(leak(ed)?|exposed|pushed|committed|pasted|public (github|repo\w*))\b/i, reason: 'Security incident: a credential has leaked' },
  { pattern: /\b(sign-?ins?|log-?ins?|logins?|logged in|signed in|access(ed)?)\b[^.!?]{0,60}\b(unknown|unfamiliar|foreign|another country|other country|strange|unrecogni[sz]ed)\b|\bsuspicious (log-?ins?|logins?|sign-?ins?|activity)\b|\b(we|i) (did not|didn'?t) do (this|that)\b|\bnone of us (created|did|added)\b|\bunauthori[sz]ed\b/i, reason: 'Security incident: activity nobody in the organisation recognises' },
  { pattern: /\b(offboarded|who left|left the company|former (employee|staff|contractor)|ex-?employee)\b[^.!?]{0,80}\b(still|downloaded|deleted|deleting|accessing|active)\b|\b(deleted|downloaded|deleting|accessing)\b[^.!?]{0,80}\b(who left|left the company|offboarded|former (employee|staff|contractor))\b/i, reason: 'Security incident: someone who should have no access is using it' },
  { pattern: /\b(someone|somebody|a stranger|strangers|an unknown (person|user|device))\b[^.!?]{0,20}\b(got|gets|has got|is getting|gained|has|have|is using)\b[^.!?]{0,10}\b(in|into|access)\b|\b(logging|logged|signing|signed) in(to)? (my|our|his|her|their) (\w+ )?account\b[^.!?]{0,40}\b(not me|wasn'?t me|isn'?t me|not us|wasn'?t us)\b|\b(weird|strange|odd|unusual|suspicious|unexpected) (log-?in|sign-?in) (alert|attempt|notification|email|warning)s?\b|\b(passwords?|credentials|account|card details?|logins?)\b (was|were|has been|have been|got) (stolen|hacked|compromised|phished|breached)\b|\b(changed|deleted|added|moved) by (someone|somebody) (we|i) (don'?t|do not|didn'?t) (know|recogni[sz]e)\b|\bstolen (password|credentials|account|laptop)s?\b/i, reason: 'Security incident: someone who should not have access is using an account' },
  { pattern: /\bshar(ed|ing)\b[^.!?]{0,40}\b(externally|with strangers|to (people|strangers|someone) (we|i) don'?t know|without (our|my|his|her|their) knowledge)\b|\b(data|files?|documents?)\b[^.!?]{0,30}\b(exposed|leaked)\b|\bdata (leak|breach|exposure)\b/i, reason: 'Security incident: data is being exposed' },
];

/** Words that make a sentence hypothetical or a policy question, which a security word in it does not make an incident. */
const HYPOTHETICAL = /\b(if|whether|in case|would you|what happens|how (do|would|should) (we|you|i)|policy)\b/i;

/** A deadline within hours, or harm that is happening as they write. */
const WITHIN_HOURS: Signal[] = [
  { pattern: /\b(by|before|until|due|due by|due at)\s+(noon|midday|midnight|lunch(time)?|end of (the )?day|eod|cob|close of business|\d{1,2}([:.]\d\d)?\s?(am|pm)?)\b(?![%]|[.,:]\d|\s?[a-z]*\s?(gb|mb|tb|users?|people|seats|staff|days?|weeks?|months?|hours|minutes|seconds|percent)\b)/i, reason: 'A deadline within hours' },
  { pattern: /\b(at|for)\s+(noon|midday|midnight|lunch(time)?|\d{1,2}([:.]\d\d)?\s?(am|pm)|\d{1,2}[:.]\d\d|\d{1,2} (today|tonight|this (morning|afternoon|evening)))\b/i, reason: 'A deadline within hours' },
  { pattern: /\b\d{1,2}([:.]\d\d)?\s?(am|pm)\s+(meeting|call|deadline|review|presentation|demo|interview|flight|train|cut-?off|board)\b/i, reason: 'A deadline within hours' },
  { pattern: /\bin (an?|one|two|three|four|five|\d+|a couple of|a few|the next) (hours?|hrs?|minutes?|mins?)\b|\bwithin the hour\b|\b(an?|one|\d+) (hours?|minutes?|mins?) from now\b/i, reason: 'A deadline within hours' },
  { pattern: /\b(due|deadline|need(ed|s)?|deliver\w*|submit\w*|send(ing)?|go(es)? out|launch(es|ing)?|present(ing|ation)?|meeting|clos(e|es|ing)|must|have to|has to|run|file|waiting|starts?|shift|review|interview)\b[^.!?]{0,60}\b(today|tonight|this (afternoon|evening))\b/i, reason: 'A deadline today' },
  { pattern: /\b(today|tonight)('?s)?\b[^.!?]{0,25}\b(deadline|meeting|launch|close|closes|presentation|board|call)\b|\b(deadline|presentation|meeting)s? (is |are )?(today|tonight)\b/i, reason: 'A deadline today' },
  { pattern: /\b(tomorrow (morning|at \d|first thing)|first thing tomorrow|by tomorrow)\b|\b(suspend\w*|read-only|cut off|shut off|overdrawn|deactivat\w*|locked|audit\w*|launch\w*|arrive|deadline)\b[^.!?]{0,40}\btomorrow\b|\btomorrow\b[^.!?]{0,40}\b(suspend\w*|read-only|cut off|launch|audit|deadline)\b/i, reason: 'A deadline by tomorrow morning' },
  { pattern: /\b(right now|as we (speak|watch|type)|immediately|this minute|straight away)\b|\b(stop|kill|kick\w*|revoke|pause)\b[^.!?]{0,30}\b(now|immediately|asap)\b/i, reason: 'Harm is happening right now' },
];

/** A deadline in days: it matters soon, but not within hours. */
const WITHIN_DAYS: Signal[] = [
  { pattern: /\b(this|next|by the end of the|end of the|by end of) (week|month)\b|\b(by|before|on|until|next|this) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bin (a few|two|three|four|five|\d+) (days|working days|business days)\b|\bon the \d{1,2}(st|nd|rd|th)\b|\bbefore then\b|\b(expires?|due|deadline)\b[^.!?]{0,20}\bin (a few|two|three|four|five|\d+) days\b|\btomorrow\b/i, reason: 'A deadline in the next few days' },
];

/** Work has stopped: they cannot sign in, reach the service or open their files at all. */
const BLOCKED: Signal[] = [
  { pattern: /\b(outage|(is|are|went|gone|goes|been) down|down for (everyone|us|all)|(?<![\d,.])5\d\d (errors?|status|responses?|bad gateway|service unavailable)|(errors?|http|status|gives?|giving|getting|get|got|returns?|returning)( an?)? 5\d\d\b|blank page|service unavailable|(site|app|service|platform|dashboard) (is )?(not loading|unreachable))\b/i, reason: 'The service is down or unreachable' },
  { pattern: /\b(nobody|no ?one|none of (us|our|the|them))\b[^.!?]{0,40}?\bcan\b(?!['’]t)/i, reason: 'Nobody can work' },
  { pattern: /\b(production|prod|live site|checkout) (is |are )?(down|broken|stopped|failing)\b|\b(is|are) (completely |totally )?blocked\b|\b(errors?|fails?|failing|fail|denied|broken|[45]\d\ds?)\b[^.!?]{0,40}\b(on|for) every (single )?(call|request|upload|file|page|login|sign-?in)\b/i, reason: 'Work has stopped' },
  { pattern: new RegExp(String.raw`\b${CANT}\s+(?:\w+\s+){0,2}?(log ?in|sign ?in|get in|get into|get back in|get past|access|open|reach|work(?! out)|do (anything|my job|our jobs?|their jobs?)|upload|download|answer|see each other|use (it|the app|northwind))\b`, 'i'), reason: 'Blocked from working' },
  { pattern: /\b(locked out|(account|it) (is |was |has been |got )?(locked|suspended|deactivated|disabled)|lost access|(gone|went|is|are|been) read-only|completely (blocked|stuck)|access denied|(every|each) (single )?(call|request|file|page|upload)\b[^.!?]{0,20}\b(fails?|errors?|returns?)|(fails?|errors?|returns? \d{3}) on every|(can'?t|cannot|can not|not) (do anything|work at all))\b/i, reason: 'Blocked from working' },
  { pattern: /\b(stuck on the (two-factor|2fa|sign-?in|login) (screen|page)|won'?t (sign|log) (me|us|them) in|loops? back to the sign-?in)\b/i, reason: 'Blocked from signing in' },
  { pattern: /\b(disappearing|being deleted|being overwritten)\b/i, reason: 'Data is being lost' },
];

/** They can carry on some other way, which caps urgency at medium. */
const WORKAROUND =
  /\b(for now|in the meantime|meanwhile|for the moment|work(ing)? around|workaround|(we|they|i|people|users) (can|could) still|still (works?|able)|(do|does|they|it|we|i|people|users) (get in|finish|load|arrive|work)s?\b[^.!?]{0,15}\beventually|(have|had|has) to (switch|use|fall back|go through|do it)|retr(y|ies|ying) (works?|helps?)|works fine|by hand|manually|not blocking|not critical|not the end of the world|work (still )?(carries|goes) on)\b/i;

/** Something is wrong, without a sign that it must be fixed within hours. */
const PROBLEM: Signal[] = [
  { pattern: /\b(can'?t|cannot|can not|cant|unable to|won'?t|doesn'?t|does not|don'?t|didn'?t|isn'?t|aren'?t|is not|not working|stopped|fails?|failing|failed|errors?|broken|bug|crash\w*|stuck|blocked|wrong|incorrect|missing|disappeared|slow\w*|sluggish|takes? (ages|forever|about|\d+)|delay\w*|late|keeps?|every (single )?time|again|expired|complain\w*|zero|empty|no results|shows nothing|instead of|overcharg\w*|too much|but (we |i )?only (have|had|use|need)|(please|could you|can you|need (it|this|them)) (fix|correct|sort)|fix(ed)? (it|this|the|our)|(return(s|ed|ing)?|getting|get|got|gets|seeing|throws?|throwing)( an?)? [45]\d\ds?|rate limit\w*|rejected|conflict\w*|duplicate|twice|refund|corrected|reissue|should (be|have)|blank|spam|junk|quarantine|not (updating|arriving|coming|marking)|isn'?t updating|go(es)? to (my )?junk)\b/i, reason: 'Something is not working, with no sign it must be fixed within hours' },
  { pattern: /\bgrace period|payment (failed|was declined)|card (was )?(declined|expired)|unpaid\b/i, reason: 'A billing problem to sort out before the grace period ends' },
];

/** Said to be no hurry, cosmetic, a suggestion or a question for the future. */
const NO_TIME_PRESSURE: Signal[] = [
  { pattern: /\b(no rush|no hurry|not urgent( at all)?(?! yet)|whenever|when(ever)? you (get|have) (a|the) (chance|moment|time)|in your own time|no pressure|just (wanted|thought|checking|for our records)|fyi|out of curiosity|just curious|wondering|one day|some ?day|at some point|next (quarter|year)|this year|in a few months|eventually we|planning|thinking about|roadmap|any plans|feature request|suggestion|would be (great|nice)|could you add|minor thing|not a big deal)\b/i, reason: 'Said to be no hurry, a suggestion or planning ahead' },
];

/** Cosmetic: how something looks or reads, not whether it works. */
const COSMETIC =
  /\b(typo|spelling|blurry|stretched|pixelated|font|colou?rs?|logo|footer|icon|avatar|dark mode|theme|sidebar|layout|wording|phrasing|translation|date format|looks? (a bit )?(off|odd|weird))\b/i;

/** A question or request for information, advice or a change. */
const QUESTION =
  /^\W*(?:urgent\W*|asap\W*|need this urgently\W*|hi\W*|hello\W*|hey\W*|quick question\W*)?(how|what|where|when|which|who|why|is there|is it|are there|are you|can (i|we|you|my|our)|could (i|we|you|our)|do (you|i|we)|does|should|would|will|may i|any plans)\b|\b(how (do|can|to|long|many|much)|is it possible|is there a way|what('?s| is| are| role| currency| happens)|do you (offer|charge|accept|support)|can (i|we) (get|add|have|change|set|switch|see|use)|we'?d like|i'?d like|would like)\b/i;

/** A message that opens by asking how to do something. */
const HOW_TO_START = /^\W*(?:(?:urgent|asap|hi|hello|hey)\W+)?(how (do|can|to)|can (i|we)|is there a way|is it possible)\b/i;

/** Trouble stronger than a nuisance: something fails or is wrong. */
const STRONG_PROBLEM = /\b(can'?t|cannot|unable|won'?t|doesn'?t|does not|didn'?t|not working|stopped|fail\w*|errors?|broken|bug|crash\w*|wrong|incorrect|missing)\b/i;

const CASUAL_URGENT = /\b(urgent(ly)?|asap|as soon as possible|emergency|critical|priority)\b/i;

// ── Impact signals ────────────────────────────────────────────────────────────────────────────────────

const PEOPLE = String.raw`(?:users?|people|persons|staff|employees?|members?|customers?|clients?|accounts|recipients|students|clinicians|nurses|doctors|teachers|developers|lawyers|volunteers|interns|contractors|colleagues|engineers|agents|starters|admins|managers|learners|workers|of (?:us|them|our \w+|the \w+))`;

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twenty: 20, fifty: 50, hundred: 100, hundreds: 200, thousand: 1000, thousands: 2000 };

/**
 * The largest head count the message states ("400 staff", "all 80 of us", "eight of them", "1,200 users"), on
 * one line: a number that ends a subject line ("Surface Pro 7") does not count the "Customer" of the salutation
 * under it.
 */
function headCount(text: string): { count: number; match: string } | null {
  const re = new RegExp(String.raw`\b(\d{1,3}(?:,\d{3})+|\d+|${Object.keys(NUMBER_WORDS).join('|')})\+?[^\S\n]+(?:(?:new|more|other|of our|of the|frontline|active|affected|different|remote)[^\S\n]+)?(?:\w+[^\S\n]+)?${PEOPLE}\b`, 'gi');
  let best: { count: number; match: string } | null = null;
  for (const m of text.matchAll(re)) {
    const raw = m[1]!.toLowerCase();
    const count = NUMBER_WORDS[raw] ?? Number(raw.replace(/,/g, ''));
    // A bare four-digit number is a model or a year ("Dell XPS 13 9310 laptop"), not a head count.
    if (/^\d{4,}$/.test(raw)) continue;
    // "a team of 40", "one of them" and numbers that are not people ("15 times") are left to other signals.
    if (Number.isFinite(count) && count >= 2 && (!best || count > best.count)) best = { count, match: m[0] };
  }
  return best;
}

const PEOPLE_OTHER = new Lexicon(PEOPLE_TERMS);
/** How many words may stand between a number and the people it counts ("50 unserer Mitarbeiter", "200 de nuestros empleados"). */
const COUNT_GAP = 2;

/** The largest head count in another language ("400 Mitarbeiter", "1.200 usuarios"): the number, then the people. */
function headCountOther(text: string): { count: number; match: string } | null {
  let best: { count: number; match: string } | null = null;
  for (const words of wordsOf(text)) {
    for (let i = 0; i < words.length; i++) {
      if (!/^\d{1,4}$/.test(words[i]!)) continue;
      const count = Number(words[i]);
      if (count < 2 || (best && count <= best.count)) continue;
      for (let j = i + 1; j <= Math.min(words.length - 1, i + 1 + COUNT_GAP); j++) {
        const end = PEOPLE_OTHER.matchAt(words, j);
        if (end > 0) {
          best = { count, match: words.slice(i, end).join(' ') };
          break;
        }
      }
    }
  }
  return best;
}

/** The whole organisation, most of it, its customers, production, or data and legal exposure. */
const WIDE: Signal[] = [
  { pattern: /\b((most|half|the majority|majority) of (our|the|all)( \w+)? (staff|users|people|employees|company|organi[sz]ation|org|team|workforce|accounts)|every(one|body)(?! else)|every (single )?(user|employee|person|member|staff member|one of us)|all (of )?(our |the |my )?(new |other |\d[\d,]* )?(users|staff|employees|people|members|customers|clients|accounts|admins|offices|sites|us)\b|(no ?one|nobody)(?! else)|none of (us|our|the)\b|(whole|entire) (company|organi[sz]ation|org|business|office|platform|region|account|staff)\b|across (\w+ )?(countries|offices|sites|regions|locations)|(hundreds|thousands) of\b|company[- ]wide|organi[sz]ation[- ]wide|org[- ]wide|across the (company|organi[sz]ation|org|business)|(for|to) anyone\b(?! else)|any user)/i, reason: 'Affects the whole organisation or most of its users' },
  { pattern: /(?<!rest of )\b(our|the) (company|organi[sz]ation|org)('?s)?\b(?! name)|(?<!\b(one|some|several|a few|few|two|three|four|five|a couple|a handful|any|none) of )\bour (staff|employees|workforce|users|people)\b(?!\s+(in|at|on|from|who|that|of)\b)/i, reason: 'Affects the whole organisation' },
  { pattern: /\b(production|prod\b|customer[- ]facing|(our|all|the) (customers|clients)\b|(customers|clients) (can'?t|cannot|are|get|see|use|complain\w*)|(client|customer) portal)/i, reason: 'Affects production or the organisation’s own customers' },
  { pattern: /\b(customer data|personal data|client data|payroll (data|files|records)|passports?|data (was |has been |is )?exposed|exposed data|regulat\w+|compliance|gdpr|dpa\b|data processing agreement|legal exposure|lawsuit)\b/i, reason: 'Data or legal exposure beyond one user' },
  { pattern: /\b((our|the|whole) account|account-wide)\b[^.!?]{0,40}\b(suspend\w*|read-only|cut off|shut off|closed)\b|\b(suspend\w*|read-only)\b[^.!?]{0,40}\b(whole|entire|everyone|all)\b/i, reason: 'The whole organisation’s account is at stake' },
];

/** The account and its billing, which concern the organisation rather than one person. */
const BILLING: Signal = { pattern: /\b(invoices?|billing|billed|bill|charged?|refund|payments?|paid|pay|vat|sales tax|tax[- ]exempt|subscription|renewal|upgrade|downgrade|(?<!any )plans?(?! to)|purchase order|po number|direct debit|currency|receipt|grace period|card (was )?declined)\b/i, reason: 'Affects the account or its billing, not just one person' };

/** A team, several people, a campaign or the account and its billing. */
const GROUP: Signal[] = [
  { pattern: /\b(?<!(your|hi|hello|dear|thanks|thank you) )(?<!\b(dear|hello|hi|hey|greetings|attention)\b[^.!?\n,]{0,40})(?<!\b(microsoft|ms) )(team|department|dept|group|office|branch|division)s?\b(?! ?(365|20\d\d|suite|apps?)\b)|\b(several|multiple|a few|some|many|a couple of|a handful of|two|three|four|five) (of (our|my|the) )?(\w+ )?(people|users|colleagues|staff|employees|members|admins|accounts|reps|designers|developers|engineers|agents|managers)\b|\b(our|the) (\w+ )?(reps|representatives|designers|developers|engineers|agents|accountants|consultants|analysts|nurses|teachers|recruiters)\b|\b(colleagues|co-?workers|guests|partners?|contractors|new (hires|starters)|team leads|department heads|office managers)\b/i, reason: 'Affects a team or several users' },
  BILLING,
  { pattern: /\b(campaigns?|simulations?|integration|group sync|api tokens?|scim|provisioning)\b/i, reason: 'Affects a campaign or an integration the organisation relies on' },
];

/** Says plainly that only they are affected. */
const ONLY_ONE =
  /\b(only me|just me|for me only|only for me|just my account|only my account|i'?m the only one|only mine|(everyone|everybody|anyone|others|the rest) else\b[^.!?\n]{0,40}\b(fine|ok|okay|works?|working|can|is able|are able)|(my )?(colleagues|co-?workers|others|the rest of (us|the team|my team|the company))\b[^.!?\n]{0,40}\b(are fine|is fine|fine|work fine|works fine|can (sign|log|open|see|access)))\b/i;

/** A privileged account (or a broad credential), whose compromise reaches the whole organisation. */
const PRIVILEGED = /\b(admins?|administrator|owner|ceo|cfo|cto|cio|ciso|coo|director|executive|exec|founder|president|vp|:write|write (scope|access)|all scopes|full access|sees? everything|can see everything|access to everything)\b/i;

/** The same signals in the other languages Kai reads (business-lexicon.ts), as word lists over the message's words. */
const WIDE_OTHER = new Lexicon(WIDE_TERMS);
const NOBODY_CAN = new NearLexicon(new Lexicon(NOBODY_TERMS, { unlessAfter: NOT_NOBODY }), CAN_TERMS);
const ONLY_ONE_OTHER = new Lexicon(ONLY_ONE_TERMS);
const WITHIN_HOURS_OTHER = new Lexicon(WITHIN_HOURS_TERMS);
const WORKAROUND_OTHER = new Lexicon(WORKAROUND_TERMS);
const GROUP_OTHER = new Lexicon(GROUP_TERMS);

/** The first signal found in the message's words in another language, with the words that showed it. */
function findOther(lists: Lexicon | NearLexicon | readonly (Lexicon | NearLexicon)[], text: string, reason: string): Found | null {
  for (const list of lists instanceof Lexicon || lists instanceof NearLexicon ? [lists] : lists) {
    const match = list.find(wordsOf(text));
    if (match) return { reason, match };
  }
  return null;
}

const NARROW = /\bonly (has|had|with|gives?)\b[^.!?]{0,30}\b(read|:read|read-only)\b|\bnot an admin\b|\bisn'?t an admin\b/i;

// ── Categories ────────────────────────────────────────────────────────────────────────────────────────

export const DEFAULT_CATEGORIES = ['security', 'outage', 'billing', 'account', 'technical', 'how_to', 'feedback', 'other'] as const;

const CATEGORY_RULES: { category: string; pattern: RegExp }[] = [
  { category: 'security', pattern: /\b(security|breach|hacked|compromised|phish(ing)? (email|attack) (got|was) (clicked|opened)|malware|ransomware|vulnerab\w*|unauthori[sz]ed|leak\w*|suspicious (login|activity))\b/i },
  { category: 'outage', pattern: /\b(outage|down|unavailable|not loading|503|502|status page|timeouts?)\b/i },
  { category: 'billing', pattern: /\b(invoice|billing|bill|payment|paid|charge[ds]?|refund|subscription|plan|pricing|vat|tax|receipt|card)\b/i },
  { category: 'account', pattern: /\b(password|log ?in|sign ?in|2fa|two[- ]factor|mfa|sso|saml|locked out|account|invite|user roles?|permissions?)\b/i },
  { category: 'how_to', pattern: /\b(how (do|can|to)|where (do|can|is)|is it possible|what is|can i)\b/i },
  { category: 'feedback', pattern: /\b(feature request|suggestion|would be nice|feedback|wish)\b/i },
  { category: 'technical', pattern: /\b(error|bug|crash\w*|broken|fails?|failing|not working|upload|download|api|integration|sync|campaign|simulation)\b/i },
];

// ── Assessment ────────────────────────────────────────────────────────────────────────────────────────

/** The sentence of `text` that contains `fragment`, trimmed to a quotable length. */
function quote(text: string, fragment: string): string {
  const sentence = text.split(/(?<=[.!?])\s+|\n+/).find((s) => s.toLowerCase().includes(fragment.toLowerCase())) ?? fragment;
  const s = sentence.trim();
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

const SECURITY_OTHER = new Lexicon(SECURITY_TERMS);
const CREDENTIALS_PHISHED = new NearLexicon(PHISHING_TERMS, CREDENTIAL_TERMS, 10);
const CREDENTIAL_LEAKED = new NearLexicon(CREDENTIAL_TERMS, LEAKED_TERMS, 8);
const LEAKED_CREDENTIAL = new NearLexicon(LEAKED_FIRST_TERMS, CREDENTIAL_TERMS, 4);

/** A security incident in progress, looked for sentence by sentence so a hypothetical one does not count. */
function securityIncident(text: string): Found | null {
  const english = securityIncidentInEnglish(text);
  if (english) return english;
  const sentences = sentenceWords(text);
  const words = SECURITY_OTHER.find(sentences);
  if (words) return { reason: 'Security incident: an account or data is compromised now', match: words };
  const phished = CREDENTIALS_PHISHED.find(sentences);
  if (phished) return { reason: 'Security incident: credentials given to a phishing page', match: phished };
  const leaked = CREDENTIAL_LEAKED.find(sentences) ?? LEAKED_CREDENTIAL.find(sentences);
  return leaked ? { reason: 'Security incident: a credential has leaked', match: leaked } : null;
}

function securityIncidentInEnglish(text: string): Found | null {
  for (const sentence of sentencesOf(text)) {
    const f = find(SECURITY, sentence);
    if (!f) continue;
    const before = sentence.slice(0, sentence.toLowerCase().indexOf(f.match.toLowerCase()));
    if (HYPOTHETICAL.test(before) || (/\?\s*$/.test(sentence) && /^(what|how|do|does|would|will|can|is|are)\b/i.test(sentence))) continue;
    return f;
  }
  return null;
}

interface Assessment {
  level: Level;
  reason: string;
  match?: string;
  /** A security incident or a deadline within hours: high whatever priority the customer gives it. */
  firm?: boolean;
  /** Work has stopped (with or without a workaround): more than the minor fault a customer may call it. */
  stopped?: boolean;
}

function assessUrgency(text: string, security: Found | null): Assessment {
  if (security) return { level: 'high', reason: security.reason, match: security.match, firm: true };
  const hours = find(WITHIN_HOURS, text) ?? findOther(WITHIN_HOURS_OTHER, text, 'A deadline within hours');
  if (hours) return { level: 'high', reason: hours.reason, match: hours.match, firm: true };
  const blocked = find(BLOCKED, text) ?? findOther(NOBODY_CAN, text, 'Nobody can work') ?? findOther(CANNOT_WORK, text, 'Blocked from working');
  const workaround = WORKAROUND.exec(text)?.[0] ?? WORKAROUND_OTHER.find(wordsOf(text));
  if (blocked && !workaround) return { level: 'high', reason: `${blocked.reason}, with no workaround`, match: blocked.match, stopped: true };
  if (blocked && workaround) return { level: 'medium', reason: `${blocked.reason}, but there is a workaround (“${workaround}”)`, match: workaround, stopped: true };
  const days = find(WITHIN_DAYS, text);
  const calm = find(NO_TIME_PRESSURE, text);
  const cosmetic = COSMETIC.exec(text);
  const problem = find(PROBLEM, text);
  // "Not urgent" or "no rush" lowers a question, not a real fault: something failing or wrong is still medium.
  const fault = problem !== null && STRONG_PROBLEM.test(text);
  if (days && (!calm || fault)) return { level: 'medium', reason: days.reason, match: days.match };
  if (cosmetic && !blocked) return { level: 'low', reason: `Cosmetic (“${cosmetic[0]}”): how something looks, not whether it works`, match: cosmetic[0] };
  if (calm && !fault) return { level: 'low', reason: calm.reason, match: calm.match };
  const question = QUESTION.exec(text);
  // "How do I stop getting an email every time…": a how-to whose only trouble is a nuisance stays a question.
  if (problem && question && HOW_TO_START.test(text) && !STRONG_PROBLEM.test(text)) return { level: 'low', reason: 'A how-to question with no time pressure', match: question[0].trim() };
  if (problem) return { level: 'medium', reason: problem.reason, match: problem.match };
  if (workaround) return { level: 'medium', reason: 'Something is not working, but there is a workaround', match: workaround };
  if (question) return { level: 'low', reason: 'A question or request with no time pressure', match: question[0].trim() || text.slice(0, 40) };
  return { level: 'low', reason: 'No sign of time pressure' };
}

const LEVEL_RANK: Record<Level, number> = { low: 0, medium: 1, high: 2 };

function assessImpact(text: string, security: Found | null): Assessment {
  const onlyOne = ONLY_ONE.exec(text)?.[0] ?? ONLY_ONE_OTHER.find(wordsOf(text));
  let result: Assessment | null = null;
  if (!onlyOne) {
    const wide =
      find(WIDE, text) ??
      findOther(WIDE_OTHER, text, 'Affects the whole organisation or most of its users') ??
      findOther(NOBODY_CAN, text, 'Affects the whole organisation or most of its users');
    // In a billing message a number of seats or users is what is billed, not who is affected.
    const billing = BILLING.pattern.test(text) && !find(BLOCKED, text);
    const count = billing ? null : (headCount(text) ?? headCountOther(text));
    if (count && (count.count >= 50 || (security && count.count >= 20))) result = { level: 'high', reason: `Affects many people (${count.match})`, match: count.match };
    else if (wide) result = { level: 'high', reason: wide.reason, match: wide.match };
    else if (count) result = { level: 'medium', reason: `Affects several people (${count.match})`, match: count.match };
    else {
      const group = find(GROUP, text) ?? findOther(GROUP_OTHER, text, 'Affects a team or several users');
      if (group) result = { level: 'medium', reason: group.reason, match: group.match };
    }
  }
  if (security) {
    const privileged = PRIVILEGED.exec(text);
    const narrow = NARROW.test(text);
    const floor: Assessment =
      privileged && !narrow
        ? { level: 'high', reason: `Security incident involving a privileged account or broad access (“${privileged[0]}”)`, match: privileged[0] }
        : { level: 'medium', reason: 'Security incident: exposure beyond one person even if one account is involved', match: security.match };
    if (!result || LEVEL_RANK[floor.level] > LEVEL_RANK[result.level]) result = floor;
  }
  if (result) return result;
  if (onlyOne) return { level: 'low', reason: 'Says only one person is affected', match: onlyOne };
  return { level: 'low', reason: 'Nothing says more than one person is affected' };
}

/** The higher of the lexicon's assessment and the business calibration (which never lowers one). */
function raised(a: Assessment, r: Raise | null): Assessment {
  return r && !a.firm && LEVEL_RANK[r.level] > LEVEL_RANK[a.level] ? { ...r, stopped: a.stopped } : a;
}

/**
 * A customer who rates it themselves is telling us how soon, as one who says "urgent" is. A priority stated below
 * high ("Medium Priority Issue", "Vorfall mittlerer Priorität") makes the urgency at most medium; a fault they
 * call minor ("a minor issue", "ce léger problème", "problema menor") is low, unless work has stopped. Neither
 * lowers a security incident or a deadline within hours.
 */
function rated(u: Assessment, text: string): Assessment {
  if (u.level === 'low' || u.firm) return u;
  const lower = (reason: string) => `${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
  const minor = u.stopped ? null : minorFault(text);
  if (minor) return { level: 'low', reason: `The customer calls it minor (“${minor}”): ${lower(u.reason)}`, match: minor };
  const stated = u.level === 'high' ? statedPriority(text) : null;
  if (stated) return { level: 'medium', reason: `The customer rates it ${stated.level} priority (“${stated.match}”), though: ${lower(u.reason)}`, match: stated.match };
  return u;
}

export function triageOffline(text: string, categories: readonly string[] = DEFAULT_CATEGORIES): TriageResult {
  const security = securityIncident(text);
  const u = rated(raised(assessUrgency(text, security), businessUrgency(text)), text);
  const i = raised(assessImpact(text, security), businessImpact(text));
  let urgencyReason = u.reason;
  // "urgent" said casually: the word alone, without anything that is actually time-critical.
  const casual = CASUAL_URGENT.exec(text)?.[0] ?? (u.level === 'low' ? saidUrgent(text) : null);
  if (casual && u.level === 'low') urgencyReason = `Says “${casual}” but describes no outage, security issue or deadline within hours; ${u.reason.charAt(0).toLowerCase()}${u.reason.slice(1)}`;
  const evidence: string[] = [];
  for (const m of [u.match ?? (u.level === 'low' ? casual : undefined), i.match]) {
    if (!m) continue;
    const q = quote(text, m);
    if (!evidence.includes(q)) evidence.push(q);
  }
  let category = CATEGORY_RULES.find((c) => categories.includes(c.category) && c.pattern.test(text))?.category ?? (categories.includes('other') ? 'other' : (categories[0] ?? 'other'));
  if (security && categories.includes('security')) category = 'security';
  return { urgency: u.level, urgencyReason, impact: i.level, impactReason: i.reason, category, evidence };
}
