import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm } from './composer';

test('schedules an SMS through the Octopush sandbox and shows its reference', async ({ page }) => {
  await openComposer(page);
  await expect(page.locator('#provider')).toContainText('Octopush (sandbox)');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Paris');

  await fillValidForm(page);
  await scheduleAndConfirm(page);

  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  await expect(page.getByTestId('reference')).toHaveText(/^sms_[0-9a-f]{13}$/);
  await expect(page.getByTestId('contacts')).toHaveText('2');
  // Octopush's own cost, in the currency every other amount is shown in.
  await expect(page.getByTestId('cost')).toHaveText(/^\d+\.\d{2} EUR$/);
  await expect(page.getByTestId('send-time')).toHaveText(/^\d{4}-\d{2}-\d{2} 10:00 Europe\/Paris$/);
  await expect(page.getByTestId('form-error')).toHaveCount(0);
});

test('shows the sandbox balance', async ({ page }) => {
  await openComposer(page);
  await expect(page.getByTestId('balance')).toHaveText(/^Octopush: \d+\.\d{2} EUR$/);
});

test('counts characters, encoding and parts as the user types', async ({ page }) => {
  await openComposer(page);
  const message = page.getByLabel('Message');
  await message.fill('Hello');
  await expect(page.locator('#text-counter')).toHaveText('5 characters · GSM-7 · 1 SMS · 155 left in this part');
  await message.fill('It\u2019s ready');
  await expect(page.locator('#text-counter')).toContainText('UCS-2');
  await expect(page.locator('#text-encoding-warning')).toContainText('U+2019, replace with');
  await message.fill('a'.repeat(161));
  await expect(page.locator('#text-counter')).toContainText('GSM-7 · 2 SMS');
  await expect(page.locator('#text-encoding-warning')).toBeEmpty();
  // A euro sign takes two of the 160: the counter's drop by two is explained.
  await message.fill('Only 5\u20ac');
  await expect(page.locator('#text-counter')).toHaveText('7 characters · GSM-7 · 1 SMS · 152 left in this part');
  await expect(page.locator('#text-encoding-warning')).toHaveText(
    '\u201c\u20ac\u201d counts as two characters in GSM-7 (an escape, then itself).',
  );
  // A placeholder's braces are not sent: no hint for them.
  await message.fill('Hello {first_name}');
  await expect(page.locator('#text-encoding-warning')).toBeEmpty();
  // An é typed as e and a separate accent (as some systems write it): the one letter is offered.
  await message.fill('Cafe\u0301');
  await expect(page.locator('#text-counter')).toContainText('UCS-2');
  await expect(page.locator('#text-encoding-warning')).toContainText(
    'then an accent typed apart, U+0301; replace both with \u201c\u00e9\u201d',
  );
  await message.fill('Caf\u00e9');
  await expect(page.locator('#text-counter')).toContainText('GSM-7');
});

test('schedules through the Infobip sandbox under our own bulk id', async ({ page }) => {
  await openComposer(page);
  await page.locator('#provider').selectOption('infobip');
  await expect(page.getByText('Campaign type')).toHaveCount(0);
  await fillValidForm(page);
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  await expect(page.getByTestId('reference')).toHaveText(/^[0-9a-f-]{36}$/);
  await expect(page.getByTestId('contacts')).toHaveText('2');
  await expect(page.getByTestId('balance')).toHaveText(/^Infobip: \d+\.\d{2} EUR$/);
});
