/**
 * The customer's requests, for the messenger's "Your requests" and the portal: the list, the one open request
 * with its messages, and the actions (reply, reopen, delete with a confirm step, create). Works against
 * `RequestsApi`, so tests pass a fake fetch.
 */
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { CustomerRequest, CustomerRequestDetail } from '../../shared/self-service';
import type { CsatAnswer } from '../../shared/reach';
import type { CardsKey } from '../i18n/cards';
import type { Line } from '../i18n/catalogue';
import { RequestsApiError, type NewCustomerRequest, type RequestsApi } from './api';

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';
/** What the model says to the customer, shown in their language (`Texts.say`). */
export type RequestsLine = Line<CardsKey>;

export interface RequestsModelOptions {
  api: RequestsApi;
  /** A request was deleted (withdrawn) by the customer. */
  onWithdrawn?: (request: CustomerRequest) => void;
  /** The server no longer knows the customer (portal session ended). */
  onUnauthorized?: () => void;
  /** Idempotency keys for replies; defaults to `crypto.randomUUID`. */
  newClientId?: () => string;
}

function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const summaryOf = (d: CustomerRequestDetail): CustomerRequest => ({
  id: d.id,
  number: d.number,
  subject: d.subject,
  status: d.status,
  channel: d.channel,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
  promise: d.promise,
  withdrawn: false,
});

export class RequestsModel {
  private readonly _requests = signal<CustomerRequest[]>([]);
  private readonly _status = signal<ListStatus>('idle');
  private readonly _error = signal<RequestsLine | null>(null);
  private readonly _selected = signal<CustomerRequestDetail | null>(null);
  private readonly _opening = signal<string | null>(null);
  private readonly _busy = signal(false);
  private readonly _actionError = signal<RequestsLine | null>(null);
  private readonly _confirmingDelete = signal(false);
  private readonly _notice = signal<RequestsLine | null>(null);
  private readonly _csat = signal<{ askedAt: string | null; answer: CsatAnswer | null } | null>(null);

  /** The customer's requests, newest activity first. */
  readonly requests: ReadonlySignal<CustomerRequest[]> = this._requests;
  readonly status: ReadonlySignal<ListStatus> = this._status;
  /** Why the list could not be loaded. */
  readonly error: ReadonlySignal<RequestsLine | null> = this._error;
  /** The request being read, with its messages; null shows the list. */
  readonly selected: ReadonlySignal<CustomerRequestDetail | null> = this._selected;
  /** The id of a request being fetched to open. */
  readonly opening: ReadonlySignal<string | null> = this._opening;
  /** An action (reply, reopen, delete, create) is in flight. */
  readonly busy: ReadonlySignal<boolean> = this._busy;
  /** Why the last action failed, in the server's words. */
  readonly actionError: ReadonlySignal<RequestsLine | null> = this._actionError;
  /** The delete button was pressed once: waiting for `Confirm delete`. */
  readonly confirmingDelete: ReadonlySignal<boolean> = this._confirmingDelete;
  /** A one-line outcome to announce ("Request #1004 was deleted."). */
  readonly notice: ReadonlySignal<RequestsLine | null> = this._notice;
  /** The reply being written. */
  readonly draft = signal('');
  /** The open request's CSAT question and answer (read when a solved request opens). */
  readonly csat: ReadonlySignal<{ askedAt: string | null; answer: CsatAnswer | null } | null> = this._csat;

  private readonly newClientId: () => string;
  /** The client id of the reply being sent, reused if the same text is retried. */
  private pendingReply: { text: string; clientId: string } | null = null;
  private generation = 0;

  constructor(private readonly options: RequestsModelOptions) {
    this.newClientId = options.newClientId ?? randomId;
  }

  /** (Re)loads the list. */
  async load(): Promise<void> {
    const generation = ++this.generation;
    this._status.value = 'loading';
    this._error.value = null;
    try {
      const requests = await this.options.api.list();
      if (generation !== this.generation) return;
      batch(() => {
        this._requests.value = requests;
        this._status.value = 'ready';
      });
    } catch (error) {
      if (generation !== this.generation) return;
      this.fail(error, (message) => {
        this._error.value = message;
        this._status.value = 'error';
      });
    }
  }

  /** Opens one request (fetches its messages). */
  async open(id: string): Promise<void> {
    this._opening.value = id;
    this._actionError.value = null;
    this._notice.value = null;
    try {
      const detail = await this.options.api.get(id);
      batch(() => {
        this.show(detail);
        this.draft.value = '';
        this._csat.value = null;
      });
      if (detail.status === 'solved') this._csat.value = await this.options.api.csat(id).catch(() => null);
    } catch (error) {
      this.fail(error, (message) => (this._actionError.value = message));
      if (error instanceof RequestsApiError && error.status === 404) void this.load(); // gone meanwhile
    } finally {
      if (this._opening.peek() === id) this._opening.value = null;
    }
  }

