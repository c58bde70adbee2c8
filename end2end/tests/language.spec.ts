import { expect, test } from '@playwright/test';
import { tomorrowAt } from './composer';

test.describe('a browser that prefers French', () => {
  test.use({ locale: 'fr-FR' });

  test('gets the app in French, and a switch to English keeps the form as it was and is remembered', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { name: 'Nouvelle campagne' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('#provider option')).toHaveCount(2);
    await expect(page.locator('#provider option').first()).toHaveText(/\(bac à sable\)$/);
    // French puts a space before the colon.
    await expect(page.getByTestId('balance')).toHaveText(/^Octopush : [\d\s\u202f]+,\d{2} EUR$/);

    await page.getByLabel('Message').fill('Votre colis arrive demain.');
    await expect(page.locator('#text-counter')).toHaveText('26 caractères · GSM-7 · 1 SMS · 134 restants dans cette partie');
    await page.getByLabel(/^Destinataires/).fill('06 12 34 56 78');
    await page.getByLabel('Low cost').check();
    await page.getByLabel(/^Envoi le/).fill(tomorrowAt('10:00'));
    const verdict = page.getByTestId('preview-verdict');
    await expect(verdict).toContainText('À l\'heure demandée');
    await expect(verdict).toContainText(/1 partie en 1 requête au fournisseur, coût estimé 0,\d\d \S+/);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'New campaign' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#text-counter')).toHaveText('26 characters · GSM-7 · 1 SMS · 134 left in this part');
    await expect(verdict).toContainText('At the requested time');
    // What was typed and chosen stays.
    await expect(page.getByLabel('Message')).toHaveValue('Votre colis arrive demain.');
    await expect(page.getByLabel('Low cost')).toBeChecked();
    // Infobip, then Octopush again: the campaign type shown is still the one chosen.
    await page.locator('#provider').selectOption('infobip');
    await expect(page.getByLabel('Low cost')).toHaveCount(0);
    await page.locator('#provider').selectOption('octopush');
    await expect(page.getByLabel('Low cost')).toBeChecked();
    // A chosen provider stays chosen when the list is drawn in another language.
    await page.locator('#provider').selectOption('infobip');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.locator('#provider')).toHaveValue('infobip');
    await page.getByRole('button', { name: 'English' }).click();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'New campaign' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  });
});

test('an English browser can switch to French on any page, and the choice follows it to the others', async ({ page }) => {
  await page.goto('./campaigns');
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { name: 'Campagnes' })).toBeVisible();
  await expect(page.getByRole('search', { name: 'Filtrer les campagnes' })).toBeVisible();

  await page.getByRole('link', { name: 'Réglages' }).click();
  await expect(page.getByRole('heading', { name: 'Fournisseurs' })).toBeVisible();
  await expect(page.getByTestId('base-path')).toHaveText('/ (la racine du site)');
  await expect(page.getByTestId('policies')).toContainText('Règle');
  await expect(page.getByTestId('policies')).toContainText('lundi–samedi 08:00–20:00, jamais les jours fériés en France (Europe/Paris)');
  await expect(page.getByTestId('policies')).toContainText('heure locale du destinataire');
  await expect(page.getByText(/^Au plus 1 message marketing par numéro en 7 jours/)).toBeVisible();
  await expect(page.getByTestId('provider-octopush')).toContainText('non : Octopush ne peut pas mettre une campagne en pause.');

  await page.getByRole('link', { name: 'Désinscriptions' }).click();
  await expect(page.getByRole('heading', { name: 'Ajouter des numéros' })).toBeVisible();
  await page.getByLabel('Numéros, un par ligne').fill('not a number');
  await page.getByRole('button', { name: 'Ajouter à la liste' }).click();
  await expect(page.locator('#opt-out-numbers-errors')).toHaveText('Ligne 1 : « not a number » n\'est pas un numéro de téléphone.');
});
