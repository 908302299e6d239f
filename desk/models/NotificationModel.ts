import { signal, type ReadonlySignal } from '@preact/signals';
import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '../../shared/team';
import type { DeskNotice } from './DeskModel';
import { playTone } from '../../shared/tone';

/** What the browser gives the model; `main.tsx` passes the real window, tests a fake. */
export interface NotificationHost {
  /** `document.title` without the badge. */
  baseTitle: string;
  setTitle(title: string): void;
  /** The page is visible and focused: notices are seen as they come. */
  isAttending(): boolean;
  beep(): void;
  /** Shows a desktop notification when permission was given; `onClick` focuses the desk on that ticket. */
  showDesktop(text: string, onClick: () => void): void;
  permission(): 'default' | 'granted' | 'denied' | 'unsupported';
  requestPermission(): Promise<'default' | 'granted' | 'denied'>;
}

export interface PreferencesApi {
  load(): Promise<NotificationPreferences>;
  save(prefs: NotificationPreferences): Promise<NotificationPreferences>;
}

const KIND_PREF: Record<DeskNotice['kind'], keyof NotificationPreferences> = { handoff: 'handoffs', reply: 'replies', assigned: 'assignments', sla: 'sla' };

/**
 * New handoffs, customer replies to my tickets, assignments to me and SLA warnings: a desktop notification, a
 * beep and a count in the title while the agent looks elsewhere, as the agent's preferences (kept on the server) say.
 */
export class NotificationModel {
  readonly #unseen = signal(0);
  readonly #prefs = signal<NotificationPreferences>(DEFAULT_NOTIFICATION_PREFERENCES);
  readonly #permission = signal<'default' | 'granted' | 'denied' | 'unsupported'>('default');

  constructor(
    private readonly host: NotificationHost,
    private readonly api: PreferencesApi,
    private readonly open: (ticketId: string) => void,
  ) {
    this.#permission.value = host.permission();
  }

  get unseen(): ReadonlySignal<number> {
    return this.#unseen;
  }
  get preferences(): ReadonlySignal<NotificationPreferences> {
    return this.#prefs;
  }
  get permission(): ReadonlySignal<'default' | 'granted' | 'denied' | 'unsupported'> {
    return this.#permission;
  }

  async load(): Promise<void> {
    try {
      this.#prefs.value = await this.api.load();
    } catch {
      // Defaults stand until the next load.
    }
  }

  async setPreference(key: keyof NotificationPreferences, on: boolean): Promise<void> {
    const next = { ...this.#prefs.value, [key]: on };
    this.#prefs.value = next;
    try {
      this.#prefs.value = await this.api.save(next);
    } catch {
      // Kept for this page; saved again on the next change.
    }
  }

  async askPermission(): Promise<void> {
    this.#permission.value = await this.host.requestPermission();
  }

  notify(notice: DeskNotice): void {
    const prefs = this.#prefs.value;
    if (!prefs[KIND_PREF[notice.kind]]) return;
    if (this.host.isAttending()) return;
    this.#unseen.value += 1;
    this.host.setTitle(`(${this.#unseen.value}) ${this.host.baseTitle}`);
    if (prefs.sound) this.host.beep();
    if (prefs.desktop && this.#permission.value === 'granted') this.host.showDesktop(notice.text, () => this.open(notice.ticketId));
  }

  /** The agent is back on the desk: the count is cleared. */
  seen(): void {
    if (this.#unseen.value === 0) return;
    this.#unseen.value = 0;
    this.host.setTitle(this.host.baseTitle);
  }
}

/** A short generated beep (shared/tone.ts): 880 Hz for 150 ms, fading out. */
export function beep(win: Window): void {
  playTone(win, { volume: 0.15, seconds: 0.15 });
}
