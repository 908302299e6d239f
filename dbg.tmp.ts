import { triageOffline } from './server/src/ai/offline/triage-rules';
import { loadTriageSet } from './server/src/ai/eval/sets';
const split = process.argv[2] ?? 'dev';
for (const it of loadTriageSet().filter((i) => split === 'all' || i.split === split)) {
  const t = triageOffline(it.text);
  if (t.urgency !== it.urgency || t.impact !== it.impact) console.log(`${it.id} ${it.urgency[0]}/${it.impact[0]} → ${t.urgency[0]}/${t.impact[0]} | ${it.text.slice(0, 110)}\n     U: ${t.urgencyReason}\n     I: ${t.impactReason}`);
}
