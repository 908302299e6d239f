import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { AgentProfile } from '../../shared/protocol';
import type { AgentPresence, PresenceStatus } from '../../shared/team';
import type { DeskApi } from '../api';

/** No keyboard or pointer input for this long: the agent shows as away (until they are back). */
export const IDLE_AWAY_MS = 5 * 60_000;

export type TeamApi = Pick<DeskApi, 'listAgents' | 'teamPresence'>;

/** One member of the team with their status: a dot by the name. */
export interface TeamMember {
  id: string;
  name: string;
  status: PresenceStatus;
}

/**
 * The team: every agent (to assign tickets to) with their live status, and this agent's own status, chosen
 * (`Online` / `Away`) or away after a while without input. `sendStatus` tells the server (every tab counts).
 */
export class TeamModel {
  readonly #agents = signal<readonly AgentProfile[]>([]);
  readonly #presence = signal<ReadonlyMap<string, AgentPresence>>(new Map());
  readonly #chosen = signal<'online' | 'away'>('online');
  readonly #idle = signal(false);
  readonly #members = computed<TeamMember[]>(() => {
    const presence = this.#presence.value;
    const known = this.#agents.value.filter((a) => a.active !== false).map((a) => ({ id: a.id, name: a.name, status: presence.get(a.id)?.status ?? 'offline' }));
    // Someone added since the team was loaded still shows once they are online.
    const newcomers = [...presence.values()].filter((p) => !known.some((k) => k.id === p.agentId)).map((p) => ({ id: p.agentId, name: p.name, status: p.status }));
    return [...known, ...newcomers];
  });
  readonly #myStatus = computed<'online' | 'away'>(() => (this.#chosen.value === 'away' || this.#idle.value ? 'away' : 'online'));
  #idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: TeamApi,
    private readonly sendStatus: (status: 'online' | 'away') => void,
    private readonly idleMs = IDLE_AWAY_MS,
  ) {}

  get members(): ReadonlySignal<TeamMember[]> {
    return this.#members;
  }
  /** What this agent shows as: away when they chose it or sat idle. */
  get myStatus(): ReadonlySignal<'online' | 'away'> {
    return this.#myStatus;
  }
  get chosen(): ReadonlySignal<'online' | 'away'> {
    return this.#chosen;
  }

  /** Loads the team and who is online now (the socket keeps it live afterwards). */
  async load(): Promise<void> {
    try {
      const [agents, presence] = await Promise.all([this.api.listAgents(), this.api.teamPresence()]);
      this.#agents.value = agents;
      this.applyPresence({ agents: presence });
    } catch {
      // The team list is a convenience: the desk works without it, and the next reconnect loads it again.
    }
    this.noteActivity();
  }

  /** `presence:changed`: the statuses of everyone with the desk open. */
  applyPresence(event: { agents: AgentPresence[] }): void {
    this.#presence.value = new Map(event.agents.map((a) => [a.agentId, a]));
  }

  statusOf(agentId: string | null): PresenceStatus {
    return agentId ? (this.#presence.value.get(agentId)?.status ?? 'offline') : 'offline';
  }

  choose(status: 'online' | 'away'): void {
    this.#chosen.value = status;
    this.sendStatus(this.#myStatus.value);
  }

  /** Any input: the agent is here (back from idle), and the idle clock starts again. */
  noteActivity(): void {
    if (this.#idle.value) {
      this.#idle.value = false;
      this.sendStatus(this.#myStatus.value);
    }
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      this.#idle.value = true;
      this.sendStatus('away');
    }, this.idleMs);
  }

  dispose(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }
}
