import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm, tomorrowAt } from './composer';

test("simulation and replies are Octopush's: Infobip shows neither, and its campaign is never a simulation", async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel(/^Simulation/).check();
  await page.getByLabel(/^Allow replies/).check();
  await page.locator('#provider').selectOption('infobip');
  await expect(page.getByLabel(/^Simulation/)).toHaveCount(0);
  await expect(page.getByLabel(/^Allow replies/)).toHaveCount(0);
  // The simulation chosen does not hold here, and the page says so where it was chosen.
  await expect(page.getByTestId('infobip-sends')).toHaveText('Infobip has no simulation: this campaign will really be sent.');
  await page.getByRole('button', { name: 'Schedule' }).click();
  // A real send, said as one: the Octopush choices chosen before do not come with it.
  await expect(page.getByRole('heading', { name: 'Schedule this campaign?' })).toBeVisible();
  await expect(page.getByTestId('confirm-options')).toHaveCount(0);
  await page.getByRole('button', { name: 'Change something' }).click();

  // Back on Octopush, both are as they were, and the confirm step says what they do.
  await page.locator('#provider').selectOption('octopush');
  await expect(page.getByLabel(/^Simulation/)).toBeChecked();
  await expect(page.getByTestId('infobip-sends')).toHaveCount(0);
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('heading', { name: 'Simulate this campaign?' })).toBeVisible();
  await expect(page.getByTestId('confirm-options')).toHaveText('replies allowed');

  // Without the simulation chosen, Infobip has nothing to say about it.
  await page.getByRole('button', { name: 'Change something' }).click();
  await page.getByLabel(/^Simulation/).uncheck();
  await page.locator('#provider').selectOption('infobip');
  await expect(page.getByTestId('infobip-sends')).toBeHidden();
});

test('a half-typed send time is an error next to its field, never "now"', async ({ page }) => {
  await openComposer(page);
  await page.getByLabel('Message').fill('Your appointment is confirmed.');
  await page.getByLabel(/^Recipients/).fill('06 12 34 56 78');
  const field = page.getByLabel(/^Send at/);
  // Day, month, year and hour typed; the minutes left blank. The field shows all that, but its
  // value is empty.
  await field.focus();
  await page.keyboard.type('0612');
  await page.keyboard.type(String(new Date().getFullYear() + 1));
  await page.keyboard.type('10');
  await expect(field).toHaveValue('');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#send-at-errors')).toContainText('This date and time is not complete');
  // The user lands on the field to finish, not on the button.
  await expect(field).toBeFocused();
  await expect(page.getByTestId('confirm')).toHaveCount(0);
  // The preview never reads it as now.
  await expect(page.getByTestId('preview-problems')).toContainText('Enter the date and time to send at');
  await expect(page.locator('.side')).not.toContainText('at once');

  // "Now" is a choice of its own; the date field goes away with it.
  await page.getByLabel('Now', { exact: true }).check();
  await expect(page.getByLabel(/^Send at/)).toHaveCount(0);
  await expect(page.locator('#send-at-errors li')).toHaveCount(0);
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('confirm-when')).toHaveText('now');
});

test('a send time is bounded: the field offers at most a year, the server refuses beyond', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  const field = page.getByLabel(/^Send at/);
  await expect(field).toHaveAttribute('max', /^\d{4}-\d{2}-\d{2}T23:59$/);
  const max = await field.getAttribute('max');
  expect(Number(max!.slice(0, 4))).toBeLessThanOrEqual(new Date().getFullYear() + 1);
  const inTwoYears = new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await field.fill(`${inTwoYears}T10:00`);
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#send-at-errors')).toContainText('is more than 366 days ahead');
});