  /** Rates the open (solved) request, once. */
  async rate(rating: number, comment: string): Promise<boolean> {
    const current = this._selected.peek();
    if (!current) return false;
    return this.act(async () => {
      const answer = await this.options.api.rate(current.id, rating, comment);
      this._csat.value = { askedAt: this._csat.peek()?.askedAt ?? null, answer };
    });
  }

  /** Back to the list. */
  back(): void {
    batch(() => {
      this._selected.value = null;
      this._confirmingDelete.value = false;
      this._actionError.value = null;
      this.draft.value = '';
    });
  }

  /** Sends the draft as a reply on the open request. A closed request answers with its follow-up, which opens. */
  async reply(): Promise<boolean> {
    const current = this._selected.peek();
    const text = this.draft.peek().trim();
    if (!current || !text || this._busy.peek()) return false;
    const clientId = this.pendingReply?.text === text ? this.pendingReply.clientId : this.newClientId();
    this.pendingReply = { text, clientId };
    return this.act(async () => {
      const { request, followUp } = await this.options.api.reply(current.id, text, clientId);
      this.pendingReply = null;
      batch(() => {
        this.show(request);
        this.draft.value = '';
        this._notice.value = followUp ? { key: 'followUpStarted', params: { number: request.number } } : null;
      });
    });
  }

  /** Reopens the open request (only a solved one can be). */
  reopen(): Promise<boolean> {
    const current = this._selected.peek();
    if (!current) return Promise.resolve(false);
    return this.act(async () => {
      const detail = await this.options.api.reopen(current.id);
      batch(() => {
        this.show(detail);
        this._notice.value = { key: 'reopened', params: { number: detail.number } };
      });
    });
  }

  /** The first press of `Delete request`: asks to confirm. */
  askDelete(): void {
    this._actionError.value = null;
    this._confirmingDelete.value = true;
  }

  cancelDelete(): void {
    this._confirmingDelete.value = false;
  }

  /** `Confirm delete`: withdraws the open request; it leaves the list. */
  confirmDelete(): Promise<boolean> {
    const current = this._selected.peek();
    if (!current || !this._confirmingDelete.peek()) return Promise.resolve(false);
    return this.act(async () => {
      await this.options.api.remove(current.id);
      batch(() => {
        this._requests.value = this._requests.peek().filter((r) => r.id !== current.id);
        this._selected.value = null;
        this._confirmingDelete.value = false;
        this.draft.value = '';
        this._notice.value = { key: 'deleted', params: { number: current.number } };
      });
      this.options.onWithdrawn?.(summaryOf(current));
    });
  }

  /** A new request (portal): it opens once created. */
  create(input: NewCustomerRequest): Promise<boolean> {
    return this.act(async () => {
      const detail = await this.options.api.create(input);
      batch(() => {
        this.show(detail);
        this.draft.value = '';
        this._notice.value = { key: 'created', params: { number: detail.number } };
      });
    });
  }

  /** Forgets everything (sign out). */
  clear(): void {
    this.generation++;
    batch(() => {
      this._requests.value = [];
      this._status.value = 'idle';
      this._error.value = null;
      this._selected.value = null;
      this._confirmingDelete.value = false;
      this._actionError.value = null;
      this._notice.value = null;
      this.draft.value = '';
    });
  }

  /** Shows a request and puts its latest summary at the top of the list. */
  private show(detail: CustomerRequestDetail): void {
    this._selected.value = detail;
    this._confirmingDelete.value = false;
    const rest = this._requests.peek().filter((r) => r.id !== detail.id);
    this._requests.value = [summaryOf(detail), ...rest];
  }

  private async act(run: () => Promise<void>): Promise<boolean> {
    if (this._busy.peek()) return false;
    this._busy.value = true;
    this._actionError.value = null;
    this._notice.value = null;
    try {
      await run();
      return true;
    } catch (error) {
      this.fail(error, (message) => (this._actionError.value = message));
      return false;
    } finally {
      this._busy.value = false;
    }
  }

  private fail(error: unknown, show: (message: RequestsLine) => void): void {
    if (error instanceof RequestsApiError && error.status === 401) {
      show({ key: 'signInAgain' });
      this.options.onUnauthorized?.();
      return;
    }
    if (!(error instanceof RequestsApiError) || error.status >= 500) show({ key: 'failed' });
    else show(error.status === 0 ? { key: 'offline' } : { text: error.message });
  }
}
