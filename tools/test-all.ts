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
/** Every failed test by name, printed again just above the totals: CI shows only the end of a long log. */
const failures: string[] = [];

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numFailedTestSuites: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string }[] }[];
};

function countVitest(file: string, exitCode: number, label: string): void {
  if (!existsSync(file)) {
    if (exitCode !== 0) {
      failed += 1;
      failures.push(`${label}: vitest wrote no report (exit ${exitCode})`);
    }
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numFailedTests === 0 && exitCode !== 0 ? Math.max(1, r.numFailedTestSuites) : 0);
  for (const suite of r.testResults) {
    const where = suite.name.replace(`${process.cwd()}/`, '');
    const failedTests = suite.assertionResults.filter((t) => t.status === 'failed');
    for (const t of failedTests) failures.push(`${label}: ${where} › ${t.fullName}`);
    if (suite.status === 'failed' && failedTests.length === 0) failures.push(`${label}: ${where} (${(suite.message ?? 'failed').split('\n')[0]})`);
  }
}

// The linter first (Biome: unused code, floating promises, `any`, focused or skipped tests): one failure if it finds anything.
const lint = run('npx', ['biome', 'lint', '--max-diagnostics=50']);
if (lint !== 0) {
  failed += 1;
  failures.push('biome lint');
} else passed += 1;

const unit = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest.json`]);
countVitest(`${OUT}/vitest.json`, unit, 'vitest');

// The server suites again on PostgreSQL, when a server is configured (CI starts one): the same tests, the other dialect.
if (process.env['TEST_POSTGRES_URL']) {
  console.log('\n== server suites on PostgreSQL (TEST_POSTGRES_URL)');
  const pg = run('npx', ['vitest', 'run', '--project', 'server', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest-postgres.json`]);
  countVitest(`${OUT}/vitest-postgres.json`, pg, 'vitest on PostgreSQL');
} else {
  console.log('\n(TEST_POSTGRES_URL is not set: the server suites ran on SQLite only)');
}

type PlaywrightSuite = { title: string; file?: string; specs?: { title: string; tests: { status: string }[] }[]; suites?: PlaywrightSuite[] };

/** The specs that did not pass as expected (failed, flaky or skipped), as `file › suite › title`. */
function playwrightFailures(suites: PlaywrightSuite[], path: string[] = []): string[] {
  return suites.flatMap((suite) => {
    const here = [...path, suite.title].filter(Boolean);
    const own = (suite.specs ?? []).flatMap((spec) =>
      spec.tests.filter((t) => t.status !== 'expected').map((t) => `playwright (${t.status}): ${[...here, spec.title].join(' › ')}`),
    );
    return [...own, ...playwrightFailures(suite.suites ?? [], here)];
  });
}

const build = run('npm', ['run', '-s', 'build']);
if (build !== 0) {
  failed += 1;
  failures.push('npm run build');
} else {
  const e2e = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/playwright.json` });
  if (existsSync(`${OUT}/playwright.json`)) {
    const r = JSON.parse(readFileSync(`${OUT}/playwright.json`, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      suites: PlaywrightSuite[];
      errors?: { message?: string }[];
    };
    passed += r.stats.expected;
    failed += r.stats.unexpected + r.stats.flaky + r.stats.skipped + (r.stats.unexpected === 0 && e2e !== 0 ? 1 : 0);
    failures.push(...playwrightFailures(r.suites));
    for (const error of r.errors ?? []) failures.push(`playwright: ${(error.message ?? 'error').split('\n')[0]}`);
  } else if (e2e !== 0) {
    failed += 1;
    failures.push(`playwright wrote no report (exit ${e2e})`);
  }
}

if (failures.length > 0) console.log(`\nWhat failed:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
const line = `${passed} passed, ${failed} failed`;
writeFileSync(`${OUT}/summary.txt`, `${line}\n`);
console.log(line);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
