import { expect, type Page } from '@playwright/test';

/// Tomorrow at the given wall-clock time, as a datetime-local value.
export function tomorrowAt(time: string): string {
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  return `${tomorrow.toISOString().slice(0, 10)}T${time}`;
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
