import { performance } from 'node:perf_hooks';
import { openDemoKb } from './server/src/ai/eval/demo-kb';
import { OfflineEngine } from './server/src/ai/offline/offline-engine';
const QUESTIONS = ['How do I reset my password?','What are your support hours?','How do I set up two-factor authentication?','I lost my phone with the authenticator app','Can I get an invoice with our VAT number?','How big can an upload be?','How do I invite users to my team?','Do you support SSO with Okta?','How do I cancel my subscription and export my data?','How do I schedule a phishing simulation campaign?','Which IP addresses should we allowlist?','How do I report a security vulnerability?','Is there an outage right now?','What is the API rate limit?','How long do we keep our data?','What is the capital of France?'];
const demo = await openDemoKb();
const engine = new OfflineEngine(demo.kb);
for (let i = 0; i < 500; i++) engine.decide({ siteId: demo.siteId, message: QUESTIONS[i % QUESTIONS.length]!, history: [], agentName: 'Kai', offeredHandoff: false });
for (const q of QUESTIONS) {
  const s: number[] = [];
  for (let i = 0; i < 300; i++) { const t0 = performance.now(); engine.decide({ siteId: demo.siteId, message: q, history: [], agentName: 'Kai', offeredHandoff: false }); s.push(performance.now() - t0); }
  s.sort((a, b) => a - b);
  console.log(`${s[150]!.toFixed(3)} ${s[297]!.toFixed(3)}  ${q}`);
}
await demo.db.destroy();
