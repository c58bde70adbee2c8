import { expect, test, type Page } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm, tomorrowAt } from './composer';
import { EMBEDDED, PORTAL } from './servers';

/// Schedules `text` to a number the sandbox delivers (…78) and one it cannot (…01).
async function scheduleTwo(page: Page, text: string, provider: 'octopush' | 'infobip', now: boolean) {
  await openComposer(page);
  await page.locator('#provider').selectOption(provider);
  await fillValidForm(page);
  await page.getByLabel('Message').fill(text);
  await page.getByLabel(/^Recipients/).fill('+33 6 12 34 56 78\n+33 6 98 76 54 01');
  if (now) await page.getByLabel('Now', { exact: true }).check();
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
}

test('lists a campaign and follows its recipients live as the sandbox clock moves', async ({ page }) => {
  const text = `Live status check ${Date.now()}`;
  await scheduleTwo(page, text, 'octopush', true);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  const row = page.getByTestId('campaign-row').filter({ hasText: text });
  await expect(row).toContainText('Octopush');
  await expect(row).toContainText('in progress');
  // Asked for again every 5 s while a campaign is in progress: unchanged, it comes back "not
  // modified", without a body, and the list stays as shown.
  await page.waitForResponse(
    (response) => response.url().endsWith('/api/list_campaigns') && response.status() === 304,
    { timeout: 16_000 },
  );
  await expect(row).toContainText('in progress');
  await row.getByRole('link', { name: text }).click();

  await expect(page.getByTestId('campaign-text')).toHaveText(text);
  // Handed over for now: accepted, or already sent if the sandbox was quick.
  await expect(page.getByTestId('status-counts')).toContainText(/2 (accepted|sent)/);
  await expect(page.getByTestId('timeline')).toContainText('scheduling');
  await expect(page.getByTestId('recipients')).toContainText('+33612345678');

  // The sandbox settles messages some seconds after their send time on its own clock.
  const moved = await page.request.post(`${EMBEDDED.url}sandbox/control/clock/advance`, {
    data: { seconds: 600 },
  });
  expect(moved.ok()).toBeTruthy();
  await expect(page.getByTestId('status-counts')).toContainText('1 delivered', { timeout: 20_000 });
  await expect(page.getByTestId('status-counts')).toContainText('1 failed');
  await expect(page.getByTestId('campaign-state')).toHaveText('finished');

  // Only the failed one, its history, and the same selection as a CSV file.
  await page.getByLabel('Show').selectOption({ label: 'failed (1)' });
  const recipients = page.getByTestId('recipients');
  await expect(recipients.locator('tbody tr')).toHaveCount(1);
  await expect(recipients).toContainText('+33698765401');
  // Why, in words, with the provider's own code; in French too.
  await expect(recipients).toContainText(
    'the phone was off, out of reach or could not take it (Octopush: NOT_DELIVERED)',
  );
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(recipients).toContainText("le téléphone était éteint, hors de portée ou n'a pas pu le recevoir");
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('1–1 of 1')).toBeVisible();
  await page.getByRole('button', { name: 'History of line 2' }).click();
  const history = page.getByTestId('recipient-history');
  await expect(history).toContainText('accepted');
  await expect(history).toContainText('failed');
  const exported = page.getByRole('link', { name: 'Export as CSV' });
  await expect(exported).toHaveAttribute('href', /recipients\.csv\?status=failed$/);
  const csv = await page.request.get(new URL((await exported.getAttribute('href'))!, page.url()).href);
  expect(csv.ok()).toBeTruthy();
  const lines = (await csv.text()).trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('+33698765401,failed');
});

