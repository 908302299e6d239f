import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { KaiEngine, KaiInput, KaiTurn, TriageResult } from './engine';
import { LlmEngine } from './llm/llm-engine';
import { OfflineEngine } from './offline/offline-engine';

/**
 * Kai with the deployment's ticket categories: the engine is made again when an admin changes the list
 * (`PUT /api/operations`), so triage and the LLM's hand_off tool always offer the current categories.
 */
class ConfiguredKai implements KaiEngine {
  readonly kind: 'offline' | 'llm';
  #categories: readonly string[];
  #engine: KaiEngine;

  constructor(
    private readonly make: (categories: readonly string[]) => KaiEngine,
    private readonly categories: () => readonly string[],
  ) {
    this.#categories = categories();
    this.#engine = make(this.#categories);
    this.kind = this.#engine.kind;
  }

  #current(): KaiEngine {
    const categories = this.categories();
    if (categories !== this.#categories) {
      this.#categories = categories;
      this.#engine = this.make(categories);
    }
    return this.#engine;
  }

  respond(input: KaiInput, onToken?: (delta: string) => void): Promise<KaiTurn> {
    return this.#current().respond(input, onToken);
  }

  triage(text: string): Promise<TriageResult> {
    return this.#current().triage(text);
  }
}

/**
 * Picks Kai's engine: the LLM one when an OpenAI-compatible server is configured, else the embedded offline one.
 * `categories` gives the deployment's current ticket categories.
 */
export function createKai(config: Config, kb: KnowledgeBase, log: FastifyBaseLogger, categories?: () => readonly string[]): KaiEngine {
  const make = (list: readonly string[] | undefined): KaiEngine => {
    if (config.openai) {
      const { apiKey, baseUrl, model } = config.openai;
      return new LlmEngine({ apiKey, baseUrl, model, kb, log, ...(list ? { categories: list } : {}) });
    }
    return new OfflineEngine(kb, list);
  };
  if (config.openai) log.info({ model: config.openai.model, baseUrl: config.openai.baseUrl ?? 'OpenAI' }, 'Kai uses the LLM engine');
  return categories ? new ConfiguredKai(make, categories) : make(undefined);
}
