import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fillValidForm, openComposer, tomorrowAt } from './composer';

/// Moderate violations found before and fixed: they must not come back.
const ALSO_REFUSED = ['landmark-unique', 'empty-table-header'];

/// Serious and critical axe violations on the page as it stands, and those of `ALSO_REFUSED`,
/// one line each.
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALSO_REFUSED.includes(v.id))
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/// The words of the buttons and headings the walk goes through, in the page's language.
type Words = { schedule: string; confirm: string; scheduled: string; follow: string; history: string };

/// From a composer showing its preview: axe on it, on the receipt, on the campaign page with a
/// recipient's history open, then on every other page.
async function walkFromThePreview(page: Page, words: Words) {
  await expect(page.getByTestId('preview-verdict')).toBeVisible();
  expect(await seriousViolations(page), 'composer with its preview').toEqual([]);

  await page.getByRole('button', { name: words.schedule, exact: true }).click();
  await page.getByRole('button', { name: words.confirm }).click();
  await expect(page.getByRole('heading', { name: words.scheduled })).toBeVisible();
  expect(await seriousViolations(page), 'receipt').toEqual([]);

  await page.getByRole('link', { name: words.follow }).click();
  await expect(page.getByTestId('recipients')).toBeVisible();
  await page.getByRole('button', { name: words.history }).click();
  await expect(page.getByTestId('recipient-history')).toBeVisible();
  expect(await seriousViolations(page), 'campaign page').toEqual([]);

  for (const [path, ready] of [
    ['./campaigns', 'campaign-row'],
    ['./opt-outs', 'opt-out-added'],
    ['./settings', 'policies'],
    ['./audit', 'audit'],
  ]) {
    await page.goto(path);
    await expect(page.getByTestId(ready).first()).toBeAttached();
    expect(await seriousViolations(page), path).toEqual([]);
  }
}

test('no serious or critical accessibility violation on any page', async ({ page }) => {
  // Axe on every page in turn: on a busy 2-core machine this takes longer than one page's worth.
  test.setTimeout(90_000);
  await openComposer(page);
  await fillValidForm(page);
  await walkFromThePreview(page, {
    schedule: 'Schedule',
    confirm: 'Confirm and schedule',
    scheduled: 'Scheduled',
    follow: 'Follow this campaign',
    history: 'History of line 1',
  });
});

test.describe('on a 390 px phone, on New York time, in French', () => {
  test.use({ viewport: { width: 390, height: 844 }, timezoneId: 'America/New_York', locale: 'fr-FR' });

  test('no serious or critical accessibility violation on any page', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('./');
    await expect(page.getByRole('heading', { name: 'Nouvelle campagne' })).toBeVisible();
    await expect(page.locator('#provider option')).toHaveCount(2);
    await page.locator('#text').fill('Votre colis arrive demain entre 9 h et 12 h.');
    await page.locator('#recipients').fill('06 12 34 56 78\n+33 6 98 76 54 32');
    await page.locator('#time-zone').fill('Europe/Paris');
    await page.locator('#send-at').fill(tomorrowAt('10:00'));
    await walkFromThePreview(page, {
      schedule: 'Planifier',
      confirm: 'Confirmer et planifier',
      scheduled: 'Planifiée',
      follow: 'Suivre cette campagne',
      history: 'Historique de la ligne 1',
    });
  });
});
