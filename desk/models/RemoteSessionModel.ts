import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { Message, RemoteSessionList, RemoteTool } from '../../shared/protocol';
import { meetingUrlProblem } from '../../shared/remote-tools';
import type { DeskApi } from '../api';
import { fromLocalInputValue } from '../time-input';

export type RemoteSessionApi = Pick<DeskApi, 'listRemoteSessions' | 'offerRemoteSession'>;

/** What the "Offer remote session" form holds. */
export interface RemoteSessionForm {
  tool: RemoteTool;
  url: string;
  /** `datetime-local` value in the agent's local time; '' means now. */
  startsAt: string;
  note: string;
}

/** One ticket's remote sessions: the hours a start must fall in, the sessions offered, and offering one. */
export class RemoteSessionModel {
  readonly #list = signal<RemoteSessionList | null>(null);
  readonly #sending = signal(false);
  readonly #error = signal<string | null>(null);
  #disposed = false;

  constructor(
    private readonly api: RemoteSessionApi,
    readonly ticketId: string,
  ) {}

  /** Sessions, the preferred tool and the hours; null until loaded. */
  get list(): ReadonlySignal<RemoteSessionList | null> {
    return this.#list;
  }
  get sending(): ReadonlySignal<boolean> {
    return this.#sending;
  }
  /** Why the invitation was not sent: the form's own check, or the server's message. */
  get error(): ReadonlySignal<string | null> {
    return this.#error;
  }

  async load(): Promise<void> {
    try {
      const list = await this.api.listRemoteSessions(this.ticketId);
      if (!this.#disposed) this.#list.value = list;
    } catch {
      // The hint is a convenience; the server still checks the start time when the invitation is sent.
    }
  }

  clearError(): void {
    this.#error.value = null;
  }

  /** Sends the invitation; resolves with the card message, or null with `error` set. */
  async offer(form: RemoteSessionForm): Promise<Message | null> {
    if (this.#sending.value) return null;
    const url = form.url.trim();
    const problem = url ? meetingUrlProblem(form.tool, url) : 'Paste the meeting link.';
    let startsAt: string | null = null;
    if (form.startsAt) {
      startsAt = fromLocalInputValue(form.startsAt);
      if (!startsAt) {
        this.#error.value = 'The start time is not a time.';
        return null;
      }
    }
    if (problem) {
      this.#error.value = problem.charAt(0).toUpperCase() + problem.slice(1) + (problem.endsWith('.') ? '' : '.');
      return null;
    }
    batch(() => {
      this.#sending.value = true;
      this.#error.value = null;
    });
    try {
      const note = form.note.trim();
      const { session, message } = await this.api.offerRemoteSession(this.ticketId, {
        tool: form.tool,
        url,
        ...(startsAt ? { startsAt } : {}),
        ...(note ? { note } : {}),
      });
      const list = this.#list.value;
      if (list && !this.#disposed) this.#list.value = { ...list, sessions: [...list.sessions, session], preferredTool: session.tool };
      return message;
    } catch (err) {
      this.#error.value = err instanceof Error && err.message ? err.message : 'The invitation was not sent.';
      return null;
    } finally {
      this.#sending.value = false;
    }
  }

  dispose(): void {
    this.#disposed = true;
  }
}
