import { describe, expect, it } from 'vitest';
import { LocalCluster } from './cluster';

describe('LocalCluster (one process)', () => {
  it("runs one key's jobs in arrival order, one at a time; a failing job does not hold up the next; other keys run alongside", async () => {
    const cluster = new LocalCluster();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = cluster.serialize('a', async () => {
      log.push('a1 start');
      await gate;
      log.push('a1 end');
    });
    const failing = cluster.serialize('a', async () => {
      log.push('a2');
      throw new Error('boom');
    });
    const third = cluster.serialize('a', async () => {
      log.push('a3');
    });
    await cluster.serialize('b', async () => {
      log.push('b1');
    });
    expect(log).toEqual(['a1 start', 'b1']);
    release();
    await first;
    await expect(failing).rejects.toThrow('boom');
    await third;
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2', 'a3']);
  });

  it('skips a timed job while the same job still runs, and runs it again afterwards', async () => {
    const cluster = new LocalCluster();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const running = cluster.exclusive('clock', () => gate);
    expect(await cluster.exclusive('clock', async () => undefined)).toBe(false);
    release();
    expect(await running).toBe(true);
    expect(await cluster.exclusive('clock', async () => undefined)).toBe(true);
  });
});
