import { randomBytes, randomUUID } from 'node:crypto';
import type { Webhook, WebhookDelivery, WebhookEventType } from '../../../shared/webhooks';
import type { DbOrTx } from '../db/database';
import type { WebhookDeliveryRow, WebhookRow } from '../db/schema';

/** A new signing secret in the Standard Webhooks form: `whsec_` and the base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export function presentWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: JSON.parse(row.events) as WebhookEventType[],
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    type: row.event_type as WebhookEventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'queued' ? row.next_attempt_at : null,
    lastAttemptAt: row.last_attempt_at,
    responseStatus: row.response_status,
    durationMs: row.duration_ms,
    responseExcerpt: row.response_excerpt,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

export async function listWebhooks(db: DbOrTx): Promise<WebhookRow[]> {
  return db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function findWebhook(db: DbOrTx, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertWebhook(db: DbOrTx, props: { url: string; events: WebhookEventType[]; description: string; now: Date }): Promise<WebhookRow> {
  const at = props.now.toISOString();
  const row: WebhookRow = { id: randomUUID(), url: props.url, description: props.description, events: JSON.stringify(props.events), secret: newWebhookSecret(), enabled: 1, created_at: at, updated_at: at };
  await db.insertInto('webhooks').values(row).execute();
  return row;
}

export async function updateWebhook(db: DbOrTx, id: string, set: Partial<Pick<WebhookRow, 'url' | 'events' | 'description' | 'enabled' | 'secret'>>, now: Date): Promise<void> {
  await db.updateTable('webhooks').set({ ...set, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function deleteWebhook(db: DbOrTx, id: string): Promise<boolean> {
  // Deliveries go with it (the foreign key cascades on PostgreSQL; SQLite's foreign keys may be off, so say it).
  await db.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
  const res = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** The enabled endpoints (their events are filtered by `WebhookSubscribers`, which caches this). */
export async function enabledWebhooks(db: DbOrTx): Promise<Pick<WebhookRow, 'id' | 'events'>[]> {
  return db.selectFrom('webhooks').select(['id', 'events']).where('enabled', '=', 1).execute();
}

export async function insertDelivery(db: DbOrTx, props: { webhookId: string; type: WebhookEventType; ticketId: string | null; payload: string; now: Date }): Promise<string> {
  const id = `msg_${randomUUID().replaceAll('-', '')}`;
  const at = props.now.toISOString();
  await db
    .insertInto('webhook_deliveries')
    .values({
      id,
      webhook_id: props.webhookId,
      event_type: props.type,
      ticket_id: props.ticketId,
      payload: props.payload,
      status: 'queued',
      attempts: 0,
      next_attempt_at: at,
      last_attempt_at: null,
      response_status: null,
      duration_ms: null,
      response_excerpt: null,
      created_at: at,
      delivered_at: null,
    })
    .execute();
  return id;
}

/** Newest first: the log the desk shows. */
export async function listDeliveries(db: DbOrTx, webhookId: string, limit: number): Promise<WebhookDeliveryRow[]> {
  return db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function findDelivery(db: DbOrTx, webhookId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).where('id', '=', id).executeTakeFirst();
}

/** Queues a delivery again, now, with the same webhook-id (a receiver deduplicates on it). */
export async function requeueDelivery(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.updateTable('webhook_deliveries').set({ status: 'queued', next_attempt_at: now.toISOString(), delivered_at: null }).where('id', '=', id).execute();
}

/** Deliveries due now on enabled endpoints, oldest first, with what signing them needs. */
export async function dueDeliveries(db: DbOrTx, now: Date, limit: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .selectAll('d')
    .select(['w.url', 'w.secret'])
    .where('d.status', '=', 'queued')
    .where('d.next_attempt_at', '<=', now.toISOString())
    .where('w.enabled', '=', 1)
    .orderBy('d.next_attempt_at')
    .limit(limit)
    .execute();
}

/** Claims a due delivery for one attempt: pushes its next attempt out so no other pass sends it meanwhile. */
export async function claimDelivery(db: DbOrTx, row: Pick<WebhookDeliveryRow, 'id' | 'attempts'>, holdUntil: Date): Promise<boolean> {
  const res = await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: holdUntil.toISOString(), attempts: row.attempts + 1 })
    .where('id', '=', row.id)
    .where('status', '=', 'queued')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** What one attempt got back, and what happens next (delivered, retried at `nextAttemptAt`, or given up). */
export async function recordAttempt(
  db: DbOrTx,
  id: string,
  result: { at: Date; status: 'queued' | 'delivered' | 'failed'; responseStatus: number | null; durationMs: number; excerpt: string | null; nextAttemptAt: Date | null },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: result.status,
      last_attempt_at: result.at.toISOString(),
      response_status: result.responseStatus,
      duration_ms: result.durationMs,
      response_excerpt: result.excerpt,
      ...(result.nextAttemptAt ? { next_attempt_at: result.nextAttemptAt.toISOString() } : {}),
      ...(result.status === 'delivered' ? { delivered_at: result.at.toISOString() } : {}),
    })
    .where('id', '=', id)
    .execute();
}
