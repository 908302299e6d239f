import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { DeskApi, KaiPreview } from '../api';
import { englishTexts, type DeskTexts } from '../i18n/i18n';

/** "Try Kai": what Kai would answer to a visitor's first message, so a site owner can check an article at once. */
export class KaiPreviewModel {
  readonly #result = signal<KaiPreview | null>(null);
  readonly #asking = signal(false);
  readonly #error = signal<string | null>(null);
  #seq = 0;

  constructor(
    private readonly api: Pick<DeskApi, 'previewKai'>,
    /** The agent's language, for the model's own messages (English without it). */
    private readonly texts: () => DeskTexts = () => englishTexts,
  ) {}

  /** The last answer, or null. */
  get result(): ReadonlySignal<KaiPreview | null> {
    return this.#result;
  }
  get asking(): ReadonlySignal<boolean> {
    return this.#asking;
  }
  get error(): ReadonlySignal<string | null> {
    return this.#error;
  }

  /** Asks Kai; only the latest question's answer is shown. Resolves true when an answer came. */
  async ask(message: string): Promise<boolean> {
    const text = message.trim();
    if (!text) {
      this.#error.value = this.texts().t('kaiMessageMissing');
      return false;
    }
    const seq = ++this.#seq;
    batch(() => {
      this.#asking.value = true;
      this.#error.value = null;
    });
    try {
      const result = await this.api.previewKai(text);
      if (seq !== this.#seq) return false;
      this.#result.value = result;
      return true;
    } catch (err) {
      if (seq !== this.#seq) return false;
      batch(() => {
        this.#result.value = null;
        this.#error.value = err instanceof Error && err.message ? err.message : this.texts().t('kaiNotAsked');
      });
      return false;
    } finally {
      if (seq === this.#seq) this.#asking.value = false;
    }
  }

  /** Forgets the last answer (signed out). */
  clear(): void {
    this.#seq++;
    batch(() => {
      this.#result.value = null;
      this.#asking.value = false;
      this.#error.value = null;
    });
  }
}
