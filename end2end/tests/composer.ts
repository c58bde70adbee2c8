import { expect, type Page } from '@playwright/test';

/// Tomorrow at the given wall-clock time, as a datetime-local value: tomorrow's date on the clock
/// farthest ahead that a test browses from (Auckland), so that the time is in the future in every
/// zone the tests use, whatever the hour they run at (UTC's date is already yesterday in Auckland
/// from 11:00 there).
export function tomorrowAt(time: string): string {
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Pacific/Auckland',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(tomorrow);
  return `${day}T${time}`;
}

/// Opens the composer and waits until the wasm app has rendered it and loaded the providers.
export async function openComposer(page: Page, url = './') {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'New campaign' })).toBeVisible();
  await expect(page.locator('#provider option')).toHaveCount(2);
}

export async function fillValidForm(page: Page) {
  await page.getByLabel('Message').fill('Your parcel arrives tomorrow between 9 and 12.');
  await page.getByLabel(/^Recipients/).fill('06 12 34 56 78\n+33 6 98 76 54 32');
  await page.getByLabel(/^Sender/).fill('ACME');
  await page.getByLabel(/^Send at/).fill(tomorrowAt('10:00'));
}

/// Schedules the form as it stands: the check, then the confirm step.
export async function scheduleAndConfirm(page: Page) {
  await page.getByRole('button', { name: 'Schedule' }).click();
  await page.getByRole('button', { name: 'Confirm and schedule' }).click();
}

/// The valid form as a marketing campaign to `recipients`, with the opt-out mention.
export async function marketingTo(page: Page, recipients: string, text = 'Sale this week only. STOP au XXXXX') {
  await fillValidForm(page);
  await page.getByLabel('Marketing').check();
  await page.getByLabel('Message').fill(text);
  await page.getByLabel(/^Recipients/).fill(recipients);
}
