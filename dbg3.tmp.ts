import { openDemoKb } from './server/src/ai/eval/demo-kb';
import { loadAnswerSet } from './server/src/ai/eval/sets';
const demo = await openDemoKb();
const index = demo.kb.index(demo.siteId);
const split = process.argv[2] ?? 'dev';
const only = process.argv[3];
for (const it of loadAnswerSet().filter((i) => split === 'all' || i.split === split)) {
  if (only && !only.split(',').includes(it.id)) continue;
  const hits = index.search(it.question, 5);
  const top = hits.slice(0, 3).map((h) => `${demo.slugOf(h.articleId)}(${h.score.toFixed(1)},${h.coverage.toFixed(2)})`).join(' ');
  const ok = hits[0] && demo.slugOf(hits[0].articleId) === it.article ? '✓' : it.article === null ? '∅' : '✗';
  console.log(`${ok} ${it.id} [${it.article}] ${it.question.slice(0, 60)}\n     ${top}\n     ${(hits[0]?.units ?? []).map((u) => `${u.label}:${u.weight.toFixed(2)}`).join(' ')}`);
}
await demo.db.destroy();
