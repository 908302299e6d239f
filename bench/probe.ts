/**
 * Runs a benchmark target (`PROBE_ENTRY`, e.g. server/src/server.ts) in this process and answers the parent's
 * messages over IPC: `memory` with `process.memoryUsage()` after a full garbage collection (node --expose-gc), so
 * memory per socket is read without garbage in it; `profile:start` and `{ profileStop: file }` run the V8 CPU
 * profiler over just the window between them and write it to `file` (a .cpuprofile), answering `profile:written`.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

let profiler: Session | null = null;

process.on('message', (m: unknown) => {
  if (m === 'memory') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    process.send?.(process.memoryUsage());
  } else if (m === 'profile:start') {
    void startProfile();
  } else if (typeof m === 'object' && m !== null && 'profileStop' in m) {
    void stopProfile(String(m.profileStop));
  }
});

async function startProfile(): Promise<void> {
  profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  // 250 µs between samples: fine enough for functions of a few microseconds per message.
  await profiler.post('Profiler.setSamplingInterval', { interval: 250 });
  await profiler.post('Profiler.start');
  process.send?.('profile:started');
}

async function stopProfile(file: string): Promise<void> {
  if (!profiler) return;
  const { profile } = await profiler.post('Profiler.stop');
  profiler.disconnect();
  profiler = null;
  writeFileSync(file, JSON.stringify(profile));
  process.send?.('profile:written');
}

const entry = process.env['PROBE_ENTRY'];
if (!entry) throw new Error('PROBE_ENTRY names the module to run');
await import(new URL(`../${entry}`, import.meta.url).href);
