import { openDemoKb } from './server/src/ai/eval/demo-kb';
import { loadAnswerSet } from './server/src/ai/eval/sets';
import { OfflineEngine } from './server/src/ai/offline/offline-engine';
const demo = await openDemoKb();
const engine = new OfflineEngine(demo.kb);
for (const it of loadAnswerSet().filter((i) => i.split === (process.argv[2] ?? 'dev') && i.article)) {
  const t = engine.decide({ siteId: demo.siteId, message: it.question, history: [], agentName: 'Kai', offeredHandoff: false });
  console.log(`\n## ${it.question}  [${t.action} ${t.confidence.toFixed(2)} ${t.sources[0]?.title ?? '-'}]\n${t.reply}`);
}
await demo.db.destroy();
