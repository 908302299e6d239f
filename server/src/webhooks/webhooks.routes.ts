import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createWebhookSchema, updateWebhookSchema, webhookDeliveryListSchema, webhookDeliverySchema, webhookListSchema, webhookSchema, webhookWithSecretSchema } from '../../../shared/webhooks';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { describeRoute } from '../routes/route-docs';
import { parse } from '../routes/validate';
import { literalHostProblem } from './webhook-address';
import type { WebhookSubscribers } from './webhook-subscribers';
import {
  deleteWebhook,
  findDelivery,
  findWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  newWebhookSecret,
  presentDelivery,
  presentWebhook,
  requeueDelivery,
  updateWebhook,
} from './webhook.repository';

const deliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50).describe('How many, newest first') });
const idParams = z.object({ id: z.string() });
const deliveryParams = z.object({ id: z.string(), deliveryId: z.string().describe('The delivery, also its webhook-id header') });
const doc = (d: Omit<Parameters<typeof describeRoute>[0], 'tag' | 'audience'>) => ({ schema: describeRoute({ ...d, tag: 'Webhooks', audience: 'admin' }) });

/** Who made a change, for the audit log: the signed-in agent and the address they came from. */
function actorOf(request: FastifyRequest): AuditActor {
  const agent = request.agent!;
  return { id: agent.id, label: `${agent.name} <${agent.email}>`, ip: request.ip };
}

export interface WebhookRouteOptions {
  ctx: CoreContext;
  /** WEBHOOKS_ALLOW_PRIVATE_NETWORK: loopback and private addresses may be used (tests, a receiver on this host). */
  allowPrivate: boolean;
  /** Sends what is due now (after a redelivery, so it goes without waiting for the timer). */
  kick: () => void;
  /** The cached subscriptions, told of every change. */
  subscribers: WebhookSubscribers;
}

