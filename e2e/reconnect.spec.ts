/**
 * The server dies mid-conversation (SIGKILL). The messenger shows the next message as pending and itself as
 * reconnecting, reconnects by itself when the server is back (same port, same database), and delivers the
 * pending message exactly once, without a page reload. The server stored it exactly once, too.
 *
 * This spec runs its own Frontdesk server on port 3221 (playwright.config.ts's server cannot be killed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import {
  HOST_URL,
  PENDING_TEXT,
  bubblesWith,
  expectDelivered,
  kaiBubbles,
  openMessenger,
  signInAgent,
  typeAndSend,
} from './support/frontdesk';

const PORT = 3221;
const SERVER_URL = `http://127.0.0.1:${PORT}`;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIRST = 'How do I reset my password?';
const SECOND = 'What are your support hours? (sent while the server was down)';

let dataDir = '';
let server: ChildProcess | null = null;
let serverOutput = '';

/** Starts the server on PORT with the spec's database and waits for /healthz. */
async function startServer(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), DATABASE_URL: `sqlite:${join(dataDir, 'frontdesk.db')}`, LOG_LEVEL: 'warn' };
  for (const key of ['HOST', 'PUBLIC_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'REDIS_URL', 'OPENAI_API_KEY', 'SMTP_INBOUND_PORT', 'SMTP_URL', 'SESSION_SECRET']) delete env[key];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  child.stdout?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited while starting:\n${serverOutput}`);
    const ok = await fetch(`${SERVER_URL}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer /healthz within 60 s:\n${serverOutput}`);
}

/** Kills the server with `signal` and waits until the process is gone. */
async function stopServer(signal: NodeJS.Signals): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill(signal);
  await exited;
}

test.describe('reconnect after the server is killed', () => {
  test.beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-reconnect-'));
    await startServer();
  });

  test.afterAll(async () => {
    await stopServer('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('a message written while the server is down is delivered exactly once when it is back', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(`${HOST_URL}/?frontdesk=${encodeURIComponent(SERVER_URL)}`);
    const frame = await openMessenger(page);
    const log = frame.getByRole('log');
    const status = frame.getByRole('status');

    await typeAndSend(frame, FIRST);
    await expectDelivered(frame, FIRST);
    await expect(kaiBubbles(frame)).toHaveCount(1, { timeout: 15_000 });

    // The server dies without a goodbye.
    await stopServer('SIGKILL');
    await expect(status).toHaveText('Reconnecting…', { timeout: 15_000 });
    await expect(frame.getByRole('button', { name: 'Talk to a person' })).toBeDisabled();

    await typeAndSend(frame, SECOND);
    const pending = bubblesWith(frame, SECOND);
    await expect(pending).toHaveCount(1);
    await expect(pending.getByText('Waiting for connection', { exact: true })).toBeVisible();
    await expect(status).toHaveText('Reconnecting…');

    // Back on the same port and database: the messenger reconnects by itself (no reload) and sends it.
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    await startServer();
    await expect(status).toHaveText('', { timeout: 30_000 });
    await expectDelivered(frame, SECOND, 30_000);
    await expect(kaiBubbles(frame)).toHaveCount(2, { timeout: 15_000 });
    await expect(log.getByText(SECOND, { exact: true })).toHaveCount(1);
    await expect(log.getByText(FIRST, { exact: true })).toHaveCount(1);
    await expect(log.getByText(PENDING_TEXT)).toHaveCount(0);
    expect(navigations, 'the host page and the messenger were not reloaded').toEqual([]);

    // The server's own record: a reload shows the conversation from the server, each message once.
    await page.reload();
    const again = await openMessenger(page);
    await expect(kaiBubbles(again)).toHaveCount(2, { timeout: 15_000 });
    await expect(again.getByRole('log').getByText(SECOND, { exact: true })).toHaveCount(1);
    await expect(again.getByRole('log').getByText(FIRST, { exact: true })).toHaveCount(1);

    // And as an agent sees it after a handoff: the ticket's transcript holds the message once.
    await again.getByRole('button', { name: 'Talk to a person' }).click();
    const banner = again.getByText(/^Ticket #\d+$/);
    await expect(banner).toBeVisible({ timeout: 15_000 });
    const ticketNumber = Number((await banner.textContent())?.replace(/\D/g, ''));
    const agent = await playwrightRequest.newContext({ baseURL: SERVER_URL });
    try {
      await signInAgent(agent);
      const list = (await (await agent.get('/api/tickets')).json()) as { tickets: { id: string; number: number }[] };
      const ticketId = list.tickets.find((t) => t.number === ticketNumber)?.id;
      expect(ticketId, `ticket #${ticketNumber} in GET /api/tickets`).toBeTruthy();
      const detail = (await (await agent.get(`/api/tickets/${ticketId}`)).json()) as { messages: { body: string; author: { kind: string } }[] };
      const customer = detail.messages.filter((m) => m.author.kind === 'customer').map((m) => m.body);
      expect(customer).toEqual([FIRST, SECOND]);
    } finally {
      await agent.dispose();
    }
  });
});
