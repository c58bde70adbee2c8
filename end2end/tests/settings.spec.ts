import { expect, test } from '@playwright/test';
import { PORTAL } from './servers';

test('shows the providers with their balance, the sending rules, and moves the sandbox clock', async ({ page }) => {
  await page.goto('./settings');
  for (const provider of ['octopush', 'infobip']) {
    const card = page.getByTestId(`provider-${provider}`);
    await expect(card).toContainText('sandbox');
    await expect(page.getByTestId(`balance-${provider}`)).toHaveText(/^\d+\.\d\d \S+/);
  }
  // What Octopush's credit buys in the default region's country, product by product; Infobip
  // does not say.
  await expect(page.getByTestId('provider-octopush')).toContainText('Credit in FR');
  await expect(page.getByTestId('credit-octopush')).toHaveText(/^Premium: \d+ SMS · Low cost: \d+ SMS$/);
  await expect(page.getByTestId('credit-infobip')).toHaveCount(0);
  await expect(page.getByTestId('policies')).toContainText('FR');
  await expect(page.getByTestId('base-path')).toHaveText('/ (the site root)');
  await expect(page.getByTestId('approval-rules')).toHaveText('None: no campaign waits for approval.');

  await expect(page.getByTestId('sandbox-time')).toContainText('Sandbox time:');
  await page.getByRole('button', { name: '+10 minutes' }).click();
  await expect(page.getByTestId('sandbox-time')).toContainText(/\d+ min ahead of real time|h .*ahead of real time/);
});

test('under the portal, the settings name its sub-path and the origin that may frame it', async ({ page }) => {
  await page.goto(`${PORTAL.url}settings`);
  await expect(page.getByTestId('base-path')).toHaveText(PORTAL.basePath);
  await expect(page.getByTestId('frame-ancestors')).toHaveText(PORTAL.frameAncestor);
  await expect(page.getByTestId('provider-octopush')).toContainText('real service');
});

test('a switch of language redraws the balances without asking the providers again', async ({ page }) => {
  let asked = 0;
  let detailed = 0;
  let refreshed = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/check_balance')) asked += 1;
    if (request.url().endsWith('/api/refresh_balance')) refreshed += 1;
    if (request.url().endsWith('/api/check_balance_details')) detailed += 1;
  });
  await page.goto('./settings');
  await expect(page.getByTestId('balance-octopush')).toHaveText(/^\d+\.\d\d \S+/);
  await expect(page.getByTestId('balance-infobip')).toHaveText(/^\d+\.\d\d \S+/);
  await expect(page.getByTestId('credit-octopush')).toHaveText(/^Premium: \d+ SMS/);
  expect([asked, detailed]).toEqual([2, 2]);

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByTestId('balance-octopush')).toHaveText(/^\d+,\d\d \S+/);
  await expect(page.getByTestId('balance-infobip')).toHaveText(/^\d+,\d\d \S+/);
  await expect(page.getByTestId('credit-octopush')).toHaveText(/^Premium : \d+ SMS · Low cost : \d+ SMS$/);
  expect([asked, detailed]).toEqual([2, 2]);

  // The server keeps a balance a minute; the button has it read from the provider now.
  expect(refreshed).toBe(0);
  await page.getByRole('button', { name: 'Actualiser le crédit Infobip' }).click();
  await expect.poll(() => [asked, detailed, refreshed]).toEqual([3, 3, 1]);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('balance-infobip')).toHaveText(/^\d+\.\d\d \S+/);
  expect([asked, detailed]).toEqual([3, 3]);
});
