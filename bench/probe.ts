/**
 * Runs a benchmark target (`PROBE_ENTRY`, e.g. server/src/server.ts) in this process and answers the parent's
 * `memory` message with `process.memoryUsage()` after a full garbage collection (node --expose-gc), so memory per
 * socket is read without garbage in it.
 */
process.on('message', (m) => {
  if (m !== 'memory') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  process.send?.(process.memoryUsage());
});
const entry = process.env['PROBE_ENTRY'];
if (!entry) throw new Error('PROBE_ENTRY names the module to run');
await import(new URL(`../${entry}`, import.meta.url).href);
