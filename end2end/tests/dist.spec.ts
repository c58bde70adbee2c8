import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm } from './composer';
import { DIST } from './servers';

test('the release archive, unpacked into an empty directory, schedules on its sandbox', async ({ page }) => {
  await openComposer(page, DIST.url);
  await fillValidForm(page);
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  await expect(page.getByTestId('contacts')).toHaveText('2');
  await expect(page.getByTestId('reference')).not.toHaveText('');
  const ready = await page.request.get(`${DIST.url}health/ready`);
  expect(await ready.json()).toMatchObject({ ready: true, database: 'ok' });
});
