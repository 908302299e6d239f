/**
 * Two agents in separate browsers on one desk: each sees the other online, who views and types in a ticket, a
 * macro inserted with `/` and sent (adding its tag), the warning when the other replied first (and sending anyway), and a merge of
 * one customer's two tickets from the customer context.
 */
import { expect, test } from '@playwright/test';
import { TEST_ADMIN } from '../server/test/test-admin';
import { deskAs } from './support/frontdesk';

const SAM = { email: 'sam.team@example.com', name: 'Sam Agent', password: 'sam-team-password-1' };

test('two agents see each other, collide safely, answer with a macro and merge', async ({ browser }) => {
  const admin = await deskAs(browser, TEST_ADMIN);
  const made = await admin.request.post('/api/agents', { data: { ...SAM, role: 'agent' } });
  expect([201, 409]).toContain(made.status());
  const macro = await admin.request.post('/api/macros', { data: { title: 'Greeting', body: 'Hi {{customer.first_name}}, {{agent.name}} here about {{ticket.number}}.', shared: true, tags: ['greeted'] } });
  expect(macro.status()).toBe(201);
  const created = await admin.request.post('/api/tickets', {
    data: { subject: 'Invoice missing', description: 'My March invoice never came', channel: 'email', requester: { name: 'Ada Lovelace', email: 'ada.team@example.com' }, urgency: 'medium', impact: 'low', category: 'billing' },
  });
  const ticket = (await created.json()) as { id: string; number: number };

  const sam = await deskAs(browser, SAM);
  // Presence: each sees the other online in the team list.
  await expect(admin.getByRole('list', { name: 'Team' }).getByRole('listitem').filter({ hasText: 'Sam Agent' })).toContainText('Online');
  await expect(sam.getByRole('list', { name: 'Team' }).getByRole('listitem').filter({ hasText: TEST_ADMIN.name })).toContainText('Online');
  await sam.getByRole('combobox', { name: 'My status' }).selectOption('away');
  await expect(admin.getByRole('list', { name: 'Team' }).getByRole('listitem').filter({ hasText: 'Sam Agent' })).toContainText('Away');
  await sam.getByRole('combobox', { name: 'My status' }).selectOption('online');

  // Both open the ticket; the admin sees Sam viewing, then typing.
  await admin.goto(`/desk#/tickets/${ticket.id}`);
  await sam.goto(`/desk#/tickets/${ticket.id}`);
  await expect(admin.getByText('Sam Agent is also viewing this ticket.')).toBeVisible();
  const samBox = sam.getByRole('textbox', { name: 'Reply' });
  await samBox.fill('/gree');
  await expect(admin.getByText('Sam Agent is typing a reply.')).toBeVisible();

  // The macro: `/` opens the listbox, Enter inserts it filled for this ticket, and it is sent.
  await expect(sam.getByRole('listbox', { name: 'Macros' }).getByRole('option', { name: /Greeting/ })).toBeVisible();
  await samBox.press('Enter');
  await expect(samBox).toHaveValue(`Hi Ada, Sam Agent here about #${ticket.number}.`);
  await sam.getByRole('button', { name: 'Send reply' }).click();
  await expect(admin.getByRole('log').getByText(`Hi Ada, Sam Agent here about #${ticket.number}.`)).toBeVisible();
  // Its tag is added with the reply (the ticket's tag change, audited), and the other agent's pane shows it live.
  await expect(sam.getByRole('group', { name: 'Tags' }).getByRole('listitem').filter({ hasText: 'greeted' })).toBeVisible();
  await expect(admin.getByRole('group', { name: 'Tags' }).getByRole('listitem').filter({ hasText: 'greeted' })).toBeVisible();

  // The admin opened the ticket before Sam's reply: their send is held back until they choose.
  await admin.getByRole('textbox', { name: 'Reply' }).fill('Hello Ada, I will check.');
  await admin.getByRole('button', { name: 'Send reply' }).click();
  const warning = admin.getByRole('alert', { name: 'New messages since you opened this ticket' });
  await expect(warning).toContainText('Hi Ada, Sam Agent here');
  await warning.getByRole('button', { name: 'Send anyway' }).click();
  await expect(sam.getByRole('log').getByText('Hello Ada, I will check.')).toBeVisible();

  // Assigning from the ticket: Sam takes it; the admin's pane follows.
  await sam.getByRole('button', { name: 'Assign to me' }).click();
  await expect(admin.getByRole('combobox', { name: 'Assignee' })).toHaveValue(/.+/);

  // Merge: the same customer's second ticket joins the first from the customer context.
  const second = await admin.request.post('/api/tickets', {
    data: { subject: 'Still no invoice', description: 'Any news on my invoice?', channel: 'email', requester: { name: 'Ada Lovelace', email: 'ada.team@example.com' }, urgency: 'low', impact: 'low', category: 'billing' },
  });
  const secondTicket = (await second.json()) as { id: string };
  await sam.goto(`/desk#/tickets/${secondTicket.id}`);
  await sam.getByRole('region', { name: 'Customer context' }).getByRole('button', { name: `Merge into #${ticket.number}` }).click();
  await expect(sam).toHaveURL(new RegExp(`#/tickets/${ticket.id}$`));
  const log = sam.getByRole('log');
  await expect(log.getByText('Any news on my invoice?')).toBeVisible();
  await expect(log.getByText('Hello Ada, I will check.')).toBeVisible();
});
