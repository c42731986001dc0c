import { expect, test } from '@playwright/test';
import { createArchiveViaUi, desk } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();

test('the home screen shows an overdue loan and a pending approval; each opens its list', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl, {
    accounts: [{ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' }],
  });
  const call = (method: string, input: unknown) => callHost(host, method, input);
  const a = (await call('registerCustomer', { kind: 'tenant', name: '张三', units: ['A-301'] })).customer.files[0].id;
  const b = (await call('registerCustomer', { kind: 'tenant', name: '李四', units: ['A-302'] })).customer.files[0].id;
  // The manager has reviewed both new files: what waits is the loan alone.
  for (const review of (await call('listApprovals', { status: 'pending' })).filter((r: { kind: string }) => r.kind === 'file_review'))
    await call('decideApproval', { approvalId: review.id, approve: true, reason: '同意', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } });
  const liu = await call('saveBorrower', { name: '刘强', department: '工程部', phone: '13800138000' });
  const loan = await call('requestLoan', { borrowerId: liu.id, fileIds: [a], purpose: '核对', kind: 'take_out' });
  await call('decideApproval', { approvalId: loan.approval.id, approve: true, reason: '同意', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } });
  await call('lendFiles', { borrowerId: liu.id, fileIds: [a] });
  await call('requestLoan', { borrowerId: liu.id, fileIds: [b], purpose: '待审批的借阅', kind: 'read' });

  // Five days on the loan is overdue; the desk signs in again and opens 工作台.
  host.moveClock(5);
  await page.getByRole('button', { name: '锁定' }).click();
  await page.getByLabel('用户名').fill(desk.username);
  await page.getByLabel('密码').fill(desk.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const overdue = page.getByTestId('home-overdue');
  await expect(overdue).toContainText('刘强（工程部）13800138000');
  await expect(overdue).toContainText(/逾期 \d 天/);
  await expect(page.getByTestId('home-approvals')).toContainText('我的申请待审批');
  await expect(page.getByTestId('home-approvals').locator('.ant-statistic')).toContainText('1');
  await page.screenshot({ path: 'test-results/screens/80-home.png', fullPage: true });

  await overdue.getByRole('button', { name: '查看' }).click();
  await expect(page.getByRole('tab', { name: /逾期/, selected: true })).toBeVisible();
  await expect(page.getByTestId('overdue-table')).toContainText('刘强');

  await page.getByRole('menuitem', { name: '工作台' }).click();
  await page.getByTestId('home-approvals').getByRole('button', { name: '查看' }).click();
  await expect(page.getByTestId('approvals-table')).toContainText('待审批的借阅');
});
