/**
 * What the widget costs over the wire (gzip): the loader every host page pays for before anyone clicks
 * (`widget.js`), and everything the messenger loads when opened: its document, scripts, styles and the
 * largest language catalogue (the visitor's language is part of the first open). Budgets: 1.5 KiB and 25 KiB.
 * `widget-app.js` (the loader's second part, fetched on idle) is printed too. `npm run build` prints these;
 * `widget/bundle-size.test.ts` builds afresh and fails when a budget is passed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const DIST = 'dist/public';
export const LOADER_BUDGET = 1.5 * 1024;
export const MESSENGER_BUDGET = 25 * 1024;

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/**
 * The messenger page and every same-origin asset it loads before anyone asks for more: what the page references
 * (scripts, module preloads, styles) and, transitively, what those scripts import statically. Dynamic
 * `import()`s (Your requests, Help articles, other languages) are loaded on use and not counted here.
 */
export function messengerFiles(dist = DIST): string[] {
  const html = `${dist}/widget/messenger/index.html`;
  const files = new Set([...readFileSync(html, 'utf8').matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => `${dist}${m[1]}`));
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    // Minified static imports: `import{a}from"./x.js"` or `import"./x.js"` (never `import("./x.js")`).
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g)) files.add(`${dist}/assets/${m[1]}`);
  }
  return [html, ...files];
}

/** The language catalogues' chunks (`widget/i18n/<lang>.ts` → `assets/<lang>-<hash>.js`); English is bundled. */
export function catalogueFiles(dist = DIST): string[] {
  return readdirSync(`${dist}/assets`)
    .filter((name) => /^(de|fr|es|pt|ar)-[\w-]+\.js$/.test(name))
    .map((name) => `${dist}/assets/${name}`);
}

export interface BundleSizes {
  loader: number;
  loaderRest: number;
  /** The messenger's own files plus the largest catalogue. */
  messenger: number;
  files: { file: string; bytes: number }[];
}

export function measureBundles(dist = DIST): BundleSizes {
  const files = messengerFiles(dist).map((file) => ({ file, bytes: gz(file) }));
  const catalogues = catalogueFiles(dist).map((file) => ({ file, bytes: gz(file) }));
  const largest = catalogues.sort((a, b) => b.bytes - a.bytes)[0];
  if (largest) files.push({ file: `${largest.file} (largest language)`, bytes: largest.bytes });
  return {
    loader: gz(`${dist}/widget.js`),
    loaderRest: gz(`${dist}/widget-app.js`),
    messenger: files.reduce((a, f) => a + f.bytes, 0),
    files,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(`${DIST}/widget.js`)) {
    console.error('No build found: run `npm run build` first.');
    process.exit(1);
  }
  const { loader, loaderRest, messenger, files } = measureBundles();
  const kib = (n: number) => `${(n / 1024).toFixed(2)} KiB`;
  const verdict = (n: number, budget: number) => (n <= budget ? 'OK' : 'OVER BUDGET');
  console.log(`Loader (widget.js), gzip:        ${kib(loader)}  (budget ${kib(LOADER_BUDGET)}) ${verdict(loader, LOADER_BUDGET)}`);
  console.log(`  then on idle, widget-app.js:   ${kib(loaderRest)}`);
  console.log(`Messenger on open, gzip total:   ${kib(messenger)}  (budget ${kib(MESSENGER_BUDGET)}) ${verdict(messenger, MESSENGER_BUDGET)}`);
  for (const f of files) console.log(`  ${f.file.replace(`${DIST}/`, '')}: ${kib(f.bytes)}`);
}
