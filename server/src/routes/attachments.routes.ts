import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { messageAttachmentSchema } from '../../../shared/resources';
import type { MessageAttachment } from '../../../shared/protocol';
import { findAttachment, findVisitorAttachment, type AttachmentRow } from '../attachments/attachment.repository';
import { AttachmentStore } from '../attachments/attachment-store';
import { type AttachmentLimits, receiveChatUpload } from '../attachments/chat-upload';
import type { ServerContext } from '../context';
import { AppError } from '../errors';
import { findOpenConversationOfVisitor } from '../messages/message.repository';
import { findSiteById, siteSettings } from '../sites/site.repository';
import { findVisitor, verifyVisitorToken } from '../sites/visitor.repository';
import type { VisitorRow } from '../db/schema';
import { findTicket, findTicketByConversation } from '../tickets/ticket.repository';
import { pathParams, routeDocs } from './route-docs';

const filenameQuery = z.object({ filename: z.string().optional().describe("The file's name (made safe); else one from its type") });
const DOCS = {
  download: routeDocs('Tickets', 'agent')({
    summary: "Download a file of a ticket (listed in the ticket's `attachments`); only checked images are inline",
    params: pathParams('id', 'attachmentId'),
    response: { 200: { description: 'The file, with its content type and `Content-Disposition`', mediaType: '*/*' } },
  }),
  upload: routeDocs('Tickets', 'agent')({
    summary: "Upload a file to send with a reply (raw body with its Content-Type; streamed and bounded by the site's `attachments.maxBytes` and `types`; typed by its bytes); send its id in `attachmentIds`",
    params: pathParams('id'),
    querystring: filenameQuery,
    upload: true,
    response: { 201: messageAttachmentSchema },
  }),
  visitorFile: routeDocs('Messenger', 'visitor')({
    summary: "Messenger: a file of a public message of the visitor's own conversations (checked images inline, anything else as a download)",
    params: pathParams('id'),
    response: { 200: { description: 'The file', mediaType: '*/*' } },
  }),
  visitorUpload: routeDocs('Messenger', 'visitor')({
    summary: "Messenger: upload a file to the visitor's own conversation (after a handoff); raw body, bounded and typed by its bytes; send its id in `message:send` `attachmentIds`",
    querystring: filenameQuery,
    upload: true,
    response: { 201: messageAttachmentSchema },
  }),
};

/**
 * `Content-Disposition: attachment` with an ASCII fallback name and the exact name as RFC 5987 `filename*`,
 * so no browser renders the file in our origin and no name can break the header.
 */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;%]/g, '_') || 'attachment';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a kept file. Only a file whose bytes were checked to be an image is `inline` (for a thumbnail); everything
 * else is `attachment`. Either way the type is not sniffed by the browser and the file runs in a sandbox.
 */
async function sendFile(store: AttachmentStore, row: AttachmentRow, reply: FastifyReply): Promise<FastifyReply> {
  const file = await store.open(row.storage_key);
  if (!file) throw new AppError('not_found', 'The file of this attachment is missing');
  return reply
    .header('content-type', row.content_type)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(row.filename, row.image ? 'inline' : 'attachment'))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(file.stream);
}

/**
 * Upload routes read the raw request as a stream (any content type): no parser reads it, the upload code bounds
 * it, nothing buffers it. The body is left undefined (it is `request.raw`), so no hook walks a stream as an object.
 */
function streamBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}

function uploadOf(request: FastifyRequest<{ Querystring: { filename?: string } }>, limits: AttachmentLimits) {
  const length = request.headers['content-length'];
  return {
    filename: typeof request.query.filename === 'string' ? request.query.filename : undefined,
    claimedType: request.headers['content-type'],
    declaredLength: length === undefined ? undefined : Number(length),
    body: request.raw as Readable,
    limits,
  };
}

async function limitsOfSite(ctx: ServerContext, siteId: string): Promise<AttachmentLimits> {
  const site = await findSiteById(ctx.db, siteId);
  if (!site) throw new AppError('not_found', 'No such site');
  return siteSettings(site).attachments;
}

/**
 * Runs an upload; when it is refused before its body was read to the end, the connection is closed after the
 * answer (`Connection: close`), so the client sends no more of it and never reuses a connection with bytes left in it.
 */
