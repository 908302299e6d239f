/**
 * The server dies mid-conversation (SIGKILL). The messenger shows the next message as pending and itself as
 * reconnecting, reconnects by itself when the server is back (same port, same database), and delivers the
 * pending message exactly once, without a page reload. The server stored it exactly once, too.
 *
 * This spec runs its own Frontdesk server on port 3221 (playwright.config.ts's server cannot be killed).
 */
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
import { FrontdeskProcess } from './support/server-process';

const PORT = 3221;
const SERVER_URL = `http://127.0.0.1:${PORT}`;
const FIRST = 'How do I reset my password?';
const SECOND = 'What are your support hours? (sent while the server was down)';
const frontdesk = new FrontdeskProcess(PORT);

test.describe('reconnect after the server is killed', () => {
  test.beforeAll(() => frontdesk.start());
  test.afterAll(() => frontdesk.dispose());

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
    await frontdesk.stop('SIGKILL');
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
    await frontdesk.start();
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
