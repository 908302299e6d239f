// @vitest-environment node
/**
 * The widget's weight budgets, on a fresh build into a temporary folder (no earlier `npm run build` needed,
 * and dist/ is left alone): the loader ≤ 1.5 KiB gzip, the messenger on open ≤ 25 KiB gzip with the largest
 * language catalogue. A bundle over its budget fails `npm test`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOADER_BUDGET, MESSENGER_BUDGET, measureBundles, type BundleSizes } from '../bench/bundle-size';

const out = mkdtempSync(join(tmpdir(), 'frontdesk-bundles-'));
let sizes: BundleSizes;

beforeAll(async () => {
  // vitest sets NODE_ENV=test, which would make a development build (Preact's devtools, unminified CSS).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    // The same three builds as `npm run build`, in its order (the first empties the folder).
    for (const mode of ['production', 'loader', 'loader-app']) {
      await build({ configFile: 'vite.config.ts', mode, logLevel: 'silent', build: { outDir: out } });
    }
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  sizes = measureBundles(out);
  for (const f of sizes.files) console.log(`${(f.bytes / 1024).toFixed(2)} KiB  ${f.file.replace(out, '')}`);
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('bundle budgets (gzip)', () => {
  it(`keeps the loader within ${LOADER_BUDGET} bytes`, () => {
    expect(sizes.loader).toBeGreaterThan(500); // a real build, not an empty file
    expect(sizes.loader).toBeLessThanOrEqual(LOADER_BUDGET);
  });

  it(`keeps the messenger on open, with its language, within ${MESSENGER_BUDGET} bytes`, () => {
    expect(sizes.files.some((f) => f.file.includes('largest language'))).toBe(true);
    expect(sizes.messenger).toBeLessThanOrEqual(MESSENGER_BUDGET);
  });
});
