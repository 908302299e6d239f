/**
 * What the messenger promises, on a frozen server clock. The server starts at a chosen instant
 * (`FRONTDESK_CLOCK`, then runs on at the real pace) and the browser sits in a chosen time zone (the
 * messenger reports it with the session), so the availability line and the handoff promise are exact:
 *
 * - Saturday 17 Jan 2026, 12:00 UTC, nobody is open. In London the UK team opens Monday 09:00 local time.
 *   From Chicago (home centre US) routing takes the centre that opens next (README, Support operations): Monday 19 Jan is
 *   Martin Luther King Jr. Day, a US federal holiday, and the UK opens first anyway (09:00 UTC = 03:00 CST).
 * - Tuesday 13 Jan 2026, 15:00 UTC = 10:00 in New York: the US team is in. A handoff promises a reply by the
 *   ticket's first-response deadline, in New York time.
 *
 * Each instant is well inside an hour (and a day), so the running clock cannot roll the texts over.
 * This spec runs its own Frontdesk servers on ports 3331 and 3332.
 */
import { expect, request as playwrightRequest, test, type Browser, type BrowserContext, type FrameLocator } from '@playwright/test';
import { HOST_URL, expectDelivered, openMessenger, signInAgent, typeAndSend } from './support/frontdesk';
import { FrontdeskProcess } from './support/server-process';

const KAI_HINT = 'Kai can help straight away, and a person will follow up on anything Kai can’t solve.';

type Spawned = Pick<FrontdeskProcess, 'url' | 'dispose'>;

/** Starts a Frontdesk server on `port` with a fresh SQLite file and its clock starting at `clock`. */
async function startServer(port: number, clock: string): Promise<Spawned> {
  const server = new FrontdeskProcess(port, { FRONTDESK_CLOCK: clock });
  try {
    await server.start();
  } catch (err) {
    await server.dispose();
    throw err;
  }
  return server;
}

/** A browser context in `timezoneId` whose page shows the customer's site pointed at `server`. */
async function openIn(browser: Browser, server: Spawned, timezoneId: string): Promise<{ context: BrowserContext; frame: FrameLocator }> {
  const context = await browser.newContext({ timezoneId, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${HOST_URL}/?frontdesk=${encodeURIComponent(server.url)}`);
  const frame = await openMessenger(page);
  // The messenger reports the zone it runs in; make sure the browser really is there.
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
  return { context, frame };
}

/** "14:30" for an instant in a zone (24-hour clock, as the server writes it). */
function hhmm(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

test.describe('the messenger’s availability on a Saturday (FRONTDESK_CLOCK 2026-01-17T12:00:00Z)', () => {
  let server: Spawned | null = null;
  test.beforeAll(async () => {
    server = await startServer(3331, '2026-01-17T12:00:00Z');
  });
  test.afterAll(async () => {
    await server?.dispose();
  });

  test('from London: offline now, the UK team opens Monday at 09:00 the visitor’s time', async ({ browser }) => {
    const { context, frame } = await openIn(browser, server!, 'Europe/London');
    try {
      const note = frame.getByRole('note');
      await expect(note).toHaveText(`Our team is offline right now. Our UK team opens at Mon 19 Jan, 09:00 your time. ${KAI_HINT}`);
      await expect(note).toHaveAttribute('data-state', 'offline');
      // Said before the visitor asks anything: the log holds only the greeting.
      await expect(frame.getByRole('log').getByText('You', { exact: true })).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  test('from Chicago: the team that opens next (UK) and its opening in Chicago time', async ({ browser }) => {
    const { context, frame } = await openIn(browser, server!, 'America/Chicago');
    try {
      const note = frame.getByRole('note');
      // 09:00 UTC on Monday 19 Jan is 03:00 in Chicago (CST, UTC−6); the US centre is closed that day (MLK Day).
      await expect(note).toHaveText(`Our team is offline right now. Our UK team opens at Mon 19 Jan, 03:00 your time. ${KAI_HINT}`);
      await expect(note).toHaveAttribute('data-state', 'offline');
      await expect(note).not.toContainText('US team');
    } finally {
      await context.close();
    }
  });
});

test.describe('the handoff promise on a Tuesday morning in New York (FRONTDESK_CLOCK 2026-01-13T15:00:00Z)', () => {
  let server: Spawned | null = null;
  test.beforeAll(async () => {
    server = await startServer(3332, '2026-01-13T15:00:00Z');
  });
  test.afterAll(async () => {
    await server?.dispose();
  });

  test('the US team is online; a handoff promises a reply by the first-response deadline in New York time', async ({ browser }) => {
    test.setTimeout(90_000);
    const zone = 'America/New_York';
    const { context, frame } = await openIn(browser, server!, zone);
    const agent = await playwrightRequest.newContext({ baseURL: server!.url });
    try {
      const note = frame.getByRole('note');
      await expect(note).toHaveText('Our US team is online now.');
      await expect(note).toHaveAttribute('data-state', 'online');

      const problem = 'Our whole team is locked out after the SSO change, nobody can log in';
      await typeAndSend(frame, problem);
      await expectDelivered(frame, problem);
      await frame.getByRole('button', { name: 'Talk to a person' }).click();

      // The banner: the ticket number and the promise; the availability note has made way for it.
      const banner = frame.getByText(/^Ticket #\d+$/);
      await expect(banner).toBeVisible({ timeout: 15_000 });
      const number = Number((await banner.textContent())!.replace(/\D/g, ''));
      await expect(note).toHaveCount(0);
      const promise = frame.locator('.fd-banner').getByText(/^Our US team is in now and will reply by .+ your time\.$/);
      await expect(promise).toBeVisible();
      // Kai says it too, with the ticket number.
      await expect(frame.getByRole('log').getByText(new RegExp(`ticket #${number}\\b`))).toBeVisible();

      // The promise's time is the ticket's first-response deadline in New York time.
      await signInAgent(agent);
      const list = (await (await agent.get('/api/tickets?centre=us')).json()) as { tickets: { id: string; number: number }[] };
      const id = list.tickets.find((t) => t.number === number)?.id;
      expect(id, `ticket #${number} in GET /api/tickets?centre=us`).toBeTruthy();
      const response = await agent.get(`/api/tickets/${id}`);
      expect(response.status()).toBe(200);
      const ticket = (await response.json()) as { centre: string; receivedAt: string; firstResponseDueAt: string | null };
      expect(ticket.centre).toBe('us');
      expect(ticket.receivedAt.startsWith('2026-01-13T15:')).toBe(true);
      expect(ticket.firstResponseDueAt).toBeTruthy();
      const due = ticket.firstResponseDueAt!;
      const sameDay = new Date(due).toLocaleDateString('en-CA', { timeZone: zone }) === '2026-01-13';
      const when = sameDay
        ? hhmm(due, zone)
        : new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(due));
      await expect(promise).toHaveText(`Our US team is in now and will reply by ${when} your time.`);
    } finally {
      await agent.dispose();
      await context.close();
    }
  });
});
