/**
 * Kai's triage on third-party tickets, side by side with the baselines, per language: the figures that say
 * whether triage generalises. The baselines are cross-validated (5 folds by position) on the same tickets Kai
 * is scored on, so they are trained on data Kai never saw; Kai itself is not trained on any of it.
 */
import { priorityOf, type Level } from '../../../../shared/priority';
import type { KaiEngine, TriageResult } from '../engine';
import { crossValidate, priorityFigures, trainLogisticRegression, trainMajority, trainNaiveBayes, words, type PriorityFigures } from './baselines';
import { ticketText, type ThirdPartyTicket } from './third-party';

export const FOLDS = 5;

export interface ThirdPartyReport {
  language: ThirdPartyTicket['language'];
  n: number;
  kai: PriorityFigures;
  majority: PriorityFigures;
  naiveBayes: PriorityFigures;
  /** Logistic regression over words and Kai's signals, cross-validated on these tickets, when asked for. */
  fitted?: PriorityFigures;
  /** Kai's predictions in the tickets' order, for listing mistakes. */
  predicted: Level[];
  tickets: ThirdPartyTicket[];
}

/** Kai's signals as features: the levels it chose and the kind of reason for each (the quoted words left out). */
function signalFeatures(t: TriageResult): string[] {
  const kind = (reason: string) => reason.replace(/\s*\(“[^”]*”\)/g, '').replace(/“[^”]*”/g, '…').slice(0, 60);
  return [`urgency:${t.urgency}`, `impact:${t.impact}`, `cell:${t.urgency}/${t.impact}`, `urgency reason:${kind(t.urgencyReason)}`, `impact reason:${kind(t.impactReason)}`];
}

/**
 * Triage (through the engine, as the API does) of one language's tickets, with the baselines; `fitted` adds the
 * logistic regression over words and Kai's signals (slower, so `npm run eval` asks for it and the tests do not).
 */
export async function evaluateThirdParty(
  engine: Pick<KaiEngine, 'triage'>,
  tickets: readonly ThirdPartyTicket[],
  options: { fitted?: boolean } = {},
): Promise<ThirdPartyReport> {
  const items = tickets.map((t) => ({ text: ticketText(t), label: t.priority }));
  const truth = items.map((i) => i.label);
  const predicted: Level[] = [];
  const signals = new Map<string, string[]>();
  for (const item of items) {
    const t = await engine.triage(item.text);
    predicted.push(priorityOf(t.urgency, t.impact));
    signals.set(item.text, signalFeatures(t));
  }
  const fitted = options.fitted
    ? priorityFigures(truth, crossValidate(items, FOLDS, trainLogisticRegression((text) => [...words(text), ...(signals.get(text) ?? [])])))
    : undefined;
  return {
    language: tickets[0]?.language ?? 'en',
    n: tickets.length,
    kai: priorityFigures(truth, predicted),
    majority: priorityFigures(truth, crossValidate(items, FOLDS, trainMajority)),
    naiveBayes: priorityFigures(truth, crossValidate(items, FOLDS, trainNaiveBayes)),
    ...(fitted ? { fitted } : {}),
    predicted,
    tickets: [...tickets],
  };
}

/** The tickets of one split grouped by language, English first. */
export function byLanguage(tickets: readonly ThirdPartyTicket[], split: 'dev' | 'test'): ThirdPartyTicket[][] {
  const groups = new Map<string, ThirdPartyTicket[]>();
  for (const t of tickets) if (t.split === split) groups.set(t.language, [...(groups.get(t.language) ?? []), t]);
  return [...groups.values()].sort((a, b) => (a[0]!.language === 'en' ? -1 : b[0]!.language === 'en' ? 1 : 0));
}
