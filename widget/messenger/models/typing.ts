import { signal, type ReadonlySignal } from '@preact/signals';
import type { Author } from '../../../shared/protocol';

/** How long someone shows as typing without news from them. */
export const TYPING_TTL_MS = 8000;
/** After this long without a keystroke, the visitor stops showing as typing. */
const VISITOR_TYPING_IDLE_MS = 4000;

/** One key per person shown as typing (Kai and each agent by name). */
export const authorKey = (a: Author): string => `${a.kind}:${a.name}`;

/** Who else (Kai, agents) is typing: each shows until they stop, write, or go quiet for `TYPING_TTL_MS`. */
export class OthersTyping {
  readonly #typing = signal<Author[]>([]);
  readonly typing: ReadonlySignal<Author[]> = this.#typing;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Someone started or stopped typing; the visitor's own reports are ignored. */
  set(author: Author, typing: boolean): void {
    if (author.kind === 'customer') return;
    const key = authorKey(author);
    const timer = this.#timers.get(key);
    if (timer) clearTimeout(timer);
    this.#timers.delete(key);
    const others = this.#typing.peek().filter((a) => authorKey(a) !== key);
    if (typing) this.#timers.set(key, setTimeout(() => this.set(author, false), TYPING_TTL_MS));
    if (typing || others.length !== this.#typing.peek().length) this.#typing.value = typing ? [...others, author] : others;
  }

  clear(): void {
    this.#typing.value = [];
  }

  dispose(): void {
    this.#timers.forEach(clearTimeout);
    this.#timers.clear();
  }
}

/**
 * The visitor's own typing, told to the others once when it starts and once when it stops (after a send, a
 * disconnect, or `VISITOR_TYPING_IDLE_MS` without a keystroke). `emit` sends `typing:set` when connected.
 */
export class VisitorTyping {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #typing = false;

  readonly #emit: (typing: boolean) => void;

  constructor(emit: (typing: boolean) => void) {
    this.#emit = emit;
  }

  /** A keystroke. */
  note(): void {
    this.set(true);
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.set(false), VISITOR_TYPING_IDLE_MS);
  }

  set(typing: boolean): void {
    if (!typing && this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (typing === this.#typing) return;
    this.#typing = typing;
    this.#emit(typing);
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
  }
}
