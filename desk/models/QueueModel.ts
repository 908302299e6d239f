import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { CentreId, SlaAlert, TicketStatus, TicketSummary } from '../../shared/protocol';
import { queryOfView, type DeskApi } from '../api';
import { matchesView, type ViewFilters } from '../../shared/queue';
import { queueDueTime, slaNoticeText } from '../sla';
import { englishTexts, type DeskTexts } from '../i18n/i18n';

export type QueueFilterId = 'open' | 'new' | 'pending' | 'solved';

export interface QueueFilter {
  id: QueueFilterId;
  /** Statuses the tab shows (live events are filtered with this). */
  statuses: readonly TicketStatus[];
  /** The `status` query sent to the server, when the tab is one status. */
  query?: TicketStatus;
}

export const QUEUE_FILTERS: readonly QueueFilter[] = [
  { id: 'open', statuses: ['new', 'open', 'pending', 'on_hold'] },
  { id: 'new', statuses: ['new'], query: 'new' },
  { id: 'pending', statuses: ['pending'], query: 'pending' },
  { id: 'solved', statuses: ['solved', 'closed'], query: 'solved' },
];

/** The centre filter: every centre's tickets, or one centre's queue. */
export type QueueCentre = 'all' | CentreId;

export const CENTRE_FILTERS: readonly QueueCentre[] = ['all', 'uk', 'us'];

/** How long an SLA notification stays on screen. */
export const SLA_NOTICE_MS = 12_000;
/** At most this many SLA notifications show at once (the oldest goes first). */
const MAX_SLA_NOTICES = 3;

export interface SlaNotice {
  id: number;
  ticketId: string;
  kind: SlaAlert['kind'];
  text: string;
}

/** How long a ticket that arrived live keeps its highlight. */
export const FRESH_MS = 120_000;
/**
 * Tickets per page (the server allows up to 200). A first page of 100 fills any screen several times over (the
 * list is windowed) and costs the server half the rows to read and present; the rest comes as the agent scrolls.
 */
export const PAGE_LIMIT = 100;

/**
 * Inserts `ticket` into a list ordered by the next running deadline (`nextDueAt`, what the server orders by),
 * nulls last, after any ticket with the same deadline (so the server's order among equals is kept).
 */
export function insertByDeadline(list: readonly TicketSummary[], ticket: TicketSummary): TicketSummary[] {
  const due = queueDueTime(ticket);
  let index = list.findIndex((t) => queueDueTime(t) > due);
  if (index === -1) index = list.length;
  return [...list.slice(0, index), ticket, ...list.slice(index)];
}

/** The live queue: tickets as the server orders them, kept current by socket events. */
export class QueueModel {
  readonly #tickets = signal<readonly TicketSummary[]>([]);
  readonly #filter = signal<QueueFilterId>('open');
  readonly #centre = signal<QueueCentre>('all');
  readonly #alerts = signal<ReadonlyMap<string, SlaAlert>>(new Map());
  readonly #slaNotices = signal<readonly SlaNotice[]>([]);
  readonly #noticeTimers = new Map<number, ReturnType<typeof setTimeout>>();
  #noticeId = 0;
  readonly #loading = signal(false);
  readonly #loaded = signal(false);
  readonly #error = signal<string | null>(null);
  readonly #fresh = signal<ReadonlySet<string>>(new Set());
  readonly #announcement = signal('');
  readonly #freshTimers = new Map<string, ReturnType<typeof setTimeout>>();
  #generation = 0;
  /** The view shown (its filters decide the page and which live tickets belong); null: the tab and centre. */
  readonly #view = signal<{ id: string; filters: ViewFilters } | null>(null);
  readonly #search = signal('');
  readonly #matches = signal<Readonly<Record<string, string>>>({});
  readonly #nextCursor = signal<string | null>(null);
  readonly #checked = signal<ReadonlySet<string>>(new Set());
  #anchor: string | null = null;
  /** The signed-in agent (a view's `me`). */
  #me = '';
  /** Events that arrive while a load is in flight, replayed on top of its result so none is lost. */
  #buffered: { kind: 'created' | 'updated'; ticket: TicketSummary }[] | null = null;

