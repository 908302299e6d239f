import { defineConfig, devices } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_ADMIN_ENV } from './server/test/test-admin';

/**
 * End-to-end tests in Debian's Chromium (`CHROMIUM_PATH` overrides; Playwright's own browser download is not
 * used). One Frontdesk server with a fresh SQLite database, and a host page on another origin that embeds the
 * widget with the script tag, as a customer's site would.
 */
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 3111);
export const HOST_PORT = Number(process.env['E2E_HOST_PORT'] ?? 3112);
const dbPath = join(tmpdir(), `frontdesk-e2e-${process.pid}-${Date.now()}.db`);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: `node --import tsx server/src/server.ts`,
      url: `http://127.0.0.1:${E2E_PORT}/healthz`,
      env: { PORT: String(E2E_PORT), DATABASE_URL: `sqlite:${dbPath}`, LOG_LEVEL: 'warn', ...TEST_ADMIN_ENV },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node --import tsx e2e/host-server.ts`,
      url: `http://localhost:${HOST_PORT}/`,
      env: { HOST_PORT: String(HOST_PORT), FRONTDESK_URL: `http://127.0.0.1:${E2E_PORT}` },
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
