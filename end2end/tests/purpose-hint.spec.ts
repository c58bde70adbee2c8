import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer } from './composer';

test('a promotion written as an alert gets a hint to choose Marketing, which the choice takes away', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  const hint = page.getByTestId('purpose-hint');
  await expect(hint).toHaveCount(0);
  await page.getByLabel('Message').fill('Winter sale: -20% on everything this week.');
  await expect(hint).toHaveText(
    '“sale” reads like a promotion: if this message promotes something, choose Marketing, so that the opt-out mention, the sending hours and the frequency cap apply.',
  );
  await page.getByLabel('Marketing').check();
  await expect(hint).toHaveCount(0);
  // Back to an alert: the hint again; an alert's words: none.
  await page.getByLabel('Alert (transactional)').check();
  await expect(hint).toBeVisible();
  await page.getByLabel('Message').fill('Your parcel arrives tomorrow between 9 and 12.');
  await expect(hint).toHaveCount(0);
});

test('the hint is said again on the confirm step, where the alert would be sent', async ({ page }) => {
  await openComposer(page);
  await fillValidForm(page);
  await page.getByLabel('Message').fill('Black Friday: 30% off all week.');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('confirm')).toBeVisible();
  await expect(page.getByTestId('confirm-purpose-hint')).toHaveText(
    /^“.+” reads like a promotion: if this message promotes something, choose Marketing/,
  );
  // Back, as Marketing: the confirm step says nothing of it.
  await page.getByRole('button', { name: 'Change something' }).click();
  await page.getByLabel('Marketing').check();
  await page.getByLabel('Message').fill('Black Friday: 30% off all week. STOP au XXXXX');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('confirm')).toBeVisible();
  await expect(page.getByTestId('confirm-purpose-hint')).toHaveCount(0);
});

test.describe('in French', () => {
  test.use({ locale: 'fr-FR' });

  test('the hint names the sign it found', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { name: 'Nouvelle campagne' })).toBeVisible();
    await page.getByLabel('Message').fill('Soldes : -30 % sur tout le magasin');
    await expect(page.getByTestId('purpose-hint')).toHaveText(
      "« soldes » évoque une promotion : si ce message fait la promotion de quelque chose, choisissez Marketing, pour que la mention de désinscription, les horaires d'envoi et le plafond de fréquence s'appliquent.",
    );
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the hint comes right under the message being typed', async ({ page }) => {
    await openComposer(page);
    const message = page.getByLabel('Message');
    await message.fill('Winter sale: -20% on everything this week.');
    const hint = page.getByTestId('purpose-hint');
    await expect(hint).toBeVisible();
    await expect(hint).toBeInViewport();
    // Under the message and its counter, before the recipients' box.
    const typed = (await message.boundingBox())!;
    const shown = (await hint.boundingBox())!;
    const recipients = (await page.getByLabel(/^Recipients/).boundingBox())!;
    expect(shown.y).toBeGreaterThan(typed.y + typed.height);
    expect(shown.y).toBeLessThan(recipients.y);
    await expect(message).toHaveAttribute('aria-describedby', /purpose-hint/);
  });
});
