import { expect, test, type Page } from '@playwright/test';
import { admin, createArchiveViaUi } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();

const call = (method: string, input: unknown) => callHost(host, method, input);

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('a clerk asks to correct an original; a manager approves at the clerk’s desk with their own password', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl, {
    accounts: [
      { username: 'lixiao', displayName: '李晓', role: 'clerk', password: 'Clerk-2026-pass', passwordConfirm: 'Clerk-2026-pass' },
      { username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' },
    ],
  });
  const { customer } = await call('registerCustomer', { kind: 'tenant', name: '张三', units: ['A-1203'] });
  await call('addDocument', { fileId: customer.files[0].id, category: 'correspondence', title: '工作联系函', docDate: '2024-05-01', pages: 1, isOriginal: true });

  await page.getByRole('button', { name: '锁定' }).click();
  await signIn(page, 'lixiao', 'Clerk-2026-pass');
  // A new sign-in starts at 工作台 (the lock cleared the screen the administrator was on).
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByTestId('customers-table').getByText('张三').click();
  await page.getByRole('button', { name: '申请更正原件' }).click();
  const ask = page.getByRole('dialog', { name: '申请更正原件' });
  await expect(ask).toBeVisible();
  await ask.getByLabel('申请理由').fill('页数登记错误，应为 2 页');
  await expect(ask.getByLabel('申请理由')).toHaveValue('页数登记错误，应为 2 页');
  await ask.getByRole('button', { name: '保存' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByText('已提交审批申请，请经理审批。')).toBeVisible();
  await page.locator('.ant-drawer-close').click();

  await page.getByRole('menuitem', { name: '审批' }).click();
  const row = page.getByTestId('approvals-table').getByRole('row').filter({ hasText: '工作联系函' });
  await expect(row).toContainText('待审批');
  await row.getByRole('button', { name: '批准' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '审批意见' });
  await dialog.getByLabel('审批意见').fill('同意更正');
  await expect(dialog.getByLabel('经理在本机审批（输入经理本人的用户名和密码）')).toBeChecked();
  await dialog.getByLabel('审批人用户名').fill('zhaojl');
  await dialog.getByLabel('审批人密码').fill('Wrong-2026-pass');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.locator('[data-error-code]')).toContainText('用户名或密码错误');
  await dialog.getByLabel('审批人密码').fill('Manager-2026-pass');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await page.getByText('全部', { exact: true }).click();
  await expect(row).toContainText('已批准');
  await expect(row).toContainText('赵经理');
  const approvalId = (await row.getByRole('cell').first().innerText()).trim();
  await page.screenshot({ path: 'test-results/screens/30-approvals.png', fullPage: true });

  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByTestId('customers-table').getByText('张三').click();
  await page.getByRole('button', { name: '修改 工作联系函' }).click();
  const edit = page.getByRole('dialog', { name: /更正：工作联系函/ });
  await edit.getByLabel('页数').fill('2');
  await edit.getByLabel('更正原因').fill('页数登记错误');
  await edit.getByLabel('审批单号').fill(approvalId);
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('documents-table').getByText('v2')).toBeVisible();
  void admin;
});
