import { signal, type ReadonlySignal } from '@preact/signals';

/** A ticking "now" so relative times ("due in 42 min") re-render on their own. */
export class ClockModel {
  readonly #now = signal(Date.now());
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(intervalMs = 30_000, readonly read: () => number = Date.now) {
    this.#now.value = read();
    this.#timer = setInterval(() => this.tick(), intervalMs);
  }

  /** Milliseconds since the epoch, updated every interval. */
  get now(): ReadonlySignal<number> {
    return this.#now;
  }

  tick(): void {
    this.#now.value = this.read();
  }

  dispose(): void {
    clearInterval(this.#timer);
  }
}
