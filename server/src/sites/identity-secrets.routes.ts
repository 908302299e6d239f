import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { parse } from '../routes/validate';
import { createIdentitySecret, deleteIdentitySecret } from './identity-secret.repository';
import { findSiteByKey } from './site.repository';
import { forgetVerifiedIdentities } from './visitor.repository';

const createSchema = z.object({
  /** `jwt` (default): signs visitor JWTs, named by `kid`; `user_hash`: the HMAC-SHA256 of the user id. */
  kind: z.enum(['jwt', 'user_hash']).default('jwt'),
});

/** Admins manage the secrets that verify a site's logged-in visitors; a secret is shown only when created. */
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

  app.post<{ Params: { key: string } }>('/api/sites/:key/identity-secrets', async (request, reply) => {
    const site = await siteOf(request.params.key);
    const { kind } = parse(createSchema, request.body ?? {});
    const row = await createIdentitySecret(ctx.db, { siteId: site.id, kind, now: ctx.now() });
    return reply.status(201).send({ id: row.id, secret: row.secret, kind: row.kind, createdAt: row.created_at });
  });

  app.delete<{ Params: { key: string; id: string } }>('/api/sites/:key/identity-secrets/:id', async (request, reply) => {
    const site = await siteOf(request.params.key);
    const deleted = await ctx.db.transaction().execute(async (tx) => {
      if (!(await deleteIdentitySecret(tx, site.id, request.params.id))) return false;
      // What the deleted secret proved is no longer proof: visitors verify again with a live secret.
      await forgetVerifiedIdentities(tx, site.id);
      return true;
    });
    if (!deleted) throw new AppError('not_found', 'No such identity secret');
    return reply.status(204).send();
  });
};
