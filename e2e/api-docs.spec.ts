import { expect, test } from '@playwright/test';

/**
 * The API reference (`/api/docs`) renders in a real browser under its own CSP, from this server only: no
 * request leaves the origin and no policy is violated.
 */
test('the API reference renders the generated document under its CSP, with nothing from elsewhere', async ({ page, baseURL }) => {
  const violations: string[] = [];
  const foreign: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /Frontdesk API/ })).toBeVisible();
  // The webhook routes, described by their own schemas, are listed with their tag.
  await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
  await expect(page.getByText('/api/webhooks/{id}/rotate-secret')).toBeVisible();
  // Every route is described now: the tickets' routes have their own tag, and the resources are listed as schemas.
  await expect(page.getByRole('heading', { name: /^Tickets\b/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ticket', exact: true })).toBeVisible();
  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
});
