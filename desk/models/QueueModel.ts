import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { TicketStatus, TicketSummary } from '../../shared/protocol';
import type { DeskApi } from '../api';

export type QueueFilterId = 'open' | 'new' | 'pending' | 'solved';

export interface QueueFilter {
  id: QueueFilterId;
  label: string;
  /** Statuses the tab shows (live events are filtered with this). */
  statuses: readonly TicketStatus[];
  /** The `status` query sent to the server, when the tab is one status. */
  query?: TicketStatus;
}

export const QUEUE_FILTERS: readonly QueueFilter[] = [
  { id: 'open', label: 'All open', statuses: ['new', 'open', 'pending', 'on_hold'] },
  { id: 'new', label: 'New', statuses: ['new'], query: 'new' },
  { id: 'pending', label: 'Pending', statuses: ['pending'], query: 'pending' },
  { id: 'solved', label: 'Solved', statuses: ['solved', 'closed'], query: 'solved' },
];

/** How long a ticket that arrived live keeps its highlight. */
export const FRESH_MS = 120_000;
/** The server's page limit (contract §5). */
const PAGE_LIMIT = 200;

function dueTime(t: TicketSummary): number {
  const due = t.firstResponseDueAt ? Date.parse(t.firstResponseDueAt) : Number.NaN;
  return Number.isNaN(due) ? Number.POSITIVE_INFINITY : due;
}

/**
 * Inserts `ticket` into a list ordered by first-response deadline, nulls last, after any ticket with the
 * same deadline (so the server's order among equals is kept).
 */
export function insertByDeadline(list: readonly TicketSummary[], ticket: TicketSummary): TicketSummary[] {
  const due = dueTime(ticket);
  let index = list.findIndex((t) => dueTime(t) > due);
  if (index === -1) index = list.length;
  return [...list.slice(0, index), ticket, ...list.slice(index)];
}

/** The live queue: tickets as the server orders them, kept current by socket events. */
export class QueueModel {
  readonly #tickets = signal<readonly TicketSummary[]>([]);
  readonly #filter = signal<QueueFilterId>('open');
  readonly #loading = signal(false);
  readonly #loaded = signal(false);
  readonly #error = signal<string | null>(null);
  readonly #fresh = signal<ReadonlySet<string>>(new Set());
  readonly #announcement = signal('');
  readonly #freshTimers = new Map<string, ReturnType<typeof setTimeout>>();
  #generation = 0;
  /** Events that arrive while a load is in flight, replayed on top of its result so none is lost. */
  #buffered: { kind: 'created' | 'updated'; ticket: TicketSummary }[] | null = null;

  /** The tickets of the current tab, in deadline order. */
  readonly visible: ReadonlySignal<readonly TicketSummary[]>;

