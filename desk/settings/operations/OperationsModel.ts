import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Level } from '../../../shared/priority';
import { ApiError, failureText, type DeskApi } from '../../api';
import { englishTexts, type DeskTexts } from '../../i18n/i18n';
import { issuesOfMessage, sortIssues, type FieldErrors, type Issue } from '../field-errors';
import type { OperationsSettings, SupportPlanSummary, TicketPreview } from './operations-types';


/** The main form's fields a refusal is shown next to; what else is refused shows as the page's error. */
export const OPERATIONS_FIELDS = ['centres.uk', 'centres.us', 'phoneLine', 'sla', 'priorityMatrix', 'autoCloseDays', 'categories'] as const;

const NO_ERRORS: FieldErrors = { fields: {}, rest: null };

/**
 * The issues the server's own schema (shared/operations-schema.ts, loaded on the first save so zod stays out of
 * the desk's first bundle) finds in a `PUT /api/operations` body; none when it would be accepted.
 */
export async function operationsIssues(patch: Partial<OperationsSettings>): Promise<Issue[]> {
  const { operationsPatchSchema } = await loadSchema();
  const checked = operationsPatchSchema.safeParse(patch);
  return checked.success ? [] : checked.error.issues;
}

const loadSchema = () => import('../../../shared/operations-schema');

/** What `savePlans` answers: saved, or the issues of the plans (paths from `plans`), the browser's or the server's. */
export type PlansSaved = { ok: true } | { ok: false; issues: Issue[] };

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
  readonly #fieldErrors = signal<FieldErrors>(NO_ERRORS);

  /** The settings as last loaded or saved. */
  readonly saved: ReadonlySignal<OperationsSettings | null> = this.#saved;
  readonly draft: ReadonlySignal<OperationsSettings | null> = this.#draft;
  readonly error: ReadonlySignal<string | null> = this.#error;
  readonly notice: ReadonlySignal<string> = this.#notice;
  readonly saving: ReadonlySignal<boolean> = this.#saving;
  readonly preview: ReadonlySignal<TicketPreview | null> = this.#preview;
  readonly previewError: ReadonlySignal<string | null> = this.#previewError;
  /** The last save's refusals by field (`OPERATIONS_FIELDS`); the rest is `error`. */
  readonly fieldErrors: ReadonlySignal<FieldErrors> = this.#fieldErrors;
  /** Whether the draft differs from what is saved. */
  readonly dirty = computed(() => {
    const saved = this.#saved.value;
    const draft = this.#draft.value;
    return Boolean(saved && draft && Object.keys(changesOf(saved, draft)).length > 0);
  });

  /** `texts`: the desk's texts of the moment, so a notice is written in the language the agent reads now. */
  constructor(
    api: DeskApi,
    private readonly texts: () => DeskTexts = () => englishTexts,
  ) {
    this.#api = api;
  }

  async load(): Promise<void> {
    // Fetched while the page loads, so the first save does not wait for it.
    void loadSchema();
    try {
      const ops = await this.#api.getOperations();
      batch(() => {
        this.#saved.value = ops;
        this.#draft.value = ops;
      });
    } catch (err) {
      this.#error.value = failureText(err, this.texts());
    }
  }

  /** Replaces the draft (editors pass a changed copy). */
  edit(next: OperationsSettings): void {
    this.#draft.value = next;
  }

  /**
   * Sends the changed fields, checked first with the server's schema; the server answers with the settings now
   * in force. A refusal, the browser's or the server's, is placed next to the field it names.
   */
  async save(): Promise<void> {
    const saved = this.#saved.value;
    const draft = this.#draft.value;
    if (!saved || !draft) return;
    this.#saving.value = true;
    this.#error.value = null;
    this.#notice.value = '';
    try {
      const changes = changesOf(saved, draft);
      const issues = await operationsIssues(changes);
      if (issues.length) {
        this.#refuse(issues);
        return;
      }
      const ops = await this.#api.putOperations(changes);
      batch(() => {
        this.#saved.value = ops;
        this.#draft.value = ops;
        this.#fieldErrors.value = NO_ERRORS;
        this.#notice.value = this.texts().t('opsSaved');
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'validation_failed') this.#refuse(issuesOfMessage(err.message, []));
      else this.#error.value = failureText(err, this.texts());
    } finally {
      this.#saving.value = false;
    }
  }

  #refuse(issues: readonly Issue[]): void {
    const sorted = sortIssues(issues, OPERATIONS_FIELDS);
    batch(() => {
      this.#fieldErrors.value = sorted;
      this.#error.value = sorted.rest ?? (Object.keys(sorted.fields).length ? this.texts().t('opsSeeFields') : null);
    });
  }

  /**
   * Saves the support plans alone (`PUT { plans }`), so adding, editing or removing a plan takes effect at once
   * and keeps the rest of the draft as it is.
   */
  async savePlans(plans: SupportPlanSummary[]): Promise<PlansSaved> {
    const issues = await operationsIssues({ plans });
    if (issues.length) return { ok: false, issues: issues.map((i) => ({ path: i.path.slice(1), message: i.message })) };
    try {
      const ops = await this.#api.putOperations({ plans });
      batch(() => {
        this.#saved.value = ops;
        this.#draft.value = this.#draft.value ? { ...this.#draft.value, plans: ops.plans } : ops;
      });
      return { ok: true };
    } catch (err) {
      const message = failureText(err, this.texts());
      return { ok: false, issues: issuesOfMessage(message, ['plans']) };
    }
  }

  discard(): void {
    this.#draft.value = this.#saved.value;
  }

  /** Asks the server where a ticket of `priority` from `timeZone` (and `email`, for plans) would go now, under the draft. */
  async previewTicket(priority: Level, timeZone: string, email?: string): Promise<void> {
    const saved = this.#saved.value;
    const draft = this.#draft.value;
    this.#previewError.value = null;
    try {
      const operations = saved && draft ? changesOf(saved, draft) : {};
      this.#preview.value = await this.#api.previewOperations({ priority, timeZone, ...(email ? { email } : {}), ...(Object.keys(operations).length ? { operations } : {}) });
    } catch (err) {
      batch(() => {
        this.#preview.value = null;
        this.#previewError.value = failureText(err, this.texts());
      });
    }
  }
}
