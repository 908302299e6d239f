import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { demoKnowledgeBase } from './llm/testing';
import { createKai } from './create-kai';

describe('createKai', () => {
  it('uses the offline engine without OPENAI_API_KEY', async () => {
    const { kb } = await demoKnowledgeBase();
    expect(createKai(loadConfig({}), kb, pino({ level: 'silent' })).kind).toBe('offline');
  });

  it('uses the LLM engine when OPENAI_API_KEY is set', async () => {
    const { kb } = await demoKnowledgeBase();
    const config = loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', AI_MODEL: 'some-model' });
    expect(createKai(config, kb, pino({ level: 'silent' })).kind).toBe('llm');
  });
});
