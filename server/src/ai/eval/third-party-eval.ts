/**
 * Kai's triage on third-party tickets, side by side with the baselines, per language: the figures that say
 * whether triage generalises. The baselines are cross-validated (5 folds by position) on the same tickets Kai
 * is scored on, so they are trained on data Kai never saw; Kai itself is not trained on any of it.
 */
import { priorityOf, type Level } from '../../../../shared/priority';
import type { KaiEngine } from '../engine';
import { crossValidate, priorityFigures, trainMajority, trainNaiveBayes, type PriorityFigures } from './baselines';
import { ticketText, type ThirdPartyTicket } from './third-party';

export const FOLDS = 5;

export interface ThirdPartyReport {
  language: ThirdPartyTicket['language'];
  n: number;
  kai: PriorityFigures;
  majority: PriorityFigures;
  naiveBayes: PriorityFigures;
  /** Kai's predictions in the tickets' order, for listing mistakes. */
  predicted: Level[];
  tickets: ThirdPartyTicket[];
}

/** Triage (through the engine, as the API does) of one language's tickets, with both baselines. */
export async function evaluateThirdParty(engine: Pick<KaiEngine, 'triage'>, tickets: readonly ThirdPartyTicket[]): Promise<ThirdPartyReport> {
  const items = tickets.map((t) => ({ text: ticketText(t), label: t.priority }));
  const truth = items.map((i) => i.label);
  const predicted: Level[] = [];
  for (const item of items) {
    const t = await engine.triage(item.text);
    predicted.push(priorityOf(t.urgency, t.impact));
  }
  return {
    language: tickets[0]?.language ?? 'en',
    n: tickets.length,
    kai: priorityFigures(truth, predicted),
    majority: priorityFigures(truth, crossValidate(items, FOLDS, trainMajority)),
    naiveBayes: priorityFigures(truth, crossValidate(items, FOLDS, trainNaiveBayes)),
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
