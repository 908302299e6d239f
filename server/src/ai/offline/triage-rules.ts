import type { Level } from '../../../../shared/priority';
import type { TriageResult } from '../engine';

/**
 * The offline triage model: a transparent lexicon. Each rule names what it recognised, so the reason an
 * agent reads is the rule that fired. Urgency (how soon it must be fixed) and impact (how many and how
 * badly are affected) are assessed separately; priority is the matrix's job, not ours.
 */
interface Rule {
  level: Level;
  pattern: RegExp;
  reason: string;
}

const URGENCY_RULES: Rule[] = [
  { level: 'high', pattern: /\b(security (incident|breach)|breach(ed)?|hacked|compromised|ransomware|malware|data (leak|exposed|loss)|leaked|unauthori[sz]ed (access|login)|account takeover|stolen credentials?)\b/i, reason: 'Possible security incident: needs action now' },
  { level: 'high', pattern: /\b(outage|(is|are|went|gone|been) down|down for|not loading for anyone|(completely|totally) (down|broken|unavailable)|503|502|500 error|service unavailable|can'?t (access|reach|open) (the )?(site|app|service|platform|dashboard))\b/i, reason: 'Service down or unreachable' },
  { level: 'high', pattern: /\b(emergency|critical|sev(erity)?[ -]?1|p1|production (is )?(down|broken|stopped))\b/i, reason: 'Reported as critical or an emergency' },
  { level: 'high', pattern: /\b(within (the|an|1|one|the next) hour|in the next hour|by (noon|midday|end of (the )?day|eod|tonight|\d{1,2}(:\d\d)?\s?(am|pm))( today)?|(deadline|due|expires?|suspend\w*|cut off|shut off)[^.?!]{0,30}\b(today|tonight|tomorrow morning|in \d+ hours?)|today'?s deadline|audit (is )?(today|tomorrow))\b/i, reason: 'A deadline within hours' },
  { level: 'high', pattern: /\b(account (is |has been )?(suspended|locked|disabled|deactivated)|locked out|can'?t (log ?in|sign ?in|access (my|our) account)[^.?!]{0,40}\b(all|every|anyone|nobody)|nobody can (log ?in|sign ?in|work|access))\b/i, reason: 'Blocked from working entirely' },
  { level: 'medium', pattern: /\b(can'?t|cannot|unable to|won'?t|doesn'?t|does not|isn'?t|is not|not working|fails?|failing|failed|error|broken|bug|crash\w*|stuck|blocked|blocking)\b/i, reason: 'Something is not working, with no sign it must be fixed within hours' },
  { level: 'medium', pattern: /\b(today|tomorrow|this week|by friday|by monday|soon|asap|as soon as possible|quickly|urgent(ly)?)\b/i, reason: 'Wanted soon, but no hard deadline within hours' },
  { level: 'low', pattern: /\b(how (do|can|to)|is it possible|question|wondering|curious|feature request|suggestion|would be nice|no rush|whenever|when you (get|have) a (chance|moment)|not urgent|just (wanted|checking)|fyi)\b/i, reason: 'A question or request with no time pressure' },
];

const IMPACT_RULES: Rule[] = [
  { level: 'high', pattern: /\b(everyone|every(one|body) (in|at|on)|all (of )?(our |the )?(users|staff|employees|customers|accounts|teams?|offices?|sites?|people)|whole (company|organi[sz]ation|team|office|business)|entire (company|organi[sz]ation|team|office|business|platform)|company[- ]wide|organi[sz]ation[- ]wide|nobody|no ?one (can|is able)|production|all of us|(hundreds|thousands) of|\b([5-9]\d|\d{3,})\s+(users|people|staff|employees|customers|seats|accounts))\b/i, reason: 'Affects the whole organisation or many users' },
  { level: 'high', pattern: /\b(customer data|personal data|data (leak|exposed|breach)|breach(ed)?|compromised|ransomware|leaked|payroll|legal|regulator|gdpr (breach|incident))\b/i, reason: 'Data or legal exposure beyond one user' },
  { level: 'medium', pattern: /\b(our team|my team|the team|several|some (of (our|my) )?(users|people|colleagues|staff)|a few (users|people|of us|colleagues)|multiple|department|our (department|group|office)|colleagues|co-?workers|(\b([2-9]|[1-4]\d)\s+(users|people|staff|colleagues|employees|seats|accounts)))\b/i, reason: 'Affects a team or several users' },
  { level: 'medium', pattern: /\b(invoice|billing|payment|charged|refund|subscription|renewal)\b/i, reason: 'Affects the account or billing, not just one person' },
  { level: 'low', pattern: /\b(i |i'm|i am|my |me\b|myself|just me|only me|one user|a user|single user)\b/i, reason: 'Affects one person' },
];

const CASUAL_URGENT = /\b(urgent(ly)?|asap|as soon as possible)\b/i;

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

function firstMatch(rules: Rule[], text: string): { rule: Rule; match: string } | null {
  for (const rule of rules) {
    const m = rule.pattern.exec(text);
    if (m) return { rule, match: m[0] };
  }
  return null;
}

/** The sentence of `text` that contains `fragment`, trimmed to a quotable length. */
function quote(text: string, fragment: string): string {
  const sentence = text.split(/(?<=[.!?\n])\s+/).find((s) => s.toLowerCase().includes(fragment.toLowerCase())) ?? fragment;
  const s = sentence.trim();
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

export function triageOffline(text: string, categories: readonly string[] = DEFAULT_CATEGORIES): TriageResult {
  const evidence: string[] = [];
  const u = firstMatch(URGENCY_RULES, text);
  let urgency: Level = 'low';
  let urgencyReason = 'No sign of time pressure';
  if (u) {
    urgency = u.rule.level;
    urgencyReason = u.rule.reason;
    evidence.push(quote(text, u.match));
    // "urgent" said casually: only the word, without anything that is actually time-critical.
    if (u.rule.level === 'medium' && CASUAL_URGENT.test(u.match)) urgencyReason = `Says “${u.match}” but describes no outage, security issue or deadline within hours`;
  }
  const i = firstMatch(IMPACT_RULES, text);
  let impact: Level = 'low';
  let impactReason = 'Nothing says more than one person is affected';
  if (i) {
    impact = i.rule.level;
    impactReason = i.rule.reason;
    const q = quote(text, i.match);
    if (!evidence.includes(q)) evidence.push(q);
  }
  const category = CATEGORY_RULES.find((c) => categories.includes(c.category) && c.pattern.test(text))?.category ?? (categories.includes('other') ? 'other' : categories[0] ?? 'other');
  return { urgency, urgencyReason, impact, impactReason, category, evidence };
}
