/**
 * Storage that waits for consent: until `grant()`, writes and removals stay in memory (the messenger works for
 * the page's lifetime and the browser keeps nothing); on `grant()` they are written through, and from then on
 * every write goes straight to the real store.
 */
import type { KeyValueStore } from './storage';

export class ConsentStore implements KeyValueStore {
  /** Pending writes; null marks a removal. */
  private readonly pending = new Map<string, string | null>();

  constructor(
    private readonly real: KeyValueStore,
    private granted = false,
  ) {}

  get isGranted(): boolean {
    return this.granted;
  }

  get(key: string): string | null {
    return this.pending.has(key) ? (this.pending.get(key) ?? null) : this.real.get(key);
  }

  set(key: string, value: string): void {
    if (this.granted) this.real.set(key, value);
    else this.pending.set(key, value);
  }

  remove(key: string): void {
    if (this.granted) this.real.remove(key);
    else this.pending.set(key, null);
  }

  /** Consent given: write what waited, and write through from now on. */
  grant(): void {
    if (this.granted) return;
    this.granted = true;
    for (const [key, value] of this.pending) {
      if (value === null) this.real.remove(key);
      else this.real.set(key, value);
    }
    this.pending.clear();
  }
}
