import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer } from './composer';

test('maps the columns of an uploaded CSV file, then previews and reports its bad rows', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel('Message').fill('Hello ');
  await page.getByRole('button', { name: '{first_name}' }).click();
  await expect(page.getByLabel('Message')).toHaveValue('Hello {first_name}');

  await page.getByLabel('Upload a CSV file').setInputFiles({
    name: 'export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Ville;Mobile;Prénom\nLyon;06 12 34 56 78;Ana\nNice;06 98;Bo\nParis;06 98 76 54 32;Chloé\n'),
  });
  const mapping = page.getByTestId('column-mapping');
  await expect(mapping).toContainText('What does each column of export.csv hold?');
  // Guessed from the names: the city is not used, the mobile is the number, the first name too.
  await expect(page.getByLabel('Column “Ville”')).toHaveValue('ignore');
  await expect(page.getByLabel('Column “Mobile”')).toHaveValue('phone');
  await expect(page.getByLabel('Column “Prénom”')).toHaveValue('first_name');

  await page.getByLabel('Column “Mobile”').selectOption('ignore');
  await expect(mapping.getByRole('alert')).toHaveText('Choose the column that holds the phone numbers.');
  await page.getByLabel('Column “Mobile”').selectOption('phone');
  await page.getByRole('button', { name: 'Use these columns' }).click();

  await expect(mapping).toHaveCount(0);
  await expect(page.getByTestId('recipients-file-note')).toHaveText('export.csv: a header and 3 recipients (one a row) loaded below.');
  await expect(page.getByLabel(/^Recipients/)).toHaveValue(/^ignore;phone;first_name\nLyon;06 12 34 56 78;Ana\n/);
  await expect(page.getByTestId('preview-problems')).toContainText("Line 3: '06 98' is not a valid number");
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#recipients-errors')).toContainText('Line 3:');

  // With the bad row fixed, each recipient gets their own first name.
  const fixed = (await page.getByLabel(/^Recipients/).inputValue()).replace('06 98;', '06 98 76 54 01;');
  await page.getByLabel(/^Recipients/).fill(fixed);
  await expect(page.getByTestId('preview-recipients')).toContainText('Hello Ana');
  await expect(page.getByTestId('preview-recipients')).toContainText('Hello Bo');
});

test('a file already in the list format goes in as it is', async ({ page }) => {
  await openComposer(page);
  await page.getByLabel('Upload a CSV file').setInputFiles({
    name: 'numbers.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('06 12 34 56 78\n+33 6 98 76 54 32\n'),
  });
  await expect(page.getByTestId('column-mapping')).toHaveCount(0);
  await expect(page.getByLabel(/^Recipients/)).toHaveValue('06 12 34 56 78\n+33 6 98 76 54 32\n');
  await expect(page.getByTestId('recipients-file-note')).toHaveText('numbers.txt: 2 lines of numbers loaded below.');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('each column\'s choice is shown whole', async ({ page }) => {
    await openComposer(page);
    await page.getByLabel('Upload a CSV file').setInputFiles({
      name: 'export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Ville;Mobile;Prénom;Référence client\nLyon;06 12 34 56 78;Ana;A-1\n'),
    });
    await expect(page.getByTestId('column-mapping')).toBeVisible();
    for (const name of ['Ville', 'Mobile', 'Prénom', 'Référence client']) {
      const choice = page.getByLabel(`Column “${name}”`);
      // Its chosen option fits in it beside the arrow (a select cuts what does not), and it fits
      // the screen. The arrow and the padding take about 40 px of a select's width.
      const [needed, width] = await choice.evaluate((select: HTMLSelectElement) => {
        const probe = document.createElement('span');
        probe.style.font = getComputedStyle(select).font;
        probe.style.position = 'absolute';
        probe.textContent = select.selectedOptions[0].text;
        document.body.append(probe);
        const text = probe.getBoundingClientRect().width;
        probe.remove();
        return [text, select.getBoundingClientRect().width];
      });
      expect(needed + 40, name).toBeLessThanOrEqual(width);
      const box = (await choice.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
  });
});
