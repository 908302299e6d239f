/**
 * Mail we keep but do not turn into a ticket, with the reason (automatic mail, malformed or unreadable
 * mail), for an admin to look at. Held to a quota in count and bytes: past it the oldest entries and their
 * files are dropped, and the drop is logged, so a flood of bad mail cannot fill the disk.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { AttachmentStore } from '../../attachments/attachment-store';
import type { CoreContext } from '../../context';
import { deleteQuarantined, insertQuarantined, listOldestQuarantined, quarantineTotals } from './email.repository';

/** Entries kept at most. */
export const MAX_QUARANTINED = 1_000;
/** Bytes of raw mail kept at most. */
export const MAX_QUARANTINE_BYTES = 500 * 1024 * 1024;

export interface QuarantineQuota {
  count: number;
  bytes: number;
}

export interface QuarantineContext extends CoreContext {
  store: AttachmentStore;
  quarantineQuota?: QuarantineQuota;
}

/** Records one quarantined mail; `spooled` (its raw file under incoming/) is moved into quarantine/ when given. */
export async function quarantine(ctx: QuarantineContext, props: { reason: string; sender: string | null; subject: string | null; spooled: string | null }): Promise<void> {
  let storageKey: string | null = null;
  let size: number | null = null;
  if (props.spooled) {
    try {
      size = (await stat(props.spooled)).size;
      storageKey = await ctx.store.adoptQuarantined(props.spooled);
    } catch (err) {
      ctx.log.error({ err }, 'could not keep the raw bytes of a quarantined mail');
    }
  }
  await insertQuarantined(ctx.db, { id: randomUUID(), reason: props.reason.slice(0, 500), sender: props.sender?.slice(0, 320) ?? null, subject: props.subject?.slice(0, 300) ?? null, storage_key: storageKey, size, created_at: ctx.now().toISOString() });
  await enforceQuota(ctx, ctx.quarantineQuota ?? { count: MAX_QUARANTINED, bytes: MAX_QUARANTINE_BYTES });
}

/** Drops the oldest entries (and their files) until the quarantine is within its quota. */
async function enforceQuota(ctx: QuarantineContext, quota: QuarantineQuota): Promise<void> {
  let { count, bytes } = await quarantineTotals(ctx.db);
  if (count <= quota.count && bytes <= quota.bytes) return;
  const oldest = await listOldestQuarantined(ctx.db, Math.max(count - quota.count, 0) + 200);
  const drop: typeof oldest = [];
  for (const row of oldest) {
    if (count <= quota.count && bytes <= quota.bytes) break;
    drop.push(row);
    count--;
    bytes -= row.size ?? 0;
  }
  if (!drop.length) return;
  await deleteQuarantined(ctx.db, drop.map((r) => r.id));
  await ctx.store.remove(drop.flatMap((r) => (r.storage_key ? [r.storage_key] : [])));
  ctx.log.warn({ dropped: drop.length, kept: count, keptBytes: bytes, quota }, 'quarantine over its quota: the oldest entries were dropped');
}
