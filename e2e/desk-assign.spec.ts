/**
 * Automatic assignment with two agents in separate browsers: the site assigns handed-off chats automatically, both
 * agents are online, a visitor on a customer's page asks for a person, and the ticket lands with one of them. The
 * assignee's desk shows it live (Mine's count, the ticket in Mine, themselves as its assignee) without a reload;
 * the other agent's Mine stays empty.
 */
import { expect, test, type Page } from '@playwright/test';
import { TEST_ADMIN } from '../server/test/test-admin';
import { deskAs, HOST_URL, openMessenger } from './support/frontdesk';

const ROBIN = { email: 'robin.assign@example.com', name: 'Robin Round', password: 'robin-assign-password-1' };

/** The count on a view's button (the views show their counts once loaded). */
const viewButton = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: new RegExp(`^${name}`) });

test('a handed-off chat is assigned automatically to one of two online agents, who sees it live', async ({ browser, page }) => {
  const admin = await deskAs(browser, TEST_ADMIN);
  const made = await admin.request.post('/api/agents', { data: { ...ROBIN, role: 'agent' } });
  expect([201, 409]).toContain(made.status());
  // Earlier specs leave chats waiting on this server; once assignment is automatic, its periodic pass would
  // rightly hand them to whoever is online, so they are solved first and Mine starts empty for both agents.
  const waiting = await admin.request.get('/api/tickets?status=new,open,pending,on_hold&limit=200');
  expect(waiting.status()).toBe(200);
  const ticketIds = ((await waiting.json()) as { tickets: { id: string }[] }).tickets.map((t) => t.id);
  if (ticketIds.length > 0) {
    const solved = await admin.request.post('/api/tickets/bulk', { data: { ticketIds, changes: { status: 'solved' } } });
    expect(solved.status(), await solved.text()).toBe(200);
  }
  const on = await admin.request.patch('/api/sites/demo', { data: { assignment: { auto: true, maxOpenChats: 3 } } });
  expect(on.status(), await on.text()).toBe(200);
  const robin = await deskAs(browser, ROBIN);
  // Both online, as each sees the other.
  await expect(admin.getByRole('list', { name: 'Team' }).getByRole('listitem').filter({ hasText: ROBIN.name })).toContainText('Online');
  await expect(robin.getByRole('list', { name: 'Team' }).getByRole('listitem').filter({ hasText: TEST_ADMIN.name })).toContainText('Online');
  for (const desk of [admin, robin]) await expect(viewButton(desk, 'Mine')).toContainText('0');

  // The visitor asks for a person on a customer's page.
  await page.goto(HOST_URL);
  const messenger = await openMessenger(page);
  const log = messenger.getByRole('log');
  await messenger.getByRole('textbox', { name: 'Message' }).fill('The checkout page rejects every card since this morning');
  await messenger.getByRole('button', { name: 'Send' }).click();
  await messenger.getByRole('button', { name: 'Talk to a person' }).click();
  const notice = log.getByText(/as ticket #(\d+)/);
  await expect(notice).toBeVisible();
  const number = (await notice.textContent())!.match(/#(\d+)/)![1]!;

  // It lands with one of them: that agent's Mine counts it live, the other's stays empty.
  const desks = [
    { page: admin, name: TEST_ADMIN.name },
    { page: robin, name: ROBIN.name },
  ];
  await expect
    .poll(async () => (await Promise.all(desks.map(async (d) => (await viewButton(d.page, 'Mine').textContent()) ?? ''))).join('|'), { timeout: 15_000 })
    .toMatch(/^Mine1\|Mine0$|^Mine0\|Mine1$/);
  const texts = await Promise.all(desks.map(async (d) => (await viewButton(d.page, 'Mine').textContent()) ?? ''));
  const assignee = desks[texts.indexOf('Mine1')]!;
  const other = desks[texts.indexOf('Mine0')]!;

  // The server agrees, and says who assigned it.
  const tickets = (await (await admin.request.get(`/api/tickets?q=%23${number}`)).json()) as { tickets: { id: string; assigneeId: string | null }[] };
  const ticket = tickets.tickets[0]!;
  const { agents } = (await (await admin.request.get('/api/agents')).json()) as { agents: { id: string; name: string }[] };
  expect(agents.find((a) => a.id === ticket.assigneeId)?.name).toBe(assignee.name);
  const detail = (await (await admin.request.get(`/api/tickets/${ticket.id}`)).json()) as { events: { type: string }[] };
  expect(detail.events.map((e) => e.type)).toContain('assigned');

  // In the assignee's Mine, without a reload; opening it shows them as its assignee.
  await viewButton(assignee.page, 'Mine').click();
  const row = assignee.page.getByRole('region', { name: 'Queue' }).getByRole('link', { name: new RegExp(`#${number}`) });
  await expect(row).toBeVisible();
  await row.click();
  await expect(assignee.page.getByRole('combobox', { name: 'Assignee' }).locator('option:checked')).toHaveText(new RegExp(`^${assignee.name} \\(`));
  await expect(assignee.page.getByRole('button', { name: 'Assign to me' })).toHaveCount(0);
  await viewButton(other.page, 'Mine').click();
  await expect(other.page.getByRole('region', { name: 'Queue' }).getByRole('link', { name: new RegExp(`#${number}`) })).toHaveCount(0);
});
