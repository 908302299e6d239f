import type { FastifyPluginAsync } from 'fastify';
import { findAttachment } from '../attachments/attachment.repository';
import { AttachmentStore } from '../attachments/attachment-store';
import type { ServerContext } from '../context';
import { AppError } from '../errors';

/**
 * `Content-Disposition: attachment` with an ASCII fallback name and the exact name as RFC 5987 `filename*`,
 * so no browser renders the file in our origin and no name can break the header.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;%]/g, '_') || 'attachment';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Agents download the files customers sent: `GET /api/tickets/:id/attachments/:attachmentId`. */
export const attachmentRoutes: FastifyPluginAsync<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const store = new AttachmentStore(ctx.config.attachmentsDir);
  app.addHook('preHandler', app.requireAgent);

  app.get<{ Params: { id: string; attachmentId: string } }>('/api/tickets/:id/attachments/:attachmentId', async (request, reply) => {
    const row = await findAttachment(ctx.db, request.params.id, request.params.attachmentId);
    if (!row) throw new AppError('not_found', 'No such attachment on this ticket');
    const file = await store.open(row.storage_key);
    if (!file) throw new AppError('not_found', 'The file of this attachment is missing');
    return reply
      .header('content-type', row.content_type)
      .header('content-length', String(file.size))
      .header('content-disposition', contentDisposition(row.filename))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(file.stream);
  });
};
