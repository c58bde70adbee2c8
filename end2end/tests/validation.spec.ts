import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm } from './composer';

test('explains every bad field next to it, and sends nothing', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel('Message').fill('');
  await page.getByLabel(/^Sender/).fill('AB');
  await page.getByLabel(/^Recipients/).fill('+33612345678\n06 12');
  await page.getByLabel(/^Send at/).fill('2020-01-01T10:00');
  await page.getByRole('button', { name: 'Schedule' }).click();

  await expect(page.getByTestId('form-error')).toHaveText('Some fields need attention.');
  await expect(page.locator('#text-errors')).toHaveText('The message is empty.');
  await expect(page.locator('#sender-errors')).toHaveText('The sender must have at least 3 characters (it has 2).');
  await expect(page.locator('#recipients-errors')).toHaveText("Line 2: '06 12' is not a valid number for its country.");
  await expect(page.locator('#send-at-errors')).toContainText('2020-01-01 10:00 in Europe/Paris is in the past');
  await expect(page.getByLabel(/^Sender/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toHaveCount(0);
});

test('after Schedule, the first field to fix has the focus', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel(/^Recipients/).fill('+33612345678\n06 12');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#recipients-errors')).toHaveText("Line 2: '06 12' is not a valid number for its country.");
  await expect(page.getByLabel(/^Recipients/)).toBeFocused();
});

test('refuses a marketing SMS without the opt-out mention before it reaches the provider', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel('Marketing').check();
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#text-errors')).toContainText('STOP au XXXXX');
});

test('clears the errors once the form is corrected', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel(/^Sender/).fill('A');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#sender-errors')).not.toBeEmpty();
  await page.getByLabel(/^Sender/).fill('ACME');
  await scheduleAndConfirm(page);
  await expect(page.getByTestId('reference')).toBeVisible();
  await expect(page.locator('#sender-errors')).toBeEmpty();
});

test('says the server\'s explanations in the chosen language, those already shown included', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel(/^Sender/).fill('AB');
  await page.getByLabel(/^Recipients/).fill('+33612345678\n06 12');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#sender-errors')).toHaveText('The sender must have at least 3 characters (it has 2).');

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('Certains champs sont à revoir.');
  await expect(page.locator('#sender-errors')).toHaveText("L'expéditeur doit compter au moins 3 caractères (il en a 2).");
  await expect(page.locator('#recipients-errors')).toHaveText('Ligne 2 : « 06 12 » n\'est pas un numéro valide pour son pays.');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#recipients-errors')).toHaveText("Line 2: '06 12' is not a valid number for its country.");
});
