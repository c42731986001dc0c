import { expect, test, type Page } from '@playwright/test';
import { createArchiveViaUi } from './helpers';
import { callHost, startHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const call = (method: string, input: unknown) => callHost(host, method, input);

async function fillDialog(page: Page, title: string, fields: Record<string, string>) {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(async () => {
    for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden({ timeout: 2000 });
  }).toPass({ timeout: 15_000 });
}

test('build a room with a cabinet of two shelves and three boxes, file two customers, see the map and the box', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl);
  const a = (await call('registerCustomer', { kind: 'tenant', name: '张三', floor: '3', units: ['A-301'] })).customer.files[0].id;
  await call('registerCustomer', { kind: 'tenant', name: '李四', floor: '3', units: ['A-302'] });

  await page.getByRole('menuitem', { name: '档案柜位置' }).click();
  await page.getByRole('button', { name: '新建档案室' }).click();
  await fillDialog(page, '新建档案室', { 档案室名称: '客务部档案室' });
  const tree = page.getByTestId('storage-tree');
  await tree.getByText('客务部档案室').click();
  await page.getByRole('button', { name: '新建文件柜' }).click();
  await fillDialog(page, '新建文件柜', { 文件柜编号: '3F-A', 说明: '3F 租户', 层数: '2' });
  for (const [shelf, code] of [['第 1 层', 'B-001'], ['第 1 层', 'B-002'], ['第 2 层', 'D-3F']] as const) {
    await tree.getByText(shelf).click();
    await page.getByRole('button', { name: '新建档案盒' }).click();
    await fillDialog(page, '新建档案盒', { 档案盒编号: code, '容量（份）': '2' });
  }
  await tree.getByText('3F-A（3F 租户）').click();
  const map = page.getByTestId('cabinet-map');
  await expect(map.getByText('B-001')).toBeVisible();
  await expect(map.getByText('D-3F')).toBeVisible();

  // File 张三 into B-001 from the file's own location tab.
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByTestId('customers-table').getByText('张三').click();
  await page.getByRole('tab', { name: '存放位置' }).click();
  await expect(page.getByTestId('file-home')).toHaveText('尚未入盒');
  await page.getByLabel('移入档案盒').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'B-001' }).click();
  await page.getByLabel('移动原因').fill('建档入盒');
  await page.getByRole('button', { name: '移入档案盒' }).click();
  await expect(page.getByTestId('file-home')).toHaveText('客务部档案室 / 3F-A / 第 1 层 / B-001');
  await page.locator('.ant-drawer-close').click();
  expect(a).toBeGreaterThan(0);

  await page.getByRole('menuitem', { name: '档案柜位置' }).click();
  await tree.getByText(/^B-001 · 1\/2$/).click();
  await expect(page.getByTestId('box-files')).toContainText('张三');
  await page.screenshot({ path: 'test-results/screens/40-locations.png', fullPage: true });

  // A label sheet for the box's files, with a Code 128 and a QR code that really render.
  await page.getByRole('button', { name: '打印档案标签' }).click();
  const sheet = page.getByTestId('label-sheet');
  await expect(sheet).toContainText('张三');
  const barcode = sheet.locator('img[alt^="Code 128"]').first();
  await expect(barcode).toBeVisible();
  expect(await barcode.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(50);
  await expect(sheet.locator('img[alt^="QR"]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/41-labels.png', fullPage: true });
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await expect(page.getByText('已打印，标牌状态已更新')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // A scanner types a code and Enter anywhere: a box code opens the box, a file code the file.
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.type('D-3F', { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByText('客务部档案室 / 3F-A / 第 2 层 / D-3F')).toBeVisible();
  const ref = (await call('getFile', { fileId: a })).refNo as string;
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.type(ref.replace('·', '.'), { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('file-ref')).toHaveText(ref);
});
