import { openDemoKb } from './server/src/ai/eval/demo-kb';
import { loadAnswerSet } from './server/src/ai/eval/sets';
import { RANK_WEIGHTS, TUNING, setHeadingBonus } from './server/src/kb/search-index';
const demo = await openDemoKb();
const index = demo.kb.index(demo.siteId);
const items = loadAnswerSet().filter((i) => i.split === 'dev' && i.article);
const rows: string[] = [];
for (const tb of [1, 2, 3]) for (const gb of [0.5, 1, 2]) for (const pw of [0.5, 1]) for (const p of [0, 0.5, 1, 2]) for (const c of [0, 0.5]) {
  TUNING.titleBoost = tb; TUNING.tagsBoost = gb; TUNING.scorePower = pw; RANK_WEIGHTS.passage = p; RANK_WEIGHTS.coverage = c; RANK_WEIGHTS.score = 1;
  let hit = 0;
  for (const it of items) { const h = index.search(it.question, 5)[0]; if (h && demo.slugOf(h.articleId) === it.article) hit++; }
  rows.push(`${hit}/${items.length} title=${tb} tags=${gb} pw=${pw} pass=${p} cov=${c}`);
}
rows.sort((a, b) => Number(b.split('/')[0]) - Number(a.split('/')[0]));
console.log(rows.slice(0, 20).join('\n'));
console.log(rows.filter((r) => r.includes('title=3 tags=2 pw=0.5 pass=1 cov=0 ')).join('\n'));
await demo.db.destroy();
