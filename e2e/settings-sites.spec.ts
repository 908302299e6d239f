/**
 * A site owner's first steps in the settings area, in Chromium: create a site for a page on another origin,
 * give it a colour and greeting, copy the snippet from the Install page into that page, see the messenger work
 * there in that look (and the Install page notice it), then remove the origin and see the messenger refused.
 * Then a site's options: the satisfaction survey turned off and the attachment limit changed in the browser
 * (a bad limit refused next to its field), seen through the public API; and axe on every settings page.
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

test('an admin turns the satisfaction survey off and changes the attachment limit; the public API shows it', async ({ page }) => {
  await signInAgent(page.request);
  const created = await page.request.post('/api/sites', { data: { key: 'options-e2e', name: 'Options E2E', allowedOrigins: [HOST_URL] } });
  expect(created.status()).toBe(201);
  await page.goto('/desk#/settings/sites');
  await page.getByRole('button', { name: 'Options E2E (options-e2e)' }).click();

  const csat = page.getByRole('form', { name: 'Satisfaction survey' });
  await csat.getByRole('checkbox', { name: 'Ask for a satisfaction rating' }).uncheck();
  await csat.getByRole('button', { name: 'Save satisfaction survey' }).click();
  await expect(csat.getByRole('status')).toHaveText('Satisfaction survey saved.');

  // A limit over 50 MB is refused next to the field, in the browser, and nothing is sent.
  const attachments = page.getByRole('form', { name: 'Attachments' });
  const size = attachments.getByLabel('Largest file (MB)');
  await size.fill('80');
  await attachments.getByRole('button', { name: 'Save attachments' }).click();
  await expect(size).toHaveAttribute('aria-invalid', 'true');
  await expect(attachments.getByText('the largest file is at most 50 MB')).toBeVisible();
  await size.fill('2');
  await attachments.getByLabel('Allowed types').fill('image/png, application/pdf');
  await attachments.getByRole('button', { name: 'Save attachments' }).click();
  await expect(attachments.getByRole('status')).toHaveText('Attachments saved.');
  await expect(size).not.toHaveAttribute('aria-invalid', 'true');

  // The site's page names the change and links to the audit log filtered to this site.
  const editor = page.getByRole('form', { name: 'Edit site Options E2E' });
  await expect(editor.getByText(/Last change: site\.updated by Alex Admin .*\(changed attachments\)/)).toBeVisible();
  await editor.getByRole('link', { name: 'All changes in the audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  const log = page.getByRole('table', { name: 'Audit log entries, newest first' });
  await expect(log.getByRole('row')).toHaveCount(4); // the heading row, the creation and the two changes

  // Through the public API: the REST site, and the session the messenger starts with.
  const site = await (await page.request.get('/api/sites/options-e2e')).json();
  expect(site.csat).toEqual({ enabled: false });
  expect(site.attachments).toEqual({ maxBytes: 2 * 1024 * 1024, types: ['image/png', 'application/pdf'] });
  const session = await page.request.post('/api/widget/session', { data: { siteKey: 'options-e2e', origin: HOST_URL } });
  expect(session.status()).toBe(200);
  expect((await session.json()).site.attachments).toEqual({ maxBytes: 2 * 1024 * 1024, types: ['image/png', 'application/pdf'] });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious on the settings pages, ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await signInAgent(page.request);
    const pages = [['sites', 'Sites'], ['install', 'Install'], ['identity', 'Identity verification'], ['agents', 'Agents'], ['operations', 'Operations'], ['tokens', 'API tokens'], ['webhooks', 'Webhooks'], ['audit', 'Audit log'], ['profile', 'Your profile']] as const;
    for (const [id, heading] of pages) {
      await page.goto(`/desk#/settings/${id}`);
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      // Loaded: Install shows the snippet; every other page a table or a form.
      await expect(id === 'install' ? page.getByLabel('snippet', { exact: true }) : page.getByRole('table').or(page.getByRole('form')).first()).toBeVisible();
      // Sites: the chosen site's editor, preview and option forms are drawn once the sites have loaded.
      if (id === 'sites') await expect(page.getByRole('form', { name: 'Attachments' })).toBeVisible();
      expect(await seriousViolations(page), id).toEqual([]);
    }
    // The forms' refusals and the plan form are part of the pages too.
    await page.goto('/desk#/settings/sites');
    const attachments = page.getByRole('form', { name: 'Attachments' });
    await attachments.getByLabel('Largest file (MB)').fill('80');
    await attachments.getByRole('button', { name: 'Save attachments' }).click();
    await expect(attachments.getByText('the largest file is at most 50 MB')).toBeVisible();
    // A window tall enough for the whole page: axe judges text scrolled out of the settings pane against the
    // page's background, not its own.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 4000 });
    expect(await seriousViolations(page), 'sites with a refusal').toEqual([]);
    if (viewport) await page.setViewportSize(viewport);
    await page.goto('/desk#/settings/operations');
    await page.getByRole('button', { name: 'Add a support plan' }).click();
    const plan = page.getByRole('form', { name: 'New support plan' });
    await plan.getByRole('button', { name: 'Add plan' }).click();
    await expect(plan.getByText('say who the plan covers: emails, domains or sites')).toBeVisible();
    expect(await seriousViolations(page), 'a new support plan with refusals').toEqual([]);
  });
}
