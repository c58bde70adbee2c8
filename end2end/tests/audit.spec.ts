import { expect, test } from '@playwright/test';
import { personAt, seriousViolations } from './people';
import { fillValidForm, openComposer, scheduleAndConfirm } from './composer';
import { PORTAL } from './servers';

test('an approver reads who did what, filters it and exports it, in each language', async ({ browser }) => {
  const sender = `sam-${Date.now()}@example.com`;
  const senders = await personAt(browser, sender, PORTAL.senders);
  const composer = await senders.newPage();
  await openComposer(composer, PORTAL.url);
  await fillValidForm(composer);
  await scheduleAndConfirm(composer);
  await expect(composer.getByRole('heading', { name: 'Scheduled' })).toBeVisible();
  // Taking a number off the opt-out list is not a sender's to do: refused, and recorded.
  const refused = await senders.request.post(`${PORTAL.url}api/remove_opt_out`, { data: { phone: '+33699999999' } });
  expect(refused.status()).toBe(403);

  const approvers = await personAt(browser, 'ann-approver@example.com', PORTAL.approvers);
  const page = await approvers.newPage();
  await page.goto(PORTAL.url);
  await page.getByRole('link', { name: 'Audit' }).click();
  await page.getByLabel('Person', { exact: true }).fill(sender);
  const rows = page.getByTestId('audit').locator('tbody tr');
  // The lines before the filter stay until its answer comes: waited for as these two.
  await expect(rows).toHaveText([/Took off the opt-out list/, /Scheduled/]);
  await expect(rows.nth(0)).toContainText('Took off the opt-out list');
  await expect(rows.nth(0)).toContainText('Refused: no right to taking numbers off the opt-out list');
  await expect(rows.nth(0)).toContainText('+33699999999');
  await expect(rows.nth(1)).toContainText('Scheduled');
  await expect(rows.nth(1)).toContainText('Done');
  await expect(rows.nth(1)).toContainText('sender');
  await expect(rows.nth(1)).toContainText('127.0.0.1');
  expect(await seriousViolations(page), 'audit page').toEqual([]);

  // The export carries the filter: the same two lines.
  const href = await page.getByTestId('audit-export').getAttribute('href');
  expect(href).toContain(`actor=${encodeURIComponent(sender)}`);
  const csv = await approvers.request.get(new URL(href!, PORTAL.url).toString());
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(`,${sender},sender,remove-opt-out,refused,remove-opt-out,`);
  expect(lines[2]).toContain(`,${sender},sender,schedule,done,`);

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(rows.nth(0)).toContainText('Refusé : pas le droit de retirer des numéros de la liste des désinscriptions');
  await expect(rows.nth(1)).toContainText('Planification');
  await expect(rows.nth(1)).toContainText('Fait');
  expect(await seriousViolations(page), 'audit page in French').toEqual([]);

  // A period after today holds nothing.
  const later = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page.getByLabel('Du', { exact: true }).fill(later);
  await expect(page.getByTestId('no-audit-entry')).toHaveText('Aucune action ne correspond.');
  await senders.close();
  await approvers.close();
});

test('a viewer has no audit link, and the server refuses them the trail', async ({ browser }) => {
  const viewers = await personAt(browser, 'victor@example.com', PORTAL.viewers);
  const page = await viewers.newPage();
  await openComposer(page, PORTAL.url);
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Audit' })).toHaveCount(0);
  await page.goto(`${PORTAL.url}audit`);
  await expect(page.getByRole('alert')).toHaveText('Your role (viewer) does not allow reading the audit trail.');
  const csv = await viewers.request.get(`${PORTAL.url}export/audit.csv`);
  expect(csv.status()).toBe(403);
  await viewers.close();
});
