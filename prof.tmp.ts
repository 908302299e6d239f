import { performance } from 'node:perf_hooks';
import { migrateToLatest, openDatabase } from './server/src/db/database';
import { KnowledgeBase, readDemoArticles } from './server/src/kb/knowledge-base';
import { ensureDemoSite } from './server/src/sites/site.repository';
import { composeAnswer } from './server/src/ai/offline/offline-engine';
import { analyseQuery } from './server/src/kb/text';
import { buildCorpus, buildQuestions } from './bench/kb-corpus';
const db = openDatabase('sqlite::memory:'); await migrateToLatest(db);
const now = new Date('2026-03-02T10:00:00Z');
const siteId = (await ensureDemoSite(db, 'http://127.0.0.1:3000', now)).id;
const kb = new KnowledgeBase(db); await kb.seedIfEmpty(siteId, buildCorpus(readDemoArticles(), 1000), now); await kb.load(siteId);
const index = kb.index(siteId);
const qs = buildQuestions(400).filter((q) => q.length > (Number(process.env.MINLEN) || 200));
let tA = 0, tS = 0, tC = 0, n = 0;
for (let pass = 0; pass < 4; pass++) for (const q of qs) {
  const t0 = performance.now(); analyseQuery(q); const t1 = performance.now();
  const hits = index.search(q, 5); const t2 = performance.now();
  if (hits[0]) composeAnswer(q, hits[0]); const t3 = performance.now();
  if (pass > 0) { tA += t1 - t0; tS += t2 - t1; tC += t3 - t2; n++; }
}
console.log(`long n=${n}: analyse ${(tA / n).toFixed(2)} search ${(tS / n).toFixed(2)} compose ${(tC / n).toFixed(2)} ms; units ${analyseQuery(qs[0]!).units.length}`);
await db.destroy();
