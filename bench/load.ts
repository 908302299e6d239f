/**
 * The message path under load, side by side with a bare socket.io relay (`bare-relay.ts`), in one run.
 *
 * Each target runs in its own process, so its CPU time is its own: Frontdesk as `npm start` runs it (SQLite, the
 * offline agent), then the relay. The same clients drive both from this process: N visitors, each handed off to a
 * person (so Kai stays silent and every message goes to the ticket's agents), sending R messages a second, and one
 * agent socket watching every ticket. Printed per target: server CPU per relayed message (the process's own CPU
 * time over the measured window, from /proc/<pid>/task/<tid>/schedstat, so every thread counts), CPU load, ack and
 * agent-delivery p50/p99, lost and duplicated messages, then the ratios. Then memory per idle visitor socket, and a
 * step-up run (2 messages a second per visitor, more visitors each step) printing the highest rate whose delivery
 * p99 stays under 100 ms.
 *
 * `node --import tsx bench/load.ts [--visitors 300] [--rate 2] [--seconds 10] [--no-step]`; part of `npm run bench`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

const ADMIN = { email: 'bench-admin@example.com', password: 'bench-password-123456' };

interface Target {
  name: string;
  url: string;
  pid: number;
  memory: () => Promise<number>;
  /** Starts the CPU profiler in the target; the function it resolves stops it and writes the profile to a file. */
  profile: () => Promise<(file: string) => Promise<void>>;
  stop: () => Promise<void>;
  /** A visitor socket whose conversation is with a person, and that ticket's id. */
  visitor: (index: number) => Promise<{ socket: Socket; ticketId: string }>;
  /** An idle visitor socket (connected, nothing sent). */
  idleVisitor: (index: number) => Promise<Socket>;
  agent: (ticketIds: string[]) => Promise<Socket>;
}

// ---- measuring -------------------------------------------------------------------------------------------

/** CPU time of every thread of a process, in ms (ns resolution from schedstat). */
function cpuMs(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // A thread that ended between the listing and the read has nothing more to count.
    }
  }
  return ns / 1e6;
}

/** Sends `message` to a target's probe (`probe.ts`) and resolves with the first answer `accept` takes. */
function ask<T>(child: ChildProcess, message: unknown, accept: (answer: unknown) => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (answer: unknown) => {
      const value = accept(answer);
      if (value === undefined) return;
      child.off('message', onMessage);
      resolve(value);
    };
    child.on('message', onMessage);
    child.send(message as string);
  });
}

/** The target's JS memory (heap and external) after a full GC, in KiB. */
function memoryKiB(child: ChildProcess): Promise<number> {
  return ask(child, 'memory', (m) => (typeof m === 'object' && m !== null && 'heapUsed' in m ? ((m as NodeJS.MemoryUsage).heapUsed + (m as NodeJS.MemoryUsage).external) / 1024 : undefined));
}

/** Starts the target's CPU profiler; the returned function stops it and writes the .cpuprofile to `file`. */
async function profileOf(child: ChildProcess): Promise<(file: string) => Promise<void>> {
  await ask(child, 'profile:start', (m) => (m === 'profile:started' ? true : undefined));
  return async (file) => {
    await ask(child, { profileStop: file }, (m) => (m === 'profile:written' ? true : undefined));
  };
}

function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(0));

// ---- plumbing --------------------------------------------------------------------------------------------