test('filters the list by words, number, provider and state', async ({ page }) => {
  const word = `Filter${Date.now()}`;
  await scheduleTwo(page, `${word} on Infobip`, 'infobip', false);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  const rows = page.getByTestId('campaign-row');

  await page.getByLabel('Search').fill(word.toLowerCase());
  // The list before the search stays until its answer comes: waited for as one row, this one.
  await expect(rows).toHaveText([new RegExp(`${word} on Infobip`)]);
  await page.getByLabel('Provider').selectOption('octopush');
  await expect(page.getByTestId('no-match')).toHaveText('No campaign matches these filters.');
  await page.getByLabel('Provider').selectOption('infobip');
  await page.getByLabel('State').selectOption('paused');
  await expect(page.getByTestId('no-match')).toBeVisible();
  // Waiting at the provider for tomorrow: scheduled, not in progress.
  await page.getByLabel('State').selectOption('in_progress');
  await expect(page.getByTestId('no-match')).toBeVisible();
  await page.getByLabel('State').selectOption('scheduled');
  await expect(rows).toHaveCount(1);
  await expect(rows.locator('td').last()).toHaveText('scheduled');

  // A number, written the national way, finds every campaign sent to it.
  await page.getByLabel('Search').fill('06 98 76 54 01');
  await expect(rows.filter({ hasText: `${word} on Infobip` })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Octopush' })).toHaveCount(0);
});

test('cancels an Infobip campaign after asking, and says why the other actions are gone', async ({ page }) => {
  const text = `Cancel check ${Date.now()}`;
  await scheduleTwo(page, text, 'infobip', false);
  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  await expect(page.getByTestId('status-counts')).toContainText('2 scheduled');

  await page.getByRole('button', { name: 'Cancel campaign' }).click();
  await expect(page.getByText('Cancel every message of this campaign not sent yet?')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, cancel' }).click();

  await expect(page.getByTestId('operation-outcome')).toContainText('cancellation: 1 provider request done, 2 recipients changed.');
  await expect(page.getByTestId('status-counts')).toContainText('2 canceled');
  await expect(page.getByTestId('campaign-state')).toHaveText('canceled');
  await expect(page.getByTestId('timeline')).toContainText('cancellation');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeDisabled();
  // Nothing is left at the provider: said once above the operations, not under each.
  await expect(page.getByTestId('actions-refused')).toHaveText(/.+/);
  await expect(page.locator('#pause-refused')).toBeEmpty();
  await expect(page.locator('#cancel-refused')).toBeEmpty();
  // Who canceled each recipient, in the page's language.
  const rows = page.getByTestId('recipients').locator('tbody tr');
  await expect(rows.filter({ hasText: 'canceled by local-operator' })).toHaveCount(2);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(rows.filter({ hasText: 'annulé par local-operator' })).toHaveCount(2);
  await page.getByRole('button', { name: 'English' }).click();
});

test('reschedules an Infobip campaign to a new time', async ({ page }) => {
  const text = `Reschedule check ${Date.now()}`;
  await scheduleTwo(page, text, 'infobip', false);
  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  await expect(page.getByTestId('status-counts')).toContainText('2 scheduled');

  const later = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page.getByLabel("New time, in the campaign's time zone").fill(`${later}T11:30`);
  await page.getByRole('button', { name: 'Reschedule' }).click();
  await expect(page.getByTestId('operation-outcome')).toContainText('rescheduling: 1 provider request done');
  await expect(page.getByTestId('timeline')).toContainText('rescheduling');
  await expect(page.getByTestId('recipients')).toContainText(`${later} 11:30`);
  // The campaign's own time follows, on its own clock, and so does its history.
  await expect(page.getByTestId('campaign-send-at')).toHaveText(`${later} 11:30 Europe/Paris`);
  await expect(page.getByTestId('timeline')).toContainText(`${later} 11:30 Europe/Paris`);
});

test('a refused new time says which recipients break which rule', async ({ page }) => {
  const text = `Sale -20% this week ${Date.now()}. STOP au 36111`;
  await openComposer(page);
  await page.locator('#provider').selectOption('infobip');
  await fillValidForm(page);
  await page.getByLabel('Message').fill(text);
  await page.getByLabel(/^Marketing/).check();
  // A Wednesday, then a Sunday: French marketing never goes on a Sunday.
  const day = (weekday: number) => {
    const date = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    while (date.getUTCDay() !== weekday) date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString().slice(0, 10);
  };
  await page.getByLabel(/^Send at/).fill(`${day(3)}T10:00`);
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  await page.getByLabel("New time, in the campaign's time zone").fill(`${day(0)}T10:00`);
  await page.getByRole('button', { name: 'Reschedule' }).click();
  const problems = page.getByTestId('operation-problems');
  await expect(problems).toContainText('line 1 (+33612345678)');
  await expect(problems).not.toContainText('Some fields need attention');
});

test('pages and server calls stay under the portal sub-path', async ({ page }) => {
  await page.goto(`${PORTAL.url}campaigns`);
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
  await page.getByRole('link', { name: 'Compose' }).click();
  await expect(page).toHaveURL(/\/tools\/sms\/?$/);
  await expect(page.getByRole('heading', { name: 'New campaign' })).toBeVisible();
  await page.getByRole('link', { name: 'Campaigns' }).click();
  await expect(page).toHaveURL(/\/tools\/sms\/campaigns$/);
});

test('pages through the recipients of a campaign a hundred at a time', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  const numbers = Array.from({ length: 150 }, (_, i) => `+3361200${String(i).padStart(4, '0')}`);
  await page.getByLabel(/^Recipients/).fill(numbers.join('\n'));
  await scheduleAndConfirm(page);
  await page.getByRole('link', { name: 'Follow this campaign' }).click();

  const recipients = page.getByTestId('recipients');
  await expect(recipients.locator('tbody tr')).toHaveCount(100);
  await expect(page.getByText('1–100 of 150')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Previous' })).toBeDisabled();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('101–150 of 150')).toBeVisible();
  await expect(recipients.locator('tbody tr')).toHaveCount(50);
  await expect(recipients).toContainText('+33612000149');
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
});

test.describe('on a browser whose clock is in Auckland', () => {
  test.use({ timezoneId: 'Pacific/Auckland' });

  test('shows when a campaign was created on the browser\'s own clock, to the minute', async ({ page }) => {
    const text = `Clock check ${Date.now()}`;
    await scheduleTwo(page, text, 'octopush', true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    const created = page.getByTestId('campaign-row').filter({ hasText: text }).locator('time');
    await expect(created).toHaveCount(1);
    const instant = await created.getAttribute('datetime');
    expect(instant).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    // The same instant as Auckland reads it (sv-SE writes dates and times as YYYY-MM-DD HH:MM).
    const expected = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Pacific/Auckland', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).format(new Date(instant!));
    // With the offset it is read at: a time never shows without its zone.
    const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Pacific/Auckland', timeZoneName: 'shortOffset' })
      .formatToParts(new Date(instant!))
      .find((part) => part.type === 'timeZoneName')!
      .value.replace('GMT', 'UTC');
    await expect(created).toHaveText(`${expected} ${offset}`);
    await expect(created).toHaveAttribute('title', instant!);
  });
});

test.describe('in a browser on New York time', () => {
  test.use({ timezoneId: 'America/New_York' });

  test("a campaign's own time is on its own clock, and every other time names its zone", async ({ page }) => {
    await openComposer(page);
    await fillValidForm(page);
    await expect(page.getByLabel('Time zone')).toHaveValue('America/New_York');
    await page.getByLabel('Time zone').fill('Europe/Paris');
    await scheduleAndConfirm(page);
    const day = tomorrowAt('10:00').slice(0, 10);
    await expect(page.getByTestId('send-time')).toHaveText(`${day} 10:00 Europe/Paris`);
    await page.getByRole('link', { name: 'Follow this campaign' }).click();
    await expect(page.getByTestId('campaign-send-at')).toHaveText(`${day} 10:00 Europe/Paris`);
    // The recipients' times on the browser's clock say so: 10:00 in Paris is 04:00 in New York.
    await expect(page.getByTestId('recipients')).toContainText(/ 0[45]:00 UTC−[45]/);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a recipient\'s history opens where the table is scrolled to, on screen', async ({ page }) => {
    await openComposer(page);
    await fillValidForm(page);
    await scheduleAndConfirm(page);
    await page.getByRole('link', { name: 'Follow this campaign' }).click();
    await expect(page.getByTestId('recipients')).toBeVisible();
    // The History button is the table's last column: reaching it scrolls the table sideways.
    await page.getByRole('button', { name: 'History of line 2' }).click();
    const history = page.getByTestId('recipient-history');
    await expect(history).toContainText('scheduled');
    const scrolled = await page.locator('.table-scroll').filter({ has: history }).evaluate((table) => table.scrollLeft);
    expect(scrolled).toBeGreaterThan(0);
    const box = (await history.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  });
});
