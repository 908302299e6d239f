import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import type { ChatCompletionFunctionTool, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Source } from '../../../../shared/protocol';
import type { KnowledgeBase } from '../../kb/knowledge-base';
import type { KaiEngine, KaiInput, KaiTurn, TriageResult } from '../engine';
import { asksForPerson, isGreeting, isThanks } from '../intents';
import { DEFAULT_CATEGORIES, triageOffline } from '../offline/triage-rules';
import { LeakDetector, SAFE_REFUSAL, StreamGuard, makeCanary, notFoundReply, visitorQuotes } from './guardrails';
import { chatMessages, systemPrompt } from './prompt';
import { HANDOFF_REASONS, KaiTools, TurnState, type HandOffArgs } from './tools';
import { MAX_TRIAGE_CHARS, parseTriage, toTriageResult, triagePrompt, triageResponseFormat } from './triage';

/** The longest a turn (or a triage) may take, retries and tool rounds included. */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** Model calls in one turn (each tool round is one) before Kai gives up and hands off. */
export const MAX_ROUNDS = 4;
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
/** Sources shown for what Kai consulted before a handoff. */
const MAX_HANDOFF_SOURCES = 3;

/** The logger the engine needs (Fastify's and pino's fit). */
export interface EngineLog {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface LlmEngineOptions {
  /** null for a server that needs none (Ollama, vLLM, llama.cpp): no Authorization header is sent. */
  apiKey: string | null;
  /** An OpenAI-compatible server's base URL (…/v1); unset means OpenAI's. */
  baseUrl?: string | undefined;
  /** Model name passed to that server. */
  model: string;
  kb: KnowledgeBase;
  log: EngineLog;
  /** Upper bound for one turn or one triage, retries included (default 20 s). */
  timeoutMs?: number;
  /** Ticket categories hand_off and triage may choose from (default: the offline engine's). */
  categories?: readonly string[];
  /** Model calls per turn before giving up (default 4). */
  maxRounds?: number;
  /**
   * Observability only (bench/llm-overhead.ts): called with each piece of reply text as it arrives from the
   * model, before the guardrails and before anything reaches the visitor. It cannot change the turn; if it
   * throws, the error is logged and ignored.
   */
  onModelToken?: ((delta: string) => void) | undefined;
}

/** Why a turn could not be completed; each becomes a handoff with reason `ai_unavailable`. */
export type FailureKind =
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'connection_error'
  | 'auth_error'
  | 'bad_request'
  | 'api_error'
  | 'malformed_response'
  | 'invalid_tool_arguments'
  | 'unknown_tool'
  | 'empty_reply'
  | 'too_many_rounds'
  | 'internal_error';

class TurnFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** Maps anything a turn can throw to a failure kind, using the SDK's error classes. */
export function classifyFailure(err: unknown): { kind: FailureKind; status?: number; message: string } {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof TurnFailure) return { kind: err.kind, message };
  // Our deadline aborts the request: to the SDK that is a user abort.
  if (err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError) return { kind: 'timeout', message };
  if (err instanceof APIConnectionError) return { kind: 'connection_error', message };
  if (err instanceof RateLimitError) return { kind: 'rate_limited', status: 429, message };
  if (err instanceof AuthenticationError || err instanceof PermissionDeniedError) return { kind: 'auth_error', status: err.status, message };
  if (err instanceof BadRequestError || err instanceof NotFoundError) return { kind: 'bad_request', status: err.status, message };
  if (err instanceof InternalServerError) return { kind: 'server_error', status: err.status, message };
  if (err instanceof APIError) return { kind: 'api_error', ...(err.status === undefined ? {} : { status: err.status }), message };
  if (err instanceof SyntaxError) return { kind: 'malformed_response', message };
  return { kind: 'internal_error', message };
}

/**
 * Runs `work` with an abort signal and a hard deadline: when the time is up the signal aborts (cancelling the
 * request or the stream in flight, and any retry the SDK is sleeping towards) and the result is a timeout,
 * whatever `work` is still waiting for. The SDK's own timeout only covers the wait for response headers.
 */
