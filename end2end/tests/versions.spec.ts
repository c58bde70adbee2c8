import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm } from './composer';

// A new version installed while a page is open: the server no longer has the files the page
// loads after its first screen (their names change with every build).

test('soon after the first page is drawn, the rest of the code has come, so an upgrade breaks nothing', async ({ page }) => {
  await openComposer(page);
  // The app marks the page once the last of its code has arrived.
  await expect(page.locator('html[data-code="complete"]')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  let refused = 0;
  await page.route('**/pkg/**', async (route) => {
    refused += 1;
    await route.fulfill({ status: 404, body: 'gone' });
  });

  await fillValidForm(page);
  await expect(page.getByTestId('preview-recipients')).toContainText('+33612345678');
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  await expect(page.getByTestId('recipients')).toContainText('+33612345678');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [link, heading] of [['Campaigns', 'Campaigns'], ['Opt-outs', 'Opt-out list'], ['Settings', 'Providers']]) {
    await nav.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  expect(refused).toBe(0);
  await expect(page.getByRole('alert').filter({ hasText: 'stopped working' })).toHaveCount(0);
});

test('code that can no longer be fetched stops the app with a notice whose link reloads it', async ({ page }) => {
  await page.route('**/pkg/split___settings_route_view_*', (route) =>
    route.fulfill({ status: 404, body: 'gone' }),
  );
  await page.goto('./');

  const stopped = page.getByRole('alert').filter({ hasText: 'stopped working' });
  await expect(stopped).toContainText('a new version was installed');
  await page.unrouteAll();
  await stopped.getByRole('link', { name: 'Reload the page' }).click();

  await expect(page.getByRole('heading', { name: 'New campaign' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(stopped).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Providers', exact: true })).toBeVisible();
});

test('says it in French on a page in French', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('sms-scheduler.locale', 'fr'));
  await page.route('**/pkg/split___settings_route_view_*', (route) =>
    route.fulfill({ status: 404, body: 'gone' }),
  );
  await page.goto('./');
  await expect(page.getByRole('alert').filter({ hasText: 'cessé de fonctionner' })).toContainText(
    'Rechargez-la',
  );
  await expect(page.getByRole('link', { name: 'Recharger la page' })).toBeVisible();
});
