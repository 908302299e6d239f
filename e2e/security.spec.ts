/**
 * The security hardening as a person meets it in Chromium: a new install without ADMIN_EMAIL/ADMIN_PASSWORD
 * prints a random password once and the desk makes its admin choose their own before anything else; the demo
 * page runs under its strict CSP (the inline queue stub by nonce) without a single violation.
 */
import { expect, test } from '@playwright/test';
import { FrontdeskProcess } from './support/server-process';

const PORT = 3621;
const frontdesk = new FrontdeskProcess(PORT, { ADMIN_EMAIL: '', ADMIN_PASSWORD: '', ADMIN_NAME: '' });

test.beforeAll(async () => frontdesk.start());
test.afterAll(async () => frontdesk.stop());

test('a first run’s admin signs in with the printed password and must choose a new one', async ({ page }) => {
  const printed = /Sign in to the desk as admin@example\.com \/ (\S+) /.exec(frontdesk.output);
  expect(printed, frontdesk.output).not.toBeNull();
  await page.goto(`${frontdesk.url}/desk`);
  await page.getByLabel('Email').fill('admin@example.com');
  await page.getByLabel('Password').fill(printed![1]!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('Current password').fill(printed![1]!);
  await page.getByLabel('New password').fill('my-own-long-password');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('region', { name: 'Queue' })).toBeVisible();

  // The generated password is gone; the new one works.
  const old = await page.request.post(`${frontdesk.url}/api/auth/login`, { data: { email: 'admin@example.com', password: printed![1]! } });
  expect(old.status()).toBe(401);
});

test('the demo page runs under its CSP with no violation, and the messenger opens', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => void (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${frontdesk.url}/`);
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
  await page.getByRole('button', { name: 'Open messenger' }).click();
  await expect(page.frameLocator('iframe[title="Messenger"]').getByRole('textbox', { name: 'Message' })).toBeVisible();
  expect(violations).toEqual([]);
});
