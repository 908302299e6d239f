/**
 * What the messenger shows about reaching the visitor after they leave (the email question, "Email me this
 * conversation") and the CSAT card of a solved request, over the REST routes with the visitor token.
 */
import { signal } from '@preact/signals';
import { HttpError, requestJson } from '../../../shared/http-client';
import type { CsatAnswer, VisitorReach } from '../../../shared/reach';
import type { CardsKey } from '../../i18n/cards';
import type { Line } from '../../i18n/catalogue';

export interface ReachApiOptions {
  fetch: typeof fetch;
  token: () => string | null;
}

export type CsatState = { askedAt: string | null; answer: CsatAnswer | null };

/** A failed call in words the visitor can act on (a refused address in the server's own words). */
function problem(err: unknown, fallback: CardsKey): Line<CardsKey> {
  if (err instanceof HttpError && err.status === 429) return { key: 'tooOften' };
  if (err instanceof HttpError && err.status === 400) return { text: err.message };
  return { key: fallback };
}

export class ReachModel {
  readonly reach = signal<VisitorReach | null>(null);
  readonly csat = signal<CsatState | null>(null);
  /** The visitor chose "No thanks" (for this page's lifetime). */
  readonly declined = signal(false);
  readonly busy = signal(false);
  /** One line about the last action: sent, or what went wrong (shown in the visitor's language). */
  readonly notice = signal<Line<CardsKey> | null>(null);

  constructor(private readonly options: ReachApiOptions) {}

  async load(): Promise<void> {
    this.reach.value = await this.call<VisitorReach>('GET', '/api/widget/reach').catch(() => null);
  }

  async loadCsat(ticketId: string): Promise<void> {
    this.csat.value = await this.call<CsatState>('GET', `/api/me/requests/${encodeURIComponent(ticketId)}/csat`).catch(() => null);
  }

  giveEmail(email: string): Promise<void> {
    return this.act(async () => {
      this.reach.value = await this.call<VisitorReach>('POST', '/api/widget/reach/email', { email });
    }, 'emailFailed');
  }

  emailTranscript(): Promise<void> {
    return this.act(async () => {
      const { to } = await this.call<{ to: string }>('POST', '/api/widget/transcript');
      this.notice.value = { key: 'transcriptSent', params: { email: to } };
    }, 'transcriptFailed');
  }

  rate(ticketId: string, rating: number, comment: string): Promise<void> {
    return this.act(async () => {
      const answer = await this.call<CsatAnswer>('POST', `/api/me/requests/${encodeURIComponent(ticketId)}/csat`, { rating, comment });
      this.csat.value = { askedAt: this.csat.peek()?.askedAt ?? null, answer };
    }, 'csatFailed');
  }

  private async act(work: () => Promise<void>, fallback: CardsKey): Promise<void> {
    this.busy.value = true;
    this.notice.value = null;
    try {
      await work();
    } catch (err) {
      this.notice.value = problem(err, fallback);
    } finally {
      this.busy.value = false;
    }
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = this.options.token();
    return requestJson<T>(this.options.fetch, method, path, { body, headers: token ? { authorization: `Visitor ${token}` } : {} });
  }
}
