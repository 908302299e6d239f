/**
 * `npm run eval`: runs Kai over the labelled evaluation sets (server/src/ai/eval/) and prints the figures for
 * the dev split, the test split and both together (and the answers in each of the six languages; with the
 * offline engine, the dev answers at each refusal threshold of COVERAGE_SWEEP), then what the engine got wrong
 * on the test split.
 *
 *   npm run eval                      the embedded offline engine over the demo knowledge base
 *   npm run eval -- --engine llm      the engine createKai picks from the environment (needs OPENAI_API_KEY)
 *   npm run eval -- --list dev        list the mistakes on the dev split instead (tune on dev, never on test)
 *   npm run eval -- --list dev --verbose   also list the third-party tickets triaged wrong on that split
 *
 * A measurement, not a test: the floors that fail CI are in server/src/ai/eval/eval.test.ts.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { LEVELS, type Level } from '../shared/priority';
import { createKai } from '../server/src/ai/create-kai';
import type { KaiEngine } from '../server/src/ai/engine';
import { MIN_COVERAGE, OfflineEngine } from '../server/src/ai/offline/offline-engine';
import { openDemoKb, type DemoKb } from '../server/src/ai/eval/demo-kb';
import {
  evaluateAnswers,
  evaluateTriage,
  inSplit,
  scoreAnswers,
  scoreTriage,
  type AnswerOutcome,
  type AnswerReport,
  type LevelFigures,
  type SplitFilter,
  type TriageReport,
} from '../server/src/ai/eval/evaluate';
import { loadAnswerSet, loadTriageSet } from '../server/src/ai/eval/sets';
import { loadThirdPartyTickets, ticketText } from '../server/src/ai/eval/third-party';
import { byLanguage, evaluateThirdParty, FOLDS, type ThirdPartyReport } from '../server/src/ai/eval/third-party-eval';
import type { PriorityFigures } from '../server/src/ai/eval/baselines';
import { loadThirdPartyKbSet, openThirdPartyKb } from '../server/src/ai/eval/third-party-kb';
import { evaluateLanguages, loadLanguageKbSet } from '../server/src/ai/eval/languages-kb';
import type { KnowledgeBase } from '../server/src/kb/knowledge-base';
import { loadConfig } from '../server/src/config';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'offline' },
    list: { type: 'string', default: 'test' },
    verbose: { type: 'boolean', default: false },
  },
});
const listSplit = values.list as SplitFilter;

const pct = (x: number | null) => (x === null ? '    –' : `${(x * 100).toFixed(1).padStart(5)}%`);
const cut = (s: string, n: number) => {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

function levelTable(name: string, f: LevelFigures): string[] {
  const lines = [`  ${name}: accuracy ${pct(f.accuracy)} (n=${f.n})`];
  lines.push(`    truth \\ predicted   high  medium     low   | recall  precision`);
  for (const t of LEVELS) {
    const row = LEVELS.map((p) => String(f.confusion[t][p]).padStart(6)).join('  ');
    const c = f.perClass[t];
    lines.push(`    ${t.padEnd(18)}${row}   | ${pct(c.recall)}  ${pct(c.precision)}`);
  }
  return lines;
}

function printTriage(split: SplitFilter, r: TriageReport): void {
  console.log(`\n### Triage, ${split} (n=${r.n})`);
  console.log(`  accuracy: urgency ${pct(r.urgency.accuracy)}   impact ${pct(r.impact.accuracy)}   priority ${pct(r.priority.accuracy)}`);
  for (const [name, f] of [['urgency', r.urgency], ['impact', r.impact], ['priority', r.priority]] as const) console.log(levelTable(name, f).join('\n'));
}

function printAnswers(split: SplitFilter, r: AnswerReport): void {
  console.log(`\n### Answers, ${split} (${r.answerable} answerable, ${r.unanswerable} unanswerable${r.incidents ? `, ${r.incidents} security incidents` : ''})`);
  console.log(`  ${answerFigures(r)}`);
}

function answerFigures(r: AnswerReport): string {
  const incidents = r.incidentHandoff === null ? '' : `   incidents to a person ${pct(r.incidentHandoff)}`;
  return `source hit@1 ${pct(r.hitAt1)}   honest refusals ${pct(r.honestRefusal)}   false refusals ${pct(r.falseRefusal)}   answered unanswerable ${pct(r.falseAnswer)}${incidents}`;
}

/** Answers in each language (languages-kb.ts), per split; returns the misses of `listSplit`. */
async function languageAnswers(engineOver: (kb: KnowledgeBase) => KaiEngine): Promise<AnswerOutcome[]> {
  const set = loadLanguageKbSet();
  const misses: AnswerOutcome[] = [];
  for (const split of ['dev', 'test'] as const) {
    const reports = await evaluateLanguages(engineOver, set, inSplit(set.questions, split));
    console.log(`\n### Answers per language, ${split} (six demo articles written in each language; per language ${reports.get('en')?.answerable} answerable, ${reports.get('en')?.unanswerable} unanswerable, ${reports.get('en')?.incidents} security incidents)`);
    for (const [language, r] of reports) {
      console.log(`  ${language}  ${answerFigures(r)}`);
      if (split === listSplit || listSplit === 'all') misses.push(...r.misses);
    }
  }
  return misses;
}

