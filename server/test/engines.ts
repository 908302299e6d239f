/**
 * The engines the conversation tests run against: the embedded offline engine, and the LLM engine through the
 * real openai SDK against a real OpenAI-compatible mock server (aimock) that plays a sensible model: it
 * searches the knowledge base for questions it knows, answers from the result, and triages with the
 * structured-output schema.
 */
import type { LLMock } from '@copilotkit/aimock';
import { startMock } from '../src/ai/llm/testing';

export interface EngineSetup {
  name: 'offline' | 'llm';
  /** Environment for the server under test. */
  env: () => Record<string, string>;
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

const search = (query: string) => ({ toolCalls: [{ name: 'search_knowledge_base', arguments: { query } }] });

/** Questions the scripted model knows: what it searches for and what it answers (naming the article). */
const KNOWN: [string, string, string][] = [
  ['reset my password', 'reset password', 'From “How to reset your password”: choose Forgot password? on the sign-in page, enter your email address and follow the link we send you. The link expires after 60 minutes.'],
  ['two-factor', 'two-factor authentication', 'From “Set up two-factor authentication”: open Account settings → Security, choose Set up 2FA and scan the QR code with your authenticator app.'],
  ['production is down', 'login outage', 'I’m sorry you are all locked out. “Service status and outages” says to check our status page for an incident first; if there is none, a person should look at this right away.'],
];

function scriptModel(mock: LLMock): void {
  // Triage (structured output): an outage for everyone is high × high; anything else is low × low.
  mock.on(
    { responseFormat: 'json_schema', predicate: (req) => JSON.stringify(req.messages).includes('production is down') },
    { content: JSON.stringify({ urgency: 'high', urgency_reason: 'Production is down now', impact: 'high', impact_reason: 'The whole company is affected', category: 'outage', evidence: ['production is down'] }) },
  );
  mock.on(
    { responseFormat: 'json_schema' },
    { content: JSON.stringify({ urgency: 'low', urgency_reason: 'No time pressure given', impact: 'low', impact_reason: 'One person', category: 'other', evidence: [] }) },
  );
  for (const [asks, query, answer] of KNOWN) {
    mock.on({ userMessage: asks, hasToolResult: false }, search(query));
    mock.on({ userMessage: asks, hasToolResult: true }, { content: answer }, { chunkSize: 12 });
  }
  // Anything else: a model that answers without searching; Frontdesk must not pass that on as fact.
  mock.on({}, { content: 'Sure, I can probably help with that.' });
}

export function offlineEngine(): EngineSetup {
  return { name: 'offline', env: () => ({}), start: async () => undefined, stop: async () => undefined };
}

export function llmEngine(): EngineSetup {
  let mock: LLMock | null = null;
  return {
    name: 'llm',
    env: () => ({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: `${mock!.url}/v1`, AI_MODEL: 'kai-test-model' }),
    start: async () => {
      mock = await startMock();
      scriptModel(mock);
    },
    stop: async () => {
      await mock?.stop();
    },
  };
}

export const ENGINES: (() => EngineSetup)[] = [offlineEngine, llmEngine];
