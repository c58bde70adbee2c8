import { expect, test } from '@playwright/test';
import { fillValidForm, marketingTo, openComposer, scheduleAndConfirm } from './composer';

/// Easter Sunday of `year` (the Gregorian computus), as a UTC date.
function easter(year: number): Date {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/// A French public holiday falls on `day` (those that can fall on a Monday).
function frenchHoliday(day: Date): boolean {
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
  if (fixed.includes(day.toISOString().slice(5, 10))) return true;
  const daysAfterEaster = Math.round((day.getTime() - easter(day.getUTCFullYear()).getTime()) / 86_400_000);
  return daysAfterEaster === 1 || daysAfterEaster === 50;
}

/// The next Sunday after today whose Monday is a working day in France, and that Monday, as
/// datetime-local dates.
function nextSundayAndMonday(): [string, string] {
  const sunday = new Date();
  sunday.setUTCDate(sunday.getUTCDate() + (7 - sunday.getUTCDay()));
  let monday = new Date(sunday.getTime() + 86_400_000);
  while (frenchHoliday(monday)) {
    sunday.setUTCDate(sunday.getUTCDate() + 7);
    monday = new Date(sunday.getTime() + 86_400_000);
  }
  return [sunday.toISOString().slice(0, 10), monday.toISOString().slice(0, 10)];
}

test('a campaign the sending rules moved lists when its messages go, the time asked for below', async ({ page }) => {
  const [sunday, monday] = nextSundayAndMonday();
  const text = `Moved by the rules ${Date.now()}. STOP au XXXXX`;
  await openComposer(page);
  await marketingTo(page, '+33 6 12 34 56 78\n+33 6 98 76 54 32', text);
  // France's marketing rule sends Monday to Saturday: Sunday's 10:00 becomes Monday's 08:00.
  await page.getByLabel(/^Send at/).fill(`${sunday}T10:00`);
  await expect(page.getByTestId('preview-deferred')).toHaveText('2');
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  const row = page.getByTestId('campaign-row').filter({ hasText: text });
  await expect(row.getByTestId('campaign-sends')).toHaveText(`${monday} 08:00 Europe/Paris`);
  await expect(row.getByTestId('campaign-asked-for')).toHaveText(`asked for ${sunday} 10:00 Europe/Paris`);
  await expect(row.locator('td').last()).toHaveText('scheduled');

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(row.getByTestId('campaign-asked-for')).toHaveText(`demandé : ${sunday} 10:00 Europe/Paris`);
  await expect(row.locator('td').last()).toHaveText('planifiée');
  await page.getByRole('button', { name: 'English' }).click();

  await row.getByRole('link').first().click();
  const when = page.getByTestId('campaign-send-at');
  await expect(when.getByTestId('campaign-sends')).toHaveText(`${monday} 08:00 Europe/Paris`);
  await expect(when.getByTestId('campaign-asked-for')).toHaveText(`asked for ${sunday} 10:00 Europe/Paris`);
});

test('a campaign sent when asked shows that time alone', async ({ page }) => {
  const text = `Sent when asked ${Date.now()}`;
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel('Message').fill(text);
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  const row = page.getByTestId('campaign-row').filter({ hasText: text });
  await expect(row.getByTestId('campaign-send-time')).toHaveText(/^\d{4}-\d\d-\d\d 10:00 Europe\/Paris$/);
  await expect(row.getByTestId('campaign-asked-for')).toHaveCount(0);
});
