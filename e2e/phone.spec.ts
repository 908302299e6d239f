/**
 * The messenger on phones (Chromium's mobile emulation) at 360×640 and 390×844: full screen, the header, the
 * log and the composer on screen with the on-screen keyboard closed and open, a 16 px composer (iOS zooms into
 * smaller fields), and the host page kept from scrolling behind. The keyboard is simulated as the browser
 * reports one: the visible viewport shrinks (CDP `Emulation.setDeviceMetricsOverride` with a smaller height).
 * Screenshots of each state are attached to the test's results.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Browser, type FrameLocator, type Page } from '@playwright/test';
import { HOST_URL, messenger, messengerFrame } from './support/frontdesk';

const PHONES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
];
/** A typical on-screen keyboard's height in CSS pixels. */
const KEYBOARD = 300;

async function phonePage(browser: Browser, size: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport: size, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  return context.newPage();
}

/** The part of the messenger the visitor must always see, as boxes in the host page's coordinates. */
async function visibleParts(page: Page, frame: FrameLocator) {
  const iframe = (await page.getByTitle('Messenger').boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  const inFrame = async (box: { x: number; y: number; width: number; height: number } | null) => box && { top: box.y, bottom: box.y + box.height };
  return {
    iframe,
    header: await inFrame(await frame.locator('header').boundingBox()),
    log: await inFrame(await frame.getByRole('log').boundingBox()),
    composer: await inFrame(await frame.getByRole('textbox', { name: 'Message' }).boundingBox()),
    send: await inFrame(await frame.getByRole('button', { name: 'Send' }).boundingBox()),
  };
}

/** A screenshot kept in the test's output folder (test-results/), returning its path. */
async function shot(page: Page, path: string): Promise<string> {
  await page.screenshot({ path });
  return path;
}

for (const size of PHONES) {
  test(`a phone at ${size.width}×${size.height}: full screen, everything above the keyboard`, async ({ browser }, testInfo) => {
    const page = await phonePage(browser, size);
    try {
      await page.goto(`${HOST_URL}/`);
      await page.getByRole('button', { name: 'Open messenger' }).click();
      const frame = messenger(page);
      const box = frame.getByRole('textbox', { name: 'Message' });
      await expect(box).toBeVisible({ timeout: 20_000 });

      // Keyboard closed: the panel spans the screen's width and the space above the launcher strip.
      const closed = await visibleParts(page, frame);
      expect(closed.iframe.width).toBe(size.width);
      expect(closed.iframe.y).toBe(0);
      for (const part of [closed.header, closed.log, closed.composer, closed.send]) {
        expect(part).not.toBeNull();
        expect(part?.top).toBeGreaterThanOrEqual(0);
        expect(part?.bottom).toBeLessThanOrEqual(size.height);
      }
      expect(await (await messengerFrame(page)).evaluate(() => getComputedStyle(document.querySelector('textarea') as Element).fontSize)).toBe('16px');
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
      await testInfo.attach('keyboard closed', { path: await shot(page, testInfo.outputPath(`${size.width}x${size.height}-keyboard-closed.png`)), contentType: 'image/png' });

      // Keyboard open: the visible viewport loses KEYBOARD pixels; header, log and composer stay within it.
      await box.focus();
      const cdp = await page.context().newCDPSession(page);
      const visible = size.height - KEYBOARD;
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: size.width, height: visible, deviceScaleFactor: 2, mobile: true });
      await expect.poll(() => page.evaluate(() => window.visualViewport?.height)).toBe(visible);
      await expect.poll(async () => (await page.getByTitle('Messenger').boundingBox())?.height ?? 0).toBeLessThanOrEqual(visible);
      const open = await visibleParts(page, frame);
      for (const part of [open.header, open.log, open.composer, open.send]) {
        expect(part?.top).toBeGreaterThanOrEqual(0);
        expect(part?.bottom).toBeLessThanOrEqual(visible);
      }
      expect((open.log?.bottom ?? 0) - (open.log?.top ?? 0), 'some of the conversation still shows').toBeGreaterThan(40);
      // Through the same CDP session: Playwright's own screenshot would put its viewport back first.
      const { data } = (await cdp.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
      const openShot = testInfo.outputPath(`${size.width}x${size.height}-keyboard-open.png`);
      writeFileSync(openShot, Buffer.from(data, 'base64'));
      await testInfo.attach('keyboard open', { path: openShot, contentType: 'image/png' });

      // Closing gives the page its scrolling back.
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await page.getByRole('button', { name: 'Close messenger' }).click();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('visible');
    } finally {
      await page.context().close();
    }
  });
}
