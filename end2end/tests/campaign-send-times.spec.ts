import { expect, test } from '@playwright/test';
import { fillValidForm, marketingTo, openComposer, scheduleAndConfirm } from './composer';

/// The next Sunday after today and the Monday after it, as datetime-local dates.
function nextSundayAndMonday(): [string, string] {
  const sunday = new Date();
  sunday.setUTCDate(sunday.getUTCDate() + (7 - sunday.getUTCDay()));
  const monday = new Date(sunday.getTime() + 24 * 3600 * 1000);
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
