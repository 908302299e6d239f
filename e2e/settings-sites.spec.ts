/**
 * A site owner's first steps in the settings area, in Chromium: create a site for a page on another origin,
 * give it a colour and greeting, copy the snippet from the Install page into that page, see the messenger work
 * there in that look (and the Install page notice it), then remove the origin and see the messenger refused.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { HOST_URL, messenger, signInAgent } from './support/frontdesk';

const SITE = 'acme-e2e';
const GREETING = 'Hello from Acme! How can we help?';

test('an admin puts the messenger on their own origin from the settings, then takes it off', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAgent(page.request);
  await page.goto('/desk');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Sites' })).toBeVisible();

  const newSite = page.getByRole('form', { name: 'New site' });
  await newSite.getByLabel('Site name').fill('Acme E2E');
  await newSite.getByLabel('Key (optional)').fill(SITE);
  await newSite.getByLabel('Allowed origins for the new site').fill(HOST_URL);
  await newSite.getByRole('button', { name: 'Create site' }).click();

  const editor = page.getByRole('form', { name: 'Edit site Acme E2E' });
  await expect(editor).toBeVisible();
  await editor.getByLabel('Colour').fill('#ff5500');
  await editor.getByLabel('Greeting').fill(GREETING);
  await editor.getByLabel('Position').selectOption('left');
  await editor.getByRole('button', { name: 'Save site' }).click();
  await expect(editor.getByRole('status')).toContainText('Saved');
  await expect(editor.getByText(/Last change: site\.updated by Alex Admin/)).toBeVisible();

  // Install: the snippet for this site, copied with the button, pasted into a page on the host origin.
  await page.getByRole('navigation', { name: 'Settings pages' }).getByRole('link', { name: 'Install' }).click();
  await page.getByLabel('Site').selectOption(SITE);
  await page.getByRole('button', { name: 'Copy snippet', exact: true }).click();
  await expect(page.getByText('Copied').first()).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toContain(`data-site="${SITE}"`);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme shop</title></head><body><h1>Acme shop</h1>${snippet}</body></html>`;
  expect((await page.request.put(`${HOST_URL}/pages/acme`, { data: html })).status()).toBe(204);

  const host = await context.newPage();
  await host.goto(`${HOST_URL}/pages/acme`);
  const launcher = host.getByRole('button', { name: 'Open messenger' });
  await expect(launcher).toBeVisible();
  await expect.poll(() => launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 85, 0)');
  await launcher.click();
  await expect(messenger(host).getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 20_000 });
  await expect(messenger(host).getByText(GREETING)).toBeVisible();

  // The Install page sees the tag working (it refreshes while open).
  await page.reload();
  await page.getByLabel('Site').selectOption(SITE);
  await expect(page.getByText(`Last seen on ${HOST_URL} at`)).toBeVisible({ timeout: 20_000 });

  // Remove the origin: the next page load is refused (frame-ancestors), and so is a session.
  await page.getByRole('navigation', { name: 'Settings pages' }).getByRole('link', { name: 'Sites' }).click();
  await page.getByRole('button', { name: `Acme E2E (${SITE})` }).click();
  await editor.getByLabel('Allowed origins').fill('');
  await editor.getByRole('button', { name: 'Save site' }).click();
  await expect(editor.getByRole('status')).toContainText('Saved');

  const refused: string[] = [];
  host.on('console', (m) => {
    if (/frame-ancestors/i.test(m.text())) refused.push(m.text());
  });
  await host.reload();
  await host.getByRole('button', { name: 'Open messenger' }).click();
  await expect.poll(() => refused.length, { timeout: 20_000 }).toBeGreaterThan(0);
  const session = await host.request.post(`${new URL(page.url()).origin}/api/widget/session`, { data: { siteKey: SITE, origin: HOST_URL } });
  expect(session.status()).toBe(403);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious on the settings pages, ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await signInAgent(page.request);
    for (const [id, heading] of [['sites', 'Sites'], ['install', 'Install'], ['identity', 'Identity verification'], ['agents', 'Agents'], ['tokens', 'API tokens'], ['audit', 'Audit log'], ['profile', 'Your profile']] as const) {
      await page.goto(`/desk#/settings/${id}`);
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      // Loaded: Install shows the snippet; every other page a table or a form.
      await expect(id === 'install' ? page.getByLabel('snippet', { exact: true }) : page.getByRole('table').or(page.getByRole('form')).first()).toBeVisible();
      expect(await seriousViolations(page), id).toEqual([]);
    }
  });
}
