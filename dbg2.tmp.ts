import { analyseQuery } from './server/src/kb/text';
for (const q of process.argv.slice(2)) console.log(q, JSON.stringify(analyseQuery(q)));
