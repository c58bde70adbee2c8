import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm } from './composer';
import { PORTAL, SECRET_KEY, SECRET_LOGIN } from './servers';

test.use({ baseURL: PORTAL.url });

test('works under the portal sub-path, server-function calls included', async ({ page }) => {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) calls.push(new URL(request.url()).pathname);
  });
  await openComposer(page);
  await expect(page.locator('#provider option').first()).toHaveText('Octopush');
  await expect(page.locator('#provider option').nth(1)).toHaveText('Infobip (sandbox)');
  await fillValidForm(page);
  await scheduleAndConfirm(page);
  await expect(page.getByTestId('reference')).toHaveText(/^sms_/);
  expect(calls.length).toBeGreaterThan(0);
  for (const path of calls) expect(path.startsWith(`${PORTAL.basePath}/api/`)).toBe(true);
});

test('the API key never reaches the browser', async ({ page }) => {
  const seen: { url: string; body: Buffer; headers: string }[] = [];
  // Each response is read while the page is open (the checks below wait for every read).
  const reads: Promise<void>[] = [];
  page.on('response', (response) => {
    reads.push(
      (async () => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        const headers = JSON.stringify(await response.allHeaders());
        seen.push({ url: response.url(), body, headers });
      })(),
    );
  });
  await openComposer(page);
  await fillValidForm(page);
  await scheduleAndConfirm(page);
  await expect(page.getByTestId('reference')).toBeVisible();
  await page.getByLabel(/^Sender/).fill('X');
  await page.getByRole('button', { name: 'Schedule this form again' }).click();
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.locator('#sender-errors')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('balance')).toBeVisible();
  await page.waitForLoadState('networkidle');
  page.removeAllListeners('response');
  await Promise.all(reads);

  const kinds = seen.map((r) => r.url);
  expect(kinds.some((u) => u.endsWith('.wasm'))).toBe(true);
  expect(kinds.some((u) => u.endsWith('.js'))).toBe(true);
  expect(kinds.some((u) => u.includes('/api/schedule_sms'))).toBe(true);
  for (const response of seen) {
    for (const secret of [SECRET_KEY, SECRET_LOGIN]) {
      expect(response.body.includes(secret), `${response.url} body`).toBe(false);
      expect(response.headers.includes(secret), `${response.url} headers`).toBe(false);
    }
  }
});

/// A portal page on `origin` showing the app in a narrow column.
async function portalPage(page: import('@playwright/test').Page, origin: string) {
  await page.route(`${origin}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!DOCTYPE html><html lang="en"><title>Portal</title><h1>Portal</h1>
        <iframe title="SMS Scheduler" src="${PORTAL.url}" style="width: 360px; height: 900px"></iframe>`,
    }),
  );
  await page.goto(`${origin}/`);
  return page.frameLocator('iframe[title="SMS Scheduler"]');
}

test('the configured portal shows the app in a narrow frame that works and fits', async ({ page }) => {
  const app = await portalPage(page, PORTAL.frameAncestor);
  await expect(app.getByRole('heading', { name: 'New campaign' })).toBeVisible();
  await app.getByRole('link', { name: 'Campaigns' }).click();
  await expect(app.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
  await app.getByRole('link', { name: 'Compose' }).click();
  await expect(app.getByRole('heading', { name: 'New campaign' })).toBeVisible();
  // Nothing wider than the column: no sideways scrolling of the page itself.
  const frame = page.frame({ url: /\/tools\/sms\// })!;
  const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('another origin cannot frame the app', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('frame-ancestors')) blocked.push(message.text());
  });
  const app = await portalPage(page, 'http://elsewhere.test');
  await expect.poll(() => blocked.length).toBeGreaterThan(0);
  await expect(app.getByRole('heading', { name: 'New campaign' })).toHaveCount(0);
});
