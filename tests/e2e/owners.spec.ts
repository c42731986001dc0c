import { expect, test } from '@playwright/test';
import { createArchiveViaUi } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();
test.use({ viewport: { width: 1366, height: 768 } });

test('a customer’s responsible person is chosen on the form; a leaver’s customers are handed over as they leave, and each file shows who took over', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl);
  const call = (method: string, input: unknown) => callHost(host, method, input);
  const chen = await call('saveBorrower', { name: '陈静', department: '客服部' });
  await call('saveBorrower', { name: '周磊', department: '客服部' });
  await call('registerCustomer', { kind: 'tenant', name: '兰州拉面馆', units: ['A-301'], ownerId: chen.id });

  // The form picks 陈静 for a new tenant.
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByRole('button', { name: '登记客户' }).click();
  const form = page.locator('.ant-drawer').filter({ hasText: '登记客户' });
  await form.getByLabel('客户名称').fill('华联便利店');
  await form.getByLabel('单元号', { exact: true }).fill('A-302');
  await form.getByLabel('单元号', { exact: true }).press('Enter');
  await form.getByLabel('客户负责人').click();
  await page.locator('.ant-select-dropdown:visible').getByText('陈静（客服部）').click();
  await page.screenshot({ path: 'test-results/screens/90-owner-on-form.png' });
  await form.getByRole('button', { name: '保存' }).click();
  await page.getByRole('tab', { name: '客户资料' }).click();
  await expect(page.getByTestId('customer-owner')).toHaveText('陈静');
  await page.keyboard.press('Escape');

  // Her customers are listed by the 负责人 filter.
  await page.getByTestId('filter-owner').click();
  await page.locator('.ant-select-dropdown:visible').getByText('陈静（客服部）').click();
  await expect(page.getByTestId('customers-total')).toContainText('共 2 份档案');
  await page.getByTestId('filter-owner').hover();
  await page.getByTestId('filter-owner').locator('.ant-select-clear').click();
  await expect(page.getByTestId('customers-total')).toContainText('共 2 份档案');

  // Leaving asks who takes her two customers over; nothing is done until one is chosen.
  await page.getByRole('menuitem', { name: '借阅登记' }).click();
  await page.getByRole('tab', { name: '借阅人' }).click();
  const row = page.getByTestId('borrowers-table').getByRole('row', { name: /陈静/ });
  await expect(row).toContainText('2');
  await expect(row.getByRole('button', { name: '移交客户' })).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/93-borrowers-own-customers.png' });
  await row.getByRole('button', { name: '离职交接' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '离职' });
  await expect(dialog).toContainText('负责 2 位客户，离职时一并移交给：');
  await expect(dialog.getByRole('button', { name: '办理离职' })).toBeDisabled();
  await dialog.getByTestId('leaver-successor').click();
  await page.locator('.ant-select-dropdown:visible').getByText('周磊（客服部）').click();
  await page.screenshot({ path: 'test-results/screens/91-leaver-hands-over.png' });
  await dialog.getByRole('button', { name: '办理离职' }).click();
  await expect(page.getByText('已办理离职。')).toBeVisible();
  await expect(page.getByTestId('borrowers-table').getByRole('row', { name: /周磊/ })).toContainText('2');

  // The file says who is responsible now and who handed it over.
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByTestId('customers-table').locator('.ant-table-row', { hasText: '华联便利店' }).click();
  await page.getByRole('tab', { name: '客户资料' }).click();
  const panel = page.getByRole('tabpanel', { name: '客户资料' });
  await expect(page.getByTestId('customer-owner')).toHaveText('周磊');
  await expect(panel).toContainText('负责人移交记录');
  await expect(panel.getByRole('row', { name: /陈静/ })).toContainText('离职交接');
  await page.screenshot({ path: 'test-results/screens/92-handover-history.png' });
});
