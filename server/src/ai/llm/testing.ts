/**
 * Test support for the LLM engine: a real OpenAI-compatible mock server (aimock) on port 0, a real knowledge
 * base over in-memory SQLite with the demo articles, and the mock's request journal read over HTTP
 * (`GET /__aimock/journal`), which is what the SDK really sent. Imported by tests only.
 */
import { LLMock } from '@copilotkit/aimock';
import { migrateToLatest, openDatabase } from '../../db/database';
import { KnowledgeBase, readDemoArticles } from '../../kb/knowledge-base';
import { ensureDemoSite } from '../../sites/site.repository';
import type { KaiInput, KaiTurn } from '../engine';
import { LlmEngine, type EngineLog, type LlmEngineOptions } from './llm-engine';

export const TEST_MODEL = 'kai-test-model';
const NOW = new Date('2026-03-02T10:00:00Z');

/** A knowledge base holding the demo articles, for one site. */
export async function demoKnowledgeBase(): Promise<{ kb: KnowledgeBase; siteId: string }> {
  const db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
  const siteId = (await ensureDemoSite(db, 'http://127.0.0.1:3000', NOW)).id;
  const kb = new KnowledgeBase(db);
  await kb.seedIfEmpty(siteId, readDemoArticles(), NOW);
  await kb.load(siteId);
  return { kb, siteId };
}

/** A logger that remembers what was logged, by level. */
export function recordingLog(): EngineLog & { entries: { level: string; obj: object; msg: string }[] } {
  const entries: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void entries.push({ level, obj, msg });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export async function startMock(): Promise<LLMock> {
  const mock = new LLMock({ port: 0, host: '127.0.0.1' });
  await mock.start();
  return mock;
}

/** Forgets the previous test's fixtures, journal, match counts and chaos. */
export function resetMock(mock: LLMock): void {
  mock.clearFixtures();
  mock.clearRequests();
  mock.resetMatchCounts();
  mock.clearChaos();
}

export function engineFor(mock: LLMock, kb: KnowledgeBase, log: EngineLog, options: Partial<LlmEngineOptions> = {}): LlmEngine {
  return new LlmEngine({ apiKey: 'test-key', baseUrl: `${mock.url}/v1`, model: TEST_MODEL, kb, log, timeoutMs: 2000, ...options });
}

/** One chat request as the mock received it. */
export interface SentRequest {
  path: string;
  headers: Record<string, string>;
  status: number;
  body: {
    model: string;
    stream?: boolean;
    messages: { role: string; content: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[]; tool_call_id?: string }[];
    tools?: { type: string; function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean } }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
  };
}

/** The chat-completion requests the mock received, oldest first, from its HTTP journal. */
export async function chatRequests(mock: LLMock): Promise<SentRequest[]> {
  const res = await fetch(`${mock.url}/__aimock/journal?path=${encodeURIComponent('/v1/chat/completions')}`);
  // The journal endpoint answers a JSON array of entries; we read only the fields declared in SentRequest.
  const entries = (await res.json()) as { path: string; headers: Record<string, string>; body: SentRequest['body']; response: { status: number } }[];
  return entries.map((e) => ({ path: e.path, headers: e.headers, status: e.response.status, body: e.body }));
}

/** The names of the tools a request offered. */
export function toolNames(req: SentRequest): string[] {
  return (req.body.tools ?? []).map((t) => t.function.name);
}

/** Runs one turn collecting the streamed deltas. */
export async function turnWithTokens(engine: LlmEngine, input: KaiInput): Promise<{ turn: KaiTurn; deltas: string[]; ms: number }> {
  const deltas: string[] = [];
  const started = performance.now();
  const turn = await engine.respond(input, (d) => deltas.push(d));
  return { turn, deltas, ms: performance.now() - started };
}

/** The system prompt a request carried. */
export function systemOf(req: { messages: { role: string; content: unknown }[] }): string {
  const sys = req.messages.find((m) => m.role === 'system')?.content;
  return typeof sys === 'string' ? sys : '';
}

/** True when the last message of a request is a tool result (the model is being given what a tool returned). */
export function afterToolResult(req: { messages: { role: string }[] }): boolean {
  return req.messages.at(-1)?.role === 'tool';
}
