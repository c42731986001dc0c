import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { createArchiveViaUi } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();

test('reports draw their charts beside their tables, print on A4 and export the same numbers to Excel', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl, {
    accounts: [{ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' }],
  });
  const call = (method: string, input: unknown) => callHost(host, method, input);
  const files: number[] = [];
  for (const [kind, name, building] of [
    ['tenant', '张三', 'A座'],
    ['tenant', '李四', 'A座'],
    ['tenant', '华联餐饮有限公司', 'B座'],
    ['sales', '王芳', 'B座'],
    ['owner', '赵敏', 'A座'],
  ] as const) {
    const customer = (
      await call('registerCustomer', {
        kind,
        name,
        building,
        floor: '3',
        units: kind === 'sales' ? [] : [`${building[0]}-30${files.length + 1}`],
        ...(kind === 'sales' ? { admissionChecks: (await call('getSettings', {})).customerLists.admission } : {}),
      })
    ).customer;
    files.push(customer.files[0].id);
  }
  const liu = await call('saveBorrower', { name: '刘强', department: '工程部' });
  const loan = await call('requestLoan', { borrowerId: liu.id, fileIds: [files[0], files[2]], purpose: '核对', kind: 'take_out' });
  await call('decideApproval', { approvalId: loan.approval.id, approve: true, reason: '同意', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } });
  await call('lendFiles', { borrowerId: liu.id, fileIds: [files[0], files[2]] });

  await page.getByRole('menuitem', { name: '报表' }).click();
  // 档案构成: the pie of kinds is an SVG with the kinds in it; the table beside it has the counts.
  const kinds = page.getByTestId('report-section-customers-by-kind');
  await expect(kinds.getByTestId('report-chart').locator('svg')).toBeVisible();
  await expect(kinds.getByTestId('report-chart').locator('svg')).toContainText('租户');
  await expect(kinds.getByRole('row', { name: /租户\s*3/ })).toBeVisible();
  const classTable = page.getByTestId('report-section-classification-table');
  await expect(classTable.locator('tfoot tr')).toHaveText(/^合计0505100%$/);
  await page.screenshot({ path: 'test-results/screens/90-report-composition.png', fullPage: true });

  // A place: B座 only.
  await page.getByRole('textbox', { name: '楼栋' }).fill('B座');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByTestId('report-period')).toContainText('B座');
  await expect(kinds.locator('tfoot tr')).toHaveText('合计2');

  // Excel: each section a sheet whose cells are the table on screen.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 Excel/ }).click();
  const file = await download;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await file.path())!) as never);
  const sheet = workbook.getWorksheet('客户分类表')!;
  const sheetRows = sheet
    .getSheetValues()
    .slice(1)
    .map((r) => (r as unknown[]).slice(1).map((v) => String(v ?? '')));
  const screenRows = await classTable.locator('tr').evaluateAll((trs) =>
    trs
      .filter((tr) => !tr.classList.contains('ant-table-measure-row'))
      .map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()))
      .filter((cells) => cells.length > 1 && cells.some(Boolean)),
  );
  expect(sheetRows).toEqual(screenRows);
  expect(sheetRows.at(-1)).toEqual(['合计', '0', '2', '0', '2', '100%']);

  // 借阅统计: this month's loan by 工程部, charted and tabled.
  await page.getByRole('textbox', { name: '楼栋' }).fill('');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByText('借阅统计', { exact: true }).click();
  const byDept = page.getByTestId('report-section-loans-by-department');
  await expect(byDept.getByTestId('report-chart').locator('svg path').first()).toBeAttached();
  await expect(byDept.locator('thead')).toContainText('工程部');
  await expect(byDept.locator('tfoot tr')).toHaveText('合计1');
  await expect(page.getByTestId('report-section-most-borrowed')).toContainText('华联餐饮有限公司');
  await page.screenshot({ path: 'test-results/screens/91-report-borrowing.png', fullPage: true });

  // Printed on A4 through the forms engine: the same chart as an SVG in the page.
  await page.getByRole('button', { name: /打印/ }).click();
  const preview = page.frameLocator('iframe');
  await expect(preview.locator('h1')).toHaveText('借阅统计报表');
  await expect(preview.locator('svg').first()).toBeAttached();
  await expect(preview.locator('body')).toContainText('工程部');
});