test('a campaign the balance would not cover is said before the confirm step and not scheduled', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  // 300 recipients of 8 parts at 0.055 EUR: 132 EUR, over the sandbox's 100 EUR.
  await page.getByLabel('Message').fill('a'.repeat(1224));
  const numbers = Array.from({ length: 300 }, (_, n) => `+3365${String(n).padStart(7, '0')}`);
  await page.getByLabel(/^Recipients/).fill(numbers.join('\n'));
  await expect(page.getByTestId('over-balance')).toContainText('The estimated cost, 132.00 EUR, is more than the Octopush balance');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('#provider-errors')).toContainText('Add credit, or send to fewer recipients');
  await expect(page.getByTestId('confirm')).toHaveCount(0);

  // A simulation costs nothing: it may go.
  await page.getByLabel(/^Simulation/).check();
  await expect(page.getByTestId('over-balance')).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the receipt comes where the user is looking, and a second tap cannot schedule again', async ({ page }) => {
    await openComposer(page);
    await fillValidForm(page);
    const balance = page.getByTestId('balance');
    await expect(balance).toHaveText(/EUR$/);
    const before = await balance.textContent();
    await scheduleAndConfirm(page);

    const heading = page.getByRole('heading', { name: 'Scheduled' });
    await expect(heading).toBeInViewport();
    await expect(page.getByTestId('receipt')).toBeFocused();
    await expect(page.getByRole('button', { name: 'Schedule', exact: true })).toHaveCount(0);
    // Pressing Enter in a field does not schedule the same form either.
    await page.getByLabel(/^Sender/).press('Enter');
    await expect(page.getByTestId('confirm')).toHaveCount(0);
    // The balance is read again once the campaign is handed over.
    await expect(balance).not.toHaveText(before!);

    // Scheduling the same form again is a deliberate act.
    await page.getByRole('button', { name: 'Schedule this form again' }).click();
    await expect(page.getByRole('button', { name: 'Schedule', exact: true })).toBeEnabled();

    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.getByRole('button', { name: 'Change something' }).click();
    await page.getByLabel(/^Send at/).fill(tomorrowAt('11:00'));
    await scheduleAndConfirm(page);
    await page.getByRole('button', { name: 'New campaign' }).click();
    await expect(page.getByLabel('Message')).toHaveValue('');
    await expect(page.getByLabel(/^Recipients/)).toHaveValue('');
    await expect(page.getByLabel('Message')).toBeFocused();
  });
});

test('marketing says which opt-out mention the chosen provider asks for, and French marketing through Infobip needs its own', async ({ page }) => {
  await openComposer(page);
  await page.getByLabel(/^Marketing/).check();
  const hint = page.getByTestId('stop-mention-hint');
  await expect(hint).toContainText('STOP au XXXXX');
  await page.locator('#provider').selectOption('infobip');
  await expect(hint).toHaveText('Marketing to French numbers must contain “STOP au 36111”.');
  await page.getByLabel('Message').fill('Sale -20% this week');
  await page.getByLabel(/^Recipients/).fill('06 12 34 56 78');
  await page.getByLabel(/^Send at/).fill(tomorrowAt('10:00'));
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.locator('#text-errors')).toContainText('must carry the opt-out mention "STOP au 36111"');
  await expect(page.getByTestId('confirm')).toHaveCount(0);
});

test('the confirm step says beforehand when the provider will not cancel what it is given', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  // Octopush cancels campaigns of at most 2 recipients: two, nothing to say.
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('confirm')).toBeVisible();
  await expect(page.getByTestId('confirm-cannot-cancel')).toHaveCount(0);
  await page.getByRole('button', { name: 'Change something' }).click();
  // Three: once scheduled, it is sent.
  await page.getByLabel(/^Recipients/).fill('06 12 34 56 78\n+33 6 98 76 54 32\n+33 6 11 22 33 44');
  await expect(page.getByTestId('preview-on-time')).toHaveText('3');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('confirm-cannot-cancel')).toHaveText(
    'Once scheduled, it cannot be cancelled, paused or moved: Octopush cancels only campaigns of at most 2 recipients.',
  );
  // A simulation sends nothing: nothing to cancel.
  await page.getByRole('button', { name: 'Change something' }).click();
  await page.getByLabel(/^Simulation/).check();
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('confirm')).toBeVisible();
  await expect(page.getByTestId('confirm-cannot-cancel')).toHaveCount(0);
});
