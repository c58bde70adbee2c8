import { expect, test, type Page } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm } from './composer';

/// A spreadsheet export: `rows` recipients under a header the list does not use as it is, `bad`
/// rows (by index) with a number that is not one, and a column of notes `notes` characters long
/// (not used: it makes a file of few recipients too large to load into the page, over 512 KB).
function export_csv(rows: number, bad: number[] = [], notes = 1): Buffer {
  const lines = ['Mobile;Prénom;Notes'];
  const note = 'n'.repeat(notes);
  for (let n = 0; n < rows; n++) {
    const number = bad.includes(n) ? '06 98' : `+3361${String(n).padStart(7, '0')}`;
    lines.push(`${number};Client ${n};${note}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

async function pickExport(page: Page, buffer: Buffer) {
  await page.getByLabel('Upload a CSV file').setInputFiles({
    name: 'export.csv',
    mimeType: 'text/csv',
    buffer,
  });
  // Its columns are mapped from its first lines only.
  await expect(page.getByLabel('Column “Mobile”')).toHaveValue('phone');
  await expect(page.getByLabel('Column “Prénom”')).toHaveValue('first_name');
  await expect(page.getByLabel('Column “Notes”')).toHaveValue('ignore');
  await page.getByRole('button', { name: 'Use these columns' }).click();
}

test('a file too large for the page is sent as it is, read on the server, previewed and scheduled', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel('Message').fill('Hello {first_name}, your parcel arrives tomorrow.');
  // A thousand recipients (within the sandbox's balance), with long notes.
  const file = export_csv(1_000, [2], 600);
  expect(file.length).toBeGreaterThan(512 * 1024);
  await pickExport(page, file);

  const list = page.getByTestId('uploaded-list');
  await expect(list).toContainText(
    'export.csv: 999 recipients read on the server (kept there for a day), 1 line with errors.',
  );
  // The header is line 1: the third row is line 4.
  await expect(list).toContainText("Line 4: '06 98' is not a valid number");
  // The file replaces the typed list.
  await expect(page.getByLabel(/^Recipients/)).toBeHidden();
  await expect(page.getByTestId('preview-problems')).toContainText('Line 4:');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#recipients-errors')).toContainText('Line 4:');

  // Fixed and picked again, it goes.
  await pickExport(page, export_csv(1_000, [], 600));
  await expect(list).toContainText('export.csv: 1000 recipients read on the server');
  await expect(page.getByTestId('preview-recipients')).toContainText('Hello Client 0,');
  await scheduleAndConfirm(page);
  await expect(page.getByTestId('receipt').getByTestId('contacts')).toHaveText('1000', {
    timeout: 30_000,
  });
});

test('removing an uploaded file brings the box back, empty', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await pickExport(page, export_csv(30_000));
  await expect(page.getByTestId('uploaded-list')).toContainText('30000 recipients');
  await page.getByRole('button', { name: 'Remove the file' }).click();
  await expect(page.getByTestId('uploaded-list')).toHaveCount(0);
  await expect(page.getByLabel(/^Recipients/)).toBeVisible();
  await expect(page.getByLabel(/^Recipients/)).toHaveValue('');
});

test('a smaller file picked after a large one replaces it, mapped or cancelled', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await pickExport(page, export_csv(30_000));
  await expect(page.getByTestId('uploaded-list')).toContainText('30000 recipients');
  // A small file whose columns need mapping, then the mapping cancelled: the large file is no
  // longer what the form names, and the box is back, empty.
  await page.getByLabel('Upload a CSV file').setInputFiles({
    name: 'small.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Mobile;Prénom\n06 12 34 56 78;Ana\n'),
  });
  await expect(page.getByTestId('uploaded-list')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel(/^Recipients/)).toBeVisible();
  await expect(page.getByLabel(/^Recipients/)).toHaveValue('');
  await page.getByLabel(/^Recipients/).fill('06 12 34 56 78');
  await expect(page.getByTestId('preview-recipients')).toContainText('+33612345678');
});

test('the sending of a large file shows how far it has gone', async ({ page }) => {
  await openComposer(page);
  // Chromium's network throttling (the project's one browser).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // 400 KB/s up: a megabyte and more takes a few seconds.
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: 10_000_000 / 8,
    uploadThroughput: 400 * 1024,
  });
  await pickExport(page, export_csv(60_000));
  const progress = page.getByTestId('upload-progress');
  await expect(progress).toContainText(/Sending export\.csv and reading it on the server: \d+\.\d of 1\.\d MB…/);
  await expect(page.getByTestId('uploaded-list')).toContainText('60000 recipients', { timeout: 30_000 });
  await expect(progress).toHaveCount(0);
});
