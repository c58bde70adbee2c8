import { expect, test } from '@playwright/test';
import { fillValidForm, openComposer } from './composer';

test.describe('in a browser on Auckland time', () => {
  test.use({ timezoneId: 'Pacific/Auckland' });

  test("the zone list offers the browser's zone first, then the recipients' countries', and no alias", async ({ page }) => {
    await openComposer(page);
    await expect(page.getByLabel('Time zone')).toHaveValue('Pacific/Auckland');
    await fillValidForm(page);
    await page.getByLabel(/^Recipients/).fill('+33 6 12 34 56 78\n+1 212 736 5000');
    const zones = page.locator('#time-zone-choices option');
    // The preview read the countries (France, then the United States): their zones come next.
    // (The form's first preview, French numbers only, put Paris second already: wait for the
    // preview of these recipients, whose American zones follow it.)
    await expect(zones.nth(1)).toHaveAttribute('value', 'Europe/Paris');
    await expect(zones.nth(2)).toHaveText(/(^|, )US(,|$)/);
    // Each option is labelled with its zone's countries.
    const options = await zones.evaluateAll((all) => all.map((o) => ({ zone: (o as HTMLOptionElement).value, countries: o.textContent ?? '' })));
    const names = options.map((o) => o.zone);
    expect(names.slice(0, 2)).toEqual(['Pacific/Auckland', 'Europe/Paris']);
    const american = options.slice(2).findIndex((o) => !o.countries.split(', ').includes('US'));
    expect(american).toBeGreaterThan(5);
    expect(names.slice(2, 2 + american)).toContain('America/New_York');
    expect(options.slice(2 + american).filter((o) => o.countries.split(', ').includes('US'))).toEqual([]);
    for (const alias of ['Africa/Asmera', 'GB-Eire', 'Zulu', 'US/Eastern']) {
      expect(names).not.toContain(alias);
    }
  });
});

/// Bytes the page's fetches of the time-zone list took from the network (headers included).
async function zoneListTransfers(page: import('@playwright/test').Page): Promise<number[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('/api/list_time_zones'))
      .map((entry) => (entry as PerformanceResourceTiming).transferSize),
  );
}

test('the time-zone list is fetched once, then kept by the browser', async ({ page }) => {
  await openComposer(page);
  await expect(page.locator('#time-zone-choices option[value="Europe/Paris"]')).toHaveCount(1);
  const first = await zoneListTransfers(page);
  expect(first).toHaveLength(1);
  expect(first[0]).toBeGreaterThan(1_000);

  // A later visit (a new page load in the same browser) is served from the browser's cache once
  // the server says the list has not changed: headers only, no list.
  await openComposer(page);
  await expect(page.locator('#time-zone-choices option[value="Europe/Paris"]')).toHaveCount(1);
  const again = await zoneListTransfers(page);
  expect(again).toHaveLength(1);
  expect(again[0]).toBeLessThan(600);
});
