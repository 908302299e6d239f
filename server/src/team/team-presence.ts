import type { AgentPresence, TicketViewer } from '../../../shared/team';
import { agentStatuses, onlineAgentIds, ticketViewers, type PresenceStore, type TabPresence } from './presence';

/** Where presence changes go: the desk namespace's rooms (through the socket.io adapter, so every node's desks). */
export interface PresenceBroadcast {
  team: (agents: AgentPresence[]) => void;
  ticket: (ticketId: string, viewers: TicketViewer[]) => void;
}

/**
 * This node's desk tabs reporting into the shared store, and the broadcasts that follow: the team's statuses
 * when a tab opens, closes or changes status; a ticket's viewers when a tab opens or leaves it or types in it.
 */
export class TeamPresence {
  readonly #store: PresenceStore;
  readonly #broadcast: PresenceBroadcast;
  readonly #tabs = new Map<string, TabPresence>();
  readonly #now: () => Date;
  /** Every tab as this node last read the store (after its own change or a heartbeat): what a heartbeat compares. */
  #seen: TabPresence[] = [];
  #timer: NodeJS.Timeout | null = null;

  constructor(store: PresenceStore, broadcast: PresenceBroadcast, now: () => Date = () => new Date()) {
    this.#store = store;
    this.#broadcast = broadcast;
    this.#now = now;
  }

  /** A tab opened, or changed what it reports (only the given fields change). */
  async report(tabKey: string, change: Partial<TabPresence> & Pick<TabPresence, 'agentId' | 'agentName'>): Promise<void> {
    const before = this.#tabs.get(tabKey);
    const tab: TabPresence = { status: 'online', ticketId: null, typing: false, ...before, ...change };
    if (change.ticketId !== undefined && change.ticketId !== before?.ticketId && change.typing === undefined) tab.typing = false;
    this.#tabs.set(tabKey, tab);
    await this.#store.put(tabKey, tab);
    if (!before) await this.#store.setGone(tab.agentId, null);
    await this.#announce(before, tab);
  }

  /** A tab closed (or its socket dropped). */
  async leave(tabKey: string): Promise<void> {
    const before = this.#tabs.get(tabKey);
    if (!before) return;
    this.#tabs.delete(tabKey);
    await this.#store.remove(tabKey);
    const all = await this.#store.all();
    if (!all.some((t) => t.agentId === before.agentId)) await this.#store.setGone(before.agentId, this.#now().toISOString());
    await this.#announce(before, null);
  }

  async team(): Promise<AgentPresence[]> {
    return agentStatuses(await this.#store.all());
  }

  async viewers(ticketId: string): Promise<TicketViewer[]> {
    return ticketViewers(await this.#store.all(), ticketId);
  }

  /** Agents with at least one tab online (not away). */
  async online(): Promise<Set<string>> {
    return onlineAgentIds(this.#store);
  }

  /** Agents whose every tab closed, and since when (their chats are reassigned after a grace). */
  async goneSince(): Promise<Map<string, string>> {
    return this.#store.gone();
  }

  /**
   * Every `intervalMs`: tells the store this node lives (rewriting its tabs, so a node cut off from Redis for
   * longer than the TTL comes back whole) and announces what changed meanwhile elsewhere, such as the tabs of a
   * node that died and whose entries expired. Returns the stop function.
   */
  start(intervalMs: number): () => void {
    // Redis away: this beat is lost and the next one tries again (the node's tabs outlive one missed beat).
    this.#timer = setInterval(() => void this.heartbeat().catch(() => {}), intervalMs);
    this.#timer.unref();
    return () => this.stop();
  }

  /** Stops the heartbeat, leaving the tabs in the store (they expire with this node's liveness key). */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** One heartbeat: keeps this node's tabs alive, and announces changes it did not make (a dead node's tabs expired). */
  async heartbeat(): Promise<void> {
    await this.#store.beat();
    for (const [key, tab] of [...this.#tabs]) {
      // A tab that closed (or changed) while this loop awaited is not written back.
      if (this.#tabs.get(key) === tab) await this.#store.put(key, tab);
    }
    const before = this.#seen;
    const all = await this.#store.all();
    this.#seen = all;
    const here = new Set(all.map((t) => t.agentId));
    const gone = await this.#store.gone();
    const at = this.#now().toISOString();
    for (const agentId of new Set(before.map((t) => t.agentId))) {
      if (!here.has(agentId) && !gone.has(agentId)) await this.#store.setGone(agentId, at);
    }
    const team = agentStatuses(all);
    if (JSON.stringify(agentStatuses(before)) !== JSON.stringify(team)) this.#broadcast.team(team);
    for (const ticketId of new Set(before.flatMap((t) => (t.ticketId ? [t.ticketId] : [])))) {
      const viewers = ticketViewers(all, ticketId);
      if (JSON.stringify(ticketViewers(before, ticketId)) !== JSON.stringify(viewers)) this.#broadcast.ticket(ticketId, viewers);
    }
  }

  /** Forgets this node's tabs in the shared store (the node is stopping). */
  async close(): Promise<void> {
    this.stop();
    for (const key of [...this.#tabs.keys()]) await this.leave(key);
  }

  async #announce(before: TabPresence | undefined, after: TabPresence | null): Promise<void> {
    const all = await this.#store.all();
    this.#seen = all;
    if (!before || !after || before.status !== after.status) this.#broadcast.team(agentStatuses(all));
    const tickets = new Set<string>();
    if (before?.ticketId && (before.ticketId !== after?.ticketId || before.typing !== after.typing)) tickets.add(before.ticketId);
    if (after?.ticketId && (after.ticketId !== before?.ticketId || after.typing !== before.typing)) tickets.add(after.ticketId);
    for (const ticketId of tickets) this.#broadcast.ticket(ticketId, ticketViewers(all, ticketId));
  }
}
