/**
 * When Kai hands off or offers a person, beyond what an engine decides itself. Pure functions, the same for
 * both engines.
 */
import type { KaiTurn } from '../ai/engine';
import { asksHowToContact, soundsFrustrated } from '../ai/intents';
import { triageOffline } from '../ai/offline/triage-rules';
import { textsFor } from '../i18n';
import { queryTerms } from '../kb/text';
import { DEFAULT_SITE_SETTINGS, type HandoffRules, type SiteSettings } from '../sites/site-settings';

/** Below this confidence an answer comes with the offer of a person. */
export const LOW_CONFIDENCE = 0.6;
/** The same question this many turns running earns the offer. */
export const REPEATS_FOR_OFFER = 3;



/** Two questions are "the same" when most of their meaningful terms agree. */
export function sameQuestion(a: string, b: string): boolean {
  const ta = new Set(queryTerms(a));
  const tb = new Set(queryTerms(b));
  if (ta.size === 0 || tb.size === 0) return a.trim().toLowerCase() === b.trim().toLowerCase();
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / Math.max(ta.size, tb.size) >= 0.6;
}

/** True when the visitor's last `REPEATS_FOR_OFFER` messages (this one included) ask the same thing. */
export function isRepeating(previousVisitorMessages: string[], message: string): boolean {
  const recent = previousVisitorMessages.slice(-(REPEATS_FOR_OFFER - 1));
  return recent.length === REPEATS_FOR_OFFER - 1 && recent.every((m) => sameQuestion(m, message));
}

/** Why a turn should carry the offer of a person, if it should. */
export function offerReason(input: { message: string; previousVisitorMessages: string[]; turn: KaiTurn }): string | null {
  if (soundsFrustrated(input.message)) return 'frustration';
  if (isRepeating(input.previousVisitorMessages, input.message)) return 'repeated_question';
  if (asksHowToContact(input.message)) return 'asked_for_contact';
  if (input.turn.confidence < LOW_CONFIDENCE) return 'low_confidence';
  return null;
}

/**
 * Applies the offer rule to an engine's turn: at most once per conversation, on frustration, the same question
 * three turns running, low confidence, or a question about contacting support. A turn that already hands off
 * or offers is left alone.
 */
export function withHandoffOffer(
  turn: KaiTurn,
  input: { message: string; previousVisitorMessages: string[]; offeredHandoff: boolean; language?: string | null | undefined },
): KaiTurn {
  if (turn.action !== 'answer' || input.offeredHandoff) return turn;
  const reason = offerReason({ ...input, turn });
  if (!reason) return turn;
  const texts = textsFor(input.language);
  const apology = reason === 'frustration' ? texts.frustratedApology : reason === 'repeated_question' ? texts.repeatedApology : '';
  const reply = turn.reply ? `${apology}${turn.reply}\n\n${texts.offer}` : `${apology}${texts.offer}`;
  return { ...turn, action: 'offer_handoff', reply };
}

/** A site rule that hands this conversation to a person at once, if any. */
export function policyHandoff(rules: HandoffRules, input: { category: string; verified: boolean; email: string | null; externalId: string | null }): string | null {
  if (rules.categories.includes(input.category)) return `category ${input.category} always goes to a person`;
  if (input.verified) {
    if (input.email && rules.vipEmails.map((e) => e.toLowerCase()).includes(input.email.toLowerCase())) return 'VIP customer';
    if (input.externalId && rules.vipUserIds.includes(input.externalId)) return 'VIP customer';
  }
  return null;
}

/** Who wrote, as far as the site's rules care: VIP rules apply only to a verified identity. */
export interface VisitorIdentity {
  verified: boolean;
  email: string | null;
  externalId: string | null;
}

/** What a conversation decides before Kai is asked: the name Kai speaks under, and a site rule that hands off. */
export interface TurnPlan {
  agentName: string;
  /** Why a site rule hands this message to a person at once, or null when Kai answers. */
  policy: string | null;
}

/**
 * The one decision both a real conversation (kai-turn.ts) and the desk's preview (`POST /api/ai/preview`) make
 * before Kai answers, so that "Try Kai" shows what a visitor would get: the site's agent name and its handoff
 * rules (categories such as security, VIP customers), judged on the offline triage's category.
 */
export function planTurn(message: string, settings: SiteSettings | null, visitor: VisitorIdentity): TurnPlan {
  const agentName = settings?.agentName ?? DEFAULT_SITE_SETTINGS.agentName;
  if (!settings) return { agentName, policy: null };
  const { category } = triageOffline(message);
  return { agentName, policy: policyHandoff(settings.handoffRules, { category, ...visitor }) };
}
