/**
 * The desk speaks the agent's language: a browser set to German gets the queue and a ticket in German, and
 * `<html lang="de">`; the header's Language picker switches to Arabic, laid out right to left (`dir="rtl"`),
 * kept for the next visit, and axe-core finds no serious or critical violation there.
 */
import { expect, test, type BrowserContext } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { signInAgent } from './support/frontdesk';

async function createTicket(context: BrowserContext, subject: string): Promise<string> {
  const created = await context.request.post('/api/tickets', {
    data: { subject, description: 'Der Drucker raucht.', channel: 'phone', urgency: 'high', impact: 'medium', requester: { name: 'Ada Byron', email: 'ada@example.com', timeZone: 'Europe/Berlin' } },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('sees sign-in, the queue and a ticket in German; Arabic, once picked, is right to left and passes axe', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'de-DE' });
    try {
      const signedOut = await context.newPage();
      await signedOut.goto('/desk');
      await expect(signedOut.getByRole('button', { name: 'Anmelden' })).toBeVisible();
      await expect(signedOut.locator('html')).toHaveAttribute('lang', 'de');
      await signedOut.close();

      await signInAgent(context.request);
      const subject = `Drucker brennt ${Date.now().toString(36)}`;
      const id = await createTicket(context, subject);
      const desk = await context.newPage();
      await desk.goto(`/desk#/tickets/${id}`);
      const queue = desk.getByRole('region', { name: 'Warteschlange' });
      await expect(queue.getByRole('heading', { name: 'Warteschlange' })).toBeVisible();
      await expect(desk.getByRole('navigation', { name: 'Desk-Seiten' }).getByRole('link', { name: 'Wissensdatenbank' })).toBeVisible();
      await expect(queue.getByText(subject)).toBeVisible();
      const ticket = desk.getByRole('region', { name: 'Ticket' }).last();
      await expect(ticket.getByRole('log', { name: 'Nachrichten' })).toBeVisible();
      await expect(ticket.getByRole('button', { name: 'Als gelöst markieren' })).toBeVisible();
      await expect(ticket.getByRole('combobox', { name: 'Status' })).toHaveValue('new');
      await expect(ticket.getByRole('combobox', { name: 'Status' }).locator('option:checked')).toHaveText('Neu');
      await expect(desk.getByRole('button', { name: 'Antwort senden' })).toBeVisible();
      await expect(desk.getByRole('textbox', { name: 'Antwort' })).toHaveAttribute('placeholder', /An den Kunden schreiben/);
      await expect(desk.locator('html')).toHaveAttribute('dir', 'ltr');

      // The agent's own choice beats the browser's, is laid out right to left, and is kept for next time.
      await desk.getByRole('combobox', { name: 'Sprache' }).selectOption('ar');
      await expect(desk.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(desk.locator('html')).toHaveAttribute('lang', 'ar');
      await expect(desk.getByRole('region', { name: 'قائمة الانتظار' })).toBeVisible();
      await expect(desk.getByRole('button', { name: 'إرسال الرد' })).toBeVisible();
      // The queue sits at the start of the line: on the right in Arabic.
      const queueBox = await desk.getByRole('region', { name: 'قائمة الانتظار' }).boundingBox();
      const ticketBox = await desk.getByRole('region', { name: 'التذكرة' }).last().boundingBox();
      expect(queueBox && ticketBox && queueBox.x > ticketBox.x).toBe(true);
      expect(await seriousViolations(desk), 'desk in Arabic').toEqual([]);

      await desk.reload();
      await expect(desk.getByRole('region', { name: 'قائمة الانتظار' })).toBeVisible();
      await expect(desk.locator('html')).toHaveAttribute('dir', 'rtl');
    } finally {
      await context.close();
    }
  });
});
