import { openDemoKb } from './server/src/ai/eval/demo-kb';
import { loadAnswerSet } from './server/src/ai/eval/sets';
const demo = await openDemoKb();
const index = demo.kb.index(demo.siteId);
const split = process.argv[2] ?? 'dev';
const items = loadAnswerSet().filter((i) => split === 'all' || i.split === split);
const data = items.map((it) => { const h = index.search(it.question, 5)[0]; return { it, cov: h?.coverage ?? 0, score: h?.score ?? 0, right: !!h && demo.slugOf(h.articleId) === it.article }; });
for (const d of [...data].sort((a, b) => a.cov - b.cov)) console.log(`${d.it.article === null ? 'UNANS' : d.right ? 'right' : 'wrong'} cov=${d.cov.toFixed(2)} score=${d.score.toFixed(1).padStart(7)} ${d.it.question.slice(0, 60)}`);
const ans = data.filter((d) => d.it.article), un = data.filter((d) => !d.it.article);
for (const mc of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55]) for (const ms of [0, 4, 8, 15]) {
  const ok = (d: typeof data[0]) => d.cov >= mc && d.score >= ms;
  const hit = ans.filter((d) => ok(d) && d.right).length / ans.length;
  const fr = ans.filter((d) => !ok(d)).length / ans.length;
  const hr = un.filter((d) => !ok(d)).length / un.length;
  console.log(`cov≥${mc} score≥${ms}: hit@1 ${(hit * 100).toFixed(1)} falseRef ${(fr * 100).toFixed(1)} honest ${(hr * 100).toFixed(1)}`);
}
await demo.db.destroy();
