import { expect, test, type Page } from '@playwright/test';
import { fillValidForm, openComposer } from './composer';

// Old Mac exports end each line with a carriage return alone.
// Such a file is read line by line, its errors told by the line its user sees in an editor.

async function pickMacExport(page: Page, buffer: Buffer) {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel('Message').fill('Hello {first_name}, your parcel arrives tomorrow.');
  await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'mac.csv', mimeType: 'text/csv', buffer });
  // Its header is its first line, not the whole file.
  await expect(page.getByLabel('Column “Mobile”')).toHaveValue('phone');
  await expect(page.getByLabel('Column “Prénom”')).toHaveValue('first_name');
  await expect(page.getByLabel('Column “Notes”')).toHaveValue('ignore');
  await page.getByRole('button', { name: 'Use these columns' }).click();
}

/// `rows` recipients under a header to map, the third with a number that is not one, an empty
/// line before the last, and notes `notes` characters long; every line ended by `\r` alone.
function macExport(rows: number, notes: number): Buffer {
  const lines = ['Mobile;Prénom;Notes'];
  for (let n = 0; n < rows; n++) {
    if (n === rows - 1) lines.push('');
    const number = n === 2 ? '06 98' : `+3361${String(n).padStart(7, '0')}`;
    lines.push(`${number};Client ${n};${'n'.repeat(notes)}`);
  }
  return Buffer.from(lines.join('\r') + '\r');
}

test('a small file whose lines end in a carriage return alone is loaded line by line', async ({ page }) => {
  await pickMacExport(page, macExport(5, 1));
  // The header is line 1: the third row is line 4, the last (after an empty line) line 7.
  await expect(page.getByTestId('preview-problems')).toContainText("Line 4: '06 98' is not a valid number");
  await expect(page.getByTestId('preview-recipients')).toContainText('Hello Client 0,');
  await expect(page.getByTestId('preview-recipients')).toContainText('Hello Client 4,');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#recipients-errors')).toContainText('Line 4:');
  await expect(page.locator('#recipients-errors')).not.toContainText('Line 1:');
});

test('a large file whose lines end in a carriage return alone is sent, and read line by line', async ({ page }) => {
  const file = macExport(1_000, 600);
  expect(file.length).toBeGreaterThan(512 * 1024);
  await pickMacExport(page, file);
  const list = page.getByTestId('uploaded-list');
  await expect(list).toContainText('mac.csv: 999 recipients read on the server (kept there for a day), 1 line with errors.');
  await expect(list).toContainText("Line 4: '06 98' is not a valid number");
  await expect(page.getByTestId('preview-recipients')).toContainText('Hello Client 0,');
});
