import { expect, Page, test } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm } from './composer';

/// A number of this run's own (+33 75…, a range French mobiles use), so parallel tests and reruns
/// do not meet it. (Any 8 digits after 07 were not always a valid number: 07 00…, 07 01… are not.)
function ownNumber(offset: number): { national: string; e164: string } {
  const digits = `5${String((Date.now() + offset) % 10_000_000).padStart(7, '0')}`;
  return { national: `07 ${digits.replace(/(\d\d)(?=\d)/g, '$1 ')}`, e164: `+337${digits}` };
}

/// Adds `number` to the opt-out list by hand, as typed nationally.
async function optOutByHand(page: Page, number: { national: string }) {
  await page.goto('./opt-outs');
  await page.getByLabel('Numbers, one per line').fill(number.national);
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await expect(page.getByTestId('opt-out-added')).toHaveText('1 added, 0 already on the list.');
}

/// Searches the list for `number` and waits for the list to show it alone: the search is sent
/// once typing pauses, and until its answer comes the list shown is the one before it.
async function findAlone(page: Page, number: { national: string; e164: string }, typed: string) {
  await page.getByLabel('Find a number').fill(typed);
  const rows = page.getByTestId('opt-outs').locator('tbody tr');
  await expect(rows).toHaveText([new RegExp(`^\\${number.e164}`)]);
  return rows;
}

test('adds numbers by hand, refuses a list with a bad line, imports a file, finds and removes a number', async ({ page }) => {
  const typed = ownNumber(0);
  const imported = ownNumber(1);
  await page.goto('./opt-outs');
  await expect(page.getByRole('heading', { name: 'Opt-out list' })).toBeVisible();

  const numbers = page.getByLabel('Numbers, one per line');
  await numbers.fill(`${typed.national}\nnot a number`);
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await expect(page.locator('#opt-out-numbers-errors')).toContainText('Line 2:');
  await expect(numbers).toHaveAttribute('aria-invalid', 'true');

  await numbers.fill(typed.national);
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await expect(page.getByTestId('opt-out-added')).toHaveText('1 added, 0 already on the list.');
  await expect(numbers).toHaveValue('');

  await page.getByLabel('Import a CSV file').setInputFiles({
    name: 'stop-list.csv',
    mimeType: 'text/csv',
    // Another tool's export: its other columns are not read; a number written twice counts once.
    buffer: Buffer.from(`email,phone,date\na@example.com,${imported.e164},2026-11-02\nb@example.com,${typed.e164},2026-11-02\nc@example.com,${imported.e164},2026-11-03\n`),
  });
  await expect(page.getByTestId('opt-out-added')).toHaveText(
    '1 added, 1 already on the list, 1 written again in this list (counted once).',
  );

  const rows = await findAlone(page, imported, imported.national);
  await expect(rows).toContainText('import');

  await page.getByRole('button', { name: `Remove ${imported.e164}` }).click();
  await expect(page.getByText('Messages may reach this number again. Remove it?')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByTestId('no-opt-outs')).toBeVisible();

  await findAlone(page, typed, typed.e164);
  await expect(rows).toContainText('operator');
});

test('an opted-out number is left out of a campaign, with how and since when, in each language', async ({ page }) => {
  const stopped = ownNumber(7);
  await optOutByHand(page, stopped);

  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel(/^Recipients/).fill(`+33612345678\n${stopped.e164}`);
  await expect(page.getByTestId('preview-excluded')).toHaveText('1');
  const reasons = page.getByTestId('preview-reasons');
  await expect(reasons).toContainText(/opted out \(operator, \d{4}-\d\d-\d\d\)/);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(reasons).toContainText(/désinscrit \(opérateur, \d{4}-\d\d-\d\d\)/);
  await page.getByRole('button', { name: 'English' }).click();

  await scheduleAndConfirm(page);
  await expect(page.getByTestId('excluded')).toContainText(`Line 2 (${stopped.e164}): opted out (operator, `);
  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  const recipients = page.getByTestId('recipients');
  await expect(recipients).toContainText('opted out (operator, ');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(recipients).toContainText('désinscrit (opérateur, ');
});

test('a campaign whose every recipient is left out says nothing was handed over, not that the provider took it', async ({ page }) => {
  const stopped = ownNumber(9);
  await optOutByHand(page, stopped);

  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel(/^Recipients/).fill(stopped.e164);
  await expect(page.getByTestId('preview-excluded')).toHaveText('1');
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Nothing to send: every recipient was left out' })).toBeVisible();
  await expect(page.getByTestId('reference')).toHaveText('none: nothing was handed over');
  await expect(page.getByTestId('excluded')).toContainText(`Line 1 (${stopped.e164}): opted out (operator, `);
});

test('a number that opts out after its campaign was handed over is said to be still scheduled, with what to do', async ({ page }) => {
  const late = ownNumber(11);
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel(/^Recipients/).fill(late.e164);
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Opt-outs' }).click();
  await page.getByLabel('Numbers, one per line').fill(late.national);
  await page.getByRole('button', { name: 'Add to the list' }).click();
  const added = page.getByTestId('opt-out-added');
  await expect(added).toContainText('1 added, 0 already on the list.');
  await expect(added.getByTestId('still-scheduled')).toContainText('cancel the campaign on its page');
  await expect(added.getByRole('link', { name: `${late.e164}: a campaign Octopush holds, to go at` })).toBeVisible();

  // The list says it too, until the campaign is canceled.
  const row = await findAlone(page, late, late.e164);
  await expect(row.getByTestId('still-scheduled')).toBeVisible();
  await row.getByRole('link', { name: /a campaign Octopush holds/ }).click();
  await page.getByRole('button', { name: 'Cancel campaign' }).click();
  await page.getByRole('button', { name: /^Yes, cancel/ }).click();
  await expect(page.getByTestId('status-counts')).toContainText('1 canceled');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Opt-outs' }).click();
  await findAlone(page, late, late.e164);
  await expect(page.getByTestId('still-scheduled')).toHaveCount(0);
});

test('beyond a hundred recipients left out, the receipt lists a hundred and counts the rest', async ({ page }) => {
  // 103 numbers of this run's own (+33 76…, another range of French mobiles than ownNumber's).
  const base = Date.now() % 9_000_000;
  const stopped = Array.from({ length: 103 }, (_, i) => `+3376${String(base + i).padStart(7, '0')}`);
  await page.goto('./opt-outs');
  await page.getByLabel('Import a CSV file').setInputFiles({
    name: 'many-stops.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`phone\n${stopped.join('\n')}\n`),
  });
  await expect(page.getByTestId('opt-out-added')).toHaveText('103 added, 0 already on the list.');

  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel(/^Recipients/).fill(['+33612345678', ...stopped].join('\n'));
  await expect(page.getByTestId('preview-excluded')).toHaveText('103');
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  await expect(page.getByTestId('contacts')).toHaveText('1');
  const excluded = page.getByTestId('excluded').locator('li');
  await expect(excluded).toHaveCount(101);
  await expect(excluded.first()).toContainText(`Line 2 (${stopped[0]}): opted out (import, `);
  await expect(excluded.nth(99)).toContainText(`Line 101 (${stopped[99]}): opted out (import, `);
  await expect(excluded.last()).toHaveText('…and 3 more');
});
