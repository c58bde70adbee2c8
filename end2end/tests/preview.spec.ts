import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm } from './composer';

/// The next Sunday after today, as a datetime-local date.
function nextSunday(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + (7 - day.getUTCDay()));
  return day.toISOString().slice(0, 10);
}

test('previews the campaign as the user types: totals, cost and each message', async ({ page }) => {
  await openComposer(page);
  await expect(page.getByText('Write the message and the recipients to see what would be sent.')).toBeVisible();
  await fillValidForm(page);
  await page.getByLabel('Message').fill('Hello {first_name}');
  await expect(page.getByTestId('preview-problems')).toContainText('first_name');

  await page.getByLabel('Message').fill('Your parcel arrives tomorrow.');
  const verdict = page.getByTestId('preview-verdict');
  await expect(page.getByTestId('preview-on-time')).toHaveText('2');
  await expect(page.getByTestId('preview-deferred')).toHaveText('0');
  await expect(page.getByTestId('preview-excluded')).toHaveText('0');
  await expect(verdict).toContainText('2 parts in 1 provider request, estimated cost');
  const shown = page.getByTestId('preview-recipients');
  await expect(shown.locator('li')).toHaveCount(2);
  await expect(shown).toContainText('Your parcel arrives tomorrow.');
  // Every message is shown: nothing to say about the others.
  await expect(page.getByTestId('preview-first-messages')).toHaveCount(0);

  await page.getByLabel('Find a recipient (number or line)').fill('98 76');
  await expect(shown.locator('li')).toHaveCount(1);
  await expect(shown).toContainText('+33698765432');
});

test('says which recipients the sending rules move, and to when', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel('Marketing').check();
  await page.getByLabel('Message').fill('Sale this week only. STOP au XXXXX');
  await page.getByLabel(/^Send at/).fill(`${nextSunday()}T10:00`);
  await expect(page.getByTestId('preview-deferred')).toHaveText('2');
  await expect(page.getByTestId('preview-on-time')).toHaveText('0');
  await expect(page.getByTestId('preview-moves')).toContainText('2 to');
  await expect(page.getByTestId('preview-moves')).toContainText('08:00');
  // The rule's sentence, the same for both, is said once in the totals with its count, not on
  // every recipient's row.
  const warnings = page.getByTestId('preview-warnings');
  await expect(warnings.locator('li')).toHaveCount(1);
  await expect(warnings).toContainText(/^2 recipients: outside France marketing: .*is not a sending day in Europe\/Paris; moved to the next allowed time$/);
  const shown = page.getByTestId('preview-recipients');
  await expect(shown.locator('li')).toHaveCount(2);
  await expect(shown).not.toContainText('is not a sending day');

  // The rules' reasons come as data: the French words are the browser's.
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(warnings).toContainText("n'est pas un jour d'envoi en Europe/Paris ; décalé à la prochaine heure permise");
  await expect(warnings).toContainText('2 destinataires : hors de la règle Marketing en France : lundi–samedi 08:00–20:00');
  await expect(warnings).toContainText(/le dimanche \d+ \S+ \d{4}/);

  // The receipt says it the same way: once, with its count, not once per recipient. (These
  // numbers may be over the frequency cap by now, from other tests: that is a line of its own.)
  await page.getByRole('button', { name: 'English' }).click();
  await scheduleAndConfirm(page);
  const rule = page.getByTestId('warnings').locator('li').filter({ hasText: 'outside France marketing' });
  await expect(rule).toHaveCount(1);
  await expect(rule).toHaveText(/^2 recipients: outside France marketing: .*moved to the next allowed time$/);
});

test('restates the campaign before scheduling it, and schedules nothing on the way back', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByRole('button', { name: 'Schedule' }).click();

  const confirm = page.getByTestId('confirm');
  await expect(confirm.getByRole('heading', { name: 'Schedule this campaign?' })).toBeFocused();
  await expect(page.getByTestId('confirm-recipients')).toHaveText('2 recipients');
  await expect(page.getByTestId('confirm-when')).toContainText('10:00 (Europe/Paris)');
  await expect(page.getByTestId('confirm-cost')).toContainText(/\d+\.\d{2}/);

  await page.getByRole('button', { name: 'Change something' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toHaveCount(0);

  // A change after the check makes the confirmation stale.
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(confirm).toBeVisible();
  await page.getByLabel(/^Sender/).fill('SHOP');
  await expect(confirm).toHaveCount(0);
});

test('says how many messages the first ones shown are of, and finds the others', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  const numbers = Array.from({ length: 7 }, (_, i) => `+33 6 12 34 50 0${i + 1}`);
  await page.getByLabel(/^Recipients/).fill(numbers.join('\n'));
  const shown = page.getByTestId('preview-recipients');
  await expect(shown.locator('li')).toHaveCount(5);
  await expect(page.getByTestId('preview-first-messages')).toHaveText(
    'The first 5 messages of 7: search by number or line for the others.',
  );
  await page.getByLabel('Find a recipient (number or line)').fill('7');
  await expect(shown.locator('li')).toHaveCount(1);
  await expect(shown).toContainText('+33612345007');
  await expect(page.getByTestId('preview-first-messages')).toHaveCount(0);

  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByLabel('Trouver un destinataire (numéro ou ligne)').fill('');
  await expect(page.getByTestId('preview-first-messages')).toHaveText(
    'Les 5 premiers messages sur 7 : cherchez un numéro ou une ligne pour voir les autres.',
  );
  await page.getByRole('button', { name: 'English' }).click();
});

test('says which lines repeat a number with other values, whose messages are not sent', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel('Message').fill('Hello {first_name}, your parcel arrives tomorrow.');
  await page.getByLabel(/^Recipients/).fill(
    'phone;first_name\n06 12 34 56 78;Ann\n06 98 76 54 32;Bo\n0612345678;Ann\n+33612345678;Cy',
  );
  await expect(page.getByTestId('preview-on-time')).toHaveText('2');
  await expect(page.getByText('2 repeated numbers merged into their first line.')).toBeVisible();
  await expect(
    page.getByText("1 line repeats an earlier line's number with other values: its message is not sent, only the first line's."),
  ).toBeVisible();
  await expect(page.getByTestId('preview-repeats-with-other-values').locator('li')).toHaveText([
    'Line 5: +33612345678 (same number as line 2, other values: not sent)',
  ]);

  await scheduleAndConfirm(page);
  await expect(page.getByTestId('duplicates').locator('li')).toHaveText([
    'Line 4: +33612345678 (same as line 2)',
    'Line 5: +33612345678 (same number as line 2, other values: not sent)',
  ]);
});
