/**
 * Who of the team is here: each desk socket (a tab) reports its agent's chosen status (`online` or `away`), the
 * ticket it shows and whether its agent is typing a reply there. An agent is online when any tab is online, away
 * when every tab is away, offline with no tab. Entries live in Redis (one hash for the deployment) when REDIS_URL
 * is set, so every node sees every tab; in memory otherwise.
 *
 * A node that dies cannot remove its tabs, so in Redis each tab names its node, and a node's tabs count only while
 * its liveness key (refreshed by its heartbeat, expiring after PRESENCE_TTL_MS) exists: an agent whose node died
 * vanishes within the TTL plus one heartbeat of a surviving node.
 */
import { randomUUID } from 'node:crypto';
import type { AgentPresence, PresenceStatus, TicketViewer } from '../../../shared/team';
import type { RedisClient } from '../cluster/redis-cluster';

/** One desk socket's report. */
export interface TabPresence {
  agentId: string;
  agentName: string;
  status: Exclude<PresenceStatus, 'offline'>;
  /** The ticket this tab shows, if any. */
  ticketId: string | null;
  typing: boolean;
}

/** Where tab reports are kept: one node's memory, or a Redis hash shared by the nodes. */
export interface PresenceStore {
  put(tabKey: string, tab: TabPresence): Promise<void>;
  remove(tabKey: string): Promise<void>;
  all(): Promise<TabPresence[]>;
  /** Records when an agent's last tab closed (null: they are back). */
  setGone(agentId: string, at: string | null): Promise<void>;
  /** Agents whose every tab closed, and since when. */
  gone(): Promise<Map<string, string>>;
  /** This node is alive: its tabs keep counting for another TTL (nothing to do in one node's memory). */
  beat(): Promise<void>;
}

/** A dead node's tabs count for at most this long after its last heartbeat. */
export const PRESENCE_TTL_MS = 30_000;

export class MemoryPresenceStore implements PresenceStore {
  readonly #tabs = new Map<string, TabPresence>();
  async put(tabKey: string, tab: TabPresence): Promise<void> {
    this.#tabs.set(tabKey, tab);
  }
  async remove(tabKey: string): Promise<void> {
    this.#tabs.delete(tabKey);
  }
  async all(): Promise<TabPresence[]> {
    return [...this.#tabs.values()];
  }
  readonly #gone = new Map<string, string>();
  async setGone(agentId: string, at: string | null): Promise<void> {
    if (at) this.#gone.set(agentId, at);
    else this.#gone.delete(agentId);
  }
  async gone(): Promise<Map<string, string>> {
    return new Map(this.#gone);
  }
  async beat(): Promise<void> {}
}

const PRESENCE_HASH = 'frontdesk:presence';
const GONE_HASH = 'frontdesk:presence:gone';

const NODE_KEY = 'frontdesk:presence:node:';

export class RedisPresenceStore implements PresenceStore {
  readonly #redis: RedisClient;
  readonly #node: string;
  readonly #ttlMs: number;
  constructor(redis: RedisClient, opts: { nodeId?: string; ttlMs?: number } = {}) {
    this.#redis = redis;
    this.#node = opts.nodeId ?? randomUUID();
    this.#ttlMs = opts.ttlMs ?? PRESENCE_TTL_MS;
  }
  async put(tabKey: string, tab: TabPresence): Promise<void> {
    // Both sent at once, in this order: a remove() issued after this call is never overtaken by the write.
    await Promise.all([this.beat(), this.#redis.hSet(PRESENCE_HASH, tabKey, JSON.stringify({ ...tab, node: this.#node }))]);
  }
  async remove(tabKey: string): Promise<void> {
    await this.#redis.hDel(PRESENCE_HASH, tabKey);
  }
  /** The tabs of live nodes; those of nodes whose liveness key expired are dropped from the hash as they are met. */
  async all(): Promise<TabPresence[]> {
    const raw = await this.#redis.hGetAll(PRESENCE_HASH);
    // Written by put() above only, so the shape is ours (an entry without a node predates liveness keys: dead).
    const entries = Object.entries(raw).map(([key, text]) => ({ key, tab: JSON.parse(text) as TabPresence & { node?: string } }));
    const nodes = [...new Set(entries.flatMap((e) => (e.tab.node ? [e.tab.node] : [])))];
    const flags = nodes.length ? await this.#redis.mGet(nodes.map((n) => NODE_KEY + n)) : [];
    const alive = new Set(nodes.filter((_, i) => flags[i] != null));
    const dead = entries.filter((e) => !e.tab.node || !alive.has(e.tab.node)).map((e) => e.key);
    if (dead.length) await this.#redis.hDel(PRESENCE_HASH, dead);
    return entries.filter((e) => e.tab.node && alive.has(e.tab.node)).map(({ tab: { node: _node, ...tab } }) => tab);
  }
  async setGone(agentId: string, at: string | null): Promise<void> {
    if (at) await this.#redis.hSet(GONE_HASH, agentId, at);
    else await this.#redis.hDel(GONE_HASH, agentId);
  }
  async gone(): Promise<Map<string, string>> {
    return new Map(Object.entries(await this.#redis.hGetAll(GONE_HASH)));
  }
  async beat(): Promise<void> {
    await this.#redis.set(NODE_KEY + this.#node, '1', { PX: this.#ttlMs });
  }
}

/** The team's statuses, one per agent with a tab open (agents without one are offline). */
export function agentStatuses(tabs: TabPresence[]): AgentPresence[] {
  const byAgent = new Map<string, AgentPresence>();
  for (const tab of tabs) {
    const seen = byAgent.get(tab.agentId);
    const status = seen?.status === 'online' || tab.status === 'online' ? 'online' : 'away';
    byAgent.set(tab.agentId, { agentId: tab.agentId, name: tab.agentName, status });
  }
  return [...byAgent.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Who shows one ticket, once per agent, typing if any of their tabs is. */
export function ticketViewers(tabs: TabPresence[], ticketId: string): TicketViewer[] {
  const byAgent = new Map<string, TicketViewer>();
  for (const tab of tabs) {
    if (tab.ticketId !== ticketId) continue;
    const typing = (byAgent.get(tab.agentId)?.typing ?? false) || tab.typing;
    byAgent.set(tab.agentId, { agentId: tab.agentId, name: tab.agentName, typing });
  }
  return [...byAgent.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The ids of agents online right now (away agents do not count): automatic assignment and the messenger's promise use it. */
export async function onlineAgentIds(store: PresenceStore): Promise<Set<string>> {
  return new Set(agentStatuses(await store.all()).filter((a) => a.status === 'online').map((a) => a.agentId));
}
