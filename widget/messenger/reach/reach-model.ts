/**
 * What the messenger shows about reaching the visitor after they leave (the email question, "Email me this
 * conversation") and the CSAT card of a solved request, over the REST routes with the visitor token.
 */
import { signal } from '@preact/signals';
import { HttpError, requestJson } from '../../../shared/http-client';
import type { CsatAnswer, VisitorReach } from '../../../shared/reach';

export interface ReachApiOptions {
  fetch: typeof fetch;
  token: () => string | null;
}

export type CsatState = { askedAt: string | null; answer: CsatAnswer | null };

/** A failed call in words the visitor can act on. */
function problem(err: unknown, fallback: string): string {
  if (err instanceof HttpError && err.status === 429) return 'You have done that a few times already. Please try again later.';
  if (err instanceof HttpError && err.status === 400) return err.message;
  return fallback;
}

export class ReachModel {
  readonly reach = signal<VisitorReach | null>(null);
  readonly csat = signal<CsatState | null>(null);
  /** The visitor chose "No thanks" (for this page's lifetime). */
  readonly declined = signal(false);
  readonly busy = signal(false);
  /** One line about the last action: sent, or what went wrong. */
  readonly notice = signal<string | null>(null);

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
    }, 'Your email could not be saved. Please try again.');
  }

  emailTranscript(): Promise<void> {
    return this.act(async () => {
      const { to } = await this.call<{ to: string }>('POST', '/api/widget/transcript');
      this.notice.value = `We have emailed this conversation to ${to}.`;
    }, 'The conversation could not be emailed. Please try again.');
  }

  rate(ticketId: string, rating: number, comment: string): Promise<void> {
    return this.act(async () => {
      const answer = await this.call<CsatAnswer>('POST', `/api/me/requests/${encodeURIComponent(ticketId)}/csat`, { rating, comment });
      this.csat.value = { askedAt: this.csat.peek()?.askedAt ?? null, answer };
    }, 'Your rating could not be sent. Please try again.');
  }

  private async act(work: () => Promise<void>, fallback: string): Promise<void> {
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
