import { expect, test } from '@playwright/test';
import { PORTAL } from './servers';

test('shows the providers with their balance, the sending rules, and moves the sandbox clock', async ({ page }) => {
  await page.goto('./settings');
  for (const provider of ['octopush', 'infobip']) {
    const card = page.getByTestId(`provider-${provider}`);
    await expect(card).toContainText('sandbox');
    await expect(page.getByTestId(`balance-${provider}`)).toHaveText(/^\d+\.\d\d \S+/);
  }
  await expect(page.getByTestId('policies')).toContainText('FR');
  await expect(page.getByTestId('base-path')).toHaveText('/ (the site root)');

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
  page.on('request', (request) => {
    if (request.url().includes('/api/check_balance')) asked += 1;
  });
  await page.goto('./settings');
  await expect(page.getByTestId('balance-octopush')).toHaveText(/^\d+\.\d\d \S+/);
  await expect(page.getByTestId('balance-infobip')).toHaveText(/^\d+\.\d\d \S+/);
  expect(asked).toBe(2);

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByTestId('balance-octopush')).toHaveText(/^\d+,\d\d \S+/);
  await expect(page.getByTestId('balance-infobip')).toHaveText(/^\d+,\d\d \S+/);
  expect(asked).toBe(2);

  await page.getByRole('button', { name: 'Actualiser le crédit Infobip' }).click();
  await expect.poll(() => asked).toBe(3);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('balance-infobip')).toHaveText(/^\d+\.\d\d \S+/);
  expect(asked).toBe(3);
});
