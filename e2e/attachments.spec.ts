/**
 * Files in chat, in real Chromium: after a handoff the visitor pastes a screenshot (a real PNG, Chromium's own)
 * into the messenger on the host page; the agent sees it in the desk ticket as a thumbnail. The agent attaches a
 * file to a reply in the desk; the visitor sees it and downloads the same bytes. A file over the site's limit is
 * refused in the messenger, with the reason, before a byte is uploaded. The desk's customer context shows the page
 * the visitor was on (its address and title) and the attributes the site passed with `Frontdesk('update')`.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { HOST_URL, messengerFrame, openMessenger, signInAgent, typeAndSend } from './support/frontdesk';

const LIMIT = 1024 * 1024;

test('a pasted screenshot reaches the agent, the agent’s file reaches the visitor, a file over the limit is refused first', async ({ page, browser }) => {
  const agent = await browser.newContext();
  await signInAgent(agent.request);
  const before = (await (await agent.request.get('/api/sites/demo')).json()) as { attachments: { maxBytes: number; types: string[] } };
  const limit = await agent.request.patch('/api/sites/demo', { data: { attachments: { maxBytes: LIMIT } } });
  expect(limit.status(), await limit.text()).toBe(200);
  try {
    // The messenger is told the limit with its session.
    await expect.poll(async () => ((await (await agent.request.get('/api/widget/sites/demo')).json()) as { attachments?: { maxBytes: number } }).attachments?.maxBytes).toBe(LIMIT);

    await page.goto(HOST_URL);
    // The host page says who the visitor is in its own terms (plain, unverified attributes).
    await page.evaluate(() => (window as unknown as { Frontdesk: (...args: unknown[]) => void }).Frontdesk('update', { attributes: { plan: 'pro', seats: 12 } }));
    const screenshot = await page.screenshot({ type: 'png' });
    expect(screenshot.subarray(1, 4).toString()).toBe('PNG');
    const messenger = await openMessenger(page);
    const log = messenger.getByRole('log');
    // Files go to a person: the button shows once the conversation has a ticket.
    await expect(messenger.getByRole('button', { name: 'Attach a file' })).toHaveCount(0);
    await typeAndSend(messenger, 'The chart on my dashboard looks broken');
    await messenger.getByRole('button', { name: 'Talk to a person' }).click();
    const notice = log.getByText(/as ticket #(\d+)/);
    await expect(notice).toBeVisible();
    const number = Number((await notice.textContent())!.match(/#(\d+)/)![1]);
    const list = (await (await agent.request.get('/api/tickets', { params: { limit: 200 } })).json()) as { tickets: { id: string; number: number }[] };
    const ticketId = list.tickets.find((t) => t.number === number)!.id;
    const filesOnTicket = async () => ((await (await agent.request.get(`/api/tickets/${ticketId}`)).json()) as { attachments: { filename: string }[] }).attachments;

    // Too big: refused in the messenger, with the limit, and nothing reaches the server.
    const attach = messenger.getByRole('button', { name: 'Attach a file' });
    const chooser = page.waitForEvent('filechooser');
    await attach.click();
    await expect(messenger.getByText('Files up to 1 MB: PNG, JPEG, GIF, WEBP, PDF, TXT')).toBeVisible();
    await (await chooser).setFiles({ name: 'huge-log.txt', mimeType: 'text/plain', buffer: Buffer.alloc(LIMIT + 1, 'a') });
    await expect(messenger.getByRole('alert')).toHaveText(/^huge-log\.txt is larger than 1 MB, the limit\. It was not sent\./);
    expect(await filesOnTicket()).toEqual([]);
    expect(await seriousViolations(await messengerFrame(page))).toEqual([]);
    await messenger.getByRole('button', { name: 'Dismiss' }).click();

    // A screenshot pasted into the composer, as Chromium's clipboard hands an image over.
    await messenger.getByRole('textbox', { name: 'Message' }).evaluate((box, base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, screenshot.toString('base64'));
    await expect(log.getByRole('button', { name: 'Download screenshot.png' })).toHaveCount(1);
    // The bubble (its list of files is a list in it).
    const sent = log.getByRole('listitem').filter({ has: messenger.getByRole('button', { name: 'Download screenshot.png' }) }).first();
    // The thumbnail shows once the server's checked bytes come back.
    const thumb = sent.getByRole('img', { name: 'screenshot.png' });
    await expect(thumb).toBeVisible();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe((await page.viewportSize())!.width);
    expect(await filesOnTicket()).toMatchObject([{ filename: 'screenshot.png' }]);

    // The agent sees it in the desk ticket as a thumbnail, and answers with a file.
    const desk = await agent.newPage();
    await desk.goto(`/desk#/tickets/${ticketId}`);
    const context = desk.getByRole('region', { name: 'Customer context' });
    await expect(context.getByRole('link', { name: 'Acme Widgets: customer site' })).toHaveAttribute('href', `${HOST_URL}/`);
    await expect(context.getByRole('definition').filter({ hasText: /^pro \(unverified\)$/ })).toBeVisible();
    await expect(context.getByRole('term').filter({ hasText: /^plan$/ })).toBeVisible();
    await expect(context.getByRole('definition').filter({ hasText: /^12 \(unverified\)$/ })).toBeVisible();
    const deskThumb = desk.getByRole('img', { name: 'screenshot.png' });
    await expect(deskThumb).toBeVisible();
    await expect.poll(() => deskThumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const answer = Buffer.from('Steps to fix the chart:\n1. Clear the cache.\n2. Reload the dashboard.\n');
    await desk.getByLabel('Attach file').setInputFiles({ name: 'fix-steps.txt', mimeType: 'text/plain', buffer: answer });
    await expect(desk.getByRole('list', { name: 'Files to send' })).toContainText('fix-steps.txt');
    await desk.getByLabel('Reply').fill('Here is how to fix it.');
    await desk.getByRole('button', { name: 'Send reply' }).click();

    // The visitor sees the agent's file and downloads the same bytes.
    const reply = log.getByRole('listitem').filter({ hasText: 'Here is how to fix it.' }).first();
    await expect(reply).toBeVisible();
    const download = page.waitForEvent('download');
    await reply.getByRole('button', { name: 'Download fix-steps.txt' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('fix-steps.txt');
    expect(readFileSync((await file.path())!)).toEqual(answer);
    await expect(reply.getByRole('img')).toHaveCount(0); // not an image: a download only
  } finally {
    await agent.request.patch('/api/sites/demo', { data: { attachments: before.attachments } });
    await agent.close();
  }
});
