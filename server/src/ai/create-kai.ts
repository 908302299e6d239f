import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { KaiEngine } from './engine';
import { OfflineEngine } from './offline/offline-engine';

/** Picks Kai's engine: the embedded offline one unless an OpenAI-compatible server is configured. */
export function createKai(config: Config, kb: KnowledgeBase, log: FastifyBaseLogger): KaiEngine {
  if (config.openai) {
    log.warn('OPENAI_API_KEY is set but the LLM engine is not built yet; using the offline engine');
  }
  return new OfflineEngine(kb);
}
