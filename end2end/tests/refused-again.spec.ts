import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm, tomorrowAt } from './composer';
import { UNDERPRICED } from './servers';

// The server's Octopush price is set far below the sandbox's: the estimate passes the credit check,
// then Octopush takes the 100-recipient request the balance covers and refuses the 500 one.
test('refused recipients are offered again, from the receipt and from the campaign page, in a form to check', async ({ page }) => {
  await openComposer(page, UNDERPRICED.url);
  await fillValidForm(page);
  await page.getByLabel('Message').fill('a'.repeat(1224));
  const numbers = Array.from({ length: 600 }, (_, n) => `+3366${String(n).padStart(7, '0')}`);
  await page.getByLabel(/^Recipients/).fill(numbers.join('\n'));
  await scheduleAndConfirm(page);

  await expect(page.getByRole('heading', { name: 'Partly scheduled: 100 of 600 recipients handed over' })).toBeVisible();
  const campaignPage = await page.getByRole('link', { name: 'Follow this campaign' }).getAttribute('href');
  await expect(page.getByTestId('refused-again-link')).toHaveText('Schedule the 500 refused recipients again');
  await page.getByTestId('refused-again-link').click();

  const refused = numbers.slice(0, 500).join('\n');
  await expect(page.getByTestId('refused-again')).toContainText('The 500 recipients Octopush refused');
  await expect(page.getByLabel(/^Recipients/)).toHaveValue(refused);
  await expect(page.getByLabel('Message')).toHaveValue('a'.repeat(1224));
  await expect(page.getByLabel(/^Send at/)).toHaveValue(tomorrowAt('10:00'));
  await expect(page.getByTestId('receipt')).toHaveCount(0);
  // Nothing goes without the usual check and confirm step.
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByTestId('confirm')).toBeVisible();

  // The campaign page offers the same, while the refused recipients are there.
  await page.goto(new URL(campaignPage!, UNDERPRICED.url).href);
  await page.getByRole('link', { name: 'Schedule the 500 refused recipients again' }).click();
  await expect(page.getByLabel(/^Recipients/)).toHaveValue(refused);
});

test('a campaign with nothing refused offers nothing to schedule again', async ({ page }) => {
  await openComposer(page, UNDERPRICED.url);
  await fillValidForm(page);
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  await expect(page.getByTestId('refused-again-link')).toHaveCount(0);
  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  await expect(page.getByTestId('campaign-text')).toBeVisible();
  await expect(page.getByTestId('refused-again-link')).toHaveCount(0);
});

test('a personalised campaign is scheduled again from its page with each recipient\'s values', async ({ page }) => {
  await openComposer(page, UNDERPRICED.url);
  await fillValidForm(page);
  await page.getByLabel('Message').fill('Hello {first_name}, your parcel arrives tomorrow.');
  await page.getByLabel(/^Recipients/).fill('phone;first_name\n06 12 34 56 78;Zoé\n+33 6 98 76 54 32;"Luc, Jr"');
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  await page.getByTestId('copy-campaign-link').click();

  await expect(page.getByTestId('refused-again')).toContainText("The campaign's 2 recipients and settings (Octopush), as a new campaign");
  await expect(page.getByLabel(/^Recipients/)).toHaveValue('phone,first_name\n+33612345678,Zoé\n+33698765432,"Luc, Jr"');
  await expect(page.getByLabel('Message')).toHaveValue('Hello {first_name}, your parcel arrives tomorrow.');
  await expect(page.getByLabel(/^Send at/)).toHaveValue(tomorrowAt('10:00'));
  // The preview fills each one's text in, and nothing goes without the confirm step.
  await expect(page.getByText('Hello Luc, Jr, your parcel arrives tomorrow.')).toBeVisible();
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByTestId('confirm')).toBeVisible();
});

test('a balance that would not pay for the last campaign again is said in the header, on every page', async ({ page }) => {
  await openComposer(page, UNDERPRICED.url);
  await expect(page.getByTestId('balance')).toHaveText(/EUR$/);
  await expect(page.getByTestId('low-balance')).toHaveCount(0);
  await fillValidForm(page);
  await page.locator('#provider').selectOption('infobip');
  // 12 recipients at 0.045 EUR: 0.54 EUR out of 1.00 EUR, leaving 0.46 EUR.
  const numbers = Array.from({ length: 12 }, (_, n) => `+3367${String(n).padStart(7, '0')}`);
  await page.getByLabel(/^Recipients/).fill(numbers.join('\n'));
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();

  const warning = page.getByTestId('low-balance');
  await expect(warning).toHaveText('Infobip balance low: 0.46 EUR, less than the last campaign (12 recipients, 0.54 EUR)');
  await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await expect(warning).toBeVisible();
  await warning.click();
  await expect(page).toHaveURL(/\/settings$/);
});