const short = (l: Level) => l[0]!.toUpperCase();

function figuresRow(name: string, f: PriorityFigures): string {
  return `    ${name.padEnd(22)} ${pct(f.accuracy)}    ${pct(f.macroF1)}    ${pct(f.highRecall)}    ${pct(f.withinOne)}`;
}

function printThirdParty(split: 'dev' | 'test', r: ThirdPartyReport): void {
  console.log(`\n### Third-party tickets, ${split}, ${r.language} (n=${r.n}; baselines: ${FOLDS}-fold cross-validation on these tickets)`);
  console.log(`    ${'priority'.padEnd(22)}  accuracy  macro-F1  high recall  within one`);
  console.log(figuresRow(`Kai (${r.n} unseen)`, r.kai));
  console.log(figuresRow('naive Bayes baseline', r.naiveBayes));
  if (r.fitted) console.log(figuresRow('LR, words + Kai signals', r.fitted));
  console.log(figuresRow('majority baseline', r.majority));
  console.log(levelTable('Kai priority', r.kai).slice(1).join('\n'));
}

/** Answers over a knowledge base and questions written by others (third-party-kb.ts), per split; returns the misses. */
async function thirdPartyAnswers(engineOver: (kb: KnowledgeBase) => KaiEngine): Promise<AnswerOutcome[]> {
  const set = loadThirdPartyKbSet();
  if (!set) {
    console.log('\n### Third-party knowledge base: server/src/ai/eval/third-party/ is missing from this copy (see its LICENSE.md)');
    return [];
  }
  const third = await openThirdPartyKb(set.articles);
  const all = await evaluateAnswers(engineOver(third.kb), set.questions, { siteId: third.siteId, slugOf: third.slugOf });
  await third.db.destroy();
  for (const split of ['dev', 'test', 'all'] as const) {
    const ids = new Set(inSplit(set.questions, split).map((i) => i.id));
    const r = scoreAnswers(all.outcomes.filter((o) => ids.has(o.item.id)));
    console.log(`\n### Third-party knowledge base (CDC COVID-19 FAQ, ${set.articles.length} articles; deepset's paraphrased questions), ${split} (${r.answerable} answerable, ${r.unanswerable} unanswerable)`);
    console.log(`  ${answerFigures(r)}`);
  }
  return all.misses;
}

/** The offline engine's refusal threshold and its neighbours on the dev questions: what chose it. */
const COVERAGE_SWEEP = [0.25, 0.3, 0.35, 0.4, 0.45];

/**
 * The dev answers of our own knowledge base and the third-party one at each threshold of COVERAGE_SWEEP, so the
 * trade-off between answering and refusing that chose MIN_COVERAGE is printed, not remembered. Dev only.
 */
async function coverageSweep(demo: DemoKb): Promise<void> {
  const set = loadThirdPartyKbSet();
  const third = set ? await openThirdPartyKb(set.articles) : null;
  const ownDev = inSplit(loadAnswerSet(), 'dev');
  console.log(`\n### Refusal threshold (MIN_COVERAGE, chosen ${MIN_COVERAGE}), dev questions of our own knowledge base${third ? ' and the third-party one' : ''}`);
  for (const minCoverage of COVERAGE_SWEEP) {
    const own = await evaluateAnswers(new OfflineEngine(demo.kb, undefined, minCoverage), ownDev, { siteId: demo.siteId, slugOf: demo.slugOf });
    let line = `  ${minCoverage === MIN_COVERAGE ? '→' : ' '} ${minCoverage.toFixed(2)}  own: hit@1 ${pct(own.hitAt1)}  honest ${pct(own.honestRefusal)}  false ${pct(own.falseRefusal)}`;
    if (third && set) {
      const r = await evaluateAnswers(new OfflineEngine(third.kb, undefined, minCoverage), inSplit(set.questions, 'dev'), { siteId: third.siteId, slugOf: third.slugOf });
      line += `   third-party: hit@1 ${pct(r.hitAt1)}  honest ${pct(r.honestRefusal)}  false ${pct(r.falseRefusal)}`;
    }
    console.log(line);
  }
  await third?.db.destroy();
}

