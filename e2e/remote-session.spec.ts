/**
 * Remote support and phone calls, end to end: a visitor on a customer's site (another origin, in New York)
 * hands off in the messenger; an agent in a second browser context opens the ticket in the desk and offers a
 * Zoom session at a time inside business hours; the visitor sees the invitation card with a Join link and the
 * start in their own time zone. Then the agent logs an out-of-hours phone call, which opens and shows in the
 * queue as a Phone ticket marked Out of hours.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { isOpenAt } from '../shared/calendar';
import { DEFAULT_CENTRES } from '../shared/operations';
import { HOST_URL, openMessenger, signInAgent, typeAndSend } from './support/frontdesk';

const VISITOR_ZONE = 'America/New_York';
const MEETING = 'https://zoom.us/j/123456789';

// The visitor's browser: New York time, US English.
test.use({ timezoneId: VISITOR_ZONE, locale: 'en-US' });

/** The next weekday (from tomorrow) at 15:00 UTC when both centres are open: inside any ticket's business hours. */
function nextSessionStart(now: number): Date {
  const today = new Date(now);
  for (let i = 1; i <= 30; i++) {
    const t = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + i, 15, 0);
    if (isOpenAt(DEFAULT_CENTRES.uk, t) && isOpenAt(DEFAULT_CENTRES.us, t)) return new Date(t);
  }
  throw new Error('no weekday in the next 30 days has both centres open at 15:00 UTC');
}

/** The last Saturday at 12:00 UTC: the phone line (Mon–Fri) is closed then. */
function lastSaturdayNoon(now: number): Date {
  const d = new Date(now);
  const back = ((d.getUTCDay() + 1) % 7) || 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back, 12, 0));
}

/** `YYYY-MM-DDTHH:MM` of an instant in UTC, for a datetime-local input in a browser on UTC. */
const utcInputValue = (d: Date) => d.toISOString().slice(0, 16);

async function agentDesk(context: BrowserContext): Promise<Page> {
  await signInAgent(context.request);
  const desk = await context.newPage();
  await desk.goto('/desk');
  await expect(desk.getByRole('region', { name: 'Queue' })).toBeVisible();
  return desk;
}

test('an agent offers a Zoom session the visitor can join, shown in their own time zone; a logged call shows as Phone', async ({ page, browser }) => {
  const start = nextSessionStart(Date.now());

  // The visitor hands off to a person.
  await page.goto(HOST_URL);
  const messenger = await openMessenger(page);
  const log = messenger.getByRole('log');
  await typeAndSend(messenger, 'The export wizard crashes when I pick CSV, can someone show me on a call?');
  await messenger.getByRole('button', { name: 'Talk to a person' }).click();
  const notice = log.getByText(/as ticket #(\d+)/);
  await expect(notice).toBeVisible();
  const number = (await notice.textContent())!.match(/#(\d+)/)![1]!;

  // The agent's browser runs on UTC, so the start time is typed as its UTC wall time.
  const agent = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB' });
  const desk = await agentDesk(agent);
  const queue = desk.getByRole('region', { name: 'Queue' });
  await queue.getByRole('link', { name: new RegExp(`#${number}\\b`) }).click();
  await expect(desk.getByRole('heading', { level: 2, name: new RegExp(`^#${number} `) })).toBeVisible();

  await desk.getByRole('button', { name: 'Offer remote session' }).click();
  await expect(desk.getByLabel('Tool')).toHaveValue('zoom');
  await expect(desk.getByText(/centre hours: Mon–Fri/)).toBeVisible();
  await desk.getByLabel('Tool').selectOption({ label: 'Zoom' });
  await desk.getByLabel('Meeting link').fill(MEETING);
  await desk.getByLabel('Start time').fill(utcInputValue(start));
  await desk.getByLabel('Note', { exact: true }).fill('Have the CSV file ready');
  await desk.getByRole('button', { name: 'Send invitation' }).click();
  const deskCard = desk.getByRole('log').getByRole('group', { name: 'Zoom invitation' });
  await expect(deskCard).toBeVisible();
  await expect(deskCard.getByRole('link', { name: 'Join' })).toHaveAttribute('href', MEETING);

  // The visitor sees the card live: Join opens the meeting in a new tab; the start is in New York time.
  const card = log.getByRole('group', { name: 'Zoom invitation' });
  await expect(card).toBeVisible();
  const join = card.getByRole('link', { name: 'Join' });
  await expect(join).toHaveAttribute('href', MEETING);
  await expect(join).toHaveAttribute('target', '_blank');
  await expect(join).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(card).toContainText('Have the CSV file ready');
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: VISITOR_ZONE, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' })
      .formatToParts(start)
      .map((p) => [p.type, p.value]),
  );
  const time = card.locator('time');
  await expect(time).toHaveAttribute('datetime', start.toISOString());
  // 15:00 UTC is 10:00 EST or 11:00 EDT; the text is the browser's own: "Wed, Jan 14, 10:00 AM EST".
  const local = `${Number(parts['hour'])}:${parts['minute']}`;
  await expect(time).toContainText(`${parts['weekday']}, ${parts['month']} ${parts['day']}, ${local}`);
  await expect(time).toContainText(parts['timeZoneName']!);
  expect(parts['timeZoneName']).toMatch(/^E[SD]T$/);
  await expect(card).not.toContainText('UTC');

  // A phone call logged in the desk: out of hours (a Saturday), created, opened, and in the queue as Phone.
  await desk.getByRole('button', { name: 'Log a call' }).click();
  const dialog = desk.getByRole('dialog', { name: 'Log a call' });
  await dialog.getByLabel('Caller name').fill('Grace Caller');
  await dialog.getByLabel('Caller email').fill('grace.caller@example.com');
  await expect(dialog.getByLabel('Caller time zone')).toHaveValue('UTC');
  await dialog.getByLabel('Caller time zone').selectOption('Europe/London');
  const subject = `Phoned about invoices ${Date.now()}`;
  await dialog.getByLabel('Subject').fill(subject);
  await dialog.getByLabel('Notes').fill('Caller cannot download last month’s invoice.');
  await dialog.getByLabel('Call received at').fill(utcInputValue(lastSaturdayNoon(Date.now())));
  await expect(dialog.getByLabel('Urgency')).toHaveValue('');
  await dialog.getByLabel('Impact').selectOption('low');
  await dialog.getByRole('button', { name: 'Create ticket' }).click();
  await expect(dialog).toHaveCount(0);
  const header = desk.getByRole('heading', { level: 2, name: new RegExp(subject) });
  await expect(header).toBeVisible();
  await expect(desk.locator('.ticket__header').getByText('Out of hours')).toBeVisible();
  const row = queue.getByRole('listitem').filter({ hasText: subject });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Phone');
  await expect(row).toContainText('Out of hours');
  await agent.close();
});
