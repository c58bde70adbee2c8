import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm } from './composer';

// A new version installed while a page is open: the server no longer has the parts that page
// would load on demand (their file names change with every build).

test('the composer has fetched its later parts by the time the form is filled in', async ({ page }) => {
  await openComposer(page);
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
  expect(refused).toBe(0);
});

test('a page that can no longer be fetched says so, and the link reloads the app', async ({ page }) => {
  await openComposer(page);
  await page.route('**/pkg/split___campaigns_route_view_*', (route) =>
    route.fulfill({ status: 404, body: 'gone' }),
  );
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();

  const stopped = page.getByRole('alert').filter({ hasText: 'stopped working' });
  await expect(stopped).toContainText('a new version was installed');
  await page.unrouteAll();
  await stopped.getByRole('link', { name: 'Reload the page' }).click();

  await expect(stopped).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
});

test('says it in French on a page in French', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('sms-scheduler.locale', 'fr'));
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Nouvelle campagne' })).toBeVisible();
  await page.route('**/pkg/split___settings_route_view_*', (route) =>
    route.fulfill({ status: 404, body: 'gone' }),
  );
  await page.getByRole('navigation').getByRole('link', { name: 'Réglages' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cessé de fonctionner' })).toContainText(
    'Rechargez-la',
  );
  await expect(page.getByRole('link', { name: 'Recharger la page' })).toBeVisible();
});
