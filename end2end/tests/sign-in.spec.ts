import { expect, test } from '@playwright/test';
import { openComposer } from './composer';
import { ELSEWHERE, PORTAL } from './servers';

test('behind the portal, the header names who is signed in and their role, in each language', async ({ page }) => {
  await openComposer(page, PORTAL.url);
  const signedIn = page.getByTestId('signed-in');
  await expect(signedIn).toHaveText(`${PORTAL.user} · admin`);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(signedIn).toHaveText(`${PORTAL.user} · administrateur`);
});

test('without sign-in (the embedded default), nobody is named', async ({ page }) => {
  await openComposer(page);
  await expect(page.getByRole('button', { name: 'Schedule' })).toBeVisible();
  await expect(page.getByTestId('signed-in')).toHaveCount(0);
});

test.describe('a viewer', () => {
  test.use({ extraHTTPHeaders: { 'X-Forwarded-User': 'victor@example.com', 'X-Forwarded-Groups': PORTAL.viewers } });

  test('reads, and is told in their language that their role does not schedule', async ({ page }) => {
    await openComposer(page, PORTAL.url);
    await expect(page.getByTestId('signed-in')).toHaveText('victor@example.com · viewer');
    // Where the button would be, why there is none; the server refuses a preview all the same.
    const note = page.getByTestId('no-right');
    await expect(note).toHaveText('Your role (viewer) does not allow previewing and scheduling campaigns.');
    await expect(page.getByRole('button', { name: 'Schedule', exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(note).toHaveText('Votre rôle (lecteur) ne permet pas de prévisualiser et planifier des campagnes.');
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${PORTAL.url}opt-outs`);
    await expect(page.getByTestId('no-right')).toHaveText('Your role (viewer) does not allow previewing and scheduling campaigns.');
    await expect(page.getByRole('button', { name: 'Add to the list' })).toBeHidden();
    await page.goto(`${PORTAL.url}settings`);
    await expect(page.getByTestId('base-path')).toHaveText(PORTAL.basePath);
  });
});

test('identity headers from an address that is not the portal proxy are refused, not believed', async ({ page, request }) => {
  // The default headers of these tests name an admin; this server's proxy is 10.0.0.5.
  const answer = await request.post(`${ELSEWHERE.url}api/who_am_i`, { data: {} });
  expect(answer.status()).toBe(401);
  expect(await answer.text()).toBe("identity headers are accepted only from the portal's proxy");
  // The page names nobody, and says why nothing can be done, in the user's language.
  await page.goto(ELSEWHERE.url);
  await expect(page.getByRole('heading', { name: 'New campaign' })).toBeVisible();
  await expect(page.getByTestId('signed-in')).toHaveCount(0);
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('form-error')).toHaveText(
    "This request did not come through the portal's proxy, so the name it carries is not believed and nothing was done: open the app through the portal.",
  );
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByTestId('form-error')).toHaveText(
    "Cette requête n'est pas passée par le proxy du portail : le nom qu'elle porte n'est pas cru et rien n'a été fait. Ouvrez l'application par le portail.",
  );
});

test.describe('someone who reaches the app around the portal', () => {
  test.use({ extraHTTPHeaders: {} });

  test('gets nothing from the server functions', async ({ request }) => {
    const answer = await request.post(`${PORTAL.url}api/list_providers`, { data: {} });
    expect(answer.status()).toBe(401);
    expect(await answer.text()).toBe('sign in through the portal to use this app');
  });
});
