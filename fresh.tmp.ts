// @ts-nocheck
import { TRIAGE, ANSWERS } from '/tmp/evalgen/fresh.mjs';
import { openDemoKb } from './server/src/ai/eval/demo-kb';
import { OfflineEngine } from './server/src/ai/offline/offline-engine';
import { evaluateAnswers, evaluateTriage } from './server/src/ai/eval/evaluate';
import { priorityOf } from './shared/priority';
const L = { h: 'high', m: 'medium', l: 'low' };
const demo = await openDemoKb();
const engine = new OfflineEngine(demo.kb);
const items = TRIAGE.map(([u, i, text], k) => ({ id: `f${k + 1}`, text, urgency: L[u], impact: L[i], priority: priorityOf(L[u], L[i]), split: 'test' }));
const r = await evaluateTriage(engine, items);
console.log(`fresh triage n=${r.n}: urgency ${(r.urgency.accuracy * 100).toFixed(1)} impact ${(r.impact.accuracy * 100).toFixed(1)} priority ${(r.priority.accuracy * 100).toFixed(1)}`);
for (const o of r.outcomes) if (o.urgency !== o.item.urgency || o.impact !== o.item.impact) console.log(`  ${o.item.urgency[0]}/${o.item.impact[0]} → ${o.urgency[0]}/${o.impact[0]} ${o.priority === o.item.priority ? '(same priority)' : ''} ${o.item.text.slice(0, 100)}`);
const a = await evaluateAnswers(engine, ANSWERS.map(([article, question], k) => ({ id: `q${k}`, question, article, split: 'test' })), { siteId: demo.siteId, slugOf: demo.slugOf });
console.log(`fresh answers: hit@1 ${(a.hitAt1 * 100).toFixed(1)} honest ${(a.honestRefusal * 100).toFixed(1)} falseRef ${(a.falseRefusal * 100).toFixed(1)} (${a.answerable}/${a.unanswerable})`);
for (const o of a.misses) console.log(`  ${o.item.article} → ${o.refused ? 'refused' : o.firstSlug}  ${o.item.question}`);
await demo.db.destroy();
