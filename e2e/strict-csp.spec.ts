/**
 * A host page with the strictest CSP the README documents: `script-src 'nonce-…' {PUBLIC_URL}; style-src 'self';
 * frame-src {PUBLIC_URL}; connect-src {PUBLIC_URL}`, no 'unsafe-inline' anywhere, the queue stub carrying the
 * nonce. The widget must load, open, talk to Kai and show Kai's answer without a single CSP violation, in both
 * themes and in Arabic (right to left). Any violation report fails the test, in the page or in the messenger.
 */
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { HOST_URL, kaiBubbles, messenger, messengerFrame } from './support/frontdesk';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Collects CSP errors from the console of every frame, and `securitypolicyviolation` events in the messenger. */
function watchCsp(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}

const CASES = [
  { theme: 'light', language: 'en', message: 'Message', send: 'Send', dir: 'ltr', scheme: 'light' },
  { theme: 'dark', language: 'en', message: 'Message', send: 'Send', dir: 'ltr', scheme: 'dark' },
  { theme: 'dark', language: 'ar', message: 'الرسالة', send: 'إرسال', dir: 'rtl', scheme: 'dark' },
  { theme: 'light', language: 'ar', message: 'الرسالة', send: 'إرسال', dir: 'rtl', scheme: 'light' },
];

test.describe('a host page with a strict, nonce-based CSP', () => {
  for (const c of CASES) {
    test(`works without a violation: ${c.theme} theme, ${c.language}`, async ({ page }) => {
      test.setTimeout(90_000);
      const consoleErrors = watchCsp(page);
      // The messenger frame reports its own violations (its page has its own CSP).
      await page.addInitScript(() => {
        if (window.top === window) return; // the host page records its own, by nonce, before the widget loads
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const response = await page.goto(`${HOST_URL}/nonce?theme=${c.theme}&language=${c.language}`);
      const csp = response?.headers()['content-security-policy'] ?? '';
      expect(csp).toMatch(/^script-src 'nonce-[^']+' http:\/\/127\.0\.0\.1:\d+; style-src 'self'; frame-src \S+; connect-src \S+$/);
      expect(csp).not.toContain('unsafe-inline');

      await page.getByRole('button', { name: 'Open messenger' }).click();
      const frame = messenger(page);
      const box = frame.getByRole('textbox', { name: c.message });
      await expect(box).toBeVisible({ timeout: 20_000 });
      await box.fill('How do I reset my password?');
      await frame.getByRole('button', { name: c.send }).click();
      await expect(kaiBubbles(frame)).toHaveCount(1, { timeout: 20_000 });

      const inFrame = await messengerFrame(page);
      const look = await inFrame.evaluate(() => ({
        dir: document.documentElement.dir,
        lang: document.documentElement.lang,
        scheme: getComputedStyle(document.documentElement).colorScheme,
        violations: window.__cspViolations,
      }));
      expect(look.dir).toBe(c.dir);
      expect(look.lang).toBe(c.language);
      expect(look.scheme).toBe(c.scheme);
      expect(look.violations, 'the messenger listened for violations').toEqual([]);
      expect(await page.evaluate(() => window.__cspViolations), 'violations on the host page').toEqual([]);
      expect(consoleErrors, 'CSP errors in the console').toEqual([]);
    });
  }

  test('the detectors do see a violation when there is one', async ({ page }) => {
    const consoleErrors = watchCsp(page);
    await page.goto(`${HOST_URL}/nonce`);
    await expect(page.getByRole('button', { name: 'Open messenger' })).toBeVisible();
    // An inline style attribute: refused by style-src 'self'.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color:red">x</p>'));
    await expect.poll(() => page.evaluate(() => window.__cspViolations?.length)).toBe(1);
    await expect.poll(() => consoleErrors.length).toBeGreaterThan(0);
  });
});