/** Admins register endpoints, rotate their secrets and read (and redo) their deliveries. */
export const webhookRoutes: FastifyPluginAsync<WebhookRouteOptions> = async (app, { ctx, allowPrivate, kick, subscribers }) => {
  app.addHook('preHandler', app.requireAgent);
  app.addHook('preHandler', async (request) => {
    if (request.agent!.role !== 'admin') throw new AppError('forbidden', 'Only an admin can manage webhooks');
  });
  // Every change of an endpoint has committed by the time its answer is sent: the cached subscriptions (here and
  // on the other nodes) are renewed before the admin can see the change done.
  app.addHook('onSend', async (request, reply) => {
    if (request.method !== 'GET' && reply.statusCode < 300) subscribers.changed();
  });

  const checkUrl = (url: string) => {
    const problem = literalHostProblem(new URL(url), allowPrivate);
    if (problem) throw new AppError('validation_failed', `url: ${problem}`);
  };
  const webhookOf = async (id: string) => {
    const row = await findWebhook(ctx.db, id);
    if (!row) throw new AppError('not_found', 'No such webhook');
    return row;
  };

  app.get('/api/webhooks', doc({ summary: 'The webhook endpoints (never their secrets)', response: { 200: webhookListSchema } }), async () => ({ webhooks: (await listWebhooks(ctx.db)).map(presentWebhook) }));

  app.post('/api/webhooks', doc({ summary: 'Register an endpoint; its signing secret is in this answer only', body: createWebhookSchema, response: { 201: webhookWithSecretSchema } }), async (request, reply) => {
    const body = parse(createWebhookSchema, request.body);
    checkUrl(body.url);
    const row = await ctx.db.transaction().execute(async (tx) => {
      const created = await insertWebhook(tx, { ...body, now: ctx.now() });
      await recordAudit(tx, actorOf(request), { action: 'webhook.created', target: { type: 'webhook', id: created.id }, changes: { url: { from: null, to: body.url }, events: { from: null, to: body.events } } }, ctx.now());
      return created;
    });
    return reply.status(201).send({ ...presentWebhook(row), secret: row.secret });
  });

  app.patch<{ Params: { id: string } }>('/api/webhooks/:id', doc({ summary: 'Change the URL, events, description, or turn it on or off', params: idParams, body: updateWebhookSchema, response: { 200: webhookSchema } }), async (request) => {
    const patch = parse(updateWebhookSchema, request.body);
    if (patch.url !== undefined) checkUrl(patch.url);
    const before = await webhookOf(request.params.id);
    await ctx.db.transaction().execute(async (tx) => {
      const set = {
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.events !== undefined ? { events: JSON.stringify(patch.events) } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0 } : {}),
      };
      await updateWebhook(tx, before.id, set, ctx.now());
      const old = presentWebhook(before);
      const changes = Object.fromEntries(Object.entries(patch).filter(([k, v]) => JSON.stringify(old[k as keyof typeof old]) !== JSON.stringify(v)).map(([k, v]) => [k, { from: old[k as keyof typeof old], to: v }]));
      await recordAudit(tx, actorOf(request), { action: 'webhook.updated', target: { type: 'webhook', id: before.id }, changes }, ctx.now());
    });
    return presentWebhook((await findWebhook(ctx.db, before.id))!);
  });

  app.post<{ Params: { id: string } }>('/api/webhooks/:id/rotate-secret', doc({ summary: 'A new signing secret (shown once); the old one stops signing at once', params: idParams, response: { 200: webhookWithSecretSchema } }), async (request) => {
    const before = await webhookOf(request.params.id);
    const secret = newWebhookSecret();
    await ctx.db.transaction().execute(async (tx) => {
      await updateWebhook(tx, before.id, { secret }, ctx.now());
      // The field is named, never its value.
      await recordAudit(tx, actorOf(request), { action: 'webhook.secret_rotated', target: { type: 'webhook', id: before.id }, changes: { secret: { from: '(hidden)', to: '(new)' } } }, ctx.now());
    });
    return { ...presentWebhook((await findWebhook(ctx.db, before.id))!), secret };
  });

  app.delete<{ Params: { id: string } }>('/api/webhooks/:id', doc({ summary: 'Delete an endpoint and its delivery log', params: idParams, response: { 204: 'Deleted' } }), async (request, reply) => {
    const before = await webhookOf(request.params.id);
    await ctx.db.transaction().execute(async (tx) => {
      await deleteWebhook(tx, before.id);
      await recordAudit(tx, actorOf(request), { action: 'webhook.deleted', target: { type: 'webhook', id: before.id }, changes: { url: { from: before.url, to: null } } }, ctx.now());
    });
    return reply.status(204).send();
  });

  app.get<{ Params: { id: string } }>('/api/webhooks/:id/deliveries', doc({ summary: 'The delivery log, newest first: status, response code, time taken, an excerpt of the answer', params: idParams, querystring: deliveriesQuery, response: { 200: webhookDeliveryListSchema } }), async (request) => {
    const { limit } = parse(deliveriesQuery, request.query);
    const hook = await webhookOf(request.params.id);
    return { deliveries: (await listDeliveries(ctx.db, hook.id, limit)).map(presentDelivery) };
  });

  app.post<{ Params: { id: string; deliveryId: string } }>('/api/webhooks/:id/deliveries/:deliveryId/redeliver', doc({ summary: 'Send a delivery again now, with the same webhook-id', params: deliveryParams, response: { 202: webhookDeliverySchema } }), async (request, reply) => {
    const hook = await webhookOf(request.params.id);
    const delivery = await findDelivery(ctx.db, hook.id, request.params.deliveryId);
    if (!delivery) throw new AppError('not_found', 'No such delivery');
    if (delivery.payload === '{}') throw new AppError('conflict', 'This delivery was about a withdrawn request; its content is erased');
    await ctx.db.transaction().execute(async (tx) => {
      await requeueDelivery(tx, delivery.id, ctx.now());
      await recordAudit(tx, actorOf(request), { action: 'webhook.redelivered', target: { type: 'webhook', id: hook.id }, changes: { delivery: { from: delivery.status, to: 'queued' } } }, ctx.now());
    });
    kick();
    return reply.status(202).send(presentDelivery((await findDelivery(ctx.db, hook.id, delivery.id))!));
  });
};
