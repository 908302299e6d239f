import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { identitySecretCreatedSchema, identitySecretListSchema } from '../../../shared/admin';
import { actorOf } from '../audit/audit-actor';
import { recordAudit } from '../audit/audit-log';
import { lastChangeOf } from '../audit/audit.repository';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { pathParams, routeDocs } from '../routes/route-docs';
import { parse } from '../routes/validate';
import { createIdentitySecret, deleteIdentitySecret, listIdentitySecrets } from './identity-secret.repository';
import { findSiteByKey } from './site.repository';
import { countVerifiedVisitorsSince, forgetVerifiedIdentities } from './visitor.repository';

const createSchema = z.object({
  /** `jwt` (default): signs visitor JWTs, named by `kid`; `user_hash`: the HMAC-SHA256 of the user id. */
  kind: z.enum(['jwt', 'user_hash']).default('jwt'),
});

const DAY_MS = 86_400_000;

const doc = routeDocs('Sites', 'admin');
const DOCS = {
  list: doc({ summary: "A site's identity secrets without the secret, and visitors verified in the last day", params: pathParams('key'), response: { 200: identitySecretListSchema } }),
  create: doc({ summary: 'A new identity secret, shown once; `id` is the JWT `kid` (the body may be left out: kind `jwt`)', params: pathParams('key'), body: createSchema, bodyOptional: true, response: { 201: identitySecretCreatedSchema } }),
  remove: doc({ summary: 'Delete an identity secret: identities signed with it stop verifying', params: pathParams('key', 'id'), response: { 204: 'Deleted' } }),
};

/**
 * Admins manage the secrets that verify a site's logged-in visitors; a secret is shown only when created. Rotating
 * is creating a second secret, moving the host's server to its `kid`, then revoking the old one.
 */
export const identitySecretRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', app.requireAgent);
  app.addHook('preHandler', async (request) => {
    if (request.agent!.role !== 'admin') throw new AppError('forbidden', 'Only an admin can manage identity secrets');
  });

  const siteOf = async (key: string) => {
    const site = await findSiteByKey(ctx.db, key);
    if (!site) throw new AppError('not_found', 'No such site');
    return site;
  };

  // Never the secret itself: only what names it, and how many visitors proved who they are in the last day.
  app.get<{ Params: { key: string } }>('/api/sites/:key/identity-secrets', DOCS.list, async (request) => {
    const site = await siteOf(request.params.key);
    const secrets = await listIdentitySecrets(ctx.db, site.id);
    const since = new Date(ctx.now().getTime() - DAY_MS).toISOString();
    const verified = await countVerifiedVisitorsSince(ctx.db, site.id, since);
    return {
      secrets: secrets.map((s) => ({ id: s.id, kind: s.kind, createdAt: s.created_at })),
      verifiedLastDay: verified,
      lastChange: await lastChangeOf(ctx.db, 'identity_secret', site.id),
    };
  });

  app.post<{ Params: { key: string } }>('/api/sites/:key/identity-secrets', DOCS.create, async (request, reply) => {
    const site = await siteOf(request.params.key);
    const { kind } = parse(createSchema, request.body ?? {});
    const row = await ctx.db.transaction().execute(async (tx) => {
      const created = await createIdentitySecret(tx, { siteId: site.id, kind, now: ctx.now() });
      // The target is the site, so its Identity page shows the latest change; the secret's id names which one.
      await recordAudit(tx, actorOf(request), {
        action: 'identity_secret.created',
        target: { type: 'identity_secret', id: site.id },
        siteId: site.id,
        changes: { secret: { from: null, to: { id: created.id, kind } } },
      }, ctx.now());
      return created;
    });
    return reply.status(201).send({ id: row.id, secret: row.secret, kind: row.kind, createdAt: row.created_at });
  });

  app.delete<{ Params: { key: string; id: string } }>('/api/sites/:key/identity-secrets/:id', DOCS.remove, async (request, reply) => {
    const site = await siteOf(request.params.key);
    const deleted = await ctx.db.transaction().execute(async (tx) => {
      if (!(await deleteIdentitySecret(tx, site.id, request.params.id))) return false;
      // What the deleted secret proved is no longer proof: visitors verify again with a live secret.
      await forgetVerifiedIdentities(tx, site.id);
      await recordAudit(tx, actorOf(request), {
        action: 'identity_secret.revoked',
        target: { type: 'identity_secret', id: site.id },
        siteId: site.id,
        changes: { secret: { from: { id: request.params.id }, to: null } },
      }, ctx.now());
      return true;
    });
    if (!deleted) throw new AppError('not_found', 'No such identity secret');
    return reply.status(204).send();
  });
};
