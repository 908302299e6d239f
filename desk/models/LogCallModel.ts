import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { Level } from '../../shared/priority';
import type { TicketDetail } from '../../shared/protocol';
import type { DeskApi, NewTicketInput } from '../api';
import { fromLocalInputValue } from '../time-input';
import { englishTexts, type DeskTexts } from '../i18n/i18n';

/** What the "Log a call" form holds; every field is the input's own string. */
export interface CallForm {
  name: string;
  email: string;
  /** IANA zone, or '' when not known. */
  timeZone: string;
  subject: string;
  notes: string;
  /** `datetime-local` value in the agent's local time. */
  receivedAt: string;
  /** '' lets Kai assess it. */
  urgency: Level | '';
  impact: Level | '';
}

/** The `POST /api/tickets` body for a call, or the first thing the agent must fix. */
export function callToTicket(form: CallForm, t: DeskTexts = englishTexts): { ok: true; input: NewTicketInput } | { ok: false; error: string } {
  const subject = form.subject.trim();
  const notes = form.notes.trim();
  if (!subject) return { ok: false, error: t.t('callSubjectMissing') };
  if (!notes) return { ok: false, error: t.t('callNotesMissing') };
  const receivedAt = fromLocalInputValue(form.receivedAt);
  if (!receivedAt) return { ok: false, error: t.t('callTimeMissing') };
  const requester: NewTicketInput['requester'] = {};
  if (form.name.trim()) requester.name = form.name.trim();
  if (form.email.trim()) requester.email = form.email.trim();
  if (form.timeZone) requester.timeZone = form.timeZone;
  return {
    ok: true,
    input: {
      subject,
      description: notes,
      channel: 'phone',
      requester,
      receivedAt,
      ...(form.urgency ? { urgency: form.urgency } : {}),
      ...(form.impact ? { impact: form.impact } : {}),
    },
  };
}

/** "Log a call": the form's open state, and creating the phone ticket. */
export class LogCallModel {
  readonly #open = signal(false);
  readonly #submitting = signal(false);
  readonly #error = signal<string | null>(null);

  constructor(
    private readonly api: Pick<DeskApi, 'createTicket'>,
    /** The agent's language, for the model's own messages (English without it). */
    private readonly texts: () => DeskTexts = () => englishTexts,
  ) {}

  get open(): ReadonlySignal<boolean> {
    return this.#open;
  }
  get submitting(): ReadonlySignal<boolean> {
    return this.#submitting;
  }
  /** What is wrong with the form, or the server's refusal. */
  get error(): ReadonlySignal<string | null> {
    return this.#error;
  }

  show(): void {
    batch(() => {
      this.#open.value = true;
      this.#error.value = null;
    });
  }

  hide(): void {
    batch(() => {
      this.#open.value = false;
      this.#error.value = null;
    });
  }

  /** Creates the ticket; resolves with it (and closes the form), or null with `error` set. */
  async submit(form: CallForm): Promise<TicketDetail | null> {
    if (this.#submitting.value) return null;
    const checked = callToTicket(form, this.texts());
    if (!checked.ok) {
      this.#error.value = checked.error;
      return null;
    }
    batch(() => {
      this.#submitting.value = true;
      this.#error.value = null;
    });
    try {
      const ticket = await this.api.createTicket(checked.input);
      this.#open.value = false;
      return ticket;
    } catch (err) {
      this.#error.value = err instanceof Error && err.message ? err.message : this.texts().t('ticketNotCreated');
      return null;
    } finally {
      this.#submitting.value = false;
    }
  }
}