async function main(): Promise<void> {
  if (!['dev', 'test', 'all'].includes(listSplit)) throw new Error('--list must be dev, test or all');
  if (values.engine !== 'offline' && values.engine !== 'llm') throw new Error('--engine must be offline or llm');
  const demo = await openDemoKb();
  const engineOver = (kb: KnowledgeBase): KaiEngine => {
    if (values.engine === 'offline') return new OfflineEngine(kb);
    const config = loadConfig();
    if (!config.openai) throw new Error('--engine llm needs OPENAI_BASE_URL (a local model server) or OPENAI_API_KEY, and usually AI_MODEL');
    return createKai(config, kb, pino({ level: 'warn' }));
  };
  const engine = engineOver(demo.kb);

  const triageSet = loadTriageSet();
  const answerSet = loadAnswerSet();
  console.log(`# Kai evaluation: ${engine.kind} engine, ${triageSet.length} triage items, ${answerSet.length} questions`);

  const t0 = performance.now();
  // Run every item once, then score each split from the same predictions.
  const triageAll = await evaluateTriage(engine, triageSet);
  const answersAll = await evaluateAnswers(engine, answerSet, { siteId: demo.siteId, slugOf: demo.slugOf });
  const elapsed = performance.now() - t0;

  const triageOf = (split: SplitFilter): TriageReport => {
    const ids = new Set(inSplit(triageSet, split).map((i) => i.id));
    const outcomes = triageAll.outcomes.filter((o) => ids.has(o.item.id));
    return scoreTriage(
      outcomes.map((o) => o.item),
      outcomes.map((o) => ({ id: o.item.id, urgency: o.urgency, impact: o.impact })),
    );
  };
  const answersOf = (split: SplitFilter): AnswerReport => {
    const ids = new Set(inSplit(answerSet, split).map((i) => i.id));
    return scoreAnswers(answersAll.outcomes.filter((o) => ids.has(o.item.id)));
  };

  for (const split of ['dev', 'test', 'all'] as const) {
    printTriage(split, triageOf(split));
    printAnswers(split, answersOf(split));
  }

  const thirdParty = loadThirdPartyTickets();
  const thirdPartyReports: ThirdPartyReport[] = [];
  if (!thirdParty) console.log('\n### Third-party tickets: server/src/ai/eval/third-party/ is missing from this copy (see its LICENSE.md)');
  else {
    for (const split of ['dev', 'test'] as const) {
      for (const tickets of byLanguage(thirdParty, split)) {
        const report = await evaluateThirdParty(engine, tickets, { fitted: true });
        printThirdParty(split, report);
        if (split === listSplit || listSplit === 'all') thirdPartyReports.push(report);
      }
    }
  }

  const kbMisses = await thirdPartyAnswers(engineOver);
  const languageMisses = await languageAnswers(engineOver);
  if (values.engine === 'offline') await coverageSweep(demo);

  const tri = triageOf(listSplit);
  console.log(`\n## Misclassified ${listSplit} triage items (${tri.misclassified.length} of ${tri.n}): truth → predicted as urgency/impact = priority`);
  for (const o of tri.misclassified) {
    console.log(`  ${o.item.id}  ${short(o.item.urgency)}/${short(o.item.impact)}=${short(o.item.priority)} → ${short(o.urgency)}/${short(o.impact)}=${short(o.priority)}  ${cut(o.item.text, 90)}`);
  }
  const near = tri.outcomes.filter((o) => o.priority === o.item.priority && (o.urgency !== o.item.urgency || o.impact !== o.item.impact));
  console.log(`  (right priority for a wrong reason: ${near.length}: ${near.map((o) => o.item.id).join(' ') || 'none'})`);

  const ans = answersOf(listSplit);
  console.log(`\n## Missed ${listSplit} questions (${ans.misses.length} of ${ans.answerable + ans.unanswerable}): expected → got`);
  for (const o of ans.misses) {
    const got = o.refused ? 'refused' : (o.firstSlug ?? `${o.action}, no source`);
    console.log(`  ${o.item.id}  ${(o.item.incident ? 'a person (incident)' : (o.item.article ?? '(none)')).padEnd(26)} → ${got.padEnd(26)} ${cut(o.item.question, 70)}`);
  }
  console.log(`\n## Missed ${listSplit} questions per language: expected → got`);
  for (const o of languageMisses) {
    const got = o.refused ? 'refused' : (o.firstSlug ?? `${o.action}, no source`);
    console.log(`  ${o.item.id}  ${(o.item.incident ? 'a person (incident)' : (o.item.article ?? '(none)')).padEnd(26)} → ${got.padEnd(26)} ${cut(o.item.question, 70)}`);
  }
  if (values.verbose) {
    console.log(`\n## Third-party knowledge base, ${listSplit} questions missed: expected → got`);
    for (const o of kbMisses.filter((m) => listSplit === 'all' || m.item.split === listSplit)) {
      const got = o.refused ? 'refused' : (o.firstSlug ?? `${o.action}, no source`);
      console.log(`  ${o.item.id}  ${cut(o.item.article ?? '(none)', 34).padEnd(34)} → ${cut(got, 34).padEnd(34)} ${cut(o.item.question, 70)}`);
    }
    for (const r of thirdPartyReports) {
      console.log(`\n## Third-party ${r.language} tickets Kai got wrong (truth → predicted)`);
      r.tickets.forEach((t, i) => {
        if (r.predicted[i] !== t.priority) console.log(`  ${t.id}  ${short(t.priority)} → ${short(r.predicted[i]!)}  ${cut(ticketText(t), 110)}`);
      });
    }
  }
  console.log(`\n(${(elapsed / (triageSet.length + answerSet.length)).toFixed(2)} ms per item)`);
  await demo.db.destroy();
}

try {
  await main();
} catch (err) {
  console.error(`eval: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
