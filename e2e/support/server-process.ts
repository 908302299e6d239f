/**
 * A Frontdesk server as its own process, for specs that need their own (a killed server, a frozen clock, an
 * LLM mock, a mail sink): a fresh SQLite file, the variables the spec gives and none of the developer's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_ADMIN_ENV } from '../../server/test/test-admin';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Variables of the developer's shell that would change the server under test. */
const CLEARED = ['HOST', 'PUBLIC_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'REDIS_URL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'AI_MODEL', 'SMTP_INBOUND_PORT', 'SMTP_URL', 'SESSION_SECRET', 'FRONTDESK_CLOCK'];

export class FrontdeskProcess {
  readonly url: string;
  readonly #dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-'));
  #child: ChildProcess | null = null;
  #output = '';

  constructor(
    readonly port: number,
    private readonly env: Record<string, string> = {},
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** What the server printed, for error messages. */
  get output(): string {
    return this.#output;
  }

  /** Starts the server (again, on the same database after a stop) and waits until /healthz answers. */
  async start(): Promise<void> {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of CLEARED) delete env[key];
    Object.assign(env, { PORT: String(this.port), DATABASE_URL: `sqlite:${join(this.#dataDir, 'frontdesk.db')}`, LOG_LEVEL: 'warn', ...TEST_ADMIN_ENV }, this.env);
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.#output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.#output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited while starting:\n${this.#output}`);
      if (await fetch(`${this.url}/healthz`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the server did not answer /healthz within 60 s:\n${this.#output}`);
  }

  /** Stops it with `signal` (SIGKILL for a crash) and waits until the process is gone; SIGTERM falls back to SIGKILL after 10 s. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.#child;
    this.#child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  /** Stops it and removes its database. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.#dataDir, { recursive: true, force: true });
  }
}