/** POST JSON from a chosen loopback address (the session route limits requests per client address). */
function postJson(url: string, path: string, body: unknown, localAddress: string, cookie?: string): Promise<{ status: number; body: unknown; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      `${url}${path}`,
      // agent: false closes the connection after the answer, as a browser's idle keep-alive connection closes after a
      // while: the idle-socket figure is then the socket's own memory, not that of HTTP connections left open.
      { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), origin: url, ...(cookie ? { cookie } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null, cookies: res.headers['set-cookie'] ?? [] }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Loopback addresses 127.0.0.2… in turn, 40 requests each. */
function loopback(i: number): string {
  const n = Math.floor(i / 40);
  return `127.0.${Math.floor(n / 250)}.${2 + (n % 250)}`;
}

function connect(url: string, nsp: string, opts: { auth?: Record<string, unknown>; cookie?: string }): Promise<Socket> {
  const socket = io(`${url}${nsp}`, {
    auth: opts.auth ?? {},
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: url, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Starts `entry` under `bench/probe.ts` (memory after GC on request) and resolves once it serves. */
function spawnUntil(entry: string, env: Record<string, string>, ready: RegExp | null, healthUrl: string | null): Promise<ChildProcess & { port: number }> {
  const extra = (process.env['LOAD_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const args = ['--expose-gc', ...extra, '--import', 'tsx', 'bench/probe.ts'];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PROBE_ENTRY: entry }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready?.exec(out);
      if (match) resolve(Object.assign(child, { port: Number(match[1]) }));
    });
    if (healthUrl) {
      const poll = () =>
        fetch(healthUrl).then(
          (res) => (res.ok ? resolve(Object.assign(child, { port: Number(new URL(healthUrl).port) })) : setTimeout(poll, 200)),
          () => setTimeout(poll, 200),
        );
      void poll();
    }
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// ---- the two targets -------------------------------------------------------------------------------------

async function startFrontdesk(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-load-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = await spawnUntil(
    'server/src/server.ts',
    { PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'load.db')}`, ATTACHMENTS_DIR: join(dir, 'files'), LOG_LEVEL: 'warn', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    null,
    `${url}/healthz`,
  );
  const session = async (index: number) => {
    const res = await postJson(url, '/api/widget/session', { siteKey: 'demo', origin: 'http://localhost:8080', timeZone: 'Europe/London' }, loopback(index));
    if (res.status !== 200) throw new Error(`widget session: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { token: string }).token;
  };
  return {
    name: 'Frontdesk',
    url,
    pid: child.pid!,
    memory: () => memoryKiB(child),
    profile: () => profileOf(child),
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
    visitor: async (index) => {
      const socket = await connect(url, '/visitor', { auth: { token: await session(index) } });
      const ack = (await socket.timeout(10_000).emitWithAck('conversation:escalate', {})) as { ok: boolean; data?: { ticket: { id: string } | null } };
      const ticketId = ack.ok ? ack.data?.ticket?.id : undefined;
      if (!ticketId) throw new Error(`handoff failed: ${JSON.stringify(ack)}`);
      return { socket, ticketId };
    },
    idleVisitor: async (index) => connect(url, '/visitor', { auth: { token: await session(index) } }),
    agent: async (ticketIds) => {
      const login = await postJson(url, '/api/auth/login', ADMIN, '127.0.0.1');
      if (login.status !== 200) throw new Error(`login: ${login.status}`);
      const cookie = login.cookies.map((c) => c.split(';')[0]).join('; ');
      const socket = await connect(url, '/desk', { cookie });
      await Promise.all(ticketIds.map((ticketId) => socket.timeout(10_000).emitWithAck('ticket:watch', { ticketId })));
      return socket;
    },
  };
}

async function startRelay(): Promise<Target> {
  const child = await spawnUntil('bench/bare-relay.ts', { PORT: '0' }, /listening (\d+)/, null);
  const url = `http://127.0.0.1:${child.port}`;
  return {
    name: 'bare socket.io',
    url,
    pid: child.pid!,
    memory: () => memoryKiB(child),
    profile: () => profileOf(child),
    stop: () => stopChild(child),
    visitor: async (index) => {
      const ticketId = `t${index}`;
      return { socket: await connect(url, '/visitor', { auth: { ticketId } }), ticketId };
    },
    idleVisitor: async (index) => connect(url, '/visitor', { auth: { ticketId: `idle${index}` } }),
    agent: async () => connect(url, '/desk', {}),
  };
}

// ---- one load run ----------------------------------------------------------------------------------------

interface RunResult {
  sent: number;
  cpuPerMessageUs: number;
  cpuLoad: number;
  ack: number[];
  delivery: number[];
  lost: number;
  duplicated: number;
  failed: number;
}

/**
 * `visitors` send `rate` messages a second each for `warmup + seconds`; figures cover the last `seconds`. Then
 * sending stops and the run waits (bounded) for every outstanding ack and delivery before counting losses.
 */
async function drive(target: Target, visitors: { socket: Socket; ticketId: string }[], agent: Socket, opts: { rate: number; seconds: number; warmup: number; profile?: string }): Promise<RunResult> {
  const sentAt = new Map<string, number>();
  const delivered = new Map<string, number>();
  const ack: number[] = [];
  const delivery: number[] = [];
  let duplicated = 0;
  let failed = 0;
  let measuring = false;
  let sentInWindow = 0;
  let outstanding = 0;
  const onDelivery = ({ message }: { message: { clientId: string | null } }) => {
    const id = message.clientId;
    if (!id || !sentAt.has(id)) return;
    const count = (delivered.get(id) ?? 0) + 1;
    delivered.set(id, count);
    if (count > 1) duplicated += 1;
    else if (measuring) delivery.push(performance.now() - sentAt.get(id)!);
  };
  agent.on('message:created', onDelivery);
  const measuredIds = new Set<string>();
  const send = (v: { socket: Socket }) => {
    const clientId = randomUUID();
    const t0 = performance.now();
    sentAt.set(clientId, t0);
    if (measuring) {
      sentInWindow += 1;
      measuredIds.add(clientId);
    }
    outstanding += 1;
    v.socket
      .timeout(15_000)
      .emitWithAck('message:send', { clientId, body: `load test message ${clientId.slice(0, 8)}: the export to CSV still fails for our team` })
      .then(
        (r: { ok: boolean }) => {
          if (!r.ok) failed += 1;
          else if (measuredIds.has(clientId)) ack.push(performance.now() - t0);
        },
        () => (failed += 1),
      )
      .finally(() => (outstanding -= 1));
  };
  const period = 1000 / opts.rate;
  const timers: NodeJS.Timeout[] = [];
  const starts: NodeJS.Timeout[] = visitors.map((v) =>
    setTimeout(() => timers.push(setInterval(() => send(v), period)), Math.random() * period),
  );
  await new Promise((r) => setTimeout(r, opts.warmup * 1000));
  // Only messages sent inside the window are timed; deliveries of warm-up messages are still counted for losses.
  const deliveryBefore = delivery.length;
  // The profiler's own cost lands in the CPU figures: a profiled run is for finding where the time goes, not for them.
  const stopProfile = opts.profile ? await target.profile() : null;
  measuring = true;
  const cpu0 = cpuMs(target.pid);
  const wall0 = performance.now();
  await new Promise((r) => setTimeout(r, opts.seconds * 1000));
  const cpu1 = cpuMs(target.pid);
  const wall1 = performance.now();
  measuring = false;
  if (stopProfile && opts.profile) await stopProfile(opts.profile);
  starts.forEach(clearTimeout);
  timers.forEach(clearInterval);
  const deadline = performance.now() + 20_000;
  while ((outstanding > 0 || delivered.size < sentAt.size - failed) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  agent.off('message:created', onDelivery);
  const windowDeliveries = delivery.slice(deliveryBefore);
  const lost = [...sentAt.keys()].filter((id) => !delivered.has(id)).length;
  return {
    sent: sentInWindow,
    cpuPerMessageUs: ((cpu1 - cpu0) * 1000) / Math.max(1, sentInWindow),
    cpuLoad: (cpu1 - cpu0) / (wall1 - wall0),
    ack,
    delivery: windowDeliveries,
    lost,
    duplicated,
    failed,
  };
}

async function handedOff(target: Target, count: number): Promise<{ socket: Socket; ticketId: string }[]> {
  const out: { socket: Socket; ticketId: string }[] = [];
  // A few at a time: this is set-up, not the load being measured.
  for (let i = 0; i < count; i += 20) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(20, count - i) }, (_, j) => target.visitor(i + j)))));
  }
  return out;
}

