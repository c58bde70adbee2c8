import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer } from './composer';

test("offers the chosen provider's own options; Octopush's blacklist fee is in the estimate", async ({ page }) => {
  await openComposer(page);
  const options = page.locator('#provider-options');
  await expect(options.locator('legend')).toHaveText('Octopush options');
  await expect(page.getByLabel(/^Flash SMS/)).toHaveCount(0);
  await fillValidForm(page);
  const parts = page.getByTestId('preview-parts');
  // Two parts at the sandbox's 0.055 EUR, then the fee of the one request.
  await expect(parts).toContainText('estimated cost 0.11 EUR');
  await page.getByLabel(/^Leave out the numbers on the Octopush account's blacklist/).check();
  await expect(parts).toContainText('estimated cost 0.12 EUR');

  await page.locator('#provider').selectOption('infobip');
  await expect(options.locator('legend')).toHaveText('Infobip options');
  await expect(page.getByLabel(/blacklist/)).toHaveCount(0);
  await expect(page.getByLabel(/^Flash SMS/)).toBeVisible();
  // Infobip's estimate has no blacklist fee: the option stays with Octopush.
  await expect(parts).toContainText('estimated cost 0.09 EUR');
});

test("says what is wrong with Infobip's validity period, then schedules a flash SMS", async ({ page }) => {
  await openComposer(page);
  await page.locator('#provider').selectOption('infobip');
  await fillValidForm(page);
  const validity = page.getByLabel(/^Stop trying to deliver after/);
  await validity.fill('2h');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#provider-options-errors')).toHaveText('"2h" is not a whole number of minutes.');
  await expect(validity).toHaveAttribute('aria-invalid', 'true');

  await validity.fill('3000');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#provider-options-errors')).toContainText('3000 minutes: Infobip keeps trying');

  await validity.fill('90');
  await page.getByLabel(/^Flash SMS/).check();
  await page.getByRole('button', { name: 'Schedule' }).click();
  // The confirm step restates them.
  await expect(page.getByTestId('confirm-options')).toHaveText('flash SMS, delivery tried for at most 90 minutes');
  await page.getByRole('button', { name: 'Confirm and schedule' }).click();
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  await expect(page.locator('#provider-options-errors li')).toHaveCount(0);
  // The campaign's page keeps them.
  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  await expect(page.getByTestId('campaign-options')).toHaveText('flash SMS, delivery tried for at most 90 minutes');
});
