/**
 * Help articles in the messenger, in Chromium on a customer's site (another origin): on a billing page the
 * panel suggests the billing article; a search finds others; an article opens inside the messenger as text; and
 * "This didn’t help" goes back to the chat with the question started for Kai, who answers, with "Talk to a
 * person" at hand to hand off to the team.
 */
import { expect, test } from '@playwright/test';
import { HOST_URL, failOnDialogs, kaiBubbles, openMessenger } from './support/frontdesk';

/** A page of the customer's site at `/pages/billing-invoices` embedding the widget with the documented snippet. */
const BILLING_PAGE = (frontdesk: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Billing: invoices</title></head><body>
<h1>Your invoices</h1>
<script>window.Frontdesk=window.Frontdesk||function(){(Frontdesk.q=Frontdesk.q||[]).push(arguments)};Frontdesk('boot',{});</script>
<script async src="${frontdesk}/widget.js" data-site="demo"></script>
</body></html>`;

test('search the knowledge base, read an article in the messenger, and “This didn’t help” leads to Kai or a person', async ({ page, request, baseURL }) => {
  const dialogs = failOnDialogs(page);
  const put = await request.put(`${HOST_URL}/pages/billing-invoices`, { data: BILLING_PAGE(baseURL!), headers: { 'content-type': 'text/html' } });
  expect(put.status()).toBe(204);
  await page.goto(`${HOST_URL}/pages/billing-invoices`);
  const frame = await openMessenger(page);

  // Suggestions for the page the visitor is on (its path, never the query).
  await frame.getByRole('button', { name: 'Help articles' }).click();
  const panel = frame.getByRole('region', { name: 'Help articles' });
  await expect(panel.getByRole('heading', { name: 'Suggested for this page' })).toBeVisible();
  await expect(panel.getByRole('button', { name: /Invoices, VAT and sales tax/ })).toBeVisible();
  // The chat is hidden meanwhile, not gone.
  await expect(frame.getByRole('textbox', { name: 'Message' })).toBeHidden();

  // A search over the site's knowledge base replaces the suggestions.
  await panel.getByRole('searchbox', { name: 'Search help articles' }).fill('lost phone two-factor');
  await expect(panel.getByRole('heading', { name: 'Suggested for this page' })).toHaveCount(0);
  const hit = panel.getByRole('button', { name: /Lost your two-factor authentication device/ });
  await expect(hit).toBeVisible();
  await panel.getByRole('searchbox', { name: 'Search help articles' }).fill('zzqxwv');
  await expect(panel.getByText('No article matches.')).toBeVisible();
  await panel.getByRole('searchbox', { name: 'Search help articles' }).fill('lost phone two-factor');
  await hit.click();

  // The article, inside the messenger, as text: its headings and paragraphs, and no link or image made from it.
  const article = frame.getByRole('article', { name: 'Lost your two-factor authentication device' });
  await expect(article.getByRole('heading', { name: 'Lost your two-factor authentication device', level: 2 })).toBeVisible();
  await expect(article.getByText(/^Updated /)).toBeVisible();
  expect(await article.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(0);
  await expect(article.locator('a, img, script')).toHaveCount(0);
  await article.getByRole('button', { name: 'Back to articles' }).click();
  await expect(hit).toBeVisible();
  await hit.click();

  // "This didn't help": back in the chat with the question started for Kai.
  await article.getByRole('button', { name: 'This didn’t help' }).click();
  const box = frame.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeVisible();
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('Lost your two-factor authentication device: ');
  await box.press('End');
  await box.pressSequentially('my backup codes are gone too');
  await frame.getByRole('button', { name: 'Send' }).click();
  await expect(box).toHaveValue('');
  const log = frame.getByRole('log');
  await expect(log.getByText('Lost your two-factor authentication device: my backup codes are gone too', { exact: true })).toBeVisible();
  // Kai answers the question (the greeting shows only while the log is empty, so this is the answer)…
  await expect(kaiBubbles(frame)).toHaveCount(1, { timeout: 20_000 });
  // …and a person is one press away.
  await frame.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(log.getByText(/passed this to our support team as ticket #\d+/)).toBeVisible({ timeout: 20_000 });
  await expect(frame.getByRole('button', { name: 'Talk to a person' })).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(page.url()).toBe(`${HOST_URL}/pages/billing-invoices`);
});
