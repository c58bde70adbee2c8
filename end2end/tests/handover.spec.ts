import { expect, test } from '@playwright/test';
import { openComposer, scheduleAndConfirm, tomorrowAt } from './composer';

test('a large campaign shows its hand-over request by request until the receipt comes', async ({ page }) => {
  // The page takes seconds to take in 1,200 typed lines on a busy 2-core machine (noted in the
  // performance issue); this test is about the progress bar, not that.
  test.setTimeout(60_000);
  // The answer to the schedule call is held back until the bar has been read, so the test sees
  // the bar whatever the machine's speed; the bar itself reads the server's real progress.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/schedule_sms', async (route) => {
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });

  await openComposer(page);
  await page.getByLabel('Message').fill('Your parcel arrives tomorrow.');
  // 1,200 recipients: three Octopush requests of at most 500.
  const numbers = Array.from({ length: 1200 }, (_, n) => `+3361${String(n).padStart(7, '0')}`);
  await page.getByLabel(/^Recipients/).fill(numbers.join('\n'));
  await page.getByLabel(/^Send at/).fill(tomorrowAt('10:00'));
  // A simulation goes through the same hand-over without spending the sandbox credit the other
  // tests share.
  await page.getByLabel(/^Simulation/).check();
  await scheduleAndConfirm(page);

  const progress = page.getByTestId('handover-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByRole('button', { name: 'Scheduling…' })).toBeDisabled();
  await expect(progress.getByRole('status')).toHaveText(
    'Handing over to Octopush: 3 of 3 provider requests answered (1200 of 1200 recipients)',
  );
  await expect(progress.getByRole('progressbar')).toHaveAttribute('value', '3');

  release();
  await expect(page.getByRole('heading', { name: 'Simulated: nothing was sent' })).toBeVisible();
  await expect(page.getByTestId('contacts')).toHaveText('1200');
  await expect(progress).toHaveCount(0);
  // Two references in line, the third folded away (a campaign of 60,000 has 120).
  const references = page.getByTestId('reference');
  await expect(references).toContainText(/^sms_[0-9a-f]{13}, sms_[0-9a-f]{13}…and 1 more/);
  const folded = references.locator('details p');
  await expect(folded).toBeHidden();
  await references.getByText('…and 1 more').click();
  await expect(folded).toHaveText(/^sms_[0-9a-f]{13}$/);
});
