/**
 * Small helpers shared by the specs (hostile-text, reconnect, embedding, the team desk's). Everything is found by the accessible
 * names the README (widget and desk accessible names), widget/README.md and desk/README.md document.
 */
import { expect, type APIRequestContext, type Browser, type Frame, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { TEST_ADMIN } from '../../server/test/test-admin';

/** The Frontdesk server playwright.config.ts starts (baseURL). */
export const FRONTDESK_PORT = Number(process.env['E2E_PORT'] ?? 3111);
export const FRONTDESK_URL = `http://127.0.0.1:${FRONTDESK_PORT}`;
/** The customer's website on another origin (e2e/host-server.ts). */
export const HOST_PORT = Number(process.env['E2E_HOST_PORT'] ?? 3112);
export const HOST_URL = `http://localhost:${HOST_PORT}`;

/** What a pending (not yet acknowledged) message shows next to its bubble. */
export const PENDING_TEXT = /^(Sending…|Waiting for connection)$/;

/** The messenger iframe, as a locator root. */
export function messenger(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Messenger"]');
}

/** The messenger iframe as a Frame (to evaluate in it). */
export async function messengerFrame(page: Page): Promise<Frame> {
  const handle = await page.getByTitle('Messenger').elementHandle();
  const frame = handle ? await handle.contentFrame() : null;
  if (!frame) throw new Error('the Messenger iframe has no frame');
  return frame;
}

/** Clicks the launcher and waits until the messenger is connected (`Talk to a person` is enabled only then). */
export async function openMessenger(page: Page): Promise<FrameLocator> {
  await page.getByRole('button', { name: 'Open messenger' }).click();
  await expect(page.getByRole('button', { name: 'Close messenger' })).toBeVisible();
  const frame = messenger(page);
  await expect(frame.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 20_000 });
  await expect(frame.getByRole('button', { name: 'Talk to a person' })).toBeEnabled({ timeout: 20_000 });
  return frame;
}

/** The bubbles in the messenger's log whose body is exactly `text`. */
export function bubblesWith(frame: FrameLocator, text: string): Locator {
  return frame.getByRole('log').getByRole('listitem').filter({ has: frame.getByText(text, { exact: true }) });
}

/** Kai's bubbles in the messenger's log (the author label is `Kai`, visible or for screen readers). */
export function kaiBubbles(frame: FrameLocator): Locator {
  return frame.getByRole('log').getByRole('listitem').filter({ has: frame.getByText('Kai', { exact: true }) });
}

/** Types `text` in the composer and presses Send. */
export async function typeAndSend(frame: FrameLocator, text: string): Promise<void> {
  const box = frame.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await frame.getByRole('button', { name: 'Send' }).click();
  await expect(box).toHaveValue('');
}

/** Waits until the bubble with exactly `text` is in the log once and no longer pending. */
export async function expectDelivered(frame: FrameLocator, text: string, timeout = 15_000): Promise<void> {
  const bubble = bubblesWith(frame, text);
  await expect(bubble).toHaveCount(1, { timeout });
  await expect(bubble.getByText(PENDING_TEXT)).toHaveCount(0, { timeout });
}

/** Signs the test admin in on `request` (a page's or context's request shares the cookie jar). */
export async function signInAgent(request: APIRequestContext): Promise<void> {
  const response = await request.post('/api/auth/login', { data: { email: TEST_ADMIN.email, password: TEST_ADMIN.password } });
  expect(response.status(), await response.text()).toBe(200);
}

/** An agent's desk in a browser context of its own (its own cookies), signed in through the REST API. */
export async function deskAs(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = await page.request.post('/api/auth/login', { data: { email: who.email, password: who.password } });
  expect(login.status(), await login.text()).toBe(200);
  await page.goto('/desk');
  await expect(page.getByRole('region', { name: 'Queue' })).toBeVisible({ timeout: 20_000 });
  return page;
}

/** Fails the test if any frame of the page opens an alert, confirm or prompt. */
export function failOnDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return opened;
}
