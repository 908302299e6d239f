import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { KaiEngine } from './engine';
import { LlmEngine } from './llm/llm-engine';
import { OfflineEngine } from './offline/offline-engine';

/** Picks Kai's engine: the LLM one when an OpenAI-compatible server is configured, else the embedded offline one. */
export function createKai(config: Config, kb: KnowledgeBase, log: FastifyBaseLogger): KaiEngine {
  if (config.openai) {
    const { apiKey, baseUrl, model } = config.openai;
    log.info({ model, baseUrl: baseUrl ?? 'OpenAI' }, 'Kai uses the LLM engine');
    return new LlmEngine({ apiKey, baseUrl, model, kb, log });
  }
  return new OfflineEngine(kb);
}
