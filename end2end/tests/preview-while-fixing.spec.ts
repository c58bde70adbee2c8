import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer, tomorrowAt } from './composer';

// On a phone, from New York: what a person fixing a list sees.
test.use({ viewport: { width: 390, height: 844 }, timezoneId: 'America/New_York' });

test('lines in error are listed beside the other lines\' messages, and nothing is scheduled until they are fixed', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel('Message').fill('Hello {first_name}, your parcel arrives tomorrow.');
  // The counter speaks of the template; the preview counts each message.
  await expect(page.getByTestId('counter-of-template')).toHaveText(
    "These are the template's counts: each message is counted with its recipient's values in the preview.",
  );
  await page.getByLabel(/^Recipients/).fill(
    'phone;first_name\n+33612345678;Hélène\n06 98;Bob\n;Eve\n+33698765432;Zoë\n',
  );
  const panel = page.getByRole('region', { name: 'Preview' });
  await expect(panel).toContainText(
    'These lines are to be fixed before anything can be scheduled; the preview below is of the other lines:',
  );
  const problems = page.getByTestId('preview-problems');
  await expect(problems).toContainText("Line 3: '06 98' is not a valid number");
  await expect(problems).toContainText('Line 4: the phone number is missing.');
  // Typed in the box: fixed there, not in a file.
  await expect(page.getByTestId('preview-fix-in-file')).toHaveCount(0);
  const shown = page.getByTestId('preview-recipients');
  await expect(shown).toContainText('Hello Hélène, your parcel arrives tomorrow.');
  await expect(shown).toContainText('Hello Zoë, your parcel arrives tomorrow.');
  // Zoë's message is UCS-2 although the template is GSM-7: said, with the letter and its line.
  await expect(page.getByTestId('preview-switched-to-ucs2')).toHaveText(
    '1 message is sent in UCS-2 (70 characters a part instead of 160) because of letters in its recipient\'s values, such as “ë” on line 5.',
  );
  // Nothing runs off the phone's screen.
  const width = await panel.evaluate((element) => element.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);

  // A second click changes nothing: the errors are said next to the list, no confirm step.
  const schedule = page.getByRole('button', { name: 'Schedule' });
  await schedule.click();
  await schedule.click();
  await expect(page.locator('#recipients-errors')).toContainText('Line 3:');
  await expect(page.getByRole('button', { name: 'Confirm and schedule' })).toHaveCount(0);

  // Fixed, the preview is whole and the list can be scheduled.
  await page.getByLabel(/^Recipients/).fill('phone;first_name\n+33612345678;Hélène\n+33698765432;Zoë\n');
  await expect(page.getByTestId('preview-problems')).toHaveCount(0);
  // The errors said when Schedule was pressed were the old list's: they go with it.
  await expect(page.locator('#recipients-errors')).not.toContainText('Line 3:');
  await expect(page.getByTestId('preview-on-time')).toHaveText('2');
  await schedule.click();
  await expect(page.getByRole('button', { name: 'Confirm and schedule' })).toBeVisible();
});

test('an Excel file\'s empty rows are not counted as recipients', async ({ page }) => {
  await openComposer(page);
  await page.getByLabel('Upload a CSV file').setInputFiles({
    name: 'clients.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('phone;first_name\r\n+33612345678;Ann\r\n+33698765432;Bob\r\n;;\r\n;;\r\n'),
  });
  await expect(page.getByTestId('recipients-file-note')).toHaveText(
    'clients.csv: a header and 2 recipients (one a row) loaded below.',
  );
});

test.describe('in French', () => {
  test.use({ locale: 'fr-FR' });

  test('the lines to fix and the switch to UCS-2 are said in French', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { name: 'Nouvelle campagne' })).toBeVisible();
    await page.getByLabel('Message').fill('Bonjour {first_name}');
    await expect(page.getByTestId('counter-of-template')).toContainText('Ces comptes sont ceux du modèle');
    await page.getByLabel(/^Envoi le/).fill(tomorrowAt('10:00'));
    await page.getByLabel(/^Destinataires/).fill('phone;first_name\n+33612345678;Zoë\n+33698765432;Chloë\n;Eve\n');
    await expect(page.getByTestId('preview-switched-to-ucs2')).toHaveText(
      '2 messages partent en UCS-2 (70 caractères par partie au lieu de 160) à cause de caractères dans les valeurs de leurs destinataires, comme « ë » à la ligne 2.',
    );
    await expect(page.getByTestId('preview-problems')).toContainText('Ligne 4 : le numéro de téléphone manque.');
  });
});

test('a check answered after the list was fixed is dropped: neither its errors nor a confirm step', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel(/^Recipients/).fill('+33612345678\n06 98');
  await expect(page.getByTestId('preview-problems')).toContainText('Line 2:');
  // Every check now takes 1.5 s to answer: the list is fixed while Schedule's is on its way.
  await page.route('**/api/preview_campaign', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Schedule' }).click();
  await page.getByLabel(/^Recipients/).fill('+33612345678\n+33698765432');
  await page.waitForTimeout(2500);
  await expect(page.locator('#recipients-errors')).not.toContainText('Line 2:');
  await expect(page.getByRole('button', { name: 'Confirm and schedule' })).toHaveCount(0);
  // Schedule again: the fixed list is checked, and confirmed.
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('button', { name: 'Confirm and schedule' })).toBeVisible();
});
