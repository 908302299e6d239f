/**
 * Embedding on a customer's site (README, Embedding the messenger; widget/README.md): the loader leaves no trace until the visitor
 * opens the messenger, the `Frontdesk(...)` queue works before the script has loaded, the widget works under a
 * strict CSP without violations, and the messenger page may be framed only by the site's allowed origins.
 */
import { createServer } from 'node:http';
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { FRONTDESK_URL, HOST_URL, kaiBubbles, messenger, messengerFrame, openMessenger, typeAndSend, expectDelivered } from './support/frontdesk';

declare global {
  interface Window {
    __frontdeskEvents?: string[];
    __cspViolations?: string[];
  }
}

/** A bare page on http://host:port/ that frames the messenger directly, naming its own origin. */
async function embeddingSite(host: string, port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const origin = `http://${host}:${port}`;
  const html = `<!doctype html><html lang="en"><title>Another site</title><iframe title="Messenger" src="${FRONTDESK_URL}/messenger?site=demo&amp;origin=${encodeURIComponent(origin)}"></iframe></html>`;
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { url: `${origin}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Host-page storage, as the page itself sees it. */
async function hostStorage(page: Page): Promise<{ local: string[]; session: string[]; cookie: string }> {
  return page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookie: document.cookie }));
}

test.describe('embedding the messenger on a customer site', () => {
  test('nothing is written and no iframe exists until the visitor opens it; the launcher names its state', async ({ page, context }) => {
    const frontdeskRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(FRONTDESK_URL)) frontdeskRequests.push(new URL(r.url()).pathname);
    });
    await page.goto(`${HOST_URL}/`);
    const launcher = page.getByRole('button', { name: 'Open messenger' });
    await expect(launcher).toBeVisible();
    await expect(launcher).toHaveAttribute('aria-expanded', 'false');

    // Before opening: no iframe, no cookie on either origin, no storage on the host page.
    await expect(page.locator('iframe')).toHaveCount(0);
    expect(await context.cookies()).toEqual([]);
    expect(await context.cookies([HOST_URL, FRONTDESK_URL])).toEqual([]);
    expect(await hostStorage(page)).toEqual({ local: [], session: [], cookie: '' });
    // Only the loader, the site's look and (on idle) the loader's second part were fetched: code, no state;
    // no messenger page, session or socket yet.
    await expect.poll(() => frontdeskRequests.includes('/widget-app.js')).toBe(true);
    expect(frontdeskRequests.sort()).toEqual(['/api/widget/sites/demo', '/widget-app.js', '/widget.js']);

    // Open: the same control is now "Close messenger" and the iframe exists.
    await launcher.click();
    const close = page.getByRole('button', { name: 'Close messenger' });
    await expect(close).toBeVisible();
    await expect(close).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('button', { name: 'Open messenger' })).toHaveCount(0);
    await expect(page.locator('iframe')).toHaveCount(1);
    const frame = messenger(page);
    await expect(frame.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 20_000 });

    // Close: back to "Open messenger", the messenger hidden (kept for the next open).
    await close.click();
    await expect(page.getByRole('button', { name: 'Open messenger' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Close messenger' })).toHaveCount(0);
    await expect(page.getByTitle('Messenger')).toBeHidden();
    await page.getByRole('button', { name: 'Open messenger' }).click();
    await expect(page.getByRole('button', { name: 'Close messenger' })).toBeVisible();
    await expect(page.getByTitle('Messenger')).toBeVisible();
    await expect(page.locator('iframe')).toHaveCount(1);

    // Minimising from inside the messenger closes it through the loader too.
    await frame.getByRole('button', { name: 'Minimise messenger' }).click();
    await expect(page.getByRole('button', { name: 'Open messenger' })).toBeVisible();
    await expect(page.getByTitle('Messenger')).toBeHidden();

    // The loader never writes to the host page's storage, not even after the messenger ran.
    expect(await hostStorage(page)).toEqual({ local: [], session: [], cookie: '' });
    expect((await context.cookies(HOST_URL)).map((c) => c.name)).toEqual([]);
  });

  test('Frontdesk(...) calls queued before the script loads work: on(open), showNewMessage, close', async ({ page }) => {
    // Runs before any script of the page: the documented stub, then handlers registered while nothing is loaded.
    await page.addInitScript(() => {
      if (window.parent !== window) return; // the messenger iframe gets init scripts too
      const events: string[] = [];
      window.__frontdeskEvents = events;
      const stub = function (...args: unknown[]): void {
        (stub.q = stub.q || []).push(args);
      } as ((...args: unknown[]) => void) & { q?: unknown[][] };
      window.Frontdesk = stub;
      const record = (name: string) => (payload?: unknown) => events.push(payload === undefined ? name : `${name}:${JSON.stringify(payload)}`);
      stub('on', 'ready', record('ready'));
      stub('on', 'open', record('open'));
      stub('on', 'close', record('close'));
      events.push(`queued ${stub.q?.length ?? 0} calls before load`);
    });
    await page.goto(`${HOST_URL}/`);
    await expect(page.getByRole('button', { name: 'Open messenger' })).toBeVisible();
    const events = () => page.evaluate(() => window.__frontdeskEvents ?? []);
    // The stub was replaced by the loader, which ran the queued `on` calls.
    expect(await page.evaluate(() => window.Frontdesk?.loaded === true)).toBe(true);
    await expect.poll(events).toEqual(['queued 3 calls before load', 'ready']);

    // showNewMessage opens the messenger with the text in the composer.
    await page.evaluate(() => window.Frontdesk?.('showNewMessage', 'prefilled text'));
    await expect(page.getByRole('button', { name: 'Close messenger' })).toBeVisible();
    const frame = messenger(page);
    await expect(frame.getByRole('textbox', { name: 'Message' })).toHaveValue('prefilled text', { timeout: 20_000 });
    await expect.poll(events).toEqual(['queued 3 calls before load', 'ready', 'open']);

    // close closes it.
    await page.evaluate(() => window.Frontdesk?.('close'));
    await expect(page.getByRole('button', { name: 'Open messenger' })).toBeVisible();
    await expect(page.getByTitle('Messenger')).toBeHidden();
    await expect.poll(events).toEqual(['queued 3 calls before load', 'ready', 'open', 'close']);

    // The visitor's own click fires the same handler; the prefilled draft is still there.
    await page.getByRole('button', { name: 'Open messenger' }).click();
    await expect(frame.getByRole('textbox', { name: 'Message' })).toHaveValue('prefilled text');
    await expect.poll(events).toEqual(['queued 3 calls before load', 'ready', 'open', 'close', 'open']);
  });

  test('works under the host page’s strict CSP without any violation', async ({ page }) => {
    test.setTimeout(90_000);
    const cspConsole: string[] = [];
    const onConsole = (message: ConsoleMessage): void => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspConsole.push(message.text());
    };
    page.on('console', onConsole);
    // Every frame (host page and messenger) records violations as the browser reports them.
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const response = await page.goto(`${HOST_URL}/strict`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");

    const frame = await openMessenger(page);
    const question = 'How do I reset my password?';
    await typeAndSend(frame, question);
    await expectDelivered(frame, question);
    await expect(kaiBubbles(frame)).toHaveCount(1, { timeout: 15_000 });
    await expect(kaiBubbles(frame).getByRole('paragraph').first()).not.toBeEmpty();

    const messengerViolations = await (await messengerFrame(page)).evaluate(() => window.__cspViolations);
    expect(messengerViolations, 'the messenger frame listened for violations').toBeDefined();
    expect(messengerViolations, 'CSP violations in the messenger').toEqual([]);
    expect(await page.evaluate(() => window.__cspViolations), 'CSP violations on the host page').toEqual([]);
    expect(cspConsole, 'CSP errors in the console').toEqual([]);

    // Control: the detectors do see a violation when there is one (an image from another origin).
    await page.evaluate(() => {
      new Image().src = 'http://127.0.0.1:9/csp-control.png';
    });
    await expect.poll(() => page.evaluate(() => window.__cspViolations)).toEqual(['img-src http://127.0.0.1:9/csp-control.png']);
    await expect.poll(() => cspConsole.length).toBe(1);
    expect(cspConsole[0]).toContain('csp-control.png');
  });

  test('the messenger page may be framed only by the site’s allowed origins', async ({ page, request }) => {
    const response = await request.get('/messenger?site=demo');
    expect(response.status()).toBe(200);
    const csp = response.headers()['content-security-policy'] ?? '';
    const frameAncestors = csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find(([name]) => name === 'frame-ancestors');
    expect(frameAncestors, `frame-ancestors in ${csp}`).toBeDefined();
    const sources = frameAncestors!.slice(1);
    expect(sources).toContain('http://localhost:*');
    expect(sources).not.toContain('*');
    for (const source of sources) expect(source, 'no scheme-only or wildcard-host source').toMatch(/^(https?:\/\/[^*/]+(:\*|:\d+)?|'self'|'none')$/);

    // In a browser: the same embedding HTML is framed on an allowed origin and refused on another one. Both
    // pages are real loopback servers (a route-fulfilled page would be stopped by Local Network Access checks
    // instead, whatever the CSP says): 127.0.0.1:* is allowed for the demo site, 127.0.0.2 is not.
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors/i.test(m.text())) refused.push(m.text());
    });
    const blocked: string[] = [];
    page.on('requestfailed', (r) => {
      if (r.url().startsWith(`${FRONTDESK_URL}/messenger`)) blocked.push(r.failure()?.errorText ?? '');
    });
    const allowed = await embeddingSite('127.0.0.1', 3222);
    const other = await embeddingSite('127.0.0.2', 3223);
    try {
      await page.goto(allowed.url);
      await expect(messenger(page).getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 20_000 });
      await expect(messenger(page).getByRole('log')).toBeVisible();
      expect(refused).toEqual([]);
      expect(blocked).toEqual([]);

      await page.goto(other.url);
      await expect.poll(() => refused.length, { timeout: 15_000 }).toBeGreaterThan(0);
      expect(refused[0]).toContain("Framing 'http://127.0.0.1");
      await expect.poll(() => blocked, { timeout: 15_000 }).toEqual(['net::ERR_BLOCKED_BY_RESPONSE']);
      await expect(messenger(page).getByRole('textbox', { name: 'Message' })).toHaveCount(0);
      await expect(messenger(page).getByRole('log')).toHaveCount(0);
    } finally {
      await Promise.all([allowed.close(), other.close()]);
    }
  });
});
