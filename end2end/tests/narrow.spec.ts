import { expect, test, type Page } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm } from './composer';

// A narrow portal column, as on a phone or beside a portal's menu.
test.use({ viewport: { width: 360, height: 740 } });

/// How far the page reaches past the window's width (tables scroll inside their own box).
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('every page fits a 360 px column without sideways scrolling, in both languages', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await expect(page.getByTestId('preview-verdict')).toBeVisible();
  expect(await sidewaysOverflow(page), 'composer with its preview').toBeLessThanOrEqual(0);

  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  expect(await sidewaysOverflow(page), 'receipt').toBeLessThanOrEqual(0);

  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  await expect(page.getByTestId('recipients')).toBeVisible();
  expect(await sidewaysOverflow(page), 'campaign page').toBeLessThanOrEqual(0);

  for (const [link, ready] of [
    ['Campaigns', 'campaign-row'],
    ['Opt-outs', 'opt-out-added'],
    ['Settings', 'policies'],
    ['Audit', 'audit'],
  ]) {
    await page.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByTestId(ready).first()).toBeAttached();
    expect(await sidewaysOverflow(page), link).toBeLessThanOrEqual(0);
  }

  // French words are longer: the audit page again, the settings, and the composer.
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('link', { name: "Journal d'audit" })).toBeVisible();
  expect(await sidewaysOverflow(page), 'audit in French').toBeLessThanOrEqual(0);
  await page.getByRole('link', { name: 'Réglages' }).click();
  await expect(page.getByRole('heading', { name: 'Fournisseurs' })).toBeVisible();
  expect(await sidewaysOverflow(page), 'settings in French').toBeLessThanOrEqual(0);
  // The sending rules are cards on a phone: nothing to scroll inside their frame either (a table
  // scrolled there read as cut), each value naming its column.
  const policies = page.getByTestId('policies');
  const hidden = await policies.evaluate((table) => {
    const frame = table.closest('.table-scroll')!;
    return frame.scrollWidth - frame.clientWidth;
  });
  expect(hidden, 'sending rules in French').toBeLessThanOrEqual(0);
  await expect(policies.locator('td[data-label="Plage"]').first()).toBeVisible();
  await page.getByRole('link', { name: 'Rédiger' }).click();
  await expect(page.getByRole('heading', { name: 'Nouvelle campagne' })).toBeVisible();
  expect(await sidewaysOverflow(page), 'composer in French').toBeLessThanOrEqual(0);
});