function row(name: string, r: RunResult, refCpu?: number): string {
  const ratio = refCpu ? ` (${(r.cpuPerMessageUs / refCpu).toFixed(1)}×)` : '';
  return `| ${name} | ${r.cpuPerMessageUs.toFixed(0)} µs${ratio} | ${(r.cpuLoad * 100).toFixed(0)}% | ${ms(percentile(r.ack, 50))} / ${ms(percentile(r.ack, 99))} ms | ${ms(percentile(r.delivery, 50))} / ${ms(percentile(r.delivery, 99))} ms | ${r.sent} | ${r.lost} | ${r.duplicated} | ${r.failed} |`;
}

async function idleMemory(target: Target, count: number): Promise<number> {
  // Warm-up sockets first, so the code compiled for the first connections (the same for any count) is not charged
  // to each socket. They stay open until the end, so the difference is exactly `count` sockets.
  const warm = await Promise.all(Array.from({ length: 50 }, (_, j) => target.idleVisitor(20_000 + j)));
  const before = await target.memory();
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 50) sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => target.idleVisitor(10_000 + i + j)))));
  const after = await target.memory();
  [...warm, ...sockets].forEach((s) => s.disconnect());
  return (after - before) / count;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** `--name value`'s value, `fallback` for a bare `--name`, undefined without it. */
function textArg(name: string, fallback: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  return value && !value.startsWith('--') ? value : fallback;
}

