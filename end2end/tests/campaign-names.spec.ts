import { expect, test, type Page } from '@playwright/test';
import { fillValidForm, openComposer, scheduleAndConfirm, tomorrowAt } from './composer';

/// Schedules the valid form under `name` (none when empty), with `text` and `sender`.
async function scheduleNamed(page: Page, name: string, text: string, sender: string) {
  await openComposer(page);
  await page.locator('#provider').selectOption('infobip');
  await fillValidForm(page);
  await page.getByLabel(/^Campaign name/).fill(name);
  await page.getByLabel('Message').fill(text);
  await page.getByLabel(/^Sender/).fill(sender);
  await scheduleAndConfirm(page);
  await expect(page.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
}

test('a campaign can be named; the list shows its name, send time and sender, and finds it by name', async ({ page }) => {
  const stamp = Date.now();
  const name = `Winter sale ${stamp}`;
  await scheduleNamed(page, name, `Named campaign check ${stamp}`, 'SHOP');

  await page.getByRole('link', { name: 'Follow this campaign' }).click();
  await expect(page.getByTestId('campaign-name')).toHaveText(name);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  const row = page.getByTestId('campaign-row').filter({ hasText: name });
  await expect(row.getByRole('link', { name })).toBeVisible();
  await expect(row).toContainText(`Named campaign check ${stamp}`);
  await expect(row.getByTestId('campaign-send-time')).toHaveText(`${tomorrowAt('10:00').replace('T', ' ')} Europe/Paris`);
  await expect(row.getByTestId('campaign-sender')).toHaveText('SHOP');

  await page.getByLabel('Search').fill(`SALE ${stamp}`);
  // The list before the search stays until its answer comes: waited for as one row, this one.
  await expect(page.getByTestId('campaign-row')).toHaveText([new RegExp(name)]);
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the campaign list reads without sideways scrolling or words cut in two', async ({ page }) => {
    const stamp = Date.now();
    await scheduleNamed(
      page,
      `Appointment reminders ${stamp}`,
      `Reminder: your appointment with Doctor Bartholomew Fitzgerald is confirmed ${stamp}`,
      '',
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    const row = page.getByTestId('campaign-row').filter({ hasText: `Appointment reminders ${stamp}` });
    await expect(row).toBeVisible();
    await expect(row.getByTestId('campaign-sender')).toHaveText("the provider's default");

    const widths = await page.evaluate(() => {
      const boxes = [document.documentElement, ...document.querySelectorAll('.table-scroll')];
      return boxes.map((box) => ({ scroll: box.scrollWidth, client: box.clientWidth }));
    });
    for (const { scroll, client } of widths) expect(scroll).toBeLessThanOrEqual(client);

    // Each word of the row's text sits on one line.
    const cutWords = await row.evaluate((tr) => {
      const cut: string[] = [];
      const walker = document.createTreeWalker(tr, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) cut.push(match[0]);
        }
      }
      return cut;
    });
    expect(cutWords).toEqual([]);
  });
});
