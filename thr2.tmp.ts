import { openDemoKb } from './server/src/ai/eval/demo-kb';
import { loadAnswerSet } from './server/src/ai/eval/sets';
const demo = await openDemoKb();
const index = demo.kb.index(demo.siteId);
const split = process.argv[2] ?? 'dev';
const items = loadAnswerSet().filter((i) => split === 'all' || i.split === split);
const data = items.map((it) => { const h = index.search(it.question, 5)[0]; return { it, cov: h?.coverage ?? 0, score: h?.score ?? 0, right: !!h && demo.slugOf(h.articleId) === it.article }; });
const ans = data.filter((d) => d.it.article), un = data.filter((d) => !d.it.article);
for (const mc of [0.2, 0.25, 0.3, 0.35]) for (const ms of [8, 10, 15, 20, 30]) for (const full of [0.8, 0.9, 1.01]) {
  const ok = (d: typeof data[0]) => d.cov >= mc && (d.score >= ms || d.cov >= full);
  const hit = ans.filter((d) => ok(d) && d.right).length / ans.length;
  const fr = ans.filter((d) => !ok(d)).length / ans.length;
  const hr = un.filter((d) => !ok(d)).length / un.length;
  console.log(`${(hit * 100 + hr * 100).toFixed(1)} cov≥${mc} score≥${ms} full≥${full}: hit@1 ${(hit * 100).toFixed(1)} falseRef ${(fr * 100).toFixed(1)} honest ${(hr * 100).toFixed(1)}`);
}
await demo.db.destroy();
