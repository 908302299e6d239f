/**
 * The portal page's state: whether the customer is signed in (the `fd_customer` cookie, checked with
 * `GET /api/me`), the emailed sign-in link, the new-request form, and their requests (`RequestsModel`).
 */
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { StatedUrgency } from '../../shared/self-service';
import type { Line } from '../i18n/catalogue';
import type { PortalKey } from '../i18n/portal';
import { RequestsApi, RequestsApiError } from '../requests/api';
import { RequestsModel } from '../requests/RequestsModel';

export type PortalStatus = 'checking' | 'signed_out' | 'signed_in';

export interface PortalOptions {
  fetch: typeof fetch;
  /** The site key from `/portal?site=`; the server's default (`demo`) when absent. */
  site?: string | undefined;
  /** The browser's time zone, sent with a new request (routing and the promise's wording). */
  timeZone?: string | undefined;
  /** The page's language, for the sign-in mail and a new request's mail (read when each is sent). */
  language?: () => string | undefined;
}

export interface NewRequestInput {
  subject: string;
  description: string;
  urgency: StatedUrgency;
}

export class PortalModel {
  private readonly _status = signal<PortalStatus>('checking');
  private readonly _email = signal<string | null>(null);
  private readonly _linkSentTo = signal<string | null>(null);
  private readonly _linkError = signal<Line<PortalKey> | null>(null);
  private readonly _sending = signal(false);
  private readonly _composing = signal(false);

  readonly status: ReadonlySignal<PortalStatus> = this._status;
  /** The signed-in customer's address. */
  readonly email: ReadonlySignal<string | null> = this._email;
  /** Where the latest sign-in link went ("Check your email"). */
  readonly linkSentTo: ReadonlySignal<string | null> = this._linkSentTo;
  /** Why the link could not be sent, shown in the page's language. */
  readonly linkError: ReadonlySignal<Line<PortalKey> | null> = this._linkError;
  /** A sign-in link request is in flight. */
  readonly sending: ReadonlySignal<boolean> = this._sending;
  /** The `New request` form is showing. */
  readonly composing: ReadonlySignal<boolean> = this._composing;
  readonly requests: RequestsModel;

  private readonly api: RequestsApi;

  constructor(private readonly options: PortalOptions) {
    this.api = new RequestsApi({ fetch: options.fetch });
    this.requests = new RequestsModel({ api: this.api, onUnauthorized: () => this.signedOut() });
  }

  /** Asks the server who we are: signed in (then loads the requests) or not. */
  async check(): Promise<void> {
    try {
      const me = await this.api.me();
      if (me.kind !== 'portal') return this.signedOut();
      batch(() => {
        this._email.value = me.email;
        this._status.value = 'signed_in';
      });
      await this.requests.load();
    } catch {
      this.signedOut();
    }
  }

  /** `Email me a sign-in link`. */
  async requestLink(email: string): Promise<boolean> {
    const address = email.trim();
    if (!address) {
      this._linkError.value = { key: 'enterEmail' };
      return false;
    }
    this._sending.value = true;
    this._linkError.value = null;
    try {
      await this.api.requestLink(address, this.options.site, this.options.language?.());
      this._linkSentTo.value = address;
      return true;
    } catch (error) {
      this._linkError.value =
        error instanceof RequestsApiError && error.code === 'rate_limited'
          ? { key: 'tooManyLinks' }
          : error instanceof RequestsApiError && error.status === 400
            ? { key: 'notAnEmail' }
            : { key: 'linkFailed' };
      return false;
    } finally {
      this._sending.value = false;
    }
  }

  /** Back to the sign-in form (another address, or the mail did not come). */
  anotherEmail(): void {
    batch(() => {
      this._linkSentTo.value = null;
      this._linkError.value = null;
    });
  }

  async signOut(): Promise<void> {
    await this.api.logout().catch(() => undefined);
    this.signedOut();
  }

  openNewRequest(): void {
    this.requests.back();
    this._composing.value = true;
  }

  closeNewRequest(): void {
    this._composing.value = false;
  }

  /** Sends the new-request form; on success the new request opens. */
  async submitNewRequest(input: NewRequestInput): Promise<boolean> {
    const language = this.options.language?.();
    const ok = await this.requests.create({ ...input, ...(this.options.timeZone ? { timeZone: this.options.timeZone } : {}), ...(language ? { language } : {}) });
    if (ok) this._composing.value = false;
    return ok;
  }

  private signedOut(): void {
    batch(() => {
      this._status.value = 'signed_out';
      this._email.value = null;
      this._composing.value = false;
    });
    this.requests.clear();
  }
}
