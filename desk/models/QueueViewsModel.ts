import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { BUILT_IN_VIEWS, type BuiltInView, type QueueCounts, type SavedView, type ViewFilters } from '../../shared/queue';
import type { DeskApi } from '../api';

export interface ViewEntry {
  id: string;
  name: string;
  filters: ViewFilters;
  count: number | null;
  /** A saved view shared with the team (false: personal or built-in). */
  shared: boolean;
  saved: boolean;
  /** A saved view's owner (null: shared; undefined: built-in). */
  ownerId?: string | null;
}

/** The queue's views and their counts: loaded once, then kept by `queue:counts` pushes (never polled). */
export class QueueViewsModel {
  readonly #builtIn = signal<readonly (BuiltInView & { count: number })[]>([]);
  readonly #saved = signal<readonly (SavedView & { count: number })[]>([]);
  readonly #counts = signal<QueueCounts | null>(null);
  readonly #error = signal<string | null>(null);
  #me = '';

  /** Built-in views first, then saved ones, each with its newest count. */
  readonly entries: ReadonlySignal<readonly ViewEntry[]>;

  constructor(private readonly api: Pick<DeskApi, 'listViews' | 'createView' | 'updateView' | 'deleteView'>) {
    this.entries = computed(() => {
      const counts = this.#counts.value;
      // Before the first load the built-in views show without counts, so the list does not move when they come.
      const loaded: readonly (BuiltInView & { count: number | null })[] = this.#builtIn.value.length ? this.#builtIn.value : BUILT_IN_VIEWS.map((v) => ({ ...v, count: null }));
      const builtIn = loaded.map((v) => ({
        id: v.id,
        name: v.name,
        filters: v.filters,
        shared: false,
        saved: false,
        count: counts ? (v.id === 'mine' ? (counts.byAssignee[this.#me] ?? 0) : (counts.builtIn[v.id] ?? v.count)) : v.count,
      }));
      const saved = this.#saved.value.map((v) => ({ id: v.id, name: v.name, filters: v.filters, shared: v.shared, saved: true, ownerId: v.ownerId, count: counts?.saved[v.id] ?? v.count }));
      return [...builtIn, ...saved];
    });
  }

  get error(): ReadonlySignal<string | null> {
    return this.#error;
  }

  async load(me: string): Promise<void> {
    this.#me = me;
    try {
      const views = await this.api.listViews();
      this.#builtIn.value = views.builtIn;
      this.#saved.value = views.saved;
      this.#counts.value = null;
      this.#error.value = null;
    } catch (err) {
      this.#error.value = err instanceof Error ? err.message : 'Could not load the views.';
    }
  }

  /** `queue:counts` from the desk socket. */
  applyCounts(counts: QueueCounts): void {
    this.#counts.value = counts;
  }

  async save(name: string, shared: boolean, filters: ViewFilters): Promise<SavedView> {
    const view = await this.api.createView({ name, shared, filters });
    await this.load(this.#me);
    return view;
  }

  /** Changes a saved view (its name, sharing or filters); the server refuses another agent's. */
  async update(id: string, change: { name?: string; shared?: boolean; filters?: ViewFilters }): Promise<SavedView> {
    const view = await this.api.updateView(id, change);
    await this.load(this.#me);
    return view;
  }

  async remove(id: string): Promise<void> {
    await this.api.deleteView(id);
    await this.load(this.#me);
  }

  clear(): void {
    this.#builtIn.value = [];
    this.#saved.value = [];
    this.#counts.value = null;
  }
}
