/**
 * What the server adds between the model's first token and the widget's first token, with the LLM engine.
 *
 * One process holds everything, so every timestamp is `performance.now()` on the same clock: aimock plays the
 * model on 127.0.0.1 (a search_knowledge_base call, then a streamed answer), the real app (`buildApp`, SQLite
 * in memory) listens on 127.0.0.1, and a real socket.io visitor client (websocket) sends the question and
 * receives `message:delta`. The engine is the real LlmEngine, built as createKai builds it, plus the
 * observability hook `onModelToken`; the only wrapper is one function around the engine's `onToken` that
 * notes when the engine first hands text to the conversation layer.
 *
 * Per turn it notes:
 *   M1 the first text chunk of the answer reaching the engine (after the openai SDK parsed it);
 *   MR the model chunk that released the first visible text (the guardrails hold back STREAM_HOLDBACK
 *      characters so a leak of the instructions is caught before the visitor sees it; see guardrails.ts);
 *   E1 the engine's first onToken (the first delta it emits);
 *   C1 the first `message:delta` arriving at the client.
 * and prints: C1 − M1 (what a visitor waits after the model starts writing), MR − M1 (the hold-back: waiting
 * for the model, not server work), E1 − MR (the engine's processing of the releasing chunk), C1 − E1 (event
 * bus, socket.io, loopback websocket, client decode) and C1 − MR (everything the server adds to the text it
 * shows). Two model pacings: token-sized chunks (4 characters) so the hold-back is visible, and a model whose
 * first chunk is already longer than the hold-back, where C1 − M1 is the server's overhead alone.
 *
 * Not counted anywhere: reading and SSE-parsing the model's bytes inside the openai SDK (before M1). The
 * client shares the process's event loop with the server, which can only make C1 − E1 larger than with a
 * client on another machine (minus the real network).
 *
 *   node --import tsx bench/llm-overhead.ts      on its own; `npm run bench` runs it too
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { LLMock } from '@copilotkit/aimock';
import { io, type Socket } from 'socket.io-client';
import type { Message, VisitorClientToServer, VisitorServerToClient } from '../shared/protocol';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import type { KaiEngine } from '../server/src/ai/engine';
import { LlmEngine } from '../server/src/ai/llm/llm-engine';
import { STREAM_HOLDBACK } from '../server/src/ai/llm/guardrails';

const MODEL = 'kai-bench-model';
export const LLM_TURNS = 100;
const WARM_UP_TURNS = 10;
/** Visitors are limited to 30 commands in 10 s: a new visitor every 20 turns. */
const TURNS_PER_VISITOR = 20;
export const SERVER_OVERHEAD_P50_BUDGET_MS = 5;

const ANSWER =
  'From “How to reset your password”: click Forgot password? under the sign-in form, enter the email address you sign in with ' +
  'and open the link we send you. The link works once and expires after 60 minutes. Then choose a new password of at least 12 characters.';

interface Scenario {
  label: string;
  question: string;
  match: string;
  chunkSize: number;
  streamingProfile?: { ttft: number; tps: number };
}

