import { openDemoKb } from './server/src/ai/eval/demo-kb';
import { loadAnswerSet } from './server/src/ai/eval/sets';
import { RANK_WEIGHTS, TUNING, setHeadingBonus } from './server/src/kb/search-index';
const demo = await openDemoKb();
const index = demo.kb.index(demo.siteId);
const items = loadAnswerSet().filter((i) => i.split === 'dev' && i.article);
const rows: string[] = [];
for (const hb of [0, 0.5, 1, 2]) for (const pw of [0.5]) for (const eb of [0.5]) for (const c of [0, 0.5, 1, 2]) for (const p of [0, 0.5, 1, 2]) for (const sc of [0, 0.5, 1, 2, 4]) {
  TUNING.expansionBoost = eb; TUNING.scorePower = pw; setHeadingBonus(hb); RANK_WEIGHTS.coverage = c; RANK_WEIGHTS.passage = p; RANK_WEIGHTS.score = sc;
  let hit = 0;
  for (const it of items) { const h = index.search(it.question, 5)[0]; if (h && demo.slugOf(h.articleId) === it.article) hit++; }
  rows.push(`${hit}/${items.length} hb=${hb} pw=${pw} eb=${eb} cov=${c} pass=${p} score=${sc}`);
}
rows.sort((a, b) => Number(b.split('/')[0]) - Number(a.split('/')[0]));
console.log(rows.slice(0, 25).join('\n'));
await demo.db.destroy();
