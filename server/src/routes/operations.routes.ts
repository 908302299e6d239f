import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isValidTimeZone } from '../../../shared/calendar';
import { levelSchema } from '../../../shared/protocol';
import { changedFields, recordAudit } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { operationsPatchSchema, type Operations } from '../operations/operations';
import { previewTicket } from '../operations/operations-preview';
import { recomputeOpenTickets } from '../tickets/operations-clock';
import { describeRoute } from './route-docs';
import { parse } from './validate';

/** The whole operations settings, as `GET` and `PUT` answer them. */
const operationsSchema = operationsPatchSchema.required().meta({ id: 'Operations', description: 'Centres, phone line, priority matrix, SLA targets, plans, auto-close' });

/** `POST /api/operations/preview`: a ticket of this priority, from this time zone, at this time (default now). */
export const operationsPreviewSchema = z.strictObject({
  priority: levelSchema,
  timeZone: z.string().max(64).refine(isValidTimeZone, 'timeZone: not an IANA time zone (e.g. Europe/London)'),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  /** The requester's email: a support plan matching it changes the calendar. */
  email: z.email().max(254).optional(),
  /** Unsaved changes to preview with (as `PUT /api/operations` would take them); the saved settings otherwise. */
  operations: operationsPatchSchema.optional(),
});

const previewAnswer = z
  .object({
    priority: levelSchema,
    homeCentre: z.enum(['uk', 'us']),
    centre: z.enum(['uk', 'us']),
    centreName: z.string(),
    plan: z.object({ id: z.string(), name: z.string() }).nullable(),
    firstResponseDueAt: z.string().nullable(),
    resolutionDueAt: z.string().nullable(),
  })
  .meta({ id: 'TicketPreview' });

const actorOf = (request: FastifyRequest) => ({ id: request.agent!.id, label: `${request.agent!.name} <${request.agent!.email}>`, ip: request.ip });

/** Support operations settings. Every agent reads them; only an admin changes them, and deadlines follow. */
export const operationsRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', app.requireAgent);

  app.get('/api/operations', { schema: describeRoute({ summary: 'Centres, calendars, SLA targets, priority matrix, plans, auto-close days', tag: 'Operations', audience: 'agent', response: { 200: operationsSchema } }) }, async () => ctx.operations.get());

  app.put(
    '/api/operations',
    { schema: describeRoute({ summary: 'Change support operations (admin): the fields given replace theirs; open tickets are recomputed on every node', tag: 'Operations', audience: 'admin', body: operationsPatchSchema, response: { 200: operationsSchema } }) },
    async (request) => {
      if (request.agent!.role !== 'admin') throw new AppError('forbidden', 'Only an admin can change support operations');
      const patch = parse(operationsPatchSchema, request.body) as Partial<Operations>;
      const before = ctx.operations.get();
      const ops = await ctx.db.transaction().execute(async (tx) => {
        await recordAudit(tx, actorOf(request), { action: 'operations.updated', target: { type: 'operations', id: null }, changes: changedFields(before, patch) }, ctx.now());
        return ctx.operations.write(tx, patch);
      });
      ctx.operations.adopt(ops);
      const recomputed = await recomputeOpenTickets(ctx);
      request.log.info({ recomputed }, 'operations changed; deadlines recomputed');
      return ops;
    },
  );

  app.post(
    '/api/operations/preview',
    { schema: describeRoute({ summary: 'Where a new ticket of this priority from this time zone would go and when it would be due, by the rules real tickets get (optionally with unsaved changes)', tag: 'Operations', audience: 'agent', body: operationsPreviewSchema, response: { 200: previewAnswer } }) },
    async (request) => {
      const input = parse(operationsPreviewSchema, request.body);
      const ops = { ...ctx.operations.get(), ...(input.operations as Partial<Operations> | undefined) };
      return previewTicket(ops, { priority: input.priority, timeZone: input.timeZone, receivedAt: input.receivedAt ? new Date(input.receivedAt) : ctx.now(), email: input.email ?? null });
    },
  );
};
