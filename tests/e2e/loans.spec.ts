import { expect, test, type Page } from '@playwright/test';
import { createArchiveViaUi, desk } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();

const call = (method: string, input: unknown) => callHost(host, method, input);

async function scan(page: Page, code: string) {
  const field = page.getByLabel('扫描工牌或档案条码后回车；空白处再按回车确认办理');
  await field.fill(code);
  await field.press('Enter');
}

test('request → manager approves → lend by scanning → overdue after the clock moves → renewal refused → return short of a document → flagged', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl, {
    accounts: [{ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' }],
  });
  const { customer } = await call('registerCustomer', { kind: 'tenant', name: '张三', units: ['A-1203'] });
  const fileId = customer.files[0].id;
  const ref = (await call('getFile', { fileId })).refNo as string;
  await call('addDocument', { fileId, category: 'payment', title: '押金收据', docDate: '2024-05-01', pages: 1, isOriginal: true });
  await call('saveBorrower', { name: '刘强', department: '工程部', phone: '13800138000', employeeNo: 'E1001' });

  // The request.
  await page.getByRole('menuitem', { name: '借阅登记' }).click();
  await page.getByRole('tab', { name: '借阅登记簿' }).click();
  await page.getByRole('button', { name: '借阅申请' }).click();
  const form = page.getByRole('dialog', { name: '借阅申请' });
  await form.getByLabel('借阅人').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '刘强' }).click();
  await form.getByLabel('档案').fill('张三');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: ref }).click();
  await form.getByLabel('借阅用途').fill('核对押金');
  await form.getByRole('button', { name: '提交审批' }).click();
  await expect(page.getByText('借阅单 JY-')).toBeVisible();
  await expect(page.getByTestId('loan-register')).toContainText('待审批');

  // Scanning before approval lends nothing.
  await page.getByRole('tab', { name: '借阅台' }).click();
  await scan(page, 'E1001');
  await expect(page.getByTestId('desk-last')).toContainText('借阅人：刘强（工程部）');
  await scan(page, ref.replace('·', '.'));
  await expect(page.getByTestId('desk-last')).toContainText('没有已批准的借阅申请');

  // The manager approves at the clerk's desk.
  await page.getByRole('menuitem', { name: '审批' }).click();
  const row = page.getByTestId('approvals-table').getByRole('row').filter({ hasText: '刘强' });
  await expect(row).toContainText('借阅');
  await row.getByRole('button', { name: '批准' }).click();
  const decide = page.getByRole('dialog').filter({ hasText: '审批意见' });
  await decide.getByLabel('审批意见').fill('同意');
  await decide.getByLabel('审批人用户名').fill('zhaojl');
  await decide.getByLabel('审批人密码').fill('Manager-2026-pass');
  await decide.getByRole('button', { name: '保存' }).click();
  await expect(decide).toBeHidden();

  // Lend by scanning: badge, file, Enter on the empty field.
  await page.getByRole('menuitem', { name: '借阅登记' }).click();
  await scan(page, 'E1001');
  await scan(page, ref.replace('·', '.'));
  await expect(page.getByTestId('desk-lines')).toContainText('JY-');
  await expect(page.getByTestId('desk-last')).toContainText('待借出');
  await scan(page, '');
  await expect(page.getByTestId('desk-last')).toContainText('已借出 1 份');
  // The slip is printed right away, for the borrower to sign.
  await page
    .getByTestId('desk-last')
    .getByRole('button', { name: /打印借阅单 JY-/ })
    .click();
  const printed = page.frameLocator('[data-testid="form-preview"]').locator('body');
  await expect(printed).toContainText('档案借阅单');
  await expect(printed).toContainText('刘强');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: '档案借阅单' })).toBeHidden();
  await page.screenshot({ path: 'test-results/screens/50-loan-desk.png', fullPage: true });

  // Ten days later the file is overdue; the desk signs in again (the session timed out).
  host.moveClock(10);
  await page.getByRole('tab', { name: '借阅登记簿' }).click();
  await page.getByLabel('用户名').fill(desk.username);
  await page.getByLabel('密码').fill(desk.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('menuitem', { name: '借阅登记' }).click();
  await page.getByRole('tab', { name: /逾期/ }).click();
  const overdue = page.getByTestId('overdue-table');
  await expect(overdue).toContainText('刘强');
  await expect(overdue).toContainText(/逾期 \d+ 天/);
  await expect(overdue).toContainText('13800138000');

  // Renewal after the due date is refused.
  await page.getByRole('tab', { name: '借阅登记簿' }).click();
  await page.getByTestId('loan-register').getByRole('button', { name: /^JY-/ }).click();
  await page.getByRole('button', { name: '申请续借' }).click();
  const renew = page.getByRole('dialog', { name: '申请续借' });
  await renew.getByLabel('申请理由').fill('尚未核完');
  await renew.getByRole('button', { name: '提交审批' }).click();
  await expect(renew.locator('[data-error-code="RENEWAL_TOO_LATE"]')).toBeVisible();
  await renew.getByRole('button', { name: '取消' }).click();
  await expect(renew).toBeHidden();
  const slip = page.getByRole('dialog').filter({ has: page.getByTestId('loan-slip') });
  await expect(slip).toContainText('刘强');
  await slip.locator('.ant-modal-close').click();
  await expect(slip).toBeHidden();

  // Return with a document missing: the file is flagged.
  await page.getByRole('tab', { name: '借阅台' }).click();
  await scan(page, ref);
  await expect(page.getByTestId('desk-last')).toContainText('待归还');
  await page.getByLabel(`归还情况 ${ref}`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '缺少文件' }).click();
  await page.getByLabel(`情况说明 ${ref}`).fill('缺押金收据');
  await page.getByRole('button', { name: '确认办理（回车）' }).click();
  await expect(page.getByTestId('desk-last')).toContainText('已归还 1 份');

  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByTestId('customers-table').getByText('张三').click();
  await expect(page.getByTestId('file-flag')).toContainText('归还时缺少文件：缺押金收据');
  await page.screenshot({ path: 'test-results/screens/51-returned-flagged.png', fullPage: true });
});
