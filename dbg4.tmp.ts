import { SYNONYM_GROUPS, processTerm, tokenize } from './server/src/kb/text';
for (const g of SYNONYM_GROUPS) console.log(g.map((m) => `${m}→[${tokenize(m).map(processTerm).filter(Boolean).join(' ')}]`).join('  '));
