import { expect, test, type Locator, type Page } from '@playwright/test';
import { createArchiveViaUi, pickOption, workbook } from './helpers';
import { hostPerTest } from './host';

const host = hostPerTest();

// A tiny but real PNG (1x1), with a marker after the image data.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function pickDate(scope: Locator, label: string, date: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function addDocument(page: Page, doc: { category: string; title: string; date: string; pages: string; scan?: Buffer }) {
  await page.getByRole('button', { name: '添加文件' }).click();
  const dialog = page.getByRole('dialog', { name: '添加文件' });
  await pickOption(dialog, '类别', doc.category);
  await dialog.getByLabel('题名').fill(doc.title);
  await pickDate(dialog, '日期', doc.date);
  await dialog.getByLabel('页数').fill(doc.pages);
  if (doc.scan) await dialog.locator('input[type=file]').setInputFiles({ name: '营业执照.png', mimeType: 'image/png', buffer: doc.scan });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

test('register a tenant, file three documents with a scan, find it, import from Excel', async ({ page }) => {
  // The longest walk of the suite (about 50 s on an idle 2-core machine): room for a loaded one.
  test.setTimeout(180_000);
  await createArchiveViaUi(page, host.openUrl);
  await expect(page.getByTestId('customers-total')).toContainText('共 0 份档案');

  // Esc or 取消 asks before throwing away what was typed; 继续填写 keeps it.
  await page.getByRole('button', { name: '登记客户' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '登记客户' });
  await drawer.getByLabel('客户名称').fill('差点丢失的客户');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog').filter({ hasText: '放弃已填写的内容？' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '继续填写' }).click();
  await expect(drawer.getByLabel('客户名称')).toHaveValue('差点丢失的客户');
  await drawer.getByRole('button', { name: '取消' }).click();
  await ask.getByRole('button', { name: '放弃' }).click();
  await expect(drawer).toBeHidden();
  // Nothing typed: it closes without asking.
  await page.getByRole('button', { name: '登记客户' }).click();
  await drawer.getByRole('button', { name: '取消' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('dialog').filter({ hasText: '放弃已填写的内容？' })).toHaveCount(0);

  // Register a tenant with two contacts.
  await page.getByRole('button', { name: '登记客户' }).click();
  await drawer.getByLabel('客户名称').fill('张三');
  await drawer.getByLabel('简称').fill('张三餐饮');
  await drawer.getByLabel('楼栋').fill('A座');
  await drawer.getByLabel('楼层').fill('12');
  await drawer.getByLabel('单元号', { exact: true }).fill('A-1203');
  await drawer.getByLabel('单元号', { exact: true }).press('Enter');
  await drawer.getByLabel('电话', { exact: true }).fill('138-0013-8000');
  await drawer.getByLabel('添加联系人 姓名 1').fill('李四');
  await drawer.getByLabel('添加联系人 职务 1').fill('店长');
  await drawer.getByLabel('添加联系人 电话 1').fill('13900139000');
  await drawer.getByRole('button', { name: '添加联系人' }).click();
  await drawer.getByLabel('添加联系人 姓名 2').fill('王五');
  await drawer.getByLabel('添加联系人 职务 2').fill('财务');
  await drawer.getByLabel('添加联系人 电话 2').fill('021-66778899');
  await page.screenshot({ path: 'test-results/screens/10-register.png', fullPage: true });
  await drawer.getByRole('button', { name: '保存' }).click();

  // The new file opens, with its reference number.
  await expect(page.getByTestId('file-ref')).toHaveText(/^0001-KH·\d{4}-D30-KFB-00001$/);

  await addDocument(page, { category: '租户基本情况记录表', title: '租户基本情况记录表', date: '2024-03-01', pages: '2' });
  await addDocument(page, { category: '身份证/营业执照复印件', title: '营业执照副本', date: '2024-03-10', pages: '1', scan: PNG });
  await addDocument(page, { category: '装修/二装资料及竣工验收', title: '装修申请', date: '2024-02-20', pages: '5' });

  const rows = page.getByTestId('documents-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('营业执照副本');
  await expect(rows.nth(0)).toContainText('营业执照.png');
  // A scan opens inside the app (not as a download), and turns a quarter at a click.
  await rows
    .nth(0)
    .getByRole('button', { name: /营业执照\.png/ })
    .click();
  const viewer = page.getByRole('dialog', { name: /查看扫描件/ });
  await expect(viewer.getByTestId('scan-image')).toBeVisible();
  await viewer.getByRole('button', { name: '向右旋转 90°' }).click();
  await expect(viewer.getByTestId('scan-image')).toHaveCSS('transform', /matrix\(0, 1, -1, 0|matrix\(6\.\d+e-17, 1, -1/);
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(rows.nth(1)).toContainText('租户基本情况记录表');
  await expect(rows.nth(2)).toContainText('装修申请');
  await page.screenshot({ path: 'test-results/screens/11-file.png', fullPage: true });

  await page.getByRole('tab', { name: '卷内目录' }).click();
  await expect(page.getByRole('tabpanel', { name: '卷内目录' }).getByRole('row').nth(1)).toHaveText('12024-02-20装修申请5');
  await page.getByRole('tab', { name: '客户资料' }).click();
  await expect(page.getByRole('tabpanel', { name: '客户资料' })).toContainText('李四');
  await expect(page.getByRole('tabpanel', { name: '客户资料' })).toContainText('王五');
  await page.keyboard.press('Escape');

  // Find the tenant by pinyin initials and by unit number.
  const search = page.getByLabel(/^搜索/);
  const table = page.getByTestId('customers-table');
  await page.getByRole('button', { name: '登记客户' }).click();
  const second = page.locator('.ant-drawer').filter({ hasText: '登记客户' });
  await second.getByLabel('客户名称').fill('李雷');
  await second.getByLabel('单元号', { exact: true }).fill('B-0808');
  await second.getByLabel('单元号', { exact: true }).press('Enter');
  await second.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('file-ref')).toHaveText(/00002$/);
  await page.keyboard.press('Escape');

  await search.fill('zs');
  await expect(table.locator('.ant-table-row')).toHaveCount(1);
  await expect(table).toContainText('张三');
  await search.fill('A-1203');
  await expect(table.locator('.ant-table-row')).toHaveCount(1);
  await expect(table).toContainText('张三');
  await search.fill('营业执照');
  await expect(page.getByText('文件题名匹配')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/12-search.png', fullPage: true });
  await search.fill('');
  await expect(page.getByTestId('customers-total')).toContainText('共 2 份档案');

  // Import with one bad row: the row error is shown and nothing is imported.
  const header = ['客户名称', '客户类型', '楼栋', '楼层', '单元号', '电话'];
  const bad = await workbook([header, ['韩梅梅', '租户', 'C座', '3', 'C-0301', '13800000001'], ['王强', '租户', 'C座', '3', 'C-0302', '12345']]);
  await page.getByRole('button', { name: '导入 Excel' }).click();
  const modal = page.getByRole('dialog', { name: '从 Excel 导入客户' });
  await modal.locator('input[type=file]').setInputFiles({ name: '客户.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
  const issues = modal.getByTestId('import-issues');
  await expect(issues).toContainText('电话号码格式不正确');
  await expect(issues.locator('tbody tr.ant-table-row').first()).toContainText('3');
  await expect(modal.getByRole('button', { name: '导入' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screens/13-import-error.png', fullPage: true });
  await expect(page.getByTestId('customers-total')).toContainText('共 2 份档案');

  const good = await workbook([header, ['韩梅梅', '租户', 'C座', '3', 'C-0301', '13800000001'], ['王强', '租户', 'C座', '3', 'C-0302', '13800000002']]);
  await modal.locator('input[type=file]').setInputFiles({ name: '客户-已修正.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
  await expect(modal.getByText('全部 2 行检查通过，可以导入：新建 2 位客户，更新 0 位，0 行无变化。')).toBeVisible();
  await modal.getByRole('button', { name: '导入' }).click();
  await expect(modal.getByText('已新建 2 位客户，更新 0 位，新开 2 份档案。')).toBeVisible();
  await modal.getByRole('button', { name: '关闭', exact: true }).last().click();
  await expect(page.getByTestId('customers-total')).toContainText('共 4 份档案');
  await search.fill('hmm');
  await expect(table).toContainText('韩梅梅');
});
