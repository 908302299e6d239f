import { randomUUID } from 'node:crypto';
import type { SavedView, ViewFilters } from '../../../shared/queue';
import { viewFiltersSchema } from '../../../shared/queue';
import type { DbOrTx } from '../db/database';
import type { ViewRow } from '../db/schema';

export function toSavedView(row: ViewRow): SavedView {
  return {
    id: row.id,
    name: row.name,
    shared: row.owner_id === null,
    ownerId: row.owner_id,
    // Stored by this code after the same schema checked it; parse again so an old row can never widen a query.
    filters: viewFiltersSchema.parse(JSON.parse(row.filters)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The shared views and this agent's own, by name. */
export async function listViewsFor(db: DbOrTx, agentId: string): Promise<ViewRow[]> {
  return db
    .selectFrom('views')
    .selectAll()
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', agentId)]))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function listAllViews(db: DbOrTx): Promise<ViewRow[]> {
  return db.selectFrom('views').selectAll().execute();
}

export async function findView(db: DbOrTx, id: string): Promise<ViewRow | undefined> {
  return db.selectFrom('views').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertView(db: DbOrTx, v: { name: string; ownerId: string | null; filters: ViewFilters; createdBy: string; at: string }): Promise<ViewRow> {
  return db
    .insertInto('views')
    .values({ id: randomUUID(), name: v.name, owner_id: v.ownerId, filters: JSON.stringify(v.filters), created_by: v.createdBy, created_at: v.at, updated_at: v.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateView(db: DbOrTx, id: string, v: { name?: string; ownerId?: string | null; filters?: ViewFilters; at: string }): Promise<ViewRow> {
  return db
    .updateTable('views')
    .set({
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.ownerId !== undefined ? { owner_id: v.ownerId } : {}),
      ...(v.filters !== undefined ? { filters: JSON.stringify(v.filters) } : {}),
      updated_at: v.at,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteView(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('views').where('id', '=', id).execute();
}
