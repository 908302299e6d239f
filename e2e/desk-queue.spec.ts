/**
 * The team queue in real Chromium: search finds a ticket by words of a message body (marked in the result), a
 * bulk action tags and assigns a ticked range, the search is saved as a view, and the keyboard moves, opens and
 * shows its help.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { signInAgent } from './support/frontdesk';

async function agentDesk(context: BrowserContext): Promise<Page> {
  const desk = await context.newPage();
  await desk.goto('/desk');
  await expect(desk.getByRole('region', { name: 'Queue' })).toBeVisible();
  return desk;
}

async function createTicket(context: BrowserContext, subject: string, message: string): Promise<{ id: string; number: number }> {
  const created = await context.request.post('/api/tickets', {
    data: { subject, description: 'Opened by the queue spec', channel: 'api', urgency: 'medium', impact: 'medium', category: 'general', requester: { name: 'Queue Spec', email: 'queue-spec@example.com' } },
  });
  expect(created.status()).toBe(201);
  const ticket = (await created.json()) as { id: string; number: number };
  const reply = await context.request.post(`/api/tickets/${ticket.id}/messages`, { data: { body: message, internal: true } });
  expect(reply.status()).toBe(201);
  return ticket;
}

test('search finds a message body; a bulk action tags a ticked range; the search is saved as a view; the keyboard moves, opens and helps', async ({ browser }) => {
  const context = await browser.newContext();
  await signInAgent(context.request);
  const word = `quasar${Date.now().toString(36)}`;
  const found = await createTicket(context, 'Sync stalls overnight', `The ${word} sync job stalls at 3am.`);
  const desk = await agentDesk(context);

  // Search: `/` focuses the box; the result shows the excerpt with the word marked.
  await desk.keyboard.press('/');
  const box = desk.getByRole('searchbox', { name: 'Search tickets' });
  await expect(box).toBeFocused();
  await box.fill(word);
  await box.press('Enter');
  const list = desk.getByRole('list', { name: 'Tickets' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').first()).toContainText(`#${found.number}`);
  await expect(list.locator('mark', { hasText: word })).toBeVisible();
  await box.press('Escape');

  // Bulk: tick two tickets with a shift-click range, tag them in one call.
  const a = await createTicket(context, `Bulk A ${word}`, 'first');
  const b = await createTicket(context, `Bulk B ${word}`, 'second');
  await box.fill(`Bulk ${word}`);
  await box.press('Enter');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await desk.getByRole('checkbox', { name: `Select #${a.number}` }).click();
  await desk.getByRole('checkbox', { name: `Select #${b.number}` }).click({ modifiers: ['Shift'] });
  const bar = desk.getByRole('region', { name: 'Bulk actions' });
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('textbox', { name: 'Tag to add' }).fill('outage');
  await bar.getByRole('button', { name: 'Add tag' }).click();
  // The change comes back live: both rows show the tag.
  await expect(list.getByRole('listitem').filter({ hasText: 'outage' })).toHaveCount(2);

  // Save view: the search shown becomes a saved view (with a tag filter added), listed with its count and shown.
  const views = desk.getByRole('navigation', { name: 'Views' });
  await views.getByRole('button', { name: 'Save view' }).click();
  const form = desk.getByRole('form', { name: 'Save view' });
  await expect(form.getByRole('searchbox', { name: 'Search words' })).toHaveValue(`Bulk ${word}`);
  await form.getByRole('textbox', { name: 'Name' }).fill(`Outages ${word}`);
  await form.getByRole('textbox', { name: /Tags/ }).fill('outage');
  await form.getByRole('button', { name: 'Save view' }).click();
  const saved = views.getByRole('button', { name: new RegExp(`^Outages ${word}`) });
  await expect(saved).toHaveAttribute('aria-pressed', 'true');
  await expect(saved).toContainText('2');
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // Keyboard: j moves to the first row, Enter opens it, ? shows the help. Focus leaves the bulk bar's text box
  // for plain text (the queue's heading), so the keys are shortcuts, not typing.
  await desk.getByRole('heading', { name: 'Queue' }).click();
  await desk.keyboard.press('j');
  await expect(list.locator('.queue-row--active')).toHaveCount(1);
  await desk.keyboard.press('Enter');
  await expect(desk).toHaveURL(/#\/tickets\//);
  await expect(desk.getByRole('region', { name: 'Ticket' }).getByRole('heading', { level: 2 })).toContainText(`Bulk`);
  await desk.locator('body').click({ position: { x: 5, y: 5 } });
  await desk.keyboard.press('?');
  const help = desk.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Assign the ticket to me');
  await desk.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await context.close();
});
