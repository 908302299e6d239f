import type { FastifyBaseLogger } from 'fastify';
import type { Cluster } from './cluster/cluster';
import type { Config } from './config';
import type { Db } from './db/database';
import type { DomainEvents } from './events';
import type { OperationsStore } from './operations/operations';

/** What every domain command needs: storage, the event bus, a clock and a logger. */
export interface CoreContext {
  db: Db;
  events: DomainEvents;
  log: FastifyBaseLogger;
  /** The current time; tests may freeze it. */
  now: () => Date;
  /** Centres, calendars, SLA targets and the priority matrix, as the admin set them. */
  operations: OperationsStore;
  /** The other nodes of the deployment: locks, timed jobs run once, change notices (alone on one node). */
  cluster: Cluster;
}

export interface ServerContext extends CoreContext {
  config: Config;
}
