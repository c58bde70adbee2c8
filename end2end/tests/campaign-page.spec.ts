import { expect, test, type Page } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm, tomorrowAt } from './composer';

/// Counts the campaign page's polls from now on.
function countPolls(page: Page): () => number {
  let polls = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/get_campaign')) polls += 1;
  });
  return () => polls;
}

/// Counts the polls answered "not modified" (no body: the page keeps what it shows) from now on.
function countUnchangedAnswers(page: Page): () => number {
  let unchanged = 0;
  page.on('response', (response) => {
    if (response.url().endsWith('/api/get_campaign') && response.status() === 304) unchanged += 1;
  });
  return () => unchanged;
}

/// Says to the page that its tab is hidden or shown, as the browser does when the user switches tabs.
async function setTabHidden(page: Page, hidden: boolean) {
  await page.evaluate((hidden) => {
    Object.defineProperty(document, 'hidden', { value: hidden, configurable: true });
    Object.defineProperty(document, 'visibilityState', { value: hidden ? 'hidden' : 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, hidden);
}

test('an Octopush campaign is canceled through its page, and a finished or hidden page stops asking', async ({ page }) => {
  // It watches the polls for 14 s on purpose, besides scheduling and canceling.
  test.setTimeout(60_000);
  const text = `Octopush cancel ${Date.now()}`;
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel('Message').fill(text);
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  await expect(page.getByTestId('status-counts')).toContainText('2 scheduled');

  // Still live (scheduled): polled every 3 s while shown, never while hidden, at once when shown again.
  // Nothing has changed: the server says so without sending the campaign again.
  const polls = countPolls(page);
  const unchanged = countUnchangedAnswers(page);
  await expect.poll(polls, { timeout: 8_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(unchanged, { timeout: 4_000 }).toBeGreaterThanOrEqual(1);
  await setTabHidden(page, true);
  const whileHidden = polls();
  await page.waitForTimeout(7_000);
  expect(polls()).toBe(whileHidden);
  await setTabHidden(page, false);
  await expect.poll(polls, { timeout: 1_000 }).toBeGreaterThan(whileHidden);

  // Two recipients, tomorrow: within Octopush's cancel limits.
  await page.getByRole('button', { name: 'Cancel campaign' }).click();
  await page.getByRole('button', { name: 'Yes, cancel' }).click();
  await expect(page.getByTestId('status-counts')).toContainText('2 canceled');
  await expect(page.getByTestId('campaign-state')).toHaveText('canceled');

  // Canceled, as finished: nothing more to ask.
  const whenFinished = polls();
  await page.waitForTimeout(7_000);
  expect(polls()).toBe(whenFinished);
});

test("in each recipient's own time: the confirm step says who is sent at the campaign's time for want of a zone", async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  // A New York number with no zone column: the United States has several zones.
  await page.getByLabel(/^Recipients/).fill('+33 6 12 34 56 78\n+1 212 736 5000');
  await page.getByLabel(/^Read this time on each recipient's own clock/).check();
  await page.getByLabel(/^Send at/).fill(tomorrowAt('09:00'));
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('confirm-when')).toContainText("in each recipient's own time");
  await expect(page.getByTestId('confirm-warnings')).toContainText(
    "1 recipient: time zone not known: sent at 09:00 in the campaign's zone, Europe/Paris",
  );
});

test("in each recipient's own time: each recipient's send time is their own 10:00", async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel(/^Recipients/).fill('+33 6 12 34 56 78\n+81 90 1234 5678');
  await page.getByLabel(/^Read this time on each recipient's own clock/).check();
  await page.getByLabel(/^Send at/).fill(tomorrowAt('10:00'));
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  // Two instants, one per zone, each 10:00 where the recipient is: said on the campaign's clock
  // (Paris, where Tokyo's 10:00 is 02:00 in winter).
  const sendTime = page.getByTestId('send-time');
  await expect(sendTime).toContainText('02:00');
  await expect(sendTime).toContainText('10:00');
  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  const rows = page.getByTestId('recipients').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '+33612345678' })).toContainText('10:00');
  await expect(rows.filter({ hasText: '+819012345678' })).toContainText('02:00');
});
