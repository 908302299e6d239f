/**
 * The whole path, driven from outside with only the contract's names and endpoints: a visitor on a customer's
 * site (another origin) asks Kai, gets an answer with its source, asks for a person and is told a ticket was
 * created and what happens next; an agent in a second browser context sees the ticket appear live with its
 * priority, opens it, writes an internal note (never reaches the visitor) and a public reply (reaches the
 * visitor at once), and marks it solved.
 */
import { expect, test, type Page } from '@playwright/test';
import { TEST_ADMIN } from '../server/test/test-admin';

const HOST_PORT = Number(process.env['E2E_HOST_PORT'] ?? 3112);
const HOST = `http://localhost:${HOST_PORT}/`;

async function openMessenger(page: Page) {
  await page.goto(HOST);
  await page.getByRole('button', { name: 'Open messenger' }).click();
  await expect(page.getByRole('button', { name: 'Close messenger' })).toBeVisible();
  const frame = page.frameLocator('iframe[title="Messenger"]');
  await expect(frame.getByRole('textbox', { name: 'Message' })).toBeVisible();
  return frame;
}

test('visitor asks Kai, hands off, and an agent replies live', async ({ page, browser }) => {
  // The agent signs in through the REST API; the desk accepts the same session cookie.
  const agent = await browser.newContext();
  const login = await agent.request.post('/api/auth/login', { data: { email: TEST_ADMIN.email, password: TEST_ADMIN.password } });
  expect(login.status()).toBe(200);
  const desk = await agent.newPage();
  await desk.goto('/desk');
  const queue = desk.getByRole('region', { name: 'Queue' });
  await expect(queue).toBeVisible();
  await expect(desk.getByRole('button', { name: 'Sign in' })).toHaveCount(0);

  const messenger = await openMessenger(page);
  const log = messenger.getByRole('log');
  const question = 'How do I reset my password?';
  await messenger.getByRole('textbox', { name: 'Message' }).fill(question);
  await messenger.getByRole('button', { name: 'Send' }).click();
  await expect(log.getByText(question)).toBeVisible();
  // Kai's answer, told apart by name, linking its source article.
  await expect(log.getByText('Kai', { exact: true }).first()).toBeVisible();
  const source = log.getByRole('link', { name: /reset your password/i });
  await expect(source).toBeVisible();
  await expect(source).toHaveAttribute('href', /\/help\/reset-password$/);

  const problem = 'Our whole team is locked out after the SSO change, nobody can log in';
  await messenger.getByRole('textbox', { name: 'Message' }).fill(problem);
  await messenger.getByRole('button', { name: 'Send' }).click();
  await expect(log.getByText(problem)).toBeVisible();
  await messenger.getByRole('button', { name: 'Talk to a person' }).click();

  // The visitor is told a ticket was created and when a person will answer.
  const notice = log.getByText(/passed this to our support team as ticket #(\d+)/);
  await expect(notice).toBeVisible();
  const number = (await notice.textContent())!.match(/#(\d+)/)![1]!;
  await expect(log.getByText(/team (is in now|opens at)/).first()).toBeVisible();

  // The ticket appears in the desk live, with its priority and deadline, without a reload.
  const row = queue.getByRole('link', { name: new RegExp(`#${number}`) });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/High/);
  await expect(row).toContainText(/due in|overdue/);
  await row.click();

  const handoff = desk.getByRole('region', { name: 'Handoff summary' });
  await expect(handoff).toBeVisible();
  await expect(handoff).toContainText('nobody can log in');
  const conversation = desk.getByRole('log');
  await expect(conversation.getByText(question)).toBeVisible();

  // An internal note stays in the desk.
  const note = 'Internal: check their SAML certificate expiry';
  await desk.getByRole('checkbox', { name: 'Internal note' }).check();
  await desk.getByRole('textbox', { name: 'Reply' }).fill(note);
  await desk.getByRole('button', { name: 'Add note' }).click();
  await expect(conversation.getByText(note)).toBeVisible();

  // A public reply reaches the visitor at once.
  const reply = 'Hi! I am looking at your SSO settings now.';
  await desk.getByRole('checkbox', { name: 'Internal note' }).uncheck();
  await desk.getByRole('textbox', { name: 'Reply' }).fill(reply);
  await desk.getByRole('button', { name: 'Send reply' }).click();
  await expect(log.getByText(reply)).toBeVisible();
  await expect(log.getByText('Alex Admin').first()).toBeVisible();

  // The visitor answers; the agent sees it live.
  const followUp = 'Thanks, the certificate was renewed yesterday.';
  await messenger.getByRole('textbox', { name: 'Message' }).fill(followUp);
  await messenger.getByRole('button', { name: 'Send' }).click();
  await expect(conversation.getByText(followUp)).toBeVisible();

  // The note never reached the messenger, not even after a reload that replays the whole conversation.
  await expect(log.getByText(note)).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: 'Open messenger' }).click();
  const reloaded = page.frameLocator('iframe[title="Messenger"]').getByRole('log');
  await expect(reloaded.getByText(reply)).toBeVisible();
  await expect(reloaded.getByText(note)).toHaveCount(0);

  await desk.getByRole('button', { name: 'Mark solved' }).click();
  // A solved ticket leaves the open queue; the API agrees on its status.
  await expect(row).toHaveCount(0);
  const id = new URL(desk.url()).hash.split('/').pop()!;
  const ticket = await agent.request.get(`/api/tickets/${id}`);
  expect((await ticket.json()).status).toBe('solved');
  await agent.close();
});

test('asking for a person in words hands off, and Kai says nothing more', async ({ page }) => {
  const messenger = await openMessenger(page);
  const log = messenger.getByRole('log');
  await messenger.getByRole('textbox', { name: 'Message' }).fill('can I talk to a human?');
  await messenger.getByRole('button', { name: 'Send' }).click();
  await expect(log.getByText(/as ticket #\d+/)).toBeVisible();
  await expect(messenger.getByRole('button', { name: 'Talk to a person' })).toHaveCount(0);
  const kaiMessages = log.getByText('Kai', { exact: true });
  const before = await kaiMessages.count();
  await messenger.getByRole('textbox', { name: 'Message' }).fill('How do I reset my password?');
  await messenger.getByRole('button', { name: 'Send' }).click();
  await expect(log.getByText('How do I reset my password?')).toBeVisible();
  await page.waitForTimeout(1000);
  expect(await kaiMessages.count()).toBe(before);
});
