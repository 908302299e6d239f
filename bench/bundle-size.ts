/**
 * Prints what the widget costs in bytes over the wire (gzip): the loader the host page pays for before anyone
 * clicks, and everything the messenger loads when opened (its document, scripts and styles). Budgets: 3 KiB and
 * 45 KiB. Run after `vite build` (npm run build does).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const DIST = 'dist/public';
export const LOADER_BUDGET = 3 * 1024;
export const MESSENGER_BUDGET = 45 * 1024;

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The messenger page and every same-origin asset it references (scripts, module preloads, styles). */
export function messengerFiles(): string[] {
  const html = `${DIST}/widget/messenger/index.html`;
  const refs = [...readFileSync(html, 'utf8').matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => `${DIST}${m[1]}`);
  return [html, ...new Set(refs)];
}

export function measureBundles(): { loader: number; messenger: number; files: { file: string; bytes: number }[] } {
  const loader = gz(`${DIST}/widget.js`);
  const files = messengerFiles().map((file) => ({ file, bytes: gz(file) }));
  return { loader, messenger: files.reduce((a, f) => a + f.bytes, 0), files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(`${DIST}/widget.js`)) {
    console.error('No build found: run `npm run build` first.');
    process.exit(1);
  }
  const { loader, messenger, files } = measureBundles();
  const kib = (n: number) => `${(n / 1024).toFixed(2)} KiB`;
  console.log(`Loader (widget.js), gzip:        ${kib(loader)}  (budget ${kib(LOADER_BUDGET)}) ${loader <= LOADER_BUDGET ? 'OK' : 'OVER BUDGET'}`);
  console.log(`Messenger on open, gzip total:   ${kib(messenger)}  (budget ${kib(MESSENGER_BUDGET)}) ${messenger <= MESSENGER_BUDGET ? 'OK' : 'OVER BUDGET'}`);
  for (const f of files) console.log(`  ${f.file.replace(`${DIST}/`, '')}: ${kib(f.bytes)}`);
}
