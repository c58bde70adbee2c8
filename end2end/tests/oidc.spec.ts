import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './people';
import { fillValidForm, scheduleAndConfirm } from './composer';
import { OIDC } from './servers';

// Built-in sign-in through a real OpenID provider's own login form (oidc/provider.mjs).
test.use({ extraHTTPHeaders: {} });
test.setTimeout(60_000);

/// Signs in as `login` on the provider's form, wherever the app sent the browser to it.
async function signInOnTheProvidersForm(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${OIDC.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: /sign-in/i }).click();
}

test('a page opened without a session signs in through the provider and comes back to it', async ({ page }) => {
  await page.goto(`${OIDC.url}campaigns?state=scheduled`);
  await signInOnTheProvidersForm(page, 'sam');
  await expect(page).toHaveURL(`${OIDC.url}campaigns?state=scheduled`);
  await expect(page.getByTestId('signed-in')).toHaveText('sam · sender');
  // The session is the server's: a cookie no script reads, for the app's sub-path only.
  const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'sms_scheduler_session');
  expect(cookie).toMatchObject({ path: OIDC.basePath, httpOnly: true, sameSite: 'Lax' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('sms_scheduler_session');
  expect(await seriousViolations(page), 'signed in, with the sign-out button').toEqual([]);

  await page.getByRole('button', { name: 'Sign out' }).click();
  // Through the provider's own sign-out, back to the app's page saying so.
  await expect(page).toHaveURL(`${OIDC.url}auth/signed-out`);
  await expect(page.getByRole('heading')).toHaveText('You are signed out.');
  expect(await seriousViolations(page), 'the signed-out page').toEqual([]);
  // Nothing answers the old session any more.
  const answer = await page.request.post(`${OIDC.url}api/list_providers`, { data: {} });
  expect(answer.status()).toBe(401);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await signInOnTheProvidersForm(page, 'sam');
  await expect(page.getByTestId('signed-in')).toHaveText('sam · sender');
});

test('an ended session keeps the form; signing in again in a new tab lets it be sent', async ({ page, context }) => {
  await page.goto(OIDC.url);
  await signInOnTheProvidersForm(page, 'sam');
  await expect(page.getByRole('heading', { name: 'New campaign' })).toBeVisible();
  await expect(page.locator('#provider option')).toHaveCount(2);
  await fillValidForm(page);

  // Signed out meanwhile (another tab, or the session ran out): the server forgets the session.
  const out = await page.request.post(`${OIDC.url}auth/sign-out`, { maxRedirects: 0 });
  expect(out.status()).toBe(303);

  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Your sign-in has ended, so nothing was done.' })).toBeVisible();
  const banner = page.getByTestId('signed-out');
  await expect(banner).toContainText('Your sign-in has ended: nothing can be sent until you sign in again.');
  // In French too.
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(banner).toContainText('Votre connexion a pris fin');
  await page.getByRole('button', { name: 'English' }).click();

  const [again] = await Promise.all([
    context.waitForEvent('page'),
    banner.getByRole('link', { name: 'Sign in again (new tab)' }).click(),
  ]);
  // The provider still knows sam: no form this time, straight back to the app.
  await expect(again.getByRole('heading')).toHaveText('You are signed in again.');
  await again.close();

  // Back on the first tab, nothing typed was lost, and the banner goes once the page checks.
  await expect(page.getByLabel('Message')).toHaveValue('Your parcel arrives tomorrow between 9 and 12.');
  await expect(page.getByLabel(/^Recipients/)).toHaveValue('06 12 34 56 78\n+33 6 98 76 54 32');
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await expect(page.getByTestId('signed-in')).toHaveText('sam · sender');
  await scheduleAndConfirm(page);
  await expect(page.getByTestId('receipt').getByTestId('contacts')).toHaveText('2');
});

test('someone whose groups give no role is told so, and the trail keeps sign-ins and sign-outs', async ({ page, browser }) => {
  await page.goto(OIDC.url);
  await signInOnTheProvidersForm(page, 'nobody');
  await expect(page.getByRole('heading')).toHaveText('Signing in did not work.');
  await expect(page.locator('main p').first()).toHaveText(
    'nobody is signed in, but none of their groups gives a role in this app',
  );

  const admins = await browser.newContext({ extraHTTPHeaders: {} });
  const admin = await admins.newPage();
  await admin.goto(`${OIDC.url}audit`);
  await signInOnTheProvidersForm(admin, 'root');
  await expect(admin.getByTestId('signed-in')).toHaveText('root · admin');
  const trail = admin.getByTestId('audit');
  await expect(trail).toContainText('root');
  await expect(trail).toContainText('Signed in');
  await expect(trail).toContainText('nobody');
  await admins.close();
});
