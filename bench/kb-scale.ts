/**
 * The offline engine on a 1,000-article knowledge base (bench/kb-corpus.ts: the 24 demo articles plus 976
 * generated ones, deterministic): answer time per question (budget p99 < 20 ms) and offline triage time
 * over the same texts (budget p99 < 5 ms). Engine only, in this process: no socket, no database access per
 * question (the index is in memory, as in the server).
 *
 *   node --import tsx bench/kb-scale.ts      on its own; `npm run bench` runs it too
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { migrateToLatest, openDatabase } from '../server/src/db/database';
import { KnowledgeBase, readDemoArticles } from '../server/src/kb/knowledge-base';
import { ensureDemoSite } from '../server/src/sites/site.repository';
import { OfflineEngine } from '../server/src/ai/offline/offline-engine';
import { triageOffline } from '../server/src/ai/offline/triage-rules';
import { buildCorpus, buildQuestions } from './kb-corpus';

export const KB_ARTICLES = 1000;
export const KB_QUESTIONS = 400;
/** Timed passes over the questions (after one warm-up pass). */
const PASSES = 3;
export const ANSWER_P99_BUDGET_MS = 20;
export const TRIAGE_P99_BUDGET_MS = 5;
/** Texts longer than this are reported apart as well: several sentences, many search terms. */
const LONG_MESSAGE = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(samples: number[], budgetP99: number): string {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  const p99 = percentile(s, 99);
  return (
    `p50 ${percentile(s, 50).toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, mean ${mean.toFixed(3)} ms, max ${s[s.length - 1]!.toFixed(3)} ms ` +
    `(n=${s.length}; budget p99 < ${budgetP99} ms: ${p99 < budgetP99 ? 'OK' : 'OVER'})`
  );
}

export async function benchKbScale(): Promise<void> {
  console.log(`\n## Kai offline on a ${KB_ARTICLES.toLocaleString('en')}-article knowledge base (engine only, in-process)`);
  console.log(`  (machine: ${cpus().length} CPUs, 1-minute load average ${loadavg()[0]!.toFixed(2)} at the start)`);
  const db = openDatabase('sqlite::memory:');
  try {
    await migrateToLatest(db);
    const now = new Date('2026-03-02T10:00:00Z');
    const siteId = (await ensureDemoSite(db, 'http://127.0.0.1:3000', now)).id;
    const demo = readDemoArticles();
    const corpus = buildCorpus(demo, KB_ARTICLES);
    const kb = new KnowledgeBase(db);
    await kb.seedIfEmpty(siteId, corpus, now);
    const t0 = performance.now();
    await kb.load(siteId);
    const loadMs = performance.now() - t0;
    const index = kb.index(siteId);
    const chars = corpus.reduce((n, a) => n + a.body.length, 0);
    console.log(
      `  corpus: ${index.size} articles (${demo.length} demo + ${corpus.length - demo.length} generated, seed fixed), ` +
        `${(chars / 1024 / 1024).toFixed(2)} MiB of markdown; loading the index from SQLite took ${loadMs.toFixed(0)} ms`,
    );

    const engine = new OfflineEngine(kb);
    const questions = buildQuestions(KB_QUESTIONS);
    const input = (message: string) => ({ siteId, message, history: [], agentName: 'Kai', offeredHandoff: false });
    // Warm-up: one pass of each, so the JIT and MiniSearch's caches are in their steady state.
    const outcome = { answer: 0, offer_handoff: 0, handoff: 0 };
    for (const q of questions) {
      outcome[engine.decide(input(q)).action]++;
      triageOffline(q);
    }

    const answers: number[] = [];
    const shortAnswers: number[] = [];
    const longAnswers: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      for (const q of questions) {
        const s = performance.now();
        engine.decide(input(q));
        const ms = performance.now() - s;
        answers.push(ms);
        (q.length > LONG_MESSAGE ? longAnswers : shortAnswers).push(ms);
      }
    }
    const triages: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      for (const q of questions) {
        const s = performance.now();
        triageOffline(q);
        triages.push(performance.now() - s);
      }
    }
    const lengths = questions.map((q) => q.length).sort((a, b) => a - b);
    console.log(
      `  questions: ${questions.length} distinct texts (${lengths[0]}–${lengths[lengths.length - 1]} characters), ${PASSES} timed passes after a warm-up; ` +
        `outcomes: ${outcome.answer} answered, ${outcome.offer_handoff} "not found / offer a person", ${outcome.handoff} handoff`,
    );
    console.log(`  answer (OfflineEngine.decide: search + passage + reply): ${summary(answers, ANSWER_P99_BUDGET_MS)}`);
    console.log(`    questions of ≤ ${LONG_MESSAGE} characters: ${summary(shortAnswers, ANSWER_P99_BUDGET_MS)}`);
    console.log(`    messages of > ${LONG_MESSAGE} characters (several sentences): ${summary(longAnswers, ANSWER_P99_BUDGET_MS)}`);
    console.log(`  triage (triageOffline, what engine.triage resolves to):   ${summary(triages, TRIAGE_P99_BUDGET_MS)}`);
  } finally {
    await db.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchKbScale();
