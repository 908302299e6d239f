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

  /** Forgets this node's tabs in the shared store (the node is stopping). */
  async close(): Promise<void> {
    for (const key of [...this.#tabs.keys()]) await this.leave(key);
  }

  async #announce(before: TabPresence | undefined, after: TabPresence | null): Promise<void> {
    const all = await this.#store.all();
    if (!before || !after || before.status !== after.status) this.#broadcast.team(agentStatuses(all));
    const tickets = new Set<string>();
    if (before?.ticketId && (before.ticketId !== after?.ticketId || before.typing !== after.typing)) tickets.add(before.ticketId);
    if (after?.ticketId && (after.ticketId !== before?.ticketId || after.typing !== before.typing)) tickets.add(after.ticketId);
    for (const ticketId of tickets) this.#broadcast.ticket(ticketId, ticketViewers(all, ticketId));
  }
}