  constructor(private readonly api: Pick<DeskApi, 'listTickets'>) {
    this.visible = computed(() => {
      const filter = QUEUE_FILTERS.find((f) => f.id === this.#filter.value);
      const statuses = filter?.statuses ?? [];
      return this.#tickets.value.filter((t) => statuses.includes(t.status));
    });
  }

  /** Every ticket the desk knows of, in deadline order (all tabs). */
  get tickets(): ReadonlySignal<readonly TicketSummary[]> {
    return this.#tickets;
  }
  get filter(): ReadonlySignal<QueueFilterId> {
    return this.#filter;
  }
  get loading(): ReadonlySignal<boolean> {
    return this.#loading;
  }
  /** True once the first load has answered. */
  get loaded(): ReadonlySignal<boolean> {
    return this.#loaded;
  }
  get error(): ReadonlySignal<string | null> {
    return this.#error;
  }
  /** Ids of tickets that arrived live and are still highlighted. */
  get fresh(): ReadonlySignal<ReadonlySet<string>> {
    return this.#fresh;
  }
  /** Text for a polite live region when a ticket arrives (no subject: screen readers read the row). */
  get announcement(): ReadonlySignal<string> {
    return this.#announcement;
  }

  setFilter(id: QueueFilterId): Promise<void> {
    if (id === this.#filter.value) return Promise.resolve();
    this.#filter.value = id;
    return this.load();
  }

  /** Fetches the current tab from the server (on sign-in, tab change and reconnect). */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    const filter = QUEUE_FILTERS.find((f) => f.id === this.#filter.value);
    this.#buffered = [];
    this.#loading.value = true;
    try {
      const page = await this.api.listTickets({ limit: PAGE_LIMIT, ...(filter?.query ? { status: filter.query } : {}) });
      if (generation !== this.#generation) return;
      const buffered = this.#buffered ?? [];
      this.#buffered = null;
      batch(() => {
        this.#tickets.value = page.tickets;
        for (const event of buffered) {
          if (event.kind === 'created') this.applyCreated(event.ticket);
          else this.applyUpdated(event.ticket);
        }
        this.#error.value = null;
        this.#loaded.value = true;
      });
    } catch (err) {
      if (generation !== this.#generation) return;
      this.#buffered = null;
      this.#error.value = err instanceof Error ? err.message : 'Could not load the queue.';
    } finally {
      if (generation === this.#generation) this.#loading.value = false;
    }
  }

  /** `ticket:created`: insert by deadline and highlight it. */
  applyCreated(ticket: TicketSummary): void {
    this.#buffered?.push({ kind: 'created', ticket });
    const known = this.#tickets.value.some((t) => t.id === ticket.id);
    if (known) {
      this.applyUpdated(ticket);
      return;
    }
    batch(() => {
      this.#tickets.value = insertByDeadline(this.#tickets.value, ticket);
      this.#markFresh(ticket.id);
      this.#announcement.value = `A new ${ticket.priority}-priority ticket arrived.`;
    });
  }

  /** `ticket:updated`: replace the ticket (re-placed only if its deadline moved); older versions are ignored. */
  applyUpdated(ticket: TicketSummary): void {
    if (this.#buffered && !this.#buffered.some((e) => e.ticket === ticket)) this.#buffered.push({ kind: 'updated', ticket });
    const list = this.#tickets.value;
    const index = list.findIndex((t) => t.id === ticket.id);
    const current = index === -1 ? undefined : list[index];
    if (!current) {
      this.#tickets.value = insertByDeadline(list, ticket);
      return;
    }
    if (Date.parse(current.updatedAt) > Date.parse(ticket.updatedAt)) return;
    if (current.firstResponseDueAt === ticket.firstResponseDueAt) {
      const next = list.slice();
      next[index] = ticket;
      this.#tickets.value = next;
    } else {
      this.#tickets.value = insertByDeadline(
        list.filter((t) => t.id !== ticket.id),
        ticket,
      );
    }
  }

  /** The agent opened this ticket: it is no longer "new to the desk". */
  markSeen(id: string): void {
    if (!this.#fresh.value.has(id)) return;
    const timer = this.#freshTimers.get(id);
    if (timer) clearTimeout(timer);
    this.#freshTimers.delete(id);
    const next = new Set(this.#fresh.value);
    next.delete(id);
    this.#fresh.value = next;
  }

  /** Forget everything (sign-out). */
  clear(): void {
    this.#generation++;
    this.#buffered = null;
    for (const timer of this.#freshTimers.values()) clearTimeout(timer);
    this.#freshTimers.clear();
    batch(() => {
      this.#tickets.value = [];
      this.#fresh.value = new Set();
      this.#loaded.value = false;
      this.#loading.value = false;
      this.#error.value = null;
      this.#announcement.value = '';
    });
  }

  dispose(): void {
    this.clear();
  }

  #markFresh(id: string): void {
    this.#fresh.value = new Set(this.#fresh.value).add(id);
    const old = this.#freshTimers.get(id);
    if (old) clearTimeout(old);
    this.#freshTimers.set(
      id,
      setTimeout(() => this.markSeen(id), FRESH_MS),
    );
  }
}
