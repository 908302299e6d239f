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

/** True when the visitor asks, in words, for a person ("can I talk to a human?", "agent please"). */
export function asksForPerson(text: string): boolean {
  return ASK_FOR_PERSON.some((re) => re.test(text));
}

/** Longer than this, a message that asks for a person also says what the problem is. */
const PERSON_REQUEST_ONLY_CHARS = 60;

/** A message that asks for a person and says nothing else worth a ticket's subject ("human please"). */
export function asksOnlyForPerson(text: string): boolean {
  return text.trim().length < PERSON_REQUEST_ONLY_CHARS && asksForPerson(text);
}

const FRUSTRATION = /\b(useless|not helpful|unhelpful|doesn'?t help|didn'?t help|not what i asked|stupid|ridiculous|waste of time|fed up|frustrat\w*|annoy\w*|terrible|awful|rubbish|garbage)\b|!{3,}|\?{3,}/i;

/** Signs that the visitor is losing patience with Kai. */
export function soundsFrustrated(text: string): boolean {
  if (FRUSTRATION.test(text)) return true;
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 12 && letters === letters.toUpperCase();
}

/** Asking how to reach support is a cue to offer a person as well as answering. */
export function asksHowToContact(text: string): boolean {
  return /\b(contact|reach|call|phone|email)\b[^.?!]{0,30}\b(support|you|team|someone|help\s*desk)\b/i.test(text);
}

export function isGreeting(text: string): boolean {
  return /^\W*(hi|hello|hey|hiya|good (morning|afternoon|evening)|yo)\b[\s\W]*(there|kai)?\W*$/i.test(text.trim());
}

export function isThanks(text: string): boolean {
  return /^\W*(thanks?|thank you|thx|cheers|ta|great|perfect|that helps?|that worked|got it)\b[^?]*$/i.test(text.trim()) && text.length < 80;
}
