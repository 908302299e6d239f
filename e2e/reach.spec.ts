/**
 * Reaching the customer and CSAT in the messenger, in real Chromium: after a handoff the messenger asks for an
 * email (optional, saying what it is for) and then asks to confirm it; an agent's reply shown in the open
 * messenger counts as seen (so it is not mailed); when the agent solves the ticket the messenger asks "How did
 * we do?", and the answer shows on the ticket. axe stays clean with the cards shown.
 */
import { expect, test } from '@playwright/test';
import type { TicketReach } from '../shared/reach';
import { seriousViolations } from './support/axe';
import { HOST_URL, messengerFrame, openMessenger, signInAgent, typeAndSend } from './support/frontdesk';

test('the email question, a reply seen live, and the CSAT card after the ticket is solved', async ({ page, browser }) => {
  await page.goto(HOST_URL);
  const messenger = await openMessenger(page);
  const log = messenger.getByRole('log');
  await typeAndSend(messenger, 'The export wizard crashes when I pick CSV');
  await messenger.getByRole('button', { name: 'Talk to a person' }).click();
  const notice = log.getByText(/as ticket #(\d+)/);
  await expect(notice).toBeVisible();
  const number = Number((await notice.textContent())!.match(/#(\d+)/)![1]);

  // The email question: optional, and says what the address is for.
  const question = messenger.getByRole('form', { name: 'Get the reply by email' });
  await expect(question).toBeVisible();
  await expect(question).toContainText('We use this address only for this request.');
  expect(await seriousViolations(await messengerFrame(page))).toEqual([]);
  await question.getByLabel('Email (optional)').fill('ada@example.net');
  await question.getByRole('button', { name: 'Email me the reply' }).click();
  await expect(messenger.getByText('Check your inbox: confirm ada@example.net to get the reply by email.')).toBeVisible();
  await expect(question).toHaveCount(0);

  // An agent answers; the open messenger shows it, so it counts as seen.
  const agent = await browser.newContext();
  await signInAgent(agent.request);
  const list = (await (await agent.request.get('/api/tickets', { params: { limit: 200 } })).json()) as { tickets: { id: string; number: number }[] };
  const ticketId = list.tickets.find((t) => t.number === number)!.id;
  const reply = await agent.request.post(`/api/tickets/${ticketId}/messages`, { data: { body: 'We found the cause: please try the export again.' } });
  expect(reply.status()).toBe(201);
  const { id: replyId } = (await reply.json()) as { id: string };
  await expect(log.getByText('We found the cause: please try the export again.')).toBeVisible();
  const reachOf = async () => (await (await agent.request.get(`/api/tickets/${ticketId}/reach`)).json()) as TicketReach;
  await expect.poll(async () => (await reachOf()).deliveries[replyId]?.state).toBe('seen');

  // Solved: "How did we do?" in the conversation, once.
  expect((await agent.request.patch(`/api/tickets/${ticketId}`, { data: { status: 'solved' } })).status()).toBe(200);
  const csat = messenger.getByRole('form', { name: 'How did we do?' });
  await expect(csat).toBeVisible();
  expect(await seriousViolations(await messengerFrame(page))).toEqual([]);
  const send = csat.getByRole('button', { name: 'Send rating' });
  await expect(send).toBeDisabled();
  await csat.getByRole('radio', { name: '5, great' }).check();
  await csat.getByLabel('Comment (optional)').fill('Quick and <b>kind</b>');
  await send.click();
  await expect(messenger.getByText('Thank you for your rating (5 of 5).')).toBeVisible();
  await expect(csat).toHaveCount(0);
  await expect.poll(async () => (await reachOf()).csat.answer).toMatchObject({ rating: 5, comment: 'Quick and <b>kind</b>', answeredVia: 'chat' });

  // The desk shows the answer on the ticket, as text.
  const desk = await agent.newPage();
  await desk.goto(`/desk#/tickets/${ticketId}`);
  const panel = desk.getByRole('region', { name: 'Satisfaction and transcript' });
  await expect(panel).toContainText('Rated 5 of 5');
  await expect(panel.getByText('Quick and <b>kind</b>')).toBeVisible();
  await expect(desk.getByText('Seen live')).toBeVisible();
  await agent.close();
});
