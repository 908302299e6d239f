/**
 * Local model servers (Ollama, vLLM, llama.cpp) need no API key: OPENAI_BASE_URL alone selects the LLM engine,
 * which then sends no Authorization header at all.
 */
import type { LLMock } from '@copilotkit/aimock';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createKai } from '../create-kai';
import { chatRequests, demoKnowledgeBase, resetMock, startMock } from './testing';

let mock: LLMock;

beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => {
  await mock.stop();
});

describe('the LLM engine without an API key', () => {
  it('is chosen by OPENAI_BASE_URL alone, answers through the server, and sends no Authorization header', async () => {
    resetMock(mock);
    const { kb, siteId } = await demoKnowledgeBase();
    const config = loadConfig({ OPENAI_BASE_URL: `${mock.url}/v1`, AI_MODEL: 'llama3.2' });
    expect(config.openai).toEqual({ apiKey: null, baseUrl: `${mock.url}/v1`, model: 'llama3.2' });
    mock.on({ userMessage: 'reset my password', hasToolResult: false }, { toolCalls: [{ name: 'search_knowledge_base', arguments: { query: 'reset password' } }] });
    mock.on({ userMessage: 'reset my password', hasToolResult: true }, { content: 'From “How to reset your password”: choose “Forgot password?” on the sign-in page.' });
    const kai = createKai(config, kb, pino({ level: 'silent' }));
    expect(kai.kind).toBe('llm');
    const turn = await kai.respond({ siteId, message: 'How do I reset my password?', history: [], agentName: 'Kai', offeredHandoff: false });
    expect(turn).toMatchObject({ action: 'answer', reply: expect.stringContaining('Forgot password') });
    const [sent] = await chatRequests(mock);
    expect(sent?.body.model).toBe('llama3.2');
    expect(Object.keys(sent?.headers ?? {}).map((h) => h.toLowerCase())).not.toContain('authorization');
  });

  it('sends an Authorization header when there is a key (so the journal does record it)', async () => {
    resetMock(mock);
    const { kb, siteId } = await demoKnowledgeBase();
    mock.on({ userMessage: 'hello' }, { content: 'Hi!' });
    const kai = createKai(loadConfig({ OPENAI_API_KEY: 'sk-local', OPENAI_BASE_URL: `${mock.url}/v1` }), kb, pino({ level: 'silent' }));
    await kai.respond({ siteId, message: 'hello', history: [], agentName: 'Kai', offeredHandoff: false });
    const [sent] = await chatRequests(mock);
    const headers = Object.fromEntries(Object.entries(sent?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    expect(headers['authorization']).toBeDefined(); // the journal redacts its value
  });

  it('still uses the offline engine when neither is set', async () => {
    const { kb } = await demoKnowledgeBase();
    expect(createKai(loadConfig({}), kb, pino({ level: 'silent' })).kind).toBe('offline');
  });
});
