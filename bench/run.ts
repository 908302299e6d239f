/**
 * `npm run bench`: prints the figures the budgets are checked against (not a test; no pass/fail exit).
 * - bundle sizes (gzip): loader ≤ 3 KiB, messenger on open ≤ 45 KiB (needs `npm run build` first);
 * - Kai's offline answer time on the server for the demo knowledge base: < 50 ms;
 * - a visitor message's round trip through a real server on 127.0.0.1 (send → ack → Kai's answer);
 * - Kai offline on a 1,000-article knowledge base: answer p99 < 20 ms, triage p99 < 5 ms (kb-scale.ts);
 * - the LLM engine: what the server adds between the model's first token and the widget's first token,
 *   against aimock, p50 < 5 ms, with the guardrails' hold-back reported apart (llm-overhead.ts);
 * - SLA deadlines and the desk queue over 100,000 tickets (operations.ts);
 * - the message path under load against a bare socket.io relay, memory per idle socket and a step-up (load.ts).
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import type { Message, VisitorClientToServer, VisitorServerToClient } from '../shared/protocol';
import type { Socket } from 'socket.io-client';
import { migrateToLatest, openDatabase } from '../server/src/db/database';
import { KnowledgeBase, readDemoArticles } from '../server/src/kb/knowledge-base';
import { ensureDemoSite } from '../server/src/sites/site.repository';
import { OfflineEngine } from '../server/src/ai/offline/offline-engine';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { LOADER_BUDGET, MESSENGER_BUDGET, measureBundles } from './bundle-size';
import { benchKbScale } from './kb-scale';
import { benchLlmOverhead } from './llm-overhead';
import { benchDeadlines, benchQueue } from './operations';
import { DEMO_QUESTIONS } from './kb-corpus';
import { benchLoad } from './load';
import { benchTeamQueue } from './queue';

const QUESTIONS = DEMO_QUESTIONS;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return `p50 ${percentile(s, 50).toFixed(3)} ms, p99 ${percentile(s, 99).toFixed(3)} ms, mean ${mean.toFixed(3)} ms, max ${s[s.length - 1]!.toFixed(3)} ms (n=${s.length})`;
}

async function bundles(): Promise<void> {
  console.log('\n## Widget bundle sizes (gzip)');
  if (!existsSync('dist/public/widget.js')) {
    console.log('  (no build found: run `npm run build` first)');
    return;
  }
  const { loader, messenger } = measureBundles();
  console.log(`  loader (host page pays before a click): ${(loader / 1024).toFixed(2)} KiB (budget ${LOADER_BUDGET / 1024} KiB)`);
  console.log(`  messenger on open (document + scripts + styles): ${(messenger / 1024).toFixed(2)} KiB (budget ${MESSENGER_BUDGET / 1024} KiB)`);
}

async function offlineAnswer(): Promise<void> {
  console.log('\n## Kai offline answer, demo knowledge base (engine only)');
  const db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
  const now = new Date();
  const siteId = (await ensureDemoSite(db, 'http://127.0.0.1:3000', now)).id;
  const kb = new KnowledgeBase(db);
  await kb.seedIfEmpty(siteId, readDemoArticles(), now);
  await kb.load(siteId);
  const engine = new OfflineEngine(kb);
  for (let i = 0; i < 200; i++) engine.decide({ siteId, message: QUESTIONS[i % QUESTIONS.length]!, history: [], agentName: 'Kai', offeredHandoff: false });
  const samples: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const t0 = performance.now();
    engine.decide({ siteId, message: QUESTIONS[i % QUESTIONS.length]!, history: [], agentName: 'Kai', offeredHandoff: false });
    samples.push(performance.now() - t0);
  }
  console.log(`  ${stats(samples)}  (budget < 50 ms)`);
  await db.destroy();
}

async function roundTrip(): Promise<void> {
  console.log('\n## Visitor message round trip on 127.0.0.1 (real server, SQLite in memory, socket.io websocket)');
  const app = await buildApp(loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  const acks: number[] = [];
  const answers: number[] = [];
  // Visitors are limited to 30 commands in 10 s, so the load is spread over visitors of 20 messages each. A
  // question Kai hands off (e.g. a security report) leaves Kai silent in that conversation: the next message
  // then starts a new visitor, so every timed message gets an answer.
  let socket: Socket<VisitorServerToClient, VisitorClientToServer> | null = null;
  let sent = 0;
  let handedOff = false;
  let visitors = 0;
  for (let i = 0; i < 300; i++) {
    if (sent % 20 === 0 || handedOff) {
      socket?.close();
      const session = (await (await fetch(`${url}/api/widget/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteKey: 'demo' }) })).json()) as { token: string };
      socket = io(`${url}/visitor`, { auth: { token: session.token }, transports: ['websocket'] });
      await new Promise<void>((r) => socket!.once('connect', () => r()));
      socket.on('conversation:updated', (state) => {
        if (state.mode !== 'ai') handedOff = true;
      });
      sent = 0;
      handedOff = false;
      visitors++;
    }
    sent++;
    const s = socket!;
    const t0 = performance.now();
    const answered = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer from Kai within 10 s to ${JSON.stringify(QUESTIONS[i % (QUESTIONS.length - 1)])}`)), 10_000);
      const on = (m: Message) => {
        if (m.author.kind !== 'ai') return;
        s.off('message:created', on);
        clearTimeout(timer);
        resolve();
      };
      s.on('message:created', on);
    });
    const ack = await s.emitWithAck('message:send', { clientId: `bench-${i}-${Date.now()}`, body: QUESTIONS[i % (QUESTIONS.length - 1)]! });
    if (!ack.ok) throw new Error(`send refused: ${ack.error.message}`);
    acks.push(performance.now() - t0);
    await answered;
    answers.push(performance.now() - t0);
  }
  console.log(`  send → ack:           ${stats(acks)}`);
  console.log(`  send → Kai's answer:  ${stats(answers)}`);
  console.log(`  (${visitors} visitors: a new one every 20 messages, and after each handoff)`);
  socket?.close();
  await app.close();
}

await bundles();
await offlineAnswer();
await roundTrip();
await benchKbScale();
await benchLlmOverhead();
await benchDeadlines();
await benchQueue();
await benchTeamQueue();
await benchLoad();
