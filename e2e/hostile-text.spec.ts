/**
 * Hostile strings stay inert text everywhere they are shown: in the messenger (on the customer's site) and in
 * the agents' desk. They go in as a visitor's messages (typed in the messenger), the visitor's name (`boot`),
 * an agent's public replies (desk UI and REST), and a ticket's subject, description and requester name (REST).
 */
import { expect, test, type Frame, type Page } from '@playwright/test';
import {
  FRONTDESK_URL,
  HOST_URL,
  bubblesWith,
  expectDelivered,
  failOnDialogs,
  kaiBubbles,
  messengerFrame,
  openMessenger,
  signInAgent,
  typeAndSend,
} from './support/frontdesk';

/** What a visitor types. Each would set `window.__pwned` (or open a dialog) if it ever became markup. */
const VISITOR_PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<a href="javascript:window.__pwned=1">click</a>',
  '"><svg onload=window.__pwned=1>',
] as const;
/** The visitor's name, passed by the host page with `Frontdesk('boot', { user })`. */
const VISITOR_NAME = '<img src=x onerror=alert(document.domain)>';
/** An agent's public reply written in the desk. */
const DESK_REPLY = '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe><b onmouseover=alert(1)>hi</b>';
/** An agent's public reply sent through the REST API. */
const API_REPLY = '<a href="javascript:alert(1)">agent link</a><script>window.__pwned=1</script>';
/** A ticket made with POST /api/tickets. */
const API_TICKET = {
  subject: '"><svg/onload=window.__pwned=1>Printer on fire',
  description: '<img src=x onerror="window.__pwned=1"> please <a href="javascript:window.__pwned=1">help</a>',
  requester: '<script>window.__pwned=1</script> Mallory',
};

/** Elements a payload would create if it were parsed as HTML. */
const INJECTED = 'script, img, svg, iframe, object, embed, b';

/**
 * Asserts that no payload ran and no javascript: link (or srcdoc frame) exists in a page or frame, and, when
 * `root` is given, that no element a payload would create exists under it.
 */
async function expectInert(target: Page | Frame, root: string | null, label: string): Promise<void> {
  const found = await target.evaluate(
    ({ root, injected }) => {
      const scope = root === null ? null : document.querySelector(root);
      return {
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        hasRoot: root === null || scope !== null,
        injected: scope ? Array.from(scope.querySelectorAll(injected)).map((el) => el.outerHTML) : [],
        jsLinks: Array.from(document.querySelectorAll('a[href], iframe[src], iframe[srcdoc]'))
          .filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? '') || el.hasAttribute('srcdoc'))
          .map((el) => el.outerHTML),
      };
    },
    { root, injected: INJECTED },
  );
  expect(found.hasRoot, `${label}: ${root} exists`).toBe(true);
  expect(found.pwned, `${label}: window.__pwned`).toBeUndefined();
  expect(found.injected, `${label}: elements made from text under ${root}`).toEqual([]);
  expect(found.jsLinks, `${label}: javascript: links`).toEqual([]);
}

