/**
 * `npm test`: the linter (Biome), then every suite (vitest: shared, server, widget, desk; then the browser bundles are built and
 * Playwright runs the end-to-end specs in Chromium), then one line with the totals: `N passed, N failed`.
 * The totals are also written to test-results/summary.txt for CI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const OUT = 'test-results';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status ?? 1;
}

let passed = 0;
let failed = 0;

// The linter first (Biome: unused code, floating promises, `any`, focused or skipped tests): one failure if it finds anything.
const lint = run('npx', ['biome', 'lint', '--max-diagnostics=50']);
if (lint !== 0) failed += 1;
else passed += 1;

const unit = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest.json`]);
if (existsSync(`${OUT}/vitest.json`)) {
  const r = JSON.parse(readFileSync(`${OUT}/vitest.json`, 'utf8')) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numFailedTests === 0 && unit !== 0 ? Math.max(1, r.numFailedTestSuites) : 0);
} else if (unit !== 0) failed += 1;

// The server suites again on PostgreSQL, when a server is configured (CI starts one): the same tests, the other dialect.
if (process.env['TEST_POSTGRES_URL']) {
  console.log('\n== server suites on PostgreSQL (TEST_POSTGRES_URL)');
  const pg = run('npx', ['vitest', 'run', '--project', 'server', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest-postgres.json`]);
  if (existsSync(`${OUT}/vitest-postgres.json`)) {
    const r = JSON.parse(readFileSync(`${OUT}/vitest-postgres.json`, 'utf8')) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numFailedTests === 0 && pg !== 0 ? Math.max(1, r.numFailedTestSuites) : 0);
  } else if (pg !== 0) failed += 1;
} else {
  console.log('\n(TEST_POSTGRES_URL is not set: the server suites ran on SQLite only)');
}

const build = run('npm', ['run', '-s', 'build']);
if (build !== 0) failed += 1;
else {
  const e2e = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/playwright.json` });
  if (existsSync(`${OUT}/playwright.json`)) {
    const r = JSON.parse(readFileSync(`${OUT}/playwright.json`, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };
    passed += r.stats.expected;
    failed += r.stats.unexpected + r.stats.flaky + r.stats.skipped + (r.stats.unexpected === 0 && e2e !== 0 ? 1 : 0);
  } else if (e2e !== 0) failed += 1;
}

const line = `${passed} passed, ${failed} failed`;
writeFileSync(`${OUT}/summary.txt`, `${line}\n`);
console.log(line);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
