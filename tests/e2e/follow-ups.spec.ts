import { expect, test } from '@playwright/test';
import { admin, createArchiveViaUi, desk, signInViaUi } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();
test.use({ viewport: { width: 1366, height: 768 } });

test('回访到期 lists the visits each schedule owes from the window’s start; 设置’s schedule moves them', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl);
  const call = (method: string, input: unknown) => callHost(host, method, input);
  const admission = (await call('getSettings', {})).customerLists.admission;
  await call('registerCustomer', { kind: 'sales', admissionChecks: admission, name: '陈购房', units: ['B-1801'] });
  await call('registerCustomer', { kind: 'potential', name: '李看房', units: ['B-1802'] });

  // Two days after the files were made, the first visit of both schedules is shown (3 days: from day 2).
  host.moveClock(2);
  await page.getByRole('button', { name: '锁定' }).click();
  await signInViaUi(page, desk);
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const card = page.getByTestId('home-followups');
  await expect(card).toContainText('陈购房');
  await expect(card).toContainText('李看房');
  await expect(card).toContainText(/第 1\/3 次，\d{4}-\d{2}-\d{2}/);
  await expect(card).toContainText(/第 1\/2 次/);

  await card.getByRole('button', { name: '查看' }).click();
  const list = page.getByTestId('follow-ups-list');
  await expect(list.locator('.ant-table-row', { hasText: '陈购房' })).toContainText('购买顾客回访');
  await expect(list.locator('.ant-table-row', { hasText: '李看房' })).toContainText('未购买顾客回访');
  await expect(page.getByRole('dialog')).toContainText('共 2 份档案');
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/98-follow-ups.png' });

  // One schedule at a time, and nothing is late yet.
  await page.getByTestId('follow-ups-schedule').click();
  await page.locator('.ant-select-dropdown:visible').getByText('未购买顾客回访（逾期 0，待回访 1）').click();
  await expect(list.locator('.ant-table-row')).toHaveCount(1);
  await expect(list).toContainText('李看房');
  await page.getByRole('dialog').getByText('逾期', { exact: true }).click();
  await expect(list.locator('.ant-table-row')).toHaveCount(0);
  await page.getByRole('dialog').getByText('全部', { exact: true }).click();

  // A row opens the file.
  await list.locator('.ant-table-row', { hasText: '李看房' }).click();
  await expect(page.locator('.ant-drawer-open')).toContainText('李看房');
  await page.locator('.ant-drawer-close').click();

  // The administrator moves the buyers' first visit to day 5: a word that is not a day is refused.
  await page.getByRole('button', { name: '锁定' }).click();
  await signInViaUi(page, admin);
  const rules = page.getByTestId('settings-follow-ups');
  await rules.scrollIntoViewIfNeeded();
  const days = rules.getByLabel('购买顾客回访 建档后第几天内', { exact: true });
  await expect(days).toHaveValue('3、30、60');
  await days.fill('5、三十、60');
  await rules.getByRole('button', { name: '保存回访计划' }).click();
  await expect(rules).toContainText('回访天数须是 1 到 730 之间的整数');
  await days.fill('60 30 5');
  await rules.getByRole('button', { name: '保存回访计划' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await expect(days).toHaveValue('5、30、60');
  await rules.screenshot({ path: 'test-results/screens/99-settings-follow-ups.png' });

  // Day 2 is before the new first visit's window (from day 3): the buyer leaves the card.
  await page.getByRole('button', { name: '锁定' }).click();
  await signInViaUi(page, desk);
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(card).toContainText('李看房');
  await expect(card).not.toContainText('陈购房');
});
