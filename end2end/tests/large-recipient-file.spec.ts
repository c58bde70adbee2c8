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

async function pickExport(page: Page, buffer: Buffer, name = 'export.csv') {
  await page.getByLabel('Upload a CSV file').setInputFiles({
    name,
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
  // The other lines' messages are there to check meanwhile, and the fix is in the file.
  await expect(page.getByTestId('preview-fix-in-file')).toHaveText(
    'They come from the file: fix them in it, then pick it again.',
  );
  await expect(page.getByTestId('preview-recipients')).toContainText('Hello Client 0,');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#recipients-errors')).toContainText('Line 4:');
  await expect(page.getByRole('button', { name: 'Confirm and schedule' })).toHaveCount(0);

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
  // A megabyte and more takes a few seconds.
  await slowUpload(page, 400);
  await pickExport(page, export_csv(60_000));
  const progress = page.getByTestId('upload-progress');
  await expect(progress).toContainText(/Sending export\.csv and reading it on the server: \d+\.\d of 1\.\d MB…/);
  await expect(page.getByTestId('uploaded-list')).toContainText('60000 recipients', { timeout: 30_000 });
  await expect(progress).toHaveCount(0);
});

/// Chromium's network throttling (the project's one browser): `kbps` kilobytes a second up.
async function slowUpload(page: Page, kbps: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: 10_000_000 / 8,
    uploadThroughput: kbps * 1024,
  });
}

test('a sending stopped half-way is cut, and the box comes back empty', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await slowUpload(page, 100);
  await pickExport(page, export_csv(60_000));
  const progress = page.getByTestId('upload-progress');
  await expect(progress).toContainText('Sending export.csv');
  // The file stands in for the box from its pick on: nothing can be typed beside it.
  await expect(page.getByLabel(/^Recipients/)).toBeHidden();
  const cut = page.waitForEvent('requestfailed', (request) => request.url().includes('recipient-files'));
  await progress.getByRole('button', { name: 'Cancel' }).click();
  expect((await cut).failure()?.errorText).toContain('ERR_ABORTED');
  await expect(progress).toHaveCount(0);
  await expect(page.getByLabel(/^Recipients/)).toBeVisible();
  await expect(page.getByLabel(/^Recipients/)).toHaveValue('');
  await expect(page.getByTestId('uploaded-list')).toHaveCount(0);
  await expect(page.getByTestId('upload-failed')).toHaveCount(0);
});

test('a file over the server\'s limit is refused before a byte of it is sent', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('recipient-files')) sent.push(request.url());
  });
  // The embedded server takes 8 MB (playwright.config.ts).
  const file = export_csv(100_000, [], 60);
  expect(file.length).toBeGreaterThan(8 * 1024 * 1024);
  await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: file });
  // Said before its columns are asked for.
  await expect(page.getByTestId('upload-failed')).toContainText(
    'export.csv was not taken: the file is larger than the server takes (8 MB)',
  );
  await expect(page.getByTestId('column-mapping')).toHaveCount(0);
  expect(sent).toEqual([]);
  await expect(page.getByTestId('uploaded-list')).toHaveCount(0);
  // Nothing was taken: the box comes back once the refusal is read.
  await expect(page.getByLabel(/^Recipients/)).toBeHidden();
  await page.getByRole('button', { name: 'Remove the file' }).click();
  await expect(page.getByTestId('upload-failed')).toHaveCount(0);
  await expect(page.getByLabel(/^Recipients/)).toBeVisible();
});

test.describe('on a 390 px phone, on Auckland time', () => {
  test.use({ viewport: { width: 390, height: 844 }, timezoneId: 'Pacific/Auckland' });

  test('an uploaded file\'s summary fits the screen, and a double click on Remove removes it once', async ({ page }) => {
    await openComposer(page);
    await fillValidForm(page);
    // Named as files are named at the end of a long week.
    const name = 'clients_mars_2024_export_final_v2_definitif_vraiment_definitif.csv';
    await pickExport(page, export_csv(30_000, [5, 7]), name);
    const list = page.getByTestId('uploaded-list');
    await expect(list).toContainText(`${name}: 29998 recipients read on the server`);
    const inside = await list.evaluate((box) => box.scrollWidth <= box.clientWidth);
    expect(inside, 'the file name wraps inside the summary').toBe(true);
    await expect(list).toContainText("Line 7: '06 98' is not a valid number");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the page fits a 390 px phone').toBeLessThanOrEqual(0);
    await expect(list.getByRole('button', { name: 'Remove the file' })).toBeInViewport();
    await list.getByRole('button', { name: 'Remove the file' }).dblclick();
    await expect(list).toHaveCount(0);
    await expect(page.getByLabel(/^Recipients/)).toBeVisible();
    await expect(page.getByLabel(/^Recipients/)).toHaveValue('');
    await expect(page.getByTestId('upload-failed')).toHaveCount(0);
  });
});
