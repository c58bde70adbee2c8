import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer } from './composer';

test('takes several numbers on one line, each a recipient of that line', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel(/^Recipients/).fill('0612345678;0698765432');

  await expect(page.getByTestId('preview-on-time')).toHaveText('2');
  const shown = page.getByTestId('preview-recipients');
  await expect(shown.locator('li')).toHaveCount(2);
  await expect(shown).toContainText('Line 1 · +33612345678');
  await expect(shown).toContainText('Line 1 · +33698765432');

  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('confirm-recipients')).toHaveText('2 recipients');
});

test('names what is not a number on its line rather than dropping it', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel(/^Recipients/).fill('0612345678;hello\n+33698765432 x12');

  const problems = page.getByTestId('preview-problems');
  await expect(problems).toContainText("Line 1: 'hello' is not a phone number.");
  await expect(problems).toContainText("Line 2: '+33698765432 x12' is not a phone number: 'x' has no place in one");
});
