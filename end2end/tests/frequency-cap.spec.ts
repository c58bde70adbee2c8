import { expect, test } from '@playwright/test';
import { marketingTo, openComposer, scheduleAndConfirm } from './composer';

// A phone in New York: the cap's earlier sends are read on this clock, and the totals fit 390 px.
test.use({ timezoneId: 'America/New_York', viewport: { width: 390, height: 844 } });

test('the confirm step says who is over the frequency cap, whose earlier sends show on this clock', async ({ page }) => {
  // Numbers of this test's own: the server's history is shared by every test.
  const suffix = String(Date.now() % 10_000).padStart(4, '0');
  const capped = `+33 6 13 01 ${suffix.slice(0, 2)} ${suffix.slice(2)}`;
  await openComposer(page);
  await marketingTo(page, capped);
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();

  await page.getByRole('button', { name: 'New campaign' }).click();
  await marketingTo(page, `${capped}\n+33 6 13 02 ${suffix.slice(0, 2)} ${suffix.slice(2)}`);
  await expect(page.getByTestId('preview-over-cap')).toHaveText('1');
  const capSentence = page.getByTestId('preview-recipients').locator('li .warning').filter({ hasText: 'frequency cap' });
  await expect(capSentence).toHaveCount(1);
  // The earlier send on the browser's clock, with its offset, not as the ledger writes it.
  await expect(capSentence).toContainText(/at \d{4}-\d\d-\d\d \d\d:\d\d UTC−[45]\)/);
  await expect(capSentence).not.toContainText(/\d{4}-\d\d-\d\dT\d\d/);
  // The totals fit the phone's width: no label pushes the panel past the screen.
  const panel = await page.locator('section.preview').boundingBox();
  expect(panel!.x + panel!.width).toBeLessThanOrEqual(390);

  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('confirm-over-cap')).toHaveText(
    '1 recipient already has as many marketing SMS, sent or scheduled, as the frequency cap allows; this one goes to them too.',
  );
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByTestId('confirm-over-cap')).toHaveText(
    '1 destinataire a déjà autant de SMS marketing, envoyés ou prévus, que le plafond de fréquence le permet ; celui-ci lui sera envoyé aussi.',
  );
  await page.getByRole('button', { name: 'English' }).click();
  // A simulation sends nothing: nothing to say of the cap.
  await page.getByRole('button', { name: 'Change something' }).click();
  await page.getByLabel(/^Simulation/).check();
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('heading', { name: 'Simulate this campaign?' })).toBeVisible();
  await expect(page.getByTestId('confirm-over-cap')).toHaveCount(0);
  await page.getByRole('button', { name: 'Change something' }).click();
  await page.getByLabel(/^Simulation/).uncheck();
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('confirm-over-cap')).toHaveCount(1);
  await page.getByRole('button', { name: 'Confirm and schedule' }).click();
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  // The receipt counts them, in one line.
  await expect(page.getByTestId('warnings').locator('li').filter({ hasText: 'frequency cap' })).toHaveText(
    '1 recipient: Over the frequency cap (sent with a warning)',
  );
  // Each value of the receipt has room for a word, beside its label or under it.
  for (const value of await page.locator('.receipt dd').all()) {
    const box = await value.boundingBox();
    expect(box!.width).toBeGreaterThan(100);
  }
});

test('a campaign within the cap says nothing of it on the confirm step', async ({ page }) => {
  const suffix = String(Date.now() % 10_000).padStart(4, '0');
  await openComposer(page);
  await marketingTo(page, `+33 6 13 03 ${suffix.slice(0, 2)} ${suffix.slice(2)}`);
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('confirm')).toBeVisible();
  await expect(page.getByTestId('confirm-over-cap')).toHaveCount(0);
});
