import { triageOffline } from './server/src/ai/offline/triage-rules';
for (const t of process.argv.slice(2)) console.log(t, triageOffline(t));
