import { expect, test } from '@playwright/test';
import { createArchiveViaUi, desk } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();

test('鉴定销毁: a file past its retention is put on a register, approved, and destroyed before two witnesses', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl, {
    accounts: [{ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' }],
  });
  const call = (method: string, input: unknown) => callHost(host, method, input);
  // A potential customer's file is kept 10 years from the day it was made.
  const { customer } = await call('registerCustomer', { kind: 'potential', name: '宏达贸易', units: [] });
  await call('addDocument', { fileId: customer.files[0].id, category: 'correspondence', title: '意向登记', docDate: '2026-11-20', pages: 2, isOriginal: true });

  // Eleven years on the file is due; the desk signs in again (the session timed out).
  host.moveClock(11 * 366);
  await page.getByRole('menuitem', { name: '鉴定销毁' }).click();
  await page.getByLabel('用户名').fill(desk.username);
  await page.getByLabel('密码').fill(desk.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('menuitem', { name: '鉴定销毁' }).click();
  const due = page.getByTestId('appraisal-table');
  const row = due.getByRole('row').filter({ hasText: customer.files[0].refNo });
  await expect(row).toBeVisible();
  await row.getByRole('checkbox').check();

  await page.getByRole('button', { name: '编制销毁清册' }).click();
  const draft = page.getByRole('dialog', { name: '编制销毁清册' });
  await draft.getByRole('button', { name: '保存' }).click();
  await expect(draft.getByText('请输入销毁理由').or(draft.locator('.ant-form-item-explain-error'))).toBeVisible();
  await draft.getByLabel('销毁理由').fill('保管期满，经鉴定无保存价值');
  await draft.getByRole('button', { name: '保存' }).click();
  await expect(draft).toBeHidden();
  await expect(page.getByText('已提交审批申请，请经理审批。')).toBeVisible();
  const register = page.getByTestId('registers-table').getByRole('row').filter({ hasText: '保管期满' });
  await expect(register).toContainText('待审批');

  const [approval] = (await call('listApprovals', { status: 'pending' })) as { id: number; kind: string }[];
  expect(approval?.kind).toBe('destroy');
  await call('decideApproval', { approvalId: approval!.id, approve: true, reason: '同意销毁', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } });
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByRole('menuitem', { name: '鉴定销毁' }).click();
  await expect(register).toContainText('已批准');

  // One witness is not enough: the refusal shows in the dialog, with what was typed kept.
  await register.getByRole('button', { name: '执行销毁' }).click();
  const execute = page.getByRole('dialog', { name: '执行销毁' });
  await expect(execute).toContainText('扫描件将从档案库中永久擦除');
  await execute.getByLabel('执行人').fill('王芳');
  await execute.getByLabel('监销人（至少两人，逗号分隔）').fill('李四');
  await execute.getByRole('button', { name: '执行销毁' }).click();
  await expect(execute.locator('[data-error-code="WITNESSES_REQUIRED"]')).toBeVisible();
  await expect(execute.getByLabel('执行人')).toHaveValue('王芳');
  await expect(register).toContainText('已批准');

  await execute.getByLabel('监销人（至少两人，逗号分隔）').fill('李四，赵六');
  await execute.getByRole('button', { name: '执行销毁' }).click();
  await expect(execute).toBeHidden();
  await expect(register).toContainText('已销毁');
  await expect(due.getByRole('row').filter({ hasText: customer.files[0].refNo })).toHaveCount(0);
  const [done] = (await call('listDestructionRegisters', {})) as { status: string; items: { refNo: string }[] }[];
  expect(done).toMatchObject({ status: 'destroyed', items: [{ refNo: customer.files[0].refNo }] });
});
