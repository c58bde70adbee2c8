import { expect, test, type Page } from '@playwright/test';
import { personAt, seriousViolations } from './people';
import { fillValidForm, openComposer } from './composer';
import { APPROVAL, PORTAL } from './servers';

// Two people, two browsers: a sender whose campaign the rules hold, and an approver.
test.setTimeout(60_000);

/// The sender schedules the valid form (two recipients): held, nothing handed over.
async function scheduleHeld(page: Page): Promise<string> {
  await openComposer(page, APPROVAL.url);
  await fillValidForm(page);
  // Said before it is confirmed: nothing goes before someone else approves it.
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('confirm-approval')).toHaveText(
    'Nothing is sent before another approver or admin approves it, because of 2 recipients, more than 1',
  );
  await page.getByRole('button', { name: 'Confirm and schedule' }).click();
  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByRole('heading')).toHaveText(/^Held for approval: nothing has been handed to the provider/);
  await expect(receipt.getByTestId('held-reasons')).toHaveText('Held because of 2 recipients, more than 1');
  // Nothing handed over yet: no reference, and what goes once approved (not the 0 handed over).
  await expect(receipt.getByTestId('contacts')).toHaveText('2 once approved');
  await expect(receipt.getByTestId('reference')).toHaveText(
    'none yet: nothing is handed over before the campaign is approved',
  );
  await receipt.getByRole('link', { name: /campaign/i }).first().click();
  await expect(page.getByTestId('approval-state')).toHaveText('awaiting approval');
  return page.url().split('/').pop()!;
}

test('a held campaign goes to the provider only when another person approves it', async ({ browser }) => {
  const senders = await personAt(browser, `sam-${Date.now()}@example.com`, PORTAL.senders);
  const sender = await senders.newPage();
  const id = await scheduleHeld(sender);
  await expect(sender.getByTestId('campaign-state')).toHaveText('awaiting approval');
  // Not theirs to approve; theirs to withdraw.
  const approve = sender.getByRole('button', { name: 'Approve and hand over' });
  await expect(approve).toBeDisabled();
  await expect(sender.locator('#approve-refused')).toHaveText(
    'You scheduled this campaign: another approver or admin must approve or reject it.',
  );
  await expect(sender.getByRole('button', { name: 'Withdraw' })).toBeEnabled();
  await expect(sender.getByTestId('recipients').locator('tbody tr')).toHaveCount(0);

  const approvers = await personAt(browser, 'ann-approver@example.com', PORTAL.approvers);
  const approver = await approvers.newPage();
  await approver.goto(APPROVAL.url);
  const badge = approver.getByTestId('awaiting-badge');
  await expect(badge).toHaveAccessibleName(/campaigns? awaits? your approval/);
  await badge.click();
  await expect(approver.getByRole('combobox', { name: 'State' })).toHaveValue('awaiting_approval');
  await approver.locator(`a[href$="/campaigns/${id}"]`).first().click();
  // The approver reads what approving hands over: the preview the sender saw.
  await expect(approver.getByTestId('preview-recipients').locator('li')).toHaveCount(2);
  await expect(approver.locator('#preview-title')).toBeVisible();
  expect(await seriousViolations(approver), 'a held campaign, as the approver sees it').toEqual([]);
  await approver.getByRole('button', { name: 'Approve and hand over' }).click();
  await expect(approver.getByTestId('approval-state')).toHaveText('approved');
  await expect(approver.getByTestId('campaign-state')).toHaveText('scheduled');
  await expect(approver.getByTestId('recipients').locator('tbody tr')).toHaveCount(2);
  await expect(approver.getByTestId('timeline')).toContainText('ann-approver@example.com · approval');

  // The sender's page follows without a reload.
  await expect(sender.getByTestId('approval-state')).toHaveText('approved', { timeout: 15_000 });
  await expect(sender.getByTestId('recipients').locator('tbody tr')).toHaveCount(2);
  await senders.close();
  await approvers.close();
});

test('an approver rejects with a reason in French, and the sender reads it', async ({ browser }) => {
  const senders = await personAt(browser, `sue-${Date.now()}@example.com`, PORTAL.senders);
  const sender = await senders.newPage();
  const id = await scheduleHeld(sender);

  const approvers = await personAt(browser, 'ann-approver@example.com', PORTAL.approvers);
  const approver = await approvers.newPage();
  await approver.goto(`${APPROVAL.url}campaigns/${id}`);
  await approver.getByRole('button', { name: 'Français' }).click();
  const reject = approver.getByRole('button', { name: 'Rejeter' });
  await expect(reject).toBeDisabled();
  await approver.getByLabel('Motif du rejet').fill('Mauvaise liste');
  expect(await seriousViolations(approver), 'a held campaign in French').toEqual([]);
  await reject.click();
  await expect(approver.getByTestId('approval-state')).toHaveText('rejetée');
  await expect(approver.getByTestId('campaign-state')).toHaveText('rejetée');

  await expect(sender.getByTestId('approval-state')).toHaveText('rejected', { timeout: 15_000 });
  await expect(sender.getByTestId('timeline')).toContainText('ann-approver@example.com · rejection (Mauvaise liste)');
  await expect(sender.getByRole('button', { name: 'Withdraw' })).toHaveCount(0);
  await senders.close();
  await approvers.close();
});

test('a sender withdraws a held campaign on a phone, and nothing is left to approve', async ({ browser }) => {
  const senders = await browser.newContext({
    viewport: { width: 390, height: 844 },
    extraHTTPHeaders: { 'X-Forwarded-User': `sid-${Date.now()}@example.com`, 'X-Forwarded-Groups': PORTAL.senders },
  });
  const sender = await senders.newPage();
  const id = await scheduleHeld(sender);
  const overflow = await sender.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'the page fits a 390 px phone').toBeLessThanOrEqual(0);
  await sender.getByRole('button', { name: 'Withdraw' }).click();
  await expect(sender.getByTestId('approval-state')).toHaveText('withdrawn');
  // Nothing went: the campaign reads withdrawn, not finished.
  await expect(sender.getByTestId('campaign-state')).toHaveText('withdrawn');
  const again = await senders.request.post(`${APPROVAL.url}api/decide_approval`, {
    data: { id, decision: 'Withdraw' },
  });
  expect(again.status()).toBe(409);
  await senders.close();
});

test('the settings page says which campaigns wait for approval, and how soon before their time', async ({ browser }) => {
  const senders = await personAt(browser, `sam-${Date.now()}@example.com`, PORTAL.senders);
  const page = await senders.newPage();
  await page.goto(`${APPROVAL.url}settings`);
  await expect(page.getByTestId('approval-rules')).toHaveText('Held when: more than 1 recipient.');
  await expect(page.getByRole('region', { name: 'Approval' })).toContainText(
    'Approved by another approver or admin, at least 5 minutes before the send time',
  );
});

