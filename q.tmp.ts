import { openDemoKb } from './server/src/ai/eval/demo-kb';
import { analyseQuery } from './server/src/kb/text';
const demo = await openDemoKb();
const index = demo.kb.index(demo.siteId);
for (const q of process.argv.slice(2)) {
  console.log(q, JSON.stringify(analyseQuery(q).units.map((u) => u.label)), analyseQuery(q).expansion.map((m) => m.raw).join(','));
  for (const h of index.search(q, 4)) console.log(`   ${demo.slugOf(h.articleId)} score=${h.score.toFixed(1)} cov=${h.coverage.toFixed(2)} passage=${h.heading}`);
}
await demo.db.destroy();
