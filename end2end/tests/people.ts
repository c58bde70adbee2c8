import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';

/// A browser of someone the portal's proxy signs in as `user` in `groups`.
export async function personAt(browser: Browser, user: string, groups: string) {
  return browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-User': user, 'X-Forwarded-Groups': groups } });
}

/// axe's serious and critical findings on the page as it stands, one line each.
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
