import { expect, test } from '@playwright/test';
import { EMBEDDED } from './servers';

// A page of another origin trying what a browser lets any page do without asking first: a
// `text/plain` fetch and a `text/plain` form whose body reads as the server function's JSON
// (`{"request":{…},"x":"="}`). Neither may schedule anything.
test("another origin's page cannot schedule through the user's browser", async ({ page, request }) => {
  const marker = `Cross-origin attempt ${Date.now()}`;
  const scheduleRequest = JSON.stringify({
    request: {
      provider: 'Octopush', text: marker, recipients: '+33612345678', campaign_type: 'Premium',
      sender: 'ACME', send_at: '', send_now: true, time_zone: 'Europe/Paris', purpose: 'Alert',
    },
  });
  await page.route('http://elsewhere.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!DOCTYPE html><html lang="en"><title>Elsewhere</title>
        <form id="f" method="post" action="${EMBEDDED.url}api/schedule_sms" enctype="text/plain" target="sink">
          <input name='${scheduleRequest.slice(0, -1)},"x":"' value='"}'>
        </form><iframe name="sink" title="sink"></iframe>`,
    }),
  );
  await page.goto('http://elsewhere.test/');
  const fetched = await page.evaluate(async ({ url, body }) => {
    try {
      await fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body });
      return 'sent';
    } catch (e) {
      return `failed: ${e}`;
    }
  }, { url: `${EMBEDDED.url}api/schedule_sms`, body: scheduleRequest });
  expect(fetched).toBe('sent');
  const answered = page.waitForResponse(`${EMBEDDED.url}api/schedule_sms`);
  await page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit());
  expect((await answered).status()).toBeGreaterThanOrEqual(400);

  // Nothing was recorded under that text.
  const list = await request.post(`${EMBEDDED.url}api/list_campaigns`, {
    data: { before: null, filter: { search: marker } },
  });
  expect(list.ok()).toBeTruthy();
  expect((await list.body()).includes(Buffer.from(marker))).toBe(false);
});
