import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer } from './composer';

// Excel saves plain CSV in Windows-1252 in France and the US: "é" is one byte, 0xE9, as in
// Latin-1 (Node's 'latin1').
const windows1252 = (text: string) => Buffer.from(text, 'latin1');
// A Mac CSV (Excel for Mac's "Comma Separated Values", Excel's "CSV (Macintosh)") is Mac Roman
// ("é" is 0x8E), its lines ended by a carriage return alone; only the letters these tests use are
// mapped.
const MAC_ROMAN: Record<string, number> = { é: 0x8e, è: 0x8f, ë: 0x91 };
const macRoman = (text: string) => Buffer.from([...text].map((c) => MAC_ROMAN[c] ?? c.charCodeAt(0)));
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

async function composeFrench(page: import('@playwright/test').Page) {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel('Message').fill('Bonjour {first_name}, votre colis arrive demain.');
}

test('a small CSV saved by Excel is loaded with its accents, and the page says how it was read', async ({ page }) => {
  await composeFrench(page);
  await page.getByLabel('Upload a CSV file').setInputFiles({
    name: 'excel.csv',
    mimeType: 'text/csv',
    buffer: windows1252('phone;first_name\r\n0612345678;Hélène\r\n0698765432;Zoë\r\n'),
  });
  await expect(page.getByTestId('recipients-file-note')).toContainText(
    'It was read as Windows-1252 (Excel\'s CSV): check its accented letters in the preview.',
  );
  await expect(page.getByLabel(/^Recipients/)).toHaveValue(/Hélène/);
  await expect(page.getByTestId('preview-recipients')).toContainText('Bonjour Hélène, votre colis');
  await expect(page.getByTestId('preview-recipients')).toContainText('Bonjour Zoë, votre colis');
});

test('a small UTF-16 file (Excel\'s "Unicode text", tab-delimited) is loaded as the text it holds', async ({ page }) => {
  await composeFrench(page);
  await page.getByLabel('Upload a CSV file').setInputFiles({
    name: 'unicode.txt',
    mimeType: 'text/plain',
    buffer: utf16le('Téléphone\tPrénom\tVille\r\n0612345678\tHélène\tBesançon\r\n0698765432\tZoë\tNice\r\n'),
  });
  // Its columns are told apart by tabs, and named in French.
  await expect(page.getByLabel('Column “Téléphone”')).toHaveValue('phone');
  await expect(page.getByLabel('Column “Prénom”')).toHaveValue('first_name');
  await page.getByRole('button', { name: 'Use these columns' }).click();
  await expect(page.getByTestId('recipients-file-note')).toContainText('It was read as UTF-16.');
  await expect(page.getByTestId('preview-recipients')).toContainText('Bonjour Zoë, votre colis');
  await expect(page.getByTestId('preview-recipients')).toContainText('Bonjour Hélène, votre colis');
});

test('a large CSV saved by Excel is mapped from its accented header, sent, and read with its accents', async ({ page }) => {
  await composeFrench(page);
  const rows = ['Mobile;Prénom;Notes'];
  for (let n = 0; n < 20_000; n++) rows.push(`+3361${String(n).padStart(7, '0')};Hélène ${n};${'n'.repeat(20)}`);
  const file = windows1252(rows.join('\r\n') + '\r\n');
  expect(file.length).toBeGreaterThan(512 * 1024);
  await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: file });
  // The header was read as Windows-1252: "Prénom" is known for the first name.
  await expect(page.getByLabel('Column “Prénom”')).toHaveValue('first_name');
  await page.getByRole('button', { name: 'Use these columns' }).click();
  const list = page.getByTestId('uploaded-list');
  await expect(list).toContainText('excel.csv: 20000 recipients read on the server');
  await expect(list).toContainText('It was read as Windows-1252');
  await expect(page.getByTestId('preview-recipients')).toContainText('Bonjour Hélène 0, votre colis');
});

test('a large UTF-16 file is refused with what to do', async ({ page }) => {
  await composeFrench(page);
  const rows = ['phone,first_name'];
  for (let n = 0; n < 20_000; n++) rows.push(`+3361${String(n).padStart(7, '0')},Hélène`);
  const file = utf16le(rows.join('\n'));
  expect(file.length).toBeGreaterThan(512 * 1024);
  await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'unicode.csv', mimeType: 'text/csv', buffer: file });
  await expect(page.getByTestId('recipients-file-note')).toContainText(
    'unicode.csv is saved as UTF-16 (Excel\'s “Unicode text”). A file this large is sent to the server as it is, which only UTF-8, Windows-1252 and Mac Roman files can be: in Excel, save it as “CSV UTF-8 (comma delimited)” and pick it again.',
  );
  await expect(page.getByTestId('uploaded-list')).toHaveCount(0);
  await expect(page.getByLabel(/^Recipients/)).toBeVisible();
});

test('a small CSV saved by Excel for Mac is mapped from its accented header and read with its accents', async ({ page }) => {
  await composeFrench(page);
  await page.getByLabel('Upload a CSV file').setInputFiles({
    name: 'mac.csv',
    mimeType: 'text/csv',
    buffer: macRoman('Mobile;Prénom\r0612345678;Hélène\r0698765432;Zoë\r'),
  });
  // Read as Windows-1252, the header was "PrŽnom", taken for a last name.
  await expect(page.getByLabel('Column “Prénom”')).toHaveValue('first_name');
  await page.getByRole('button', { name: 'Use these columns' }).click();
  await expect(page.getByTestId('recipients-file-note')).toContainText(
    'It was read as Mac Roman (a Mac CSV): check its accented letters in the preview.',
  );
  await expect(page.getByTestId('preview-recipients')).toContainText('Bonjour Hélène, votre colis');
  await expect(page.getByTestId('preview-recipients')).toContainText('Bonjour Zoë, votre colis');
});

test('a large CSV saved by Excel for Mac is mapped from its accented header, sent, and read with its accents', async ({ page }) => {
  await composeFrench(page);
  const rows = ['Mobile;Prénom;Notes'];
  for (let n = 0; n < 20_000; n++) rows.push(`+3361${String(n).padStart(7, '0')};Hélène ${n};${'n'.repeat(20)}`);
  const file = macRoman(rows.join('\r') + '\r');
  expect(file.length).toBeGreaterThan(512 * 1024);
  await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'mac.csv', mimeType: 'text/csv', buffer: file });
  await expect(page.getByLabel('Column “Prénom”')).toHaveValue('first_name');
  await page.getByRole('button', { name: 'Use these columns' }).click();
  const list = page.getByTestId('uploaded-list');
  await expect(list).toContainText('mac.csv: 20000 recipients read on the server');
  await expect(list).toContainText('It was read as Mac Roman');
  await expect(page.getByTestId('preview-recipients')).toContainText('Bonjour Hélène 0, votre colis');
});
