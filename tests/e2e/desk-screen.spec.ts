import { expect, test, type Page } from '@playwright/test';
import { admin, callApi, createArchiveViaUi, signInViaUi } from './helpers';
import { hostPerTest } from './host';

// The desk's screen is 1366×768. Every list stays readable there: with long names and purposes no
// cell grows past two lines (text that does not fit ends in "…", the whole of it on hover).

const host = hostPerTest();
test.use({ viewport: { width: 1366, height: 768 } });

const manager = { username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' };
const auditor = { username: 'sunsj', displayName: '孙审计', role: 'auditor', password: 'Auditor-2026-pass', passwordConfirm: 'Auditor-2026-pass' };

/** Cells of visible lists taller than two lines of their text. */
async function tallCells(page: Page): Promise<{ text: string; height: number; limit: number }[]> {
  return page.evaluate(() => {
    const out: { text: string; height: number; limit: number }[] = [];
    for (const td of Array.from(document.querySelectorAll<HTMLElement>('.ant-table-row > .ant-table-cell'))) {
      const box = td.getBoundingClientRect();
      if (!box.height || !box.width || td.classList.contains('ant-table-selection-column')) continue;
      const style = getComputedStyle(td);
      const line = parseFloat(style.lineHeight) || 22;
      const limit = 2 * line + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + 2;
      if (box.height > limit) out.push({ text: td.innerText.slice(0, 40), height: Math.round(box.height), limit: Math.round(limit) });
    }
    return out;
  });
}

async function expectReadable(page: Page, where: string) {
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  expect(await tallCells(page), where).toEqual([]);
}

test('every list reads at 1366×768: no cell is taller than two lines', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl, { accounts: [manager, auditor] });
  const longName = '深圳市华强北电子科技股份有限公司第一分公司（滨江店）';
  const purpose = '核对二〇二六年度租赁合同面积、装修竣工图纸与消防验收意见是否一致，并复印附件';
  const fileIds: number[] = [];
  for (let i = 1; i <= 6; i++) {
    const { customer } = await callApi(host.openUrl, 'registerCustomer', {
      kind: 'tenant',
      name: `${longName}${i}`,
      building: 'A座',
      floor: String(i),
      units: [`A-${i}01`, `A-${i}02`, `A-${i}03`],
      address: '深圳市福田区华强北路一千零八十八号电子科技大厦二十三层',
      phone: '0755-83211234',
    });
    fileIds.push(customer.files[0].id);
  }
  const borrower = await callApi(host.openUrl, 'saveBorrower', { name: '欧阳建国', department: '工程维修部（机电设备组）', phone: '13800138000' });
  const loan = await callApi(host.openUrl, 'requestLoan', { borrowerId: borrower.id, fileIds: fileIds.slice(0, 4), purpose, kind: 'take_out', term: 'short' });
  await callApi(host.openUrl, 'decideApproval', {
    approvalId: loan.approval.id,
    approve: true,
    reason: '同意，请按期归还并保持档案完整',
    approver: { username: manager.username, password: manager.password },
  });
  await callApi(host.openUrl, 'lendFiles', { borrowerId: borrower.id, fileIds: fileIds.slice(0, 4) });
  await callApi(host.openUrl, 'requestLoan', { borrowerId: borrower.id, fileIds: fileIds.slice(4), purpose, kind: 'copy' });

  await page.reload();
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await expectReadable(page, '客户档案');
  await page.getByRole('menuitem', { name: '借阅登记' }).click();
  await page.getByRole('tab', { name: '借阅登记簿' }).click();
  await expect(page.getByTestId('loan-register').getByText(purpose.slice(0, 6)).first()).toBeVisible();
  await expectReadable(page, '借阅登记簿');
  await page.screenshot({ path: 'test-results/screens/30-loan-register-1366.png' });
  // The whole purpose is on hover.
  await expect(page.getByTestId('loan-register').locator(`[title="${purpose}"]`).first()).toBeAttached();
  await page.getByRole('menuitem', { name: '审批' }).click();
  await expectReadable(page, '审批');

  // Actions the role may not take are not offered: a clerk does not reopen a closed file.
  await callApi(host.openUrl, 'registerCustomer', { kind: 'tenant', name: '已退租客户', floor: '2', units: ['B-201'], moveInDate: '2020-01-01', moveOutDate: '2026-01-31' });
  await page.getByRole('button', { name: '锁定' }).click();
  await signInViaUi(page, { username: 'wangfang', password: admin.password });
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByPlaceholder(/^搜索/).fill('已退租客户');
  await page.getByPlaceholder(/^搜索/).press('Enter');
  await page.getByTestId('customers-table').getByText('已退租客户').click();
  await expect(page.getByText(/已于 .* 退租关闭/)).toBeVisible();
  await expect(page.getByRole('button', { name: '重新开启' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '添加文件' })).toHaveCount(0);
  await page.locator('.ant-drawer-close').click();

  await page.getByRole('button', { name: '锁定' }).click();
  await signInViaUi(page, { username: auditor.username, password: auditor.password });
  // The auditor reads customers but registers, imports and exports none.
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await expect(page.getByTestId('customers-table').getByText(longName.slice(0, 8)).first()).toBeVisible();
  for (const name of ['登记客户', '导入 Excel', '导出 Excel']) await expect(page.getByRole('button', { name })).toHaveCount(0);
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await expectReadable(page, '审计日志');
  await page.screenshot({ path: 'test-results/screens/31-audit-1366.png' });

  await page.getByRole('button', { name: '锁定' }).click();
  await signInViaUi(page, admin);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expectReadable(page, '设置');
});
