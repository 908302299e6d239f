/**
 * axe-core finds no serious or critical violation in the launcher, the messenger (desktop and phone, English
 * and Arabic), the desk (sign-in, queue, ticket) and the portal, in the light and the dark theme.
 */
import { expect, test, type Page } from '@playwright/test';
import { TEST_ADMIN } from '../server/test/test-admin';
import { seriousViolations } from './support/axe';
import { HOST_URL, kaiBubbles, messengerFrame, openMessenger, typeAndSend } from './support/frontdesk';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('launcher and messenger on a desktop', async ({ page }) => {
      await page.goto(`${HOST_URL}/`);
      await expect(page.getByRole('button', { name: 'Open messenger' })).toBeVisible();
      expect(await seriousViolations(page), 'launcher').toEqual([]);
      const frame = await openMessenger(page);
      await typeAndSend(frame, 'How do I reset my password?');
      await expect(kaiBubbles(frame)).toHaveCount(1, { timeout: 15_000 });
      const inFrame = await messengerFrame(page);
      expect(await inFrame.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(scheme);
      expect(await seriousViolations(inFrame), 'messenger').toEqual([]);
    });

    test('messenger on a phone, in Arabic', async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      const page = await context.newPage();
      try {
        await page.goto(`${HOST_URL}/nonce?language=ar`);
        await page.getByRole('button', { name: 'Open messenger' }).click();
        const inFrame = await messengerFrame(page);
        await expect.poll(() => inFrame.evaluate(() => document.documentElement.dir)).toBe('rtl');
        expect(await seriousViolations(inFrame), 'messenger on a phone').toEqual([]);
      } finally {
        await context.close();
      }
    });

    test('desk: sign-in, queue and ticket', async ({ page }) => {
      await page.goto('/desk');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      expect(await seriousViolations(page), 'desk sign-in').toEqual([]);
      await signIn(page);
      await expect(page.getByRole('region', { name: 'Queue' })).toBeVisible();
      expect(await seriousViolations(page), 'desk queue').toEqual([]);
      // A ticket to open (the page's cookie is the agent's session).
      const created = await page.request.post('/api/tickets', {
        data: { subject: `Printer on fire (${scheme})`, description: 'It smokes.', channel: 'phone', requester: { name: 'Ada Byron', email: 'ada@example.com', timeZone: 'Europe/London' } },
      });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };
      await page.goto(`/desk#/tickets/${id}`);
      await expect(page.getByRole('log')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Queue' }).getByText(`Printer on fire (${scheme})`)).toBeVisible();
      expect(await seriousViolations(page), 'desk ticket').toEqual([]);
    });

    test('portal sign-in', async ({ page }) => {
      await page.goto('/portal');
      await expect(page.getByRole('button', { name: 'Email me a sign-in link' })).toBeVisible();
      expect(await seriousViolations(page), 'portal').toEqual([]);
    });
  });
}

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Email').fill(TEST_ADMIN.email);
  await page.getByLabel('Password').fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
