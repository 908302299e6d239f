/**
 * The server as a real process: nothing acknowledged is lost to SIGKILL, SIGTERM stops it cleanly, and a bad
 * variable stops it with one clear line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { clientId, connectVisitor, tempDbPath, widgetSession } from './harness';

const ROOT = new URL('../../', import.meta.url).pathname;
const children: ChildProcess[] = [];

afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function startProcess(env: Record<string, string>): { child: ChildProcess; ready: Promise<void>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Frontdesk is running')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { child, ready, output: () => out };
}

describe('server process', () => {
  it('keeps every acknowledged message when killed with SIGKILL and started again on the same database', async () => {
    const db = tempDbPath();
    const port = await freePort();
    const env = { PORT: String(port), DATABASE_URL: `sqlite:${db.path}` };
    const server = { url: `http://127.0.0.1:${port}` };
    const first = startProcess(env);
    await first.ready;
    const session = await widgetSession(server);
    const socket = await connectVisitor(server, session.token);
    const acked: string[] = [];
    for (let i = 0; i < 20; i++) {
      const ack = await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: `message ${i}` });
      if (ack.ok) acked.push(ack.data.id);
    }
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    socket.close();

    const second = startProcess(env);
    await second.ready;
    const again = await connectVisitor(server, session.token);
    const sync = await again.timeout(5000).emitWithAck('conversation:sync', { afterSeq: 0 });
    again.close();
    if (!sync.ok) throw new Error(sync.error.message);
    const stored = new Set(sync.data.messages.map((m: { id: string }) => m.id));
    expect(acked).toHaveLength(20);
    expect(acked.every((id) => stored.has(id))).toBe(true);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
    db.cleanup();
  }, 60_000);

  it('stops cleanly on SIGTERM with exit code 0 within 10 s', async () => {
    const db = tempDbPath();
    const port = await freePort();
    const proc = startProcess({ PORT: String(port), DATABASE_URL: `sqlite:${db.path}` });
    await proc.ready;
    const socket = await connectVisitor({ url: `http://127.0.0.1:${port}` }, (await widgetSession({ url: `http://127.0.0.1:${port}` })).token);
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => proc.child.once('exit', (code) => resolve(code)));
    proc.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    socket.close();
    db.cleanup();
  }, 30_000);

  it('refuses to start with a malformed variable, naming it in one line', async () => {
    const proc = startProcess({ PORT: 'not-a-port' });
    const code = await new Promise<number | null>((resolve) => proc.child.once('exit', (c) => resolve(c)));
    proc.ready.catch(() => undefined);
    expect(code).toBe(1);
    expect(proc.output().trim()).toMatch(/^Invalid configuration: PORT: /);
  }, 30_000);
});
