import { randomUUID } from 'node:crypto';
import type { Macro } from '../../../shared/team';
import type { DbOrTx } from '../db/database';
import type { MacroTable } from '../db/schema';
import type { Selectable } from 'kysely';

type MacroRow = Selectable<MacroTable>;

function readTags(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** One place a macro row becomes what the API returns. */
export function toMacro(row: MacroRow): Macro {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    shared: row.owner_id === null,
    ownerId: row.owner_id,
    setStatus: row.set_status,
    setUrgency: row.set_urgency,
    setImpact: row.set_impact,
    tags: readTags(row.tags),
    updatedAt: row.updated_at,
  };
}

/** The shared macros and the agent's own, by title. */
export async function listMacrosFor(db: DbOrTx, agentId: string): Promise<Macro[]> {
  const rows = await db
    .selectFrom('macros')
    .selectAll()
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', agentId)]))
    .orderBy('title')
    .execute();
  return rows.map(toMacro);
}

export async function findMacro(db: DbOrTx, id: string): Promise<Macro | undefined> {
  const row = await db.selectFrom('macros').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMacro(row) : undefined;
}

export type MacroFields = Omit<Macro, 'id' | 'shared' | 'updatedAt'>;

export async function insertMacro(db: DbOrTx, fields: MacroFields, now: Date): Promise<Macro> {
  const id = randomUUID();
  const at = now.toISOString();
  await db
    .insertInto('macros')
    .values({
      id,
      owner_id: fields.ownerId,
      title: fields.title,
      body: fields.body,
      set_status: fields.setStatus,
      set_urgency: fields.setUrgency,
      set_impact: fields.setImpact,
      tags: JSON.stringify(fields.tags),
      created_at: at,
      updated_at: at,
    })
    .execute();
  return (await findMacro(db, id))!;
}

export async function updateMacro(db: DbOrTx, id: string, fields: Partial<MacroFields>, now: Date): Promise<Macro> {
  await db
    .updateTable('macros')
    .set({
      ...(fields.ownerId !== undefined ? { owner_id: fields.ownerId } : {}),
      ...(fields.title !== undefined ? { title: fields.title } : {}),
      ...(fields.body !== undefined ? { body: fields.body } : {}),
      ...(fields.setStatus !== undefined ? { set_status: fields.setStatus } : {}),
      ...(fields.setUrgency !== undefined ? { set_urgency: fields.setUrgency } : {}),
      ...(fields.setImpact !== undefined ? { set_impact: fields.setImpact } : {}),
      ...(fields.tags !== undefined ? { tags: JSON.stringify(fields.tags) } : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  return (await findMacro(db, id))!;
}

export async function deleteMacro(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('macros').where('id', '=', id).execute();
}