test.describe('hostile text is rendered as inert text', () => {
  test('visitor messages, the visitor name and agent replies, in the messenger and the desk', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const hostDialogs = failOnDialogs(page);
    await page.goto(`${HOST_URL}/`);
    await expect(page.getByRole('button', { name: 'Open messenger' })).toBeVisible();
    // The visitor's name travels from the host page to the ticket's requester.
    await page.evaluate((name) => window.Frontdesk?.('boot', { user: { id: 'hostile-visitor-1', name } }), VISITOR_NAME);
    const frame = await openMessenger(page);
    const log = frame.getByRole('log');

    for (const [i, payload] of VISITOR_PAYLOADS.entries()) {
      await typeAndSend(frame, payload);
      await expectDelivered(frame, payload);
      await expect(kaiBubbles(frame)).toHaveCount(i + 1, { timeout: 15_000 }); // Kai answered it
    }
    for (const payload of VISITOR_PAYLOADS) await expect(log.getByText(payload, { exact: true })).toBeVisible();
    await expectInert(page, null, 'host page');
    await expectInert(await messengerFrame(page), '[role="log"]', 'messenger');

    // Hand off, so a ticket exists that agents can answer.
    await frame.getByRole('button', { name: 'Talk to a person' }).click();
    const banner = frame.getByText(/^Ticket #\d+$/);
    await expect(banner).toBeVisible({ timeout: 15_000 });
    const ticketNumber = Number((await banner.textContent())?.replace(/\D/g, ''));

    // The desk, as an agent in their own browser context.
    const agentContext = await browser.newContext({ baseURL: FRONTDESK_URL });
    try {
      const desk = await agentContext.newPage();
      const deskDialogs = failOnDialogs(desk);
      await signInAgent(agentContext.request);
      await desk.goto('/desk');
      const queue = desk.getByRole('region', { name: 'Queue' });
      // The handoff made the first meaningful visitor message the subject; the requester is the boot name.
      const row = queue.getByRole('listitem').filter({ has: desk.getByText(`#${ticketNumber}`, { exact: true }) });
      await expect(row.getByText(VISITOR_PAYLOADS[0], { exact: true })).toBeVisible();
      await expect(row.getByText(VISITOR_NAME, { exact: true })).toBeVisible();
      await row.getByRole('link').click();

      const ticket = desk.getByRole('region', { name: 'Ticket' });
      await expect(ticket.getByRole('heading', { level: 2 })).toHaveText(`#${ticketNumber} ${VISITOR_PAYLOADS[0]}`);
      const handoff = ticket.getByRole('region', { name: 'Handoff summary' });
      await expect(handoff).toBeVisible();
      // Kai's summary of the problem quotes the visitor's words, as text.
      for (const payload of VISITOR_PAYLOADS) await expect(handoff).toContainText(payload);
      await expect(ticket.getByRole('region', { name: 'Requester details' }).getByText(VISITOR_NAME, { exact: true })).toBeVisible();
      const deskLog = ticket.getByRole('log');
      for (const payload of VISITOR_PAYLOADS) await expect(deskLog.getByText(payload, { exact: true })).toHaveCount(1);
      // The visitor's name is the author of their messages in the desk.
      await expect(deskLog.getByText(VISITOR_NAME, { exact: true }).first()).toBeVisible();

      // A public reply typed in the desk.
      await ticket.getByRole('textbox', { name: 'Reply' }).fill(DESK_REPLY);
      await ticket.getByRole('button', { name: 'Send reply' }).click();
      await expect(deskLog.getByText(DESK_REPLY, { exact: true })).toHaveCount(1);

      // A public reply through the REST API.
      const list = await agentContext.request.get('/api/tickets', { params: { limit: 200 } });
      expect(list.ok()).toBe(true);
      const { tickets } = (await list.json()) as { tickets: { id: string; number: number }[] };
      const ticketId = tickets.find((t) => t.number === ticketNumber)?.id;
      expect(ticketId, `ticket #${ticketNumber} in GET /api/tickets`).toBeTruthy();
      const reply = await agentContext.request.post(`/api/tickets/${ticketId}/messages`, { data: { body: API_REPLY } });
      expect(reply.status(), await reply.text()).toBe(201);
      await expect(deskLog.getByText(API_REPLY, { exact: true })).toHaveCount(1);

      // The messenger shows both replies as text.
      await expect(log.getByText(DESK_REPLY, { exact: true })).toBeVisible();
      await expect(log.getByText(API_REPLY, { exact: true })).toBeVisible();
      await expect(bubblesWith(frame, DESK_REPLY)).toHaveCount(1);
      await expect(bubblesWith(frame, API_REPLY)).toHaveCount(1);
      for (const payload of VISITOR_PAYLOADS) await expect(log.getByText(payload, { exact: true })).toHaveCount(1);

      // Hovering the would-be <b onmouseover> text does nothing either.
      await log.getByText(DESK_REPLY, { exact: true }).hover();
      await deskLog.getByText(DESK_REPLY, { exact: true }).hover();

      await expectInert(page, null, 'host page');
      await expectInert(await messengerFrame(page), '[role="log"]', 'messenger');
      await expectInert(desk, '#desk', 'desk');
      expect(deskDialogs, 'dialogs in the desk').toEqual([]);
    } finally {
      await agentContext.close();
    }
    expect(hostDialogs, 'dialogs on the host page or in the messenger').toEqual([]);
  });

  test('a ticket subject, description and requester name made through the API, in the desk', async ({ page }) => {
    const dialogs = failOnDialogs(page);
    await signInAgent(page.request);
    const created = await page.request.post('/api/tickets', {
      data: { subject: API_TICKET.subject, description: API_TICKET.description, channel: 'phone', requester: { name: API_TICKET.requester } },
    });
    expect(created.status(), await created.text()).toBe(201);
    const ticket = (await created.json()) as { id: string; number: number; subject: string; requester: { name: string | null } };
    expect(ticket.subject).toBe(API_TICKET.subject); // stored as written, not "sanitised" into something else
    expect(ticket.requester.name).toBe(API_TICKET.requester);

    await page.goto('/desk');
    const queue = page.getByRole('region', { name: 'Queue' });
    const row = queue.getByRole('listitem').filter({ has: page.getByText(`#${ticket.number}`, { exact: true }) });
    await expect(row.getByText(API_TICKET.subject, { exact: true })).toBeVisible();
    await expect(row.getByText(API_TICKET.requester, { exact: true })).toBeVisible();
    await expectInert(page, '#desk', 'desk queue');

    await row.getByRole('link').click();
    const pane = page.getByRole('region', { name: 'Ticket' });
    await expect(pane.getByRole('heading', { level: 2 })).toHaveText(`#${ticket.number} ${API_TICKET.subject}`);
    await expect(pane.getByRole('region', { name: 'Requester details' }).getByText(API_TICKET.requester, { exact: true })).toBeVisible();
    // The description is the customer's first message of the ticket's conversation; the requester its author.
    const log = pane.getByRole('log');
    await expect(log.getByText(API_TICKET.description, { exact: true })).toBeVisible();
    await expect(log.getByText(API_TICKET.requester, { exact: true })).toBeVisible();
    await expectInert(page, '#desk', 'desk ticket view');

    // After a reload the desk renders the same data from GET /api/tickets/:id: still text.
    await page.reload();
    await expect(page.getByRole('region', { name: 'Ticket' }).getByRole('heading', { level: 2 })).toHaveText(`#${ticket.number} ${API_TICKET.subject}`);
    await expectInert(page, '#desk', 'desk after reload');
    expect(dialogs, 'dialogs in the desk').toEqual([]);
  });
});