async function refusingUnread(reply: FastifyReply, upload: () => Promise<MessageAttachment>): Promise<MessageAttachment> {
  try {
    return await upload();
  } catch (err) {
    if (!reply.request.raw.readableEnded) void reply.header('connection', 'close');
    throw err;
  }
}

const UPLOAD_LIMIT = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };

/**
 * Agents: `GET /api/tickets/:id/attachments/:attachmentId` downloads any file of a ticket;
 * `POST /api/tickets/:id/attachments?filename=` uploads one (raw body, its Content-Type) to send with a reply.
 */
export const attachmentRoutes: FastifyPluginAsync<{ ctx: ServerContext }> = async (app, { ctx }) => {
  const store = new AttachmentStore(ctx.config.attachmentsDir);
  app.addHook('preHandler', app.requireAgent);

  app.get<{ Params: { id: string; attachmentId: string } }>('/api/tickets/:id/attachments/:attachmentId', DOCS.download, async (request, reply) => {
    const row = await findAttachment(ctx.db, request.params.id, request.params.attachmentId);
    if (!row) throw new AppError('not_found', 'No such attachment on this ticket');
    return sendFile(store, row, reply);
  });

  await app.register(async (uploads) => {
    streamBodies(uploads);
    uploads.post<{ Params: { id: string }; Querystring: { filename?: string } }>('/api/tickets/:id/attachments', { ...UPLOAD_LIMIT, ...DOCS.upload }, async (request, reply): Promise<MessageAttachment> => {
      const ticket = await findTicket(ctx.db, request.params.id);
      if (!ticket) throw new AppError('not_found', 'No such ticket');
      if (ticket.withdrawn_at) throw new AppError('conflict', 'The customer withdrew this request; it takes no more files');
      const limits = await limitsOfSite(ctx, ticket.site_id);
      const saved = await refusingUnread(reply, () => receiveChatUpload(ctx, store, { ticketId: ticket.id, uploadedBy: `agent:${request.agent!.id}`, ...uploadOf(request, limits) }));
      void reply.status(201);
      return saved;
    });
  });
};

/**
 * The messenger (`Authorization: Visitor <token>`): `POST /api/widget/attachments?filename=` uploads a file to the
 * visitor's own conversation (once it has a ticket); `GET /api/widget/attachments/:id` fetches a file of a public
 * message of their own conversations, and nothing else.
 */
export const visitorAttachmentRoutes: FastifyPluginAsync<{ ctx: ServerContext & { secret: string } }> = async (app, { ctx }) => {
  const store = new AttachmentStore(ctx.config.attachmentsDir);

  async function visitorOf(request: FastifyRequest): Promise<VisitorRow> {
    const token = /^Visitor\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const claim = token ? verifyVisitorToken(ctx.secret, token, ctx.now()) : null;
    const visitor = claim ? await findVisitor(ctx.db, claim.visitorId) : undefined;
    if (!visitor) throw new AppError('unauthorized', 'A visitor token is needed (Authorization: Visitor <token>)');
    return visitor;
  }

  app.get<{ Params: { id: string } }>('/api/widget/attachments/:id', { config: { rateLimit: { max: 240, timeWindow: '1 minute' } }, ...DOCS.visitorFile }, async (request, reply) => {
    const visitor = await visitorOf(request);
    const row = await findVisitorAttachment(ctx.db, visitor.id, request.params.id);
    if (!row) throw new AppError('not_found', 'No such file in your conversations');
    return sendFile(store, row, reply);
  });

  await app.register(async (uploads) => {
    streamBodies(uploads);
    uploads.post<{ Querystring: { filename?: string } }>('/api/widget/attachments', { ...UPLOAD_LIMIT, ...DOCS.visitorUpload }, async (request, reply): Promise<MessageAttachment> => {
      const visitor = await visitorOf(request);
      const conversation = await findOpenConversationOfVisitor(ctx.db, visitor.id);
      const ticket = conversation ? await findTicketByConversation(ctx.db, conversation.id) : undefined;
      if (!ticket || ticket.withdrawn_at) throw new AppError('conflict', 'Files can be sent once a person has the conversation');
      const limits = await limitsOfSite(ctx, visitor.site_id);
      const saved = await refusingUnread(reply, () => receiveChatUpload(ctx, store, { ticketId: ticket.id, uploadedBy: `visitor:${visitor.id}`, ...uploadOf(request, limits) }));
      void reply.status(201);
      return saved;
    });
  });
};