async function withDeadline<T>(ms: number, work: (budget: Budget) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const end = Date.now() + ms;
  const budget: Budget = { signal: controller.signal, remainingMs: () => Math.max(1, end - Date.now()) };
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TurnFailure('timeout', `no answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work(budget), expired]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** What a call to the model may use: the turn's abort signal and the time left. */
interface Budget {
  signal: AbortSignal;
  remainingMs: () => number;
}

interface ToolCallText {
  id: string;
  name: string;
  arguments: string;
}

/** Everything the visitor wrote in this conversation: what their quotes and the fallback triage come from. */
function visitorWords(input: KaiInput): string {
  return [...input.history.filter((h) => h.role === 'visitor').map((h) => h.text), input.message].join('\n');
}

/**
 * Kai on a large language model behind any OpenAI-compatible server. Each turn streams a Chat Completion with
 * three tools (search the site's knowledge base, hand off to a person, and, for an identified visitor, look up
 * their own requests); answers rest on what the search returned and cite it. Every failure of the model or the
 * server becomes a handoff with reason `ai_unavailable`, within `timeoutMs`.
 */
export class LlmEngine implements KaiEngine {
  readonly kind = 'llm' as const;
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #kb: KnowledgeBase;
  readonly #log: EngineLog;
  readonly #timeoutMs: number;
  readonly #maxRounds: number;
  readonly #categories: readonly [string, ...string[]];
  readonly #tools: KaiTools;
  readonly #onModelToken: ((delta: string) => void) | undefined;

  constructor(options: LlmEngineOptions) {
    const categories = options.categories ?? DEFAULT_CATEGORIES;
    if (categories.length === 0) throw new Error('LlmEngine needs at least one ticket category');
    // Checked non-empty just above.
    this.#categories = categories as readonly [string, ...string[]];
    this.#model = options.model;
    this.#kb = options.kb;
    this.#log = options.log;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxRounds = options.maxRounds ?? MAX_ROUNDS;
    this.#tools = new KaiTools(this.#categories);
    this.#onModelToken = options.onModelToken;
    // Never the SDK's defaults (10 minutes, 2 retries): a visitor is waiting. The turn deadline bounds retries too.
    this.#client = new OpenAI({
      // The SDK insists on a key; without one it gets a placeholder and the header carrying it is removed.
      apiKey: options.apiKey ?? 'none',
      ...(options.apiKey === null ? { defaultHeaders: { Authorization: null } } : {}),
      baseURL: options.baseUrl ?? DEFAULT_BASE_URL,
      timeout: this.#timeoutMs,
      maxRetries: 1,
    });
  }

  async respond(input: KaiInput, onToken?: (delta: string) => void): Promise<KaiTurn> {
    // Asking in words for a person is honoured at once, whatever the model would say (README, Embedding the messenger).
    if (asksForPerson(input.message.trim())) {
      return { action: 'handoff', reply: '', sources: [], confidence: 1, handoffReason: 'visitor_request' };
    }
    try {
      return await withDeadline(this.#timeoutMs, (budget) => this.#turn(input, budget, onToken));
    } catch (err) {
      return this.#unavailable(input, err);
    }
  }

  async triage(text: string): Promise<TriageResult> {
    const ticket = text.slice(0, MAX_TRIAGE_CHARS);
    const offline = triageOffline(text, this.#categories);
    try {
      const triage = await withDeadline(this.#timeoutMs, async ({ signal, remainingMs }) => {
        const completion = await this.#client.chat.completions.create(
          {
            model: this.#model,
            messages: [
              { role: 'system', content: triagePrompt(this.#categories) },
              { role: 'user', content: ticket },
            ],
            response_format: triageResponseFormat(this.#categories),
          },
          { signal, timeout: remainingMs() },
        );
        const message = completion.choices[0]?.message;
        if (!message?.content) throw new TurnFailure('empty_reply', message?.refusal ? `the model refused: ${message.refusal}` : 'no triage in the reply');
        const parsed = parseTriage(message.content, this.#categories);
        if ('error' in parsed) throw new TurnFailure('malformed_response', `triage rejected: ${parsed.error}`);
        return parsed;
      });
      return toTriageResult(triage, ticket, offline.evidence);
    } catch (err) {
      const f = classifyFailure(err);
      this.#log.warn({ failure: f.kind, status: f.status, model: this.#model }, `LLM triage failed (${f.message}); using the offline triage`);
      return offline;
    }
  }

  async #turn(input: KaiInput, budget: Budget, onToken: ((delta: string) => void) | undefined): Promise<KaiTurn> {
    const state = new TurnState(this.#kb.index(input.siteId), input.lookupRequests);
    const canary = makeCanary();
    const prompt = systemPrompt({ agentName: input.agentName, language: input.language, canLookUpRequests: Boolean(input.lookupRequests), canary });
    const detector = new LeakDetector(prompt.secret, canary);
    const tools = this.#tools.offered(Boolean(input.lookupRequests));
    const definitions = [...tools.values()].map((t) => t.definition);
    const messages = chatMessages(prompt.text, input);
    const emit = (delta: string) => {
      if (budget.signal.aborted || !onToken) return;
      try {
        onToken(delta);
      } catch (err) {
        this.#log.warn({ err }, 'onToken callback threw; continuing the turn');
      }
    };
    const guard = new StreamGuard(detector, state.links, emit);
    // Greetings and thanks need no knowledge base; anything else is streamed only once it rests on a search.
    const smallTalk = isGreeting(input.message) || isThanks(input.message);

    for (let round = 0; round < this.#maxRounds; round++) {
      const streamed = smallTalk || state.grounded;
      const out = await this.#complete(messages, definitions, budget, streamed ? guard : null);

      if (out.calls.length === 0) {
        const raw = streamed ? guard.raw : out.text;
        if (raw.trim() === '') throw new TurnFailure('empty_reply', 'the model returned no reply');
        if (detector.leaks(raw)) {
          this.#log.warn({ guardrail: 'prompt_leak', model: this.#model }, 'Kai reply quoted its instructions; replaced with a refusal');
          return { action: 'answer', reply: SAFE_REFUSAL, sources: [], confidence: 0 };
        }
        if (!streamed) {
          this.#log.info({ guardrail: 'ungrounded', model: this.#model }, 'Kai answered without a knowledge-base result; replaced with "not found"');
          const offer = !input.offeredHandoff;
          const reply = notFoundReply(offer);
          emit(reply);
          return { action: offer ? 'offer_handoff' : 'answer', reply, sources: [], confidence: 0, handoffReason: 'no_answer' };
        }
        const reply = guard.end();
        return { action: 'answer', reply, ...this.#citations(reply, state, smallTalk) };
      }

      // Check every call before running any: a call the turn did not offer, or arguments that fail the tool's
      // schema, mean the model is not behaving and a person should take over.
      const runs = out.calls.map((call) => {
        const tool = tools.get(call.name);
        if (!tool) throw new TurnFailure('unknown_tool', `the model called ${JSON.stringify(call.name.slice(0, 80))}, which this turn did not offer`);
        const parsed = tool.parse(call.arguments);
        if (!parsed.ok) throw new TurnFailure('invalid_tool_arguments', `${call.name}: ${parsed.error}`);
        return { call, run: parsed.run };
      });

      const handOff = runs.find((r) => r.call.name === 'hand_off');
      if (handOff) {
        const outcome = await handOff.run(state);
        if (outcome.kind === 'handoff') return this.#handoff(outcome.args, input, state, detector);
      }

      messages.push({
        role: 'assistant',
        content: out.text || null,
        tool_calls: out.calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
      });
      for (const { call, run } of runs) {
        const outcome = await run(state);
        messages.push({ role: 'tool', tool_call_id: call.id, content: outcome.kind === 'result' ? outcome.content : '' });
      }
    }
    throw new TurnFailure('too_many_rounds', `no answer after ${this.#maxRounds} model calls`);
  }

  /** One streamed model call: text deltas go through the guard (when streaming), tool calls are assembled. */
  async #complete(
    messages: ChatCompletionMessageParam[],
    tools: ChatCompletionFunctionTool[],
    budget: Budget,
    guard: StreamGuard | null,
  ): Promise<{ text: string; calls: ToolCallText[] }> {
    const stream = await this.#client.chat.completions.create({ model: this.#model, messages, tools, stream: true }, { signal: budget.signal, timeout: budget.remainingMs() });
    let text = '';
    const calls = new Map<number, ToolCallText>();
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta;
      if (!delta) continue;
      if (delta.content) {
        if (this.#onModelToken) this.#observeModelToken(delta.content);
        // Text of an earlier streamed round (said before a tool call) stays; separate it from this round's.
        if (guard && text === '' && guard.raw !== '' && !/\s$/.test(guard.raw)) guard.push('\n\n');
        guard?.push(delta.content);
        text += delta.content;
      }
      for (const tc of delta.tool_calls ?? []) {
        const call = calls.get(tc.index) ?? { id: '', name: '', arguments: '' };
        if (tc.id) call.id = tc.id;
        if (tc.function?.name) call.name = tc.function.name;
        if (tc.function?.arguments) call.arguments += tc.function.arguments;
        calls.set(tc.index, call);
      }
    }
    return { text, calls: [...calls.entries()].sort(([a], [b]) => a - b).map(([i, c]) => ({ ...c, id: c.id || `call_${i}` })) };
  }

  #observeModelToken(delta: string): void {
    try {
      this.#onModelToken?.(delta);
    } catch (err) {
      this.#log.warn({ err }, 'onModelToken callback threw; continuing the turn');
    }
  }

  /** Sources for an answer: the searched articles the reply names (title or link), else the top search result. */
  #citations(reply: string, state: TurnState, smallTalk: boolean): { sources: Source[]; confidence: number } {
    const text = reply.toLowerCase();
    const cited: string[] = [];
    for (const hit of state.hits) {
      if (cited.includes(hit.articleId)) continue;
      if (text.includes(hit.title.toLowerCase()) || text.includes(hit.url.toLowerCase())) cited.push(hit.articleId);
    }
    if (cited.length > 0) return { sources: cited.map((id) => state.index.sourceOf(id)), confidence: 0.8 };
    const top = state.topHits.at(-1);
    if (top) return { sources: [state.index.sourceOf(top.articleId)], confidence: 0.6 };
    return { sources: [], confidence: state.lookedUpRequests ? 0.7 : smallTalk ? 0.9 : 0 };
  }

  #handoff(args: HandOffArgs, input: KaiInput, state: TurnState, detector: LeakDetector): KaiTurn {
    // Agents read the summary and reasons: they must not carry the instructions either.
    if (detector.leaks(`${args.summary}\n${args.urgency_reason}\n${args.impact_reason}\n${args.evidence.join('\n')}`)) {
      throw new TurnFailure('invalid_tool_arguments', 'hand_off arguments quote the instructions');
    }
    const words = visitorWords(input);
    const quotes = visitorQuotes(args.evidence, words);
    const consulted = [...new Set(state.topHits.map((h) => h.articleId))].slice(0, MAX_HANDOFF_SOURCES);
    return {
      action: 'handoff',
      reply: '',
      sources: consulted.map((id) => state.index.sourceOf(id)),
      confidence: 1,
      handoffReason: HANDOFF_REASONS[args.reason],
      triage: {
        urgency: args.urgency,
        urgencyReason: args.urgency_reason,
        impact: args.impact,
        impactReason: args.impact_reason,
        category: args.category,
        evidence: quotes.length > 0 ? quotes : triageOffline(words, this.#categories).evidence,
      },
      summary: args.summary,
    };
  }

  /** A turn that failed: hand off to a person, with the offline triage so nobody waits on the model again. */
  #unavailable(input: KaiInput, err: unknown): KaiTurn {
    const f = classifyFailure(err);
    // A wrong key, model name or URL will not fix itself: say so louder than a passing outage.
    const level = f.kind === 'auth_error' || f.kind === 'bad_request' || f.kind === 'internal_error' ? 'error' : 'warn';
    this.#log[level]({ failure: f.kind, status: f.status, model: this.#model }, `Kai (LLM) could not answer: ${f.message}; handing off to a person`);
    return {
      action: 'handoff',
      reply: '',
      sources: [],
      confidence: 0,
      handoffReason: 'ai_unavailable',
      triage: triageOffline(visitorWords(input), this.#categories),
    };
  }
}
