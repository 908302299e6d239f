import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { AgentProfile } from '../../shared/protocol';
import { ApiError, failureText, type DeskApi } from '../api';
import { englishTexts, type DeskTexts } from '../i18n/i18n';

/**
 * `checking` until `GET /api/auth/me` answers; then signed in or out, or `must_change_password` for a first
 * run's generated password (the desk asks for a new one before anything else).
 */
export type SessionStatus = 'checking' | 'signed_out' | 'signed_in' | 'must_change_password';

/** Who is signed in to the desk, and signing in and out. */
export class SessionModel {
  readonly #agent = signal<AgentProfile | null>(null);
  readonly #status = signal<SessionStatus>('checking');
  readonly #error = signal<string | null>(null);
  readonly #busy = signal(false);

  constructor(
    private readonly api: Pick<DeskApi, 'me' | 'login' | 'logout'> & Partial<Pick<DeskApi, 'changePassword'>>,
    /** The agent's language, for the model's own messages (English without it). */
    private readonly texts: () => DeskTexts = () => englishTexts,
  ) {}

  get agent(): ReadonlySignal<AgentProfile | null> {
    return this.#agent;
  }
  get status(): ReadonlySignal<SessionStatus> {
    return this.#status;
  }
  /** The last sign-in failure, as the form shows it. */
  get error(): ReadonlySignal<string | null> {
    return this.#error;
  }
  get busy(): ReadonlySignal<boolean> {
    return this.#busy;
  }

  /** Asks the server whether the session cookie is still good (a 401 means: show the form). */
  async check(): Promise<void> {
    try {
      this.#signIn(await this.api.me());
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        this.expire(this.#status.value === 'signed_in' ? this.texts().t('sessionEnded') : null);
      } else if (this.#status.value === 'checking') {
        this.expire(failureText(err, this.texts()));
      }
      // A signed-in agent stays signed in through a network blip; the next call tells us more.
    }
  }

  async login(email: string, password: string): Promise<boolean> {
    this.#busy.value = true;
    this.#error.value = null;
    try {
      this.#signIn(await this.api.login(email, password));
      return true;
    } catch (err) {
      this.#error.value = err instanceof ApiError && err.status === 401 ? this.texts().t('wrongPassword') : failureText(err, this.texts());
      return false;
    } finally {
      this.#busy.value = false;
    }
  }

  /** Sets a new password; on success the desk opens. */
  async changePassword(current: string, next: string): Promise<boolean> {
    this.#busy.value = true;
    this.#error.value = null;
    try {
      await this.api.changePassword?.(current, next);
      this.#signIn(await this.api.me());
      return true;
    } catch (err) {
      this.#error.value = failureText(err, this.texts());
      return false;
    } finally {
      this.#busy.value = false;
    }
  }

  async logout(): Promise<void> {
    try {
      await this.api.logout();
    } catch {
      // Signing out locally matters more than the server's answer; the cookie expires anyway.
    }
    this.expire();
  }

  /** The session ended (sign-out, or a 401 from any call): back to the sign-in form. */
  expire(message: string | null = null): void {
    batch(() => {
      this.#agent.value = null;
      this.#status.value = 'signed_out';
      this.#error.value = message;
    });
  }

  #signIn(agent: AgentProfile): void {
    batch(() => {
      this.#agent.value = agent;
      this.#status.value = agent.mustChangePassword ? 'must_change_password' : 'signed_in';
      this.#error.value = null;
    });
  }
}