const SCENARIOS: Scenario[] = [
  {
    label: `token-sized chunks: 4 characters every 2 ms (500 chunks/s), ${ANSWER.length}-character answer`,
    question: 'How do I reset my password?',
    match: 'reset my password',
    chunkSize: 4,
    streamingProfile: { ttft: 5, tps: 500 },
  },
  {
    label: `one ${ANSWER.length}-character first chunk (already past the ${STREAM_HOLDBACK}-character hold-back)`,
    question: 'I forgot my password, what now?',
    match: 'forgot my password',
    chunkSize: ANSWER.length,
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function stats(samples: number[], unit = 'ms', digits = 3): string {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return `p50 ${percentile(s, 50).toFixed(digits)} ${unit}, p99 ${percentile(s, 99).toFixed(digits)} ${unit}, mean ${mean.toFixed(digits)} ${unit}, max ${s[s.length - 1]!.toFixed(digits)} ${unit} (n=${s.length})`;
}

/** One turn's timestamps (performance.now(), this process). */
interface TurnTimes {
  /** Each answer text chunk as it reached the engine, with the characters received so far. */
  model: { t: number; chars: number }[];
  emit: number | null;
  client: number | null;
}

function freshTurn(): TurnTimes {
  return { model: [], emit: null, client: null };
}

export async function benchLlmOverhead(): Promise<void> {
  console.log("\n## LLM engine: the model's first token → the widget's first token (aimock and the server on 127.0.0.1, one process)");
  console.log(`  (machine: ${cpus().length} CPUs, 1-minute load average ${loadavg()[0]!.toFixed(2)} at the start)`);
  const mock = new LLMock({ port: 0, host: '127.0.0.1' });
  await mock.start();
  let current = freshTurn();
  let inner: LlmEngine | null = null;
  // The app is built before its knowledge base exists, so the engine behind this thin wrapper is made just after.
  const kai: KaiEngine = {
    kind: 'llm',
    respond: (input, onToken) =>
      inner!.respond(
        input,
        onToken &&
          ((delta) => {
            current.emit ??= performance.now();
            onToken(delta);
          }),
      ),
    triage: (text) => inner!.triage(text),
  };
  const app = await buildApp(
    loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', OPENAI_API_KEY: 'bench-key', OPENAI_BASE_URL: `${mock.url}/v1`, AI_MODEL: MODEL }),
    { kai, sweepIntervalMs: 0 },
  );
  try {
    inner = new LlmEngine({
      apiKey: 'bench-key',
      baseUrl: `${mock.url}/v1`,
      model: MODEL,
      kb: app.frontdesk.kb,
      log: app.log,
      onModelToken: (delta) => {
        const t = performance.now();
        const chars = (current.model.at(-1)?.chars ?? 0) + delta.length;
        current.model.push({ t, chars });
      },
    });
    for (const s of SCENARIOS) {
      mock.on({ userMessage: s.match, hasToolResult: false }, { toolCalls: [{ name: 'search_knowledge_base', arguments: { query: 'reset password' } }] });
      mock.on({ userMessage: s.match, hasToolResult: true }, { content: ANSWER }, { chunkSize: s.chunkSize, ...(s.streamingProfile ? { streamingProfile: s.streamingProfile } : {}) });
    }
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const url = `http://127.0.0.1:${port}`;

    for (const scenario of SCENARIOS) {
      const turns: TurnTimes[] = [];
      let socket: Socket<VisitorServerToClient, VisitorClientToServer> | null = null;
      const started = performance.now();
      for (let i = 0; i < WARM_UP_TURNS + LLM_TURNS; i++) {
        if (i % TURNS_PER_VISITOR === 0) {
          socket?.close();
          mock.clearRequests();
          const session = (await (await fetch(`${url}/api/widget/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteKey: 'demo' }) })).json()) as { token: string };
          socket = io(`${url}/visitor`, { auth: { token: session.token }, transports: ['websocket'] });
          const s = socket;
          await new Promise<void>((r) => s.once('connect', () => r()));
          s.on('message:delta', () => {
            current.client ??= performance.now();
          });
        }
        const s = socket!;
        current = freshTurn();
        const answered = new Promise<Message>((resolve) => {
          const on = (m: Message) => {
            if (m.author.kind !== 'ai') return;
            s.off('message:created', on);
            resolve(m);
          };
          s.on('message:created', on);
        });
        const ack = await s.emitWithAck('message:send', { clientId: `bench-llm-${i}-${Date.now()}`, body: scenario.question });
        if (!ack.ok) throw new Error(`send refused: ${ack.error.message}`);
        const reply = await answered;
        if (!reply.body.includes(ANSWER)) throw new Error(`unexpected reply (the model fixtures did not play): ${reply.body.slice(0, 120)}`);
        if (i >= WARM_UP_TURNS) turns.push(current);
      }
      socket?.close();
      const seconds = (performance.now() - started) / 1000;

      const endToEnd: number[] = [];
      const holdBack: number[] = [];
      const heldChars: number[] = [];
      const engine: number[] = [];
      const transport: number[] = [];
      const added: number[] = [];
      for (const t of turns) {
        const first = t.model[0];
        if (!first || t.emit === null || t.client === null) throw new Error('a turn streamed nothing (no model text, engine delta or client delta)');
        // The chunk that released the first text: the last one that reached the engine before its first emit
        // (the emit happens synchronously while that chunk is processed).
        const releasing = [...t.model].reverse().find((m) => m.t <= t.emit!)!;
        endToEnd.push(t.client - first.t);
        holdBack.push(releasing.t - first.t);
        heldChars.push(releasing.chars);
        engine.push(t.emit - releasing.t);
        transport.push(t.client - t.emit);
        added.push(t.client - releasing.t);
      }
      const addedP50 = percentile([...added].sort((a, b) => a - b), 50);
      console.log(`\n  ### model streams ${scenario.label}; ${LLM_TURNS} turns after ${WARM_UP_TURNS} warm-up (${seconds.toFixed(1)} s)`);
      console.log(`  C1−M1 first model token → first delta at the widget (what the visitor waits): ${stats(endToEnd)}`);
      console.log(`    MR−M1 of which hold-back, waiting for the model (not server work):          ${stats(holdBack)}`);
      console.log(`          model characters received when the first text was released:           ${stats(heldChars, 'chars', 0)}`);
      console.log(`    E1−MR engine: releasing model chunk → first delta emitted:                  ${stats(engine)}`);
      console.log(`    C1−E1 delivery: engine emit → client receipt (events, socket.io, loopback):  ${stats(transport)}`);
      console.log(
        `  C1−MR server-added latency: releasing model chunk → first delta at the widget: ${stats(added)}  ` +
          `(budget p50 < ${SERVER_OVERHEAD_P50_BUDGET_MS} ms: ${addedP50 < SERVER_OVERHEAD_P50_BUDGET_MS ? 'OK' : 'OVER'})`,
      );
    }
    console.log(
      `\n  Hold-back: the engine shows nothing until ${STREAM_HOLDBACK} characters more than it shows have arrived (so a leaked system prompt is` +
        `\n  caught before the visitor sees it). That wait is the model's speed, not server work: at a typical 50–100 tokens/s (≈4 characters` +
        `\n  a token) it is roughly ${((STREAM_HOLDBACK / 4 / 100) * 1000).toFixed(0)}–${((STREAM_HOLDBACK / 4 / 50) * 1000).toFixed(0)} ms before the first word shows. Not counted above: the openai SDK reading and` +
        `\n  parsing the model's bytes before the engine sees a chunk. The client shares this process's event loop, so C1−E1 also holds any` +
        `\n  server work queued ahead of the client's read (e.g. finishing the turn when the whole answer came in one chunk): an upper bound.`,
    );
  } finally {
    await app.close();
    await mock.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLlmOverhead();
