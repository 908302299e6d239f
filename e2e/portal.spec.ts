/**
 * Customer self-service, end to end.
 *
 * The portal: a Frontdesk server of its own (port 3521, a fresh SQLite file) mailing through an SMTP sink this
 * spec runs (port 3522). An agent logs a phone ticket for a customer through the REST API; the customer opens
 * /portal in Chromium, asks for a sign-in link, opens the link read from the captured mail (parsed with
 * mailparser), sees the request, replies, creates a new request with the form, deletes the first one (confirm)
 * and it leaves the list; through the agent API it shows as withdrawn with its content erased.
 *
 * The messenger: a visitor on a customer's site hands off, opens `Your requests`, sees the request with the
 * promise of when a person answers, and deletes it.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { TicketDetail } from '../shared/protocol';
import { TEST_ADMIN } from '../server/test/test-admin';
import { recipientOf, startSmtpSink, type SmtpSink } from '../server/test/smtp-sink';
import { HOST_URL, openMessenger, signInAgent, typeAndSend } from './support/frontdesk';
import { FrontdeskProcess } from './support/server-process';

const PORTAL_PORT = 3521;
const SMTP_PORT = 3522;
const PORTAL_URL = `http://127.0.0.1:${PORTAL_PORT}`;
const ERASED = '[erased at the customer\u2019s request]';

test.describe.configure({ mode: 'serial' });

let sink: SmtpSink;
let server: FrontdeskProcess | null = null;

test.beforeAll(async () => {
  sink = await startSmtpSink(SMTP_PORT);
  server = new FrontdeskProcess(PORTAL_PORT, { SMTP_URL: sink.url });
  await server.start();
});

test.afterAll(async () => {
  await server?.dispose();
  await sink?.close();
});

async function agentApi(playwright: { request: { newContext: (o: { baseURL: string }) => Promise<APIRequestContext> } }): Promise<APIRequestContext> {
  const agent = await playwright.request.newContext({ baseURL: PORTAL_URL });
  const login = await agent.post('/api/auth/login', { data: { email: TEST_ADMIN.email, password: TEST_ADMIN.password } });
  expect(login.status(), await login.text()).toBe(200);
  return agent;
}

async function phoneTicket(agent: APIRequestContext, email: string, subject: string, description: string): Promise<TicketDetail> {
  const res = await agent.post('/api/tickets', { data: { subject, description, channel: 'phone', requester: { name: 'Ada Byron', email, timeZone: 'Europe/London' } } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as TicketDetail;
}

test('a customer signs in to the portal by emailed link, replies, creates and deletes requests', async ({ page, playwright }) => {
  const email = `ada.${Date.now()}@example.com`;
  const agent = await agentApi(playwright);
  const mine = await phoneTicket(agent, email, 'Printer queue stuck on floor 3', 'Nothing prints since this morning; the queue shows 40 jobs.');
  const theirs = await phoneTicket(agent, 'someone.else@example.com', 'Someone else’s VPN problem', 'Not for Ada to see.');

  await page.goto(`${PORTAL_URL}/portal`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  const mail = await sink.waitFor((m) => recipientOf(m) === email, 15_000);
  expect(mail.subject).toContain('sign-in link');
  const link = /https?:\/\/\S+\/portal\/verify\?token=[\w%-]+/.exec(mail.text ?? '')?.[0];
  expect(link, mail.text).toBeTruthy();
  expect(link!.startsWith(`${PORTAL_URL}/portal/verify?token=`)).toBe(true);
  await page.goto(link!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${PORTAL_URL}/portal`);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  const list = page.getByRole('list', { name: 'Your requests' });
  await expect(list.getByRole('button', { name: `#${mine.number} Printer queue stuck on floor 3` })).toBeVisible();
  await expect(list.getByText(/Our (UK|US) team/)).toBeVisible();
  await expect(list.getByText('Someone else’s VPN problem')).toHaveCount(0);

  // Read it and reply.
  await list.getByRole('button', { name: /Printer queue stuck/ }).click();
  const messages = page.getByRole('list', { name: 'Messages' });
  await expect(messages.getByText('Nothing prints since this morning; the queue shows 40 jobs.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Reply to this request' }).fill('It started again after the restart.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(messages.getByText('It started again after the restart.')).toBeVisible();
  const afterReply = (await (await agent.get(`/api/tickets/${mine.id}`)).json()) as TicketDetail;
  expect(afterReply.messages.at(-1)).toMatchObject({ body: 'It started again after the restart.', author: { kind: 'customer' } });
  await page.getByRole('button', { name: 'Back to your requests' }).click();

  // A new request with the form.
  await page.getByRole('button', { name: 'New request' }).click();
  await page.getByRole('textbox', { name: 'Subject' }).fill('Need a second monitor');
  await page.getByRole('textbox', { name: 'Description' }).fill('Could IT order a second monitor for my desk?');
  await page.getByRole('combobox', { name: 'How urgent is it for you?' }).selectOption({ label: 'Not urgent' });
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.getByRole('heading', { name: /Need a second monitor/ })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(/Request #\d+ was created\./);
  await page.getByRole('button', { name: 'Back to your requests' }).click();
  await expect(list.getByRole('button', { name: /Need a second monitor/ })).toBeVisible();
  const created = (await (await agent.get('/api/tickets?channel=portal')).json()) as { tickets: TicketDetail[] };
  expect(created.tickets.find((t) => t.subject === 'Need a second monitor')).toMatchObject({ channel: 'portal', requester: { email } });

  // Delete the first one, with the confirm step: it leaves the list, also after a reload.
  await list.getByRole('button', { name: /Printer queue stuck/ }).click();
  await page.getByRole('button', { name: 'Delete request' }).click();
  await page.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(page.getByRole('status')).toHaveText(`Request #${mine.number} was deleted.`);
  await expect(list.getByRole('button', { name: /Printer queue stuck/ })).toHaveCount(0);
  await expect(list.getByRole('button', { name: /Need a second monitor/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('list', { name: 'Your requests' }).getByRole('button', { name: /Need a second monitor/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Your requests' }).getByText(/Printer queue stuck/)).toHaveCount(0);

  // The agents see it as withdrawn, its content erased.
  const withdrawn = (await (await agent.get(`/api/tickets/${mine.id}`)).json()) as TicketDetail;
  expect(withdrawn.withdrawnAt).toEqual(expect.any(String));
  expect(withdrawn).toMatchObject({ status: 'closed', subject: 'Withdrawn request', description: ERASED, number: mine.number, requester: { email: null, name: null } });
  expect(withdrawn.messages.length).toBeGreaterThan(0);
  for (const m of withdrawn.messages) expect(m.body).toBe(ERASED);
  expect(JSON.stringify(withdrawn)).not.toMatch(/Printer|restart|40 jobs|Ada Byron/);
  expect(withdrawn.events.at(-1)).toMatchObject({ type: 'withdrawn', to: 'closed' });
  expect(((await (await agent.get(`/api/tickets/${theirs.id}`)).json()) as TicketDetail).withdrawnAt).toBeNull();

  // The link worked once.
  await page.goto(link!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('This sign-in link has already been used. Each link works once.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Email me a new sign-in link' })).toHaveAttribute('href', '/portal');

  await page.goto(`${PORTAL_URL}/portal`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Email me a sign-in link' })).toBeVisible();
  await agent.dispose();
});

test('a visitor hands off in the messenger, sees the request with its promise in Your requests, and deletes it', async ({ page, request }) => {
  await page.goto(HOST_URL);
  const frame = await openMessenger(page);
  const problem = `My laptop will not join the office Wi-Fi (${Date.now()})`;
  await typeAndSend(frame, problem);
  await frame.getByRole('button', { name: 'Talk to a person' }).click();
  const notice = frame.getByRole('log').getByText(/passed this to our support team as ticket #(\d+)/);
  await expect(notice).toBeVisible({ timeout: 15_000 });
  const number = /#(\d+)/.exec((await notice.textContent()) ?? '')![1]!;
  await expect(frame.getByText(`Ticket #${number}`, { exact: true })).toBeVisible();

  await frame.getByRole('button', { name: 'Your requests' }).click();
  const list = frame.getByRole('list', { name: 'Your requests' });
  const item = list.getByRole('listitem').filter({ has: frame.getByRole('button', { name: new RegExp(`^#${number} `) }) });
  await expect(item).toBeVisible();
  await expect(item.getByText(/^Our (UK|US) team (is in now|opens at|is closed right now)/)).toBeVisible();
  await expect(frame.getByRole('log')).toBeHidden();
  const ticketId = await item.getAttribute('data-request-id');
  expect(ticketId).toBeTruthy();

  await item.getByRole('button', { name: new RegExp(`^#${number} `) }).click();
  await expect(frame.getByRole('list', { name: 'Messages' }).getByText(problem)).toBeVisible();
  await frame.getByRole('button', { name: 'Delete request' }).click();
  await frame.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(frame.getByRole('status').filter({ hasText: 'was deleted' })).toHaveText(`Request #${number} was deleted.`);
  await expect(list.getByRole('button', { name: new RegExp(`^#${number} `) })).toHaveCount(0);

  // Back in the chat, the deleted request's conversation is gone; Kai answers again.
  await frame.getByRole('button', { name: 'Back to chat' }).click();
  await expect(frame.getByText(`Ticket #${number}`, { exact: true })).toHaveCount(0);
  await expect(frame.getByRole('log').getByText(problem)).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Talk to a person' })).toBeVisible();

  await signInAgent(request);
  const withdrawn = (await (await request.get(`/api/tickets/${ticketId}`)).json()) as TicketDetail;
  expect(withdrawn).toMatchObject({ status: 'closed', subject: 'Withdrawn request', requester: { email: null } });
  expect(withdrawn.withdrawnAt).toEqual(expect.any(String));
  expect(JSON.stringify(withdrawn)).not.toContain(problem);
});