  /** The tickets of the current tab and centre, in deadline order. */
  readonly visible: ReadonlySignal<readonly TicketSummary[]>;
  readonly #hasMore = computed(() => this.#nextCursor.value !== null);
  /** The words the shown tickets were found by (a search, or a saved view's): only the server can match those. */
  readonly #highlight = computed(() => this.#search.value || (this.#view.value?.filters.q ?? ''));

  constructor(
    private readonly api: Pick<DeskApi, 'listTickets'>,
    /** The agent's language, for announcements and notices (English without it). */
    private readonly texts: () => DeskTexts = () => englishTexts,
  ) {
    this.visible = computed(() => {
      // A search shows what the server found (text cannot be matched here); a view, what matches its filters.
      if (this.#search.value) return this.#tickets.value;
      const view = this.#view.value;
      if (view) {
        const now = Date.now();
        return this.#tickets.value.filter((t) => matchesView(t, view.filters, this.#me, now));
      }
      const filter = QUEUE_FILTERS.find((f) => f.id === this.#filter.value);
      const statuses = filter?.statuses ?? [];
      const centre = this.#centre.value;
      return this.#tickets.value.filter((t) => statuses.includes(t.status) && (centre === 'all' || t.centre === centre));
    });
  }

  /** Every ticket the desk knows of, in deadline order (all tabs). */
  get tickets(): ReadonlySignal<readonly TicketSummary[]> {
    return this.#tickets;
  }
  get filter(): ReadonlySignal<QueueFilterId> {
    return this.#filter;
  }
  /** Whose queue shows: every centre's, or one centre's. */
  get centre(): ReadonlySignal<QueueCentre> {
    return this.#centre;
  }
  /** The latest `ticket:sla` alert per ticket (a row's badge counts it while that deadline still runs). */
  get alerts(): ReadonlySignal<ReadonlyMap<string, SlaAlert>> {
    return this.#alerts;
  }
  /** SLA notifications on screen now, oldest first; each goes away after SLA_NOTICE_MS. */
  get slaNotices(): ReadonlySignal<readonly SlaNotice[]> {
    return this.#slaNotices;
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

  /** The view shown; null while the tabs decide. */
  get view(): ReadonlySignal<{ id: string; filters: ViewFilters } | null> {
    return this.#view;
  }
  /** The search shown (empty: none). */
  get search(): ReadonlySignal<string> {
    return this.#search;
  }
  /** The words to mark in the rows: the search's, else the view's own (a saved view may search). */
  get highlight(): ReadonlySignal<string> {
    return this.#highlight;
  }
  /** With a search: ticket id → the excerpt of the message that matched. */
  get matches(): ReadonlySignal<Readonly<Record<string, string>>> {
    return this.#matches;
  }
  /** Whether the server has more tickets after those loaded (keyset paging). */
  get hasMore(): ReadonlySignal<boolean> {
    return this.#hasMore;
  }
  /** Tickets ticked for a bulk action. */
  get checked(): ReadonlySignal<ReadonlySet<string>> {
    return this.#checked;
  }

  setMe(agentId: string): void {
    this.#me = agentId;
  }

  /** Shows a view (built-in or saved), fetched from the server with its filters. */
  setView(id: string, filters: ViewFilters): Promise<void> {
    const shown = this.#view.value;
    // The same view again is nothing to do, unless its filters were edited.
    if (shown?.id === id && JSON.stringify(shown.filters) === JSON.stringify(filters) && !this.#search.value) return Promise.resolve();
    batch(() => {
      this.#view.value = { id, filters };
      this.#search.value = '';
      this.#checked.value = new Set();
    });
    return this.load();
  }

  /** Searches every ticket (empty words: back to the view). */
  setSearch(words: string): Promise<void> {
    const q = words.trim();
    if (q === this.#search.value) return Promise.resolve();
    batch(() => {
      this.#search.value = q;
      this.#checked.value = new Set();
    });
    return this.load();
  }

  /**
   * Ticks or unticks a ticket; with `range` (shift-click) every visible ticket between the last one clicked and
   * this one takes this one's new state.
   */
  toggleChecked(id: string, range = false): void {
    const next = new Set(this.#checked.value);
    const on = !next.has(id);
    const list = this.visible.value.map((t) => t.id);
    const from = range && this.#anchor ? list.indexOf(this.#anchor) : -1;
    const to = list.indexOf(id);
    const span = from >= 0 && to >= 0 ? list.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
    for (const one of span) {
      if (on) next.add(one);
      else next.delete(one);
    }
    this.#anchor = id;
    this.#checked.value = next;
  }

  clearChecked(): void {
    this.#checked.value = new Set();
  }

  /** The next page after what is loaded (the list's end came into view). */
  async loadMore(): Promise<void> {
    const cursor = this.#nextCursor.value;
    if (!cursor || this.#loading.value) return;
    const generation = this.#generation;
    this.#loading.value = true;
    try {
      const page = await this.api.listTickets({ ...this.#query(), cursor });
      if (generation !== this.#generation) return;
      const known = new Set(this.#tickets.value.map((t) => t.id));
      batch(() => {
        this.#tickets.value = [...this.#tickets.value, ...page.tickets.filter((t) => !known.has(t.id))];
        this.#matches.value = { ...this.#matches.value, ...page.matches };
        this.#nextCursor.value = page.nextCursor ?? null;
      });
    } catch (err) {
      if (generation === this.#generation) this.#error.value = err instanceof Error ? err.message : this.texts().t('queueMoreFailed');
    } finally {
      if (generation === this.#generation) this.#loading.value = false;
    }
  }

  #query() {
    const search = this.#search.value;
    if (search) return { limit: PAGE_LIMIT, q: search };
    const view = this.#view.value;
    if (view) return { limit: PAGE_LIMIT, ...queryOfView(view.filters) };
    const filter = QUEUE_FILTERS.find((f) => f.id === this.#filter.value);
    const centre = this.#centre.value;
    return { limit: PAGE_LIMIT, ...(filter?.query ? { status: filter.query } : {}), ...(centre !== 'all' ? { centre } : {}) };
  }

  setFilter(id: QueueFilterId): Promise<void> {
    if (id === this.#filter.value) return Promise.resolve();
    this.#filter.value = id;
    return this.load();
  }

  /** Shows one centre's queue (or all), fetched from the server with `centre=`. */
  setCentre(centre: QueueCentre): Promise<void> {
    if (centre === this.#centre.value) return Promise.resolve();
    this.#centre.value = centre;
    return this.load();
  }

  /** Fetches the current tab and centre from the server (on sign-in, filter change and reconnect). */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    this.#buffered = [];
    this.#loading.value = true;
    try {
      const page = await this.api.listTickets(this.#query());
      if (generation !== this.#generation) return;
      const buffered = this.#buffered ?? [];
      this.#buffered = null;
      batch(() => {
        this.#tickets.value = page.tickets;
        this.#matches.value = page.matches ?? {};
        this.#nextCursor.value = page.nextCursor ?? null;
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
      this.#error.value = err instanceof Error ? err.message : this.texts().t('queueLoadFailed');
    } finally {
      if (generation === this.#generation) this.#loading.value = false;
    }
  }

  /**
   * `ticket:created`: insert by deadline and highlight it. A ticket of another centre than the one shown is
   * kept (it shows if the filter changes or the ticket moves here) but neither highlighted nor announced.
   */
  applyCreated(ticket: TicketSummary): void {
    this.#buffered?.push({ kind: 'created', ticket });
    const known = this.#tickets.value.some((t) => t.id === ticket.id);
    if (known) {
      this.applyUpdated(ticket);
      return;
    }
    if (this.#highlight.value || this.#beyondLoaded(ticket)) return;
    batch(() => {
      this.#tickets.value = insertByDeadline(this.#tickets.value, ticket);
      if (!this.#inCentre(ticket)) return;
      this.#markFresh(ticket.id);
      this.#announcement.value = this.texts().t(`newTicketArrived_${ticket.priority}`);
    });
  }

  /**
   * `ticket:sla`: a deadline is near (`warning`) or has passed (`breach`). The row's badge follows it, and a
   * notification shows for a while, unless the ticket belongs to another centre than the one shown (the
   * alert names its ticket's number and centre, so this holds for tickets the desk has not loaded too).
   */
  applySla(alert: SlaAlert): void {
    this.#alerts.value = new Map(this.#alerts.value).set(alert.ticketId, alert);
    const ticket = this.#tickets.value.find((t) => t.id === alert.ticketId);
    if (!this.#inCentre(ticket ?? { centre: alert.centre })) return;
    const notice: SlaNotice = { id: ++this.#noticeId, ticketId: alert.ticketId, kind: alert.kind, text: slaNoticeText(alert, ticket?.number ?? alert.number, this.texts()) };
    // A newer alert replaces the ticket's older notification; beyond MAX_SLA_NOTICES the oldest goes.
    const others = this.#slaNotices.value.filter((n) => n.ticketId !== alert.ticketId);
    const kept = others.slice(Math.max(0, others.length - (MAX_SLA_NOTICES - 1)));
    for (const gone of this.#slaNotices.value) if (!kept.includes(gone)) this.#clearNoticeTimer(gone.id);
    this.#slaNotices.value = [...kept, notice];
    this.#noticeTimers.set(
      notice.id,
      setTimeout(() => this.dismissSlaNotice(notice.id), SLA_NOTICE_MS),
    );
  }

  /** Takes one SLA notification off the screen (its time is up, or the agent closed it). */
  dismissSlaNotice(id: number): void {
    this.#clearNoticeTimer(id);
    if (this.#slaNotices.value.some((n) => n.id === id)) this.#slaNotices.value = this.#slaNotices.value.filter((n) => n.id !== id);
  }

  /** `ticket:updated`: replace the ticket (re-placed only if its deadline moved); older versions are ignored. */
  applyUpdated(ticket: TicketSummary): void {
    if (this.#buffered && !this.#buffered.some((e) => e.ticket === ticket)) this.#buffered.push({ kind: 'updated', ticket });
    const list = this.#tickets.value;
    const index = list.findIndex((t) => t.id === ticket.id);
    const current = index === -1 ? undefined : list[index];
    if (!current) {
      if (!this.#highlight.value && !this.#beyondLoaded(ticket)) this.#tickets.value = insertByDeadline(list, ticket);
      return;
    }
    if (Date.parse(current.updatedAt) > Date.parse(ticket.updatedAt)) return;
    const alert = this.#alerts.value.get(ticket.id);
    if (alert && Date.parse(alert.dueAt) !== queueDueTime(ticket)) {
      // That deadline no longer runs (answered, moved or paused): its alert is history.
      const alerts = new Map(this.#alerts.value);
      alerts.delete(ticket.id);
      this.#alerts.value = alerts;
    }
    if (queueDueTime(current) === queueDueTime(ticket)) {
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
    for (const timer of this.#noticeTimers.values()) clearTimeout(timer);
    this.#noticeTimers.clear();
    batch(() => {
      this.#tickets.value = [];
      this.#matches.value = {};
      this.#nextCursor.value = null;
      this.#checked.value = new Set();
      this.#search.value = '';
      this.#fresh.value = new Set();
      this.#alerts.value = new Map();
      this.#slaNotices.value = [];
      this.#loaded.value = false;
      this.#loading.value = false;
      this.#error.value = null;
      this.#announcement.value = '';
    });
  }

  dispose(): void {
    this.clear();
  }

  #clearNoticeTimer(id: number): void {
    const timer = this.#noticeTimers.get(id);
    if (timer) clearTimeout(timer);
    this.#noticeTimers.delete(id);
  }

  /** With more pages on the server, a ticket due after the last one loaded belongs to a page not fetched yet. */
  #beyondLoaded(ticket: TicketSummary): boolean {
    const last = this.#tickets.value[this.#tickets.value.length - 1];
    return this.#nextCursor.value !== null && last !== undefined && queueDueTime(ticket) > queueDueTime(last);
  }

  #inCentre(ticket: Pick<TicketSummary, 'centre'>): boolean {
    const centre = this.#centre.value;
    return centre === 'all' || ticket.centre === centre;
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
