import { expect, test } from '@playwright/test';
import { fillValidForm, marketingTo, openComposer, scheduleAndConfirm, tomorrowAt } from './composer';
import { PORTAL } from './servers';

test('counts agree with their number in French, and the settings page speaks French only', async ({ page }) => {
  await openComposer(page);
  await page.locator('#provider').selectOption('infobip');
  await fillValidForm(page);
  await page.getByLabel('Message').fill(`Plural check ${Date.now()}`);
  await scheduleAndConfirm(page);
  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  await expect(page.getByTestId('status-counts')).toContainText('2 scheduled');

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByTestId('status-counts')).toContainText('2 planifiés');

  await page.getByRole('link', { name: 'Réglages' }).click();
  const policies = page.getByTestId('policies');
  await expect(policies.locator('th')).toContainText(['Règle', 'Pays', 'Nature du message', 'Plage', 'Application']);
  await expect(policies).toContainText('Marketing en France');
  await expect(policies).toContainText('obligatoire');
  await expect(policies).toContainText('conseillée');
  for (const english of ['France marketing', 'United States marketing', 'Business hours', 'required', 'recommended', 'Objet']) {
    await expect(page.locator('main')).not.toContainText(english);
  }

  await page.getByRole('link', { name: 'Rédiger' }).click();
  await expect(page.getByRole('group', { name: 'Nature du message' })).toBeVisible();
});

test('each page has a title of its own, in the page’s language', async ({ page }) => {
  await openComposer(page);
  await expect(page).toHaveTitle('New campaign · SMS Scheduler');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Campaigns' }).click();
  await expect(page).toHaveTitle('Campaigns · SMS Scheduler');
  await nav.getByRole('link', { name: 'Opt-outs' }).click();
  await expect(page).toHaveTitle('Opt-outs · SMS Scheduler');
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveTitle('Settings · SMS Scheduler');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page).toHaveTitle('Réglages · Planificateur de SMS');
  await page.getByRole('button', { name: 'English' }).click();
});

test('the app has an icon, served under the portal’s sub-path', async ({ page, request }) => {
  await page.goto(PORTAL.url, { waitUntil: 'domcontentloaded' });
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBe(`${PORTAL.basePath}/favicon.svg`);
  const icon = await request.get(new URL(href!, PORTAL.url).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  expect(await icon.text()).toContain('<svg');
});

test('a caution shared by every recipient is said once in the totals, with its count', async ({ page }) => {
  await openComposer(page);
  // German numbers at 22:00 Paris time: outside the business hours the rules advise.
  await marketingTo(page, '+49 151 23456701\n+49 151 23456702\n+49 151 23456703');
  await page.getByLabel(/^Send at/).fill(tomorrowAt('22:00'));
  await expect(page.getByTestId('preview-on-time')).toHaveText('3');
  const warnings = page.getByTestId('preview-warnings');
  await expect(warnings.locator('li').filter({ hasText: /^3 recipients: outside Business hours \(advice\)/ })).toHaveCount(1);
  const shown = page.getByTestId('preview-recipients');
  await expect(shown.locator('li')).toHaveCount(3);
  await expect(shown).not.toContainText('outside Business hours');
});

test('the recipients over the frequency cap are counted in the totals', async ({ page }) => {
  await openComposer(page);
  await marketingTo(page, '+33 6 12 77 00 01');
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();

  await page.getByRole('button', { name: 'New campaign' }).click();
  await marketingTo(page, '+33 6 12 77 00 01\n+33 6 12 77 00 02');
  await expect(page.getByTestId('preview-over-cap')).toHaveText('1');
  await expect(page.getByTestId('preview-verdict')).toContainText('Over the frequency cap (sent with a warning)');
  // The cap's sentence names that recipient's own sends: it stays on its row only.
  const shown = page.getByTestId('preview-recipients');
  await expect(shown.locator('li').filter({ hasText: 'frequency cap' })).toHaveCount(1);
  await expect(shown.locator('li').filter({ hasText: 'frequency cap' })).toContainText('+33612770001');
});
