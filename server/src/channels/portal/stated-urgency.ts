import { LEVELS, type Level } from '../../../../shared/priority';
import { STATED_URGENCY_LABELS, type StatedUrgency } from '../../../../shared/self-service';
import type { TriageResult } from '../../ai/engine';

/** The level each plain-words answer points at. "Urgent" and "critical" both mean: today. */
const STATED_LEVEL: Record<StatedUrgency, Level> = { not_urgent: 'low', soon: 'medium', urgent: 'high', critical: 'high' };

const rank = (l: Level) => LEVELS.length - 1 - LEVELS.indexOf(l); // low 0, medium 1, high 2
const fromRank = (r: number): Level => LEVELS[LEVELS.length - 1 - Math.max(0, Math.min(LEVELS.length - 1, r))]!;

/**
 * Combines Kai's triage of the customer's words with how urgent the customer says it is (the portal's select).
 *
 * - Impact (how widely and how badly) comes from the words only: the select says nothing about how many people
 *   are affected, so a casual "critical" never makes impact high.
 * - Urgency: the customer knows their own timing, so their answer may raise the urgency the words show, but by
 *   one level at most (low → medium, medium → high); the words can always take it further on their own.
 * - The answer never lowers what the words show: people under-state a security incident or an outage as often
 *   as they over-state a question.
 *
 * So "critical" on a plain how-to question (low × low) gives medium urgency and low priority; "urgent" on
 * "payroll export fails for the whole team" (medium × high) gives high urgency and high priority. The stated
 * answer is named in the urgency reason and kept as evidence, so the agent sees what the customer chose.
 */
export function combineStatedUrgency(triage: TriageResult, stated: StatedUrgency): TriageResult {
  const label = STATED_URGENCY_LABELS[stated];
  const fromWords = rank(triage.urgency);
  const wanted = rank(STATED_LEVEL[stated]);
  const urgency = fromRank(Math.max(fromWords, Math.min(wanted, fromWords + 1)));
  const urgencyReason =
    urgency !== triage.urgency
      ? `${triage.urgencyReason}; raised to ${urgency} because the customer says: “${label}”`
      : `${triage.urgencyReason} (the customer says: “${label}”)`;
  return {
    ...triage,
    urgency,
    urgencyReason,
    evidence: [...triage.evidence, `How urgent is it for you? “${label}”`],
  };
}
