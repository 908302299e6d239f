import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Level } from '../../../shared/priority';
import { ApiError, type DeskApi } from '../../api';
import type { OperationsSettings, TicketPreview } from './operations-types';

const messageOf = (err: unknown) => (err instanceof ApiError ? err.message : 'Something went wrong; try again.');

/** The fields of `draft` that differ from `saved`: what `PUT /api/operations` is sent. */
export function changesOf(saved: OperationsSettings, draft: OperationsSettings): Partial<OperationsSettings> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof OperationsSettings)[]) {
    if (JSON.stringify(saved[key]) !== JSON.stringify(draft[key])) changes[key] = draft[key];
  }
  return changes as Partial<OperationsSettings>;
}

/** Settings → Operations: the saved settings, the admin's draft of them, and the preview of a ticket under the draft. */
export class OperationsModel {
  readonly #api: DeskApi;
  readonly #saved = signal<OperationsSettings | null>(null);
  readonly #draft = signal<OperationsSettings | null>(null);
  readonly #error = signal<string | null>(null);
  readonly #notice = signal('');
  readonly #saving = signal(false);
  readonly #preview = signal<TicketPreview | null>(null);
  readonly #previewError = signal<string | null>(null);

  readonly draft: ReadonlySignal<OperationsSettings | null> = this.#draft;
  readonly error: ReadonlySignal<string | null> = this.#error;
  readonly notice: ReadonlySignal<string> = this.#notice;
  readonly saving: ReadonlySignal<boolean> = this.#saving;
  readonly preview: ReadonlySignal<TicketPreview | null> = this.#preview;
  readonly previewError: ReadonlySignal<string | null> = this.#previewError;
  /** Whether the draft differs from what is saved. */
  readonly dirty = computed(() => {
    const saved = this.#saved.value;
    const draft = this.#draft.value;
    return Boolean(saved && draft && Object.keys(changesOf(saved, draft)).length > 0);
  });

  constructor(api: DeskApi) {
    this.#api = api;
  }

  async load(): Promise<void> {
    try {
      const ops = await this.#api.getOperations();
      batch(() => {
        this.#saved.value = ops;
        this.#draft.value = ops;
      });
    } catch (err) {
      this.#error.value = messageOf(err);
    }
  }

  /** Replaces the draft (editors pass a changed copy). */
  edit(next: OperationsSettings): void {
    this.#draft.value = next;
  }

  /** Sends the changed fields; the server checks them and answers with the settings now in force. */
  async save(): Promise<void> {
    const saved = this.#saved.value;
    const draft = this.#draft.value;
    if (!saved || !draft) return;
    this.#saving.value = true;
    this.#error.value = null;
    try {
      const ops = await this.#api.putOperations(changesOf(saved, draft));
      batch(() => {
        this.#saved.value = ops;
        this.#draft.value = ops;
        this.#notice.value = 'Operations saved. Open tickets were given their new deadlines.';
      });
    } catch (err) {
      this.#error.value = messageOf(err);
    } finally {
      this.#saving.value = false;
    }
  }

  discard(): void {
    this.#draft.value = this.#saved.value;
  }

  /** Asks the server where a ticket of `priority` from `timeZone` would go now, under the draft. */
  async previewTicket(priority: Level, timeZone: string): Promise<void> {
    const saved = this.#saved.value;
    const draft = this.#draft.value;
    this.#previewError.value = null;
    try {
      const operations = saved && draft ? changesOf(saved, draft) : {};
      this.#preview.value = await this.#api.previewOperations({ priority, timeZone, ...(Object.keys(operations).length ? { operations } : {}) });
    } catch (err) {
      batch(() => {
        this.#preview.value = null;
        this.#previewError.value = messageOf(err);
      });
    }
  }
}
