import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm } from './composer';

/// Serious and critical axe violations on the page as it stands, one line each.
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('no serious or critical accessibility violation on any page', async ({ page }) => {
  // Axe on every page in turn: on a busy 2-core machine this takes longer than one page's worth.
  test.setTimeout(90_000);
  await openComposer(page);
  await fillValidForm(page);
  await expect(page.getByTestId('preview-verdict')).toBeVisible();
  expect(await seriousViolations(page), 'composer with its preview').toEqual([]);

  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  expect(await seriousViolations(page), 'receipt').toEqual([]);

  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  await expect(page.getByTestId('recipients')).toBeVisible();
  await page.getByRole('button', { name: 'History of line 1' }).click();
  await expect(page.getByTestId('recipient-history')).toBeVisible();
  expect(await seriousViolations(page), 'campaign page').toEqual([]);

  for (const [path, ready] of [
    ['./campaigns', 'campaign-row'],
    ['./opt-outs', 'opt-out-added'],
    ['./settings', 'policies'],
  ]) {
    await page.goto(path);
    await expect(page.getByTestId(ready).first()).toBeAttached();
    expect(await seriousViolations(page), path).toEqual([]);
  }
});
