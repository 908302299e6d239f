import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Cluster } from '../cluster/cluster';
import { type Db, pingDatabase } from '../db/database';
import { routeDocs } from './route-docs';

/** A dependency that does not answer within this is down, as far as a load balancer is concerned. */
const CHECK_TIMEOUT_MS = 2_000;

type Check = 'ok' | 'failed';

const doc = routeDocs('Probes', 'public');
const checkSchema = z.enum(['ok', 'failed']);
const readySchema = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.object({ database: checkSchema, redis: checkSchema.optional().describe('Only with REDIS_URL') }) });

async function probe(check: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  const checking = check();
  checking.catch(() => undefined); // once timed out, its late failure is nobody's business
  try {
    await Promise.race([checking, timeout]);
    return 'ok';
  } catch {
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /healthz`: the process serves requests (liveness). `GET /readyz`: the database, and Redis when the
 * deployment has it, answer now (readiness: take this node out of the load balancer while it answers 503).
 */
export const probeRoutes: FastifyPluginAsync<{ db: Db; cluster: Cluster; redis: boolean }> = async (app, { db, cluster, redis }) => {
  app.get('/healthz', { logLevel: 'warn', ...doc({ summary: 'Liveness: the process serves requests', response: { 200: z.object({ status: z.literal('ok') }) } }) }, async () => ({ status: 'ok' }));

  app.get('/readyz', { logLevel: 'warn', ...doc({ summary: 'Readiness: the database (and Redis, with REDIS_URL) answer', response: { 200: readySchema, 503: readySchema.describe('`status: "unavailable"`, naming the failed check') } }) }, async (_request, reply) => {
    const checks: Record<string, Check> = { database: await probe(() => pingDatabase(db)) };
    if (redis) checks['redis'] = await probe(() => cluster.ping());
    const ready = Object.values(checks).every((c) => c === 'ok');
    reply.code(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'unavailable', checks };
  });
};
