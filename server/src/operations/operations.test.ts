import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDbPath } from '../../test/harness';
import { freshDatabase } from '../../test/postgres';
import { migrateToLatest, openDatabase, type Db } from '../db/database';
import { OperationsStore } from './operations';

/**
 * The cached operations settings on two processes of one deployment: `here` changes them, `there` reloads when
 * `here` announces. Each has its own connection, so `there` sees only what was committed, as another node does.
 */
describe('OperationsStore across processes', () => {
  let here: Db;
  let there: Db;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    let url: string;
    if (process.env['TEST_POSTGRES_URL']) {
      const database = await freshDatabase();
      url = database.url;
      cleanup = database.drop;
    } else {
      const tmp = tempDbPath();
      url = `sqlite:${tmp.path}`;
      cleanup = async () => tmp.cleanup();
    }
    here = openDatabase(url);
    await migrateToLatest(here);
    there = openDatabase(url);
  });

  afterEach(async () => {
    await here.destroy();
    await there.destroy();
    await cleanup();
  });

  it('announces a change only after its commit, so the other process reloads the new value', async () => {
    const remote = new OperationsStore();
    const reloads: Promise<void>[] = [];
    const local = new OperationsStore(() => reloads.push(remote.load(there)));

    const next = await here.transaction().execute((tx) => local.write(tx, { warningMinutes: 37 }));
    expect(reloads).toHaveLength(0);
    expect(local.get().warningMinutes).not.toBe(37);
    local.adopt(next);
    await Promise.all(reloads);

    expect(reloads).toHaveLength(1);
    expect(local.get().warningMinutes).toBe(37);
    expect(remote.get().warningMinutes).toBe(37);
  });

  it('a change whose transaction rolls back is neither in force nor announced', async () => {
    let announced = 0;
    const local = new OperationsStore(() => announced++);
    const before = local.get();

    await expect(
      here.transaction().execute(async (tx) => {
        await local.write(tx, { warningMinutes: 41 });
        throw new Error('the audit entry could not be written');
      }),
    ).rejects.toThrow('audit entry');

    expect(announced).toBe(0);
    expect(local.get()).toBe(before);
    const stored = new OperationsStore();
    await stored.load(there);
    expect(stored.get().warningMinutes).toBe(before.warningMinutes);
  });
});
