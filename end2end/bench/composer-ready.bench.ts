import { test, type Page } from '@playwright/test';

// How long after navigation the composer is usable: rendered, the provider list answered by the
// server and the message box there to type in. Measured in the page (time since navigation
// start), never asserted: the numbers go in the README.
const RUNS = 20;

declare global {
  interface Window {
    composerReady?: number;
  }
}

async function timeToComposer(page: Page): Promise<number> {
  await page.goto('./', { waitUntil: 'commit' });
  await page.waitForFunction(() => window.composerReady !== undefined, null, { timeout: 10_000 });
  return page.evaluate(() => window.composerReady!);
}

function summary(label: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `| ${label} | ${at(0.5).toFixed(0)} ms | ${at(0.9).toFixed(0)} ms | ${sorted[sorted.length - 1].toFixed(0)} ms |`;
}

test('composer usable after navigation, on loopback', async ({ browser }) => {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A new context each run: an empty cache, as on a first visit.
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const check = () => {
        if (
          window.composerReady === undefined &&
          document.querySelectorAll('#provider option').length === 2 &&
          document.querySelector('textarea#text')
        ) {
          window.composerReady = performance.now();
        }
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    cold.push(await timeToComposer(page));
    // The same browser coming back: the files are in its cache.
    warm.push(await timeToComposer(page));
    await context.close();
  }
  console.log(
    [
      `composer usable after navigation (${RUNS} runs each):`,
      '| visit | median | 90th percentile | slowest |',
      '|---|---|---|---|',
      summary('first (empty cache)', cold),
      summary('again (files cached)', warm),
    ].join('\n'),
  );
});
