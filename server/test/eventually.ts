/**
 * Retries `check` until it returns something other than null, or fails after `ms`. For facts that become true
 * within a promised time on another process (a setting seen on another node "within 5 s"): the test waits for
 * the fact itself, never for a fixed time.
 */
export async function eventually<T>(check: () => Promise<T | null>, ms: number, everyMs = 50): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const result = await check();
    if (result !== null) return result;
    if (Date.now() > deadline) throw new Error(`not true within ${ms} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
