import { openDemoKb } from './server/src/ai/eval/demo-kb';
import { OfflineEngine } from './server/src/ai/offline/offline-engine';
import { triageOffline } from './server/src/ai/offline/triage-rules';
const demo = await openDemoKb();
const engine = new OfflineEngine(demo.kb);
for (const q of ['How do I enable MFA?', 'Where do I find my receipts?', 'Can I pay with Apple Pay?', 'Do you have a Windows Phone app?', 'Our Entra login says audience mismatch', 'what is the max upload size']) {
  const t = engine.decide({ siteId: demo.siteId, message: q, history: [], agentName: 'Kai', offeredHandoff: false });
  console.log(q, '→', t.action, t.sources[0]?.url ?? '-', t.confidence.toFixed(2), '|', t.reply.slice(0, 90).replace(/\n/g, ' '));
}
for (const m of ['Hi,\nour finance director typed her password into a fake login page ten minutes ago', 'One of our users thinks his account was hacked', 'It only happens to me, everyone else on the team is fine: the app crashes when I open settings', 'ASAP: how do I add a profile picture?', 'We need the corrected invoice by Thursday', 'We need the corrected invoice by 3pm today', 'We were charged for 60 seats but only have 52 people', 'All 3,500 staff get a 500 error on login', 'I have 2,500 files to move, how do I upload a whole folder?']) {
  const t = triageOffline(m);
  console.log(JSON.stringify(m), '→', t.urgency, t.impact, '|', t.urgencyReason, '|', t.impactReason);
}
await demo.db.destroy();
