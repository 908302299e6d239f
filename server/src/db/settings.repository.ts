import type { DbOrTx } from './database';

/** The installation's own settings: one text value per key (`visitor_token_secret`, `operations`). */
export async function readSetting(db: DbOrTx, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function writeSetting(db: DbOrTx, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** Stores `value` unless the key has one already (another node may have written first); returns the stored one. */
export async function settleSetting(db: DbOrTx, key: string, value: string): Promise<string> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const stored = await readSetting(db, key);
  if (stored === undefined) throw new Error(`setting ${key} was written but cannot be read`);
  return stored;
}
