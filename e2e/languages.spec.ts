/**
 * The portal and the messenger's lazily loaded views in the visitor's language, in Chromium: the portal follows
 * the browser's language (German), or `?lang=` (Arabic, laid out right to left); the messenger on a host page,
 * in a French browser, opens "Help articles" and "Your requests" in French.
 */
import { expect, test } from '@playwright/test';
import { HOST_URL } from './support/frontdesk';

test.describe('the portal', () => {
  test.use({ locale: 'de-DE' });

  test('speaks the browser’s language', async ({ page }) => {
    await page.goto('/portal');
    await expect(page.getByRole('heading', { name: 'Melden Sie sich an, um Ihre Anfragen zu sehen' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page).toHaveTitle('Ihre Supportanfragen');
    await page.getByRole('button', { name: 'Anmeldelink per E-Mail schicken' }).click();
    await expect(page.getByRole('alert')).toHaveText('Geben Sie Ihre E-Mail-Adresse ein.');
    await page.getByRole('textbox', { name: 'E-Mail' }).fill('ada@example.net');
    await page.getByRole('button', { name: 'Anmeldelink per E-Mail schicken' }).click();
    await expect(page.getByRole('heading', { name: 'Sehen Sie in Ihr E-Mail-Postfach' })).toBeFocused();
    await expect(page.getByText('ada@example.net', { exact: true })).toBeVisible();
  });

  test('takes ?lang= before the browser, and lays Arabic out right to left', async ({ page }) => {
    await page.goto('/portal?lang=ar');
    const heading = page.getByRole('heading', { name: 'سجّل الدخول لترى طلباتك' });
    await expect(heading).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    expect(await heading.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // Right to left: the page's title sits at the right edge of the header, where a left-to-right page starts.
    const title = await page.getByRole('heading', { level: 1 }).boundingBox();
    const header = await page.locator('.portal-header').boundingBox();
    expect(title!.x + title!.width).toBeGreaterThan(header!.x + header!.width - 2);
    await page.getByRole('button', { name: 'أرسل إليّ رابط تسجيل الدخول' }).click();
    await expect(page.getByRole('alert')).toHaveText('أدخل عنوان بريدك الإلكتروني.');
  });
});

test.describe('the messenger’s lazily loaded views', () => {
  test.use({ locale: 'fr-FR' });

  test('Help articles and Your requests in French', async ({ page }) => {
    await page.goto(HOST_URL);
    await page.getByRole('button', { name: 'Open messenger' }).click();
    const frame = page.frameLocator('iframe[title="Messenger"]');
    await expect(frame.getByRole('button', { name: 'Parler à une personne' })).toBeEnabled({ timeout: 20_000 });
    await frame.getByRole('button', { name: 'Articles d’aide' }).click();
    const panel = frame.getByRole('region', { name: 'Articles d’aide' });
    await expect(panel.getByRole('searchbox', { name: 'Rechercher dans l’aide' })).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'Suggestions pour cette page' })).toBeVisible();
    await panel.getByRole('listitem').first().getByRole('button').click();
    await expect(frame.getByRole('button', { name: 'Cela ne m’a pas aidé' })).toBeVisible();
    await expect(frame.getByText(/^Mis à jour /)).toBeVisible();
    await frame.getByRole('button', { name: 'Retour à la conversation' }).click();
    await frame.getByRole('button', { name: 'Vos demandes' }).click();
    await expect(frame.getByText('Vous n’avez encore aucune demande.')).toBeVisible();
  });
});
