import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import type { MessageAttachment } from '../../../shared/protocol';
import { safeFilename } from '../channels/email/mail-text';
import type { CoreContext } from '../context';
import type { DbOrTx } from '../db/database';
import { AppError } from '../errors';
import { findMessageByClientId } from '../messages/message.repository';
import type { SiteSettings } from '../sites/site-settings';
import { insertAttachment, pendingUploads, toMessageAttachment } from './attachment.repository';
import type { AttachmentStore } from './attachment-store';

export type AttachmentLimits = SiteSettings['attachments'];

export interface ChatUpload {
  ticketId: string;
  /** `visitor:<id>` or `agent:<id>`: only they can send the file with a message. */
  uploadedBy: string;
  filename: string | undefined;
  /** The Content-Type the client sent (what the file claims to be). */
  claimedType: string | undefined;
  /** Content-Length, when the client sent one: a too-big file is refused before a byte is read. */
  declaredLength: number | undefined;
  body: Readable;
  limits: AttachmentLimits;
}

/** "10 MB", for messages about the limit. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

function tooBig(limits: AttachmentLimits): AppError {
  return new AppError('payload_too_large', `Files may be at most ${formatBytes(limits.maxBytes)}`);
}

/** Counts bytes as they pass and fails the stream as soon as the limit is passed, so nothing beyond it is kept. */
function byteLimit(maxBytes: number, onTooBig: () => Error): Transform & { bytes: () => number } {
  let seen = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(onTooBig());
      else done(null, chunk);
    },
  });
  return Object.assign(t, { bytes: () => seen });
}

/** The media type without parameters, lower-cased. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * What a file is kept as, decided by its bytes: the type the bytes show wins over the claimed one (and must be
 * accepted by the site); an image is an image only when its bytes say so. A claim the bytes do not bear out
 * (HTML posing as PNG) keeps the file as a plain download (`application/octet-stream`).
 */
export function classify(claimed: string, sniffed: string | undefined, accepted: readonly string[]): { contentType: string; image: boolean } {
  if (sniffed) {
    if (!accepted.includes(sniffed)) throw new AppError('validation_failed', `This file is ${sniffed}, which is not accepted here`);
    return { contentType: sniffed, image: sniffed.startsWith('image/') };
  }
  // Text has no signature; anything else claiming a type with one (images, PDF) is not what it says.
  if (claimed.startsWith('text/')) return { contentType: claimed, image: false };
  return { contentType: 'application/octet-stream', image: false };
}

/**
 * Receives one file of a chat message: streamed to a spool file under the store's `incoming/` while its bytes are
 * counted (never more than the site's limit is written), its type checked by its bytes (`file-type`), then moved
 * into place and recorded as a pending upload of its uploader, attached when they send a message with its id.
 */
export async function receiveChatUpload(ctx: CoreContext, store: AttachmentStore, upload: ChatUpload): Promise<MessageAttachment> {
  const { limits } = upload;
  const claimed = mediaType(upload.claimedType);
  if (!claimed || !limits.types.includes(claimed)) {
    throw new AppError('validation_failed', `Files of type ${claimed || 'unknown'} are not accepted here (accepted: ${limits.types.join(', ')})`);
  }
  if (upload.declaredLength !== undefined && upload.declaredLength > limits.maxBytes) {
    throw tooBig(limits);
  }
  await mkdir(store.incomingDir, { recursive: true });
  const spool = store.spoolPath();
  const counter = byteLimit(limits.maxBytes, () => tooBig(limits));
  try {
    await pipeline(upload.body, counter, createWriteStream(spool, { flags: 'wx' }));
    if (counter.bytes() === 0) throw new AppError('validation_failed', 'The file is empty');
    const sniffed = (await fileTypeFromFile(spool))?.mime;
    const { contentType, image } = classify(claimed, sniffed, limits.types);
    const id = randomUUID();
    const storageKey = await store.adopt(upload.ticketId, id, spool);
    const row = {
      id,
      ticket_id: upload.ticketId,
      message_id: null,
      filename: safeFilename(upload.filename, 'file'),
      content_type: contentType,
      size: counter.bytes(),
      storage_key: storageKey,
      created_at: ctx.now().toISOString(),
      image: image ? 1 : 0,
      uploaded_by: upload.uploadedBy,
    };
    try {
      await insertAttachment(ctx.db, row);
    } catch (err) {
      await store.remove([storageKey]);
      throw err;
    }
    return toMessageAttachment(row);
  } finally {
    await rm(spool, { force: true });
  }
}

/**
 * The uploads a message will carry; every id must be a pending upload of this uploader on this ticket. A retried
 * send (its client id already stored) carries none: the stored message is answered as it is.
 */
export async function uploadsToSend(
  tx: DbOrTx,
  props: { ticketId: string; uploadedBy: string; ids: readonly string[]; conversationId: string; clientId: string | null | undefined },
): Promise<MessageAttachment[]> {
  const unique = [...new Set(props.ids)];
  if (unique.length === 0) return [];
  if (props.clientId && (await findMessageByClientId(tx, props.conversationId, props.clientId))) return [];
  const rows = await pendingUploads(tx, { ticketId: props.ticketId, uploadedBy: props.uploadedBy, ids: unique });
  if (rows.length !== unique.length) throw new AppError('validation_failed', 'An attached file was not found, or was already sent');
  const order = new Map(unique.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map(toMessageAttachment);
}
