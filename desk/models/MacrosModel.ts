import { signal, type ReadonlySignal } from '@preact/signals';
import type { Macro, MacroInput } from '../../shared/team';
import type { DeskApi } from '../api';
import { englishTexts, type DeskTexts } from '../i18n/i18n';

export type MacrosApi = Pick<DeskApi, 'listMacros' | 'createMacro' | 'deleteMacro'>;

/** The saved replies this agent may use (shared and own), and managing them. */
export class MacrosModel {
  readonly #macros = signal<readonly Macro[]>([]);
  readonly #error = signal<string | null>(null);

  constructor(
    private readonly api: MacrosApi,
    /** The agent's language, for the model's own messages (English without it). */
    private readonly texts: () => DeskTexts = () => englishTexts,
  ) {}

  get macros(): ReadonlySignal<readonly Macro[]> {
    return this.#macros;
  }
  /** Why the last save or delete failed (the server's message). */
  get error(): ReadonlySignal<string | null> {
    return this.#error;
  }

  async load(): Promise<void> {
    try {
      this.#macros.value = await this.api.listMacros();
    } catch {
      // Without macros the composer still works; the next load tries again.
    }
  }

  async create(input: MacroInput): Promise<boolean> {
    this.#error.value = null;
    try {
      await this.api.createMacro(input);
      await this.load();
      return true;
    } catch (err) {
      this.#error.value = err instanceof Error ? err.message : this.texts().t('macroNotSaved');
      return false;
    }
  }

  async remove(id: string): Promise<void> {
    this.#error.value = null;
    try {
      await this.api.deleteMacro(id);
      await this.load();
    } catch (err) {
      this.#error.value = err instanceof Error ? err.message : this.texts().t('macroNotDeleted');
    }
  }
}
