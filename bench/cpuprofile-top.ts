/**
 * The functions with the most self time in a V8 .cpuprofile (e.g. from `bench/load.ts --profile`), and the same
 * time grouped by package or source folder, so a change to the message path starts from where the time goes.
 *
 * `node --import tsx bench/cpuprofile-top.ts <file.cpuprofile> [--top 40]`
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time in µs per profile node id: each sample's interval is charged to the node it landed in. */
export function selfTimes(profile: Profile): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the interval after a sample is the next delta.
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const id = profile.samples[i]!;
    out.set(id, (out.get(id) ?? 0) + dt);
  }
  return out;
}

/** Where a function's code lives: its npm package, `node:` for Node's own, else the folder under the repository. */
export function moduleOf(url: string): string {
  if (!url) return '(native or V8)';
  if (url.startsWith('node:')) return 'node:';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/(server|shared|bench)\/(?:src\/)?([^/]+)/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cpuprofile-top.ts <file.cpuprofile> [--top N]');
  const topAt = process.argv.indexOf('--top');
  const top = topAt >= 0 ? Number(process.argv[topAt + 1]) : 40;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = profile.endTime - profile.startTime;
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  for (const [id, us] of selfTimes(profile)) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url ? `${url.replace(/^file:\/\/.*?\/(node_modules|server|shared|bench)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const mod = moduleOf(url);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  console.log(`${(total / 1000).toFixed(0)} ms profiled, ${profile.samples.length} samples\n\nSelf time by function:`);
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)} ${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
  console.log('\nSelf time by package or folder:');
  for (const [key, us] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(us)} ${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
