import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database';
import { listSiteIds } from '../sites/site.repository';
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { OperationsStore } from '../operations/operations';
import type { WebhookSubscribers } from '../webhooks/webhook-subscribers';
import type { Cluster, ClusterChange } from './cluster';

interface CachedSettings {
  operations: OperationsStore;
  kb: KnowledgeBase;
  webhooks: WebhookSubscribers;
}

/**
 * Keeps this node's in-memory settings (operations, each site's knowledge-base index, webhook subscriptions) in step with the other
 * nodes: a notice from another node reloads that setting from the database. Returns the unsubscribe.
 */
export function reloadOnChange(cluster: Cluster, db: Db, cached: CachedSettings, log: FastifyBaseLogger): () => void {
  const reload = async (change: ClusterChange) => {
    if (change.kind === 'kb') return cached.kb.load(change.siteId);
    if (change.kind === 'webhooks') return cached.webhooks.forget();
    cached.webhooks.forget();
    await cached.operations.load(db);
    if (change.kind === 'operations') return;
    for (const id of await listSiteIds(db)) await cached.kb.load(id);
  };
  return cluster.onChange((change) => {
    reload(change).catch((err: unknown) => log.error({ err, change }, 'reloading a changed setting failed'));
  });
}