/** Visitors per step of the step-up run (2 messages a second each): 500 to 5,000 messages a second. */
const STEP_VISITORS = [250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2500];

export async function benchLoad(opts: { visitors?: number; rate?: number; seconds?: number; step?: boolean; profile?: string; only?: string } = {}): Promise<void> {
  const visitors = opts.visitors ?? arg('visitors', 300);
  const rate = opts.rate ?? arg('rate', 2);
  const seconds = opts.seconds ?? arg('seconds', 10);
  const step = opts.step ?? !process.argv.includes('--no-step');
  // Frontdesk's CPU profile over the measured window of the main run (read it with bench/cpuprofile-top.ts).
  const profile = opts.profile ?? textArg('profile', 'frontdesk-load.cpuprofile');
  // One target alone (`frontdesk` or `bare`), e.g. while working on one of them; no ratio is printed then.
  const only = opts.only ?? textArg('only', 'frontdesk');
  console.log(`\n## Load: ${visitors} visitors after handoff × ${rate} messages/s (${visitors * rate}/s), one agent watching every ticket, ${seconds} s measured`);
  console.log('| target | server CPU per message | server CPU | ack p50 / p99 | agent delivery p50 / p99 | sent | lost | duplicated | failed |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const results: Record<string, RunResult> = {};
  const memory: Record<string, number> = {};
  const steps: Record<string, { rate: number; p99: number; cpu: number; lost: number }[]> = {};
  const starts = { bare: startRelay, frontdesk: startFrontdesk };
  for (const [key, start] of Object.entries(starts)) {
    if (only && only !== key) continue;
    const target = await start();
    try {
      // Measured first, on the fresh process: after the load runs, closed sockets still being cleaned up would
      // make the "before" figure too high.
      memory[target.name] = await idleMemory(target, 1000);
      const clients = await handedOff(target, step ? Math.max(visitors, STEP_VISITORS.at(-1)!) : visitors);
      const agent = await target.agent(clients.map((c) => c.ticketId));
      const profileHere = key === 'frontdesk' ? profile : undefined;
      results[target.name] = await drive(target, clients.slice(0, visitors), agent, { rate, seconds, warmup: 3, ...(profileHere ? { profile: profileHere } : {}) });
      if (profileHere) console.log(`(Frontdesk's CPU profile of the measured window: ${profileHere}; the profiler's cost is in its figures)`);
      if (step) {
        steps[target.name] = [];
        for (const n of STEP_VISITORS) {
          const r = await drive(target, clients.slice(0, n), agent, { rate: 2, seconds: 5, warmup: 2 });
          steps[target.name]!.push({ rate: n * 2, p99: percentile(r.delivery, 99), cpu: r.cpuLoad, lost: r.lost });
          if (percentile(r.delivery, 99) > 1000) break;
        }
      }
      agent.disconnect();
      clients.forEach((c) => c.socket.disconnect());
    } finally {
      await target.stop();
    }
  }
  const ref = results['bare socket.io'];
  const fd = results['Frontdesk'];
  if (ref) console.log(row('bare socket.io', ref));
  if (fd) console.log(row('Frontdesk', fd, ref?.cpuPerMessageUs));
  if (fd && ref) {
    console.log(`\nFrontdesk costs ${(fd.cpuPerMessageUs / ref.cpuPerMessageUs).toFixed(2)}× the bare relay's server CPU per message (budget 3×); delivery p99 ${ms(percentile(fd.delivery, 99))} ms (budget 50 ms).`);
  }
  const kib = (name: string) => (memory[name] === undefined ? '—' : `${memory[name].toFixed(1)} KiB`);
  console.log(`Memory per idle visitor socket (JS heap and external memory after GC, 1,000 sockets): bare socket.io ${kib('bare socket.io')}, Frontdesk ${kib('Frontdesk')} (budget 15 KiB).`);
  if (step) {
    console.log('\nStep-up (2 messages/s per visitor): rate → agent delivery p99, server CPU, lost');
    for (const [name, list] of Object.entries(steps)) {
      console.log(`  ${name}: ${list.map((s) => `${s.rate}/s → ${ms(s.p99)} ms, ${(s.cpu * 100).toFixed(0)}%${s.lost ? `, ${s.lost} lost` : ''}`).join('; ')}`);
      const best = list.filter((s) => s.p99 < 100 && s.lost === 0).at(-1);
      console.log(`  ${name}: highest rate with delivery p99 < 100 ms: ${best ? `${best.rate} messages/s` : 'none of the steps'}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchLoad().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
