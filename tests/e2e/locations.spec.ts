import { expect, test, type Page } from '@playwright/test';
import { createArchiveViaUi, scanCode } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();

const call = (method: string, input: unknown) => callHost(host, method, input);

async function fillDialog(page: Page, title: string, fields: Record<string, string>) {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  for (const [label, value] of Object.entries(fields)) {
    const field = dialog.getByLabel(label, { exact: true });
    await field.fill(value);
    await expect(field).toHaveValue(value);
  }
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

const manager = { username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' };

test('build a room with a cabinet of two shelves and three boxes, file two customers, see the map and the box', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl, { accounts: [manager] });
  const a = (await call('registerCustomer', { kind: 'tenant', name: '张三', floor: '3', units: ['A-301'] })).customer.files[0].id;
  await call('registerCustomer', { kind: 'tenant', name: '李四', floor: '3', units: ['A-302'] });

  await page.getByRole('menuitem', { name: '档案柜位置' }).click();
  await page.getByRole('button', { name: '新建档案室' }).click();
  await fillDialog(page, '新建档案室', { 档案室名称: '客务部档案室' });
  const tree = page.getByTestId('storage-tree');
  await tree.getByText('客务部档案室').click();
  await page.getByRole('button', { name: '新建文件柜' }).click();
  await fillDialog(page, '新建文件柜', { 文件柜编号: '3F-A', 说明: '3F 租户', 层数: '2' });
  for (const [shelf, code] of [
    ['第 1 层', 'B-001'],
    ['第 1 层', 'B-002'],
    ['第 2 层', 'D-3F'],
  ] as const) {
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
  // Left empty, the fields are named in words (it said 请输入reason, 请输入toBoxId).
  await page.getByRole('button', { name: '移入档案盒' }).click();
  await expect(page.getByText('请输入原因')).toBeVisible();
  await expect(page.getByText(/请(输入|选择)目标档案盒/)).toBeVisible();
  await expect(page.getByText(/reason|toBoxId/)).toHaveCount(0);
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

  // A file out on loan shows on the cabinet map too.
  await expect(page.getByTestId('box-out-B-001')).toHaveCount(0);
  const borrower = await call('saveBorrower', { name: '刘强', department: '工程部' });
  const loan = await call('requestLoan', { borrowerId: borrower.id, fileIds: [a], purpose: '核对', kind: 'take_out' });
  await call('decideApproval', { approvalId: loan.approval.id, approve: true, reason: '同意', approver: { username: manager.username, password: manager.password } });
  await call('lendFiles', { borrowerId: borrower.id, fileIds: [a] });
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByRole('menuitem', { name: '档案柜位置' }).click();
  await expect(tree.getByText(/^B-001 · 1\/2 · 借出 1 份$/)).toBeVisible();
  await tree.getByText(/^B-001 · 1\/2 · 借出 1 份$/).click();
  await expect(page.getByTestId('box-out-B-001').first()).toHaveText('借出 1 份');
  await call('returnFiles', { items: [{ fileId: a }] });
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByRole('menuitem', { name: '档案柜位置' }).click();
  await tree.getByText(/^B-001 · 1\/2$/).click();

  // A label sheet for the box's files, with a Code 128 and a QR code that really render.
  await page.getByRole('button', { name: '打印档案标签' }).click();
  const sheet = page.frameLocator('[data-testid="form-preview"]');
  await expect(sheet.locator('.labels')).toContainText('张三');
  const barcode = sheet.locator('img[alt^="Code 128"]').first();
  await expect(barcode).toBeVisible();
  expect(await barcode.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(50);
  await expect(sheet.locator('img[alt^="QR"]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/41-labels.png', fullPage: true });
  await page.getByRole('dialog').getByRole('button', { name: /打印$/ }).click();
  await expect(page.getByText('已打印，标牌状态已更新')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('form-preview')).toBeHidden();

  // A scanner types a code and Enter anywhere: a box code opens the box, a file code the file.
  await scanCode(page, 'D-3F');
  await expect(page.getByText('客务部档案室 / 3F-A / 第 2 层 / D-3F')).toBeVisible();
  const ref = (await call('getFile', { fileId: a })).refNo as string;
  await scanCode(page, ref.replace('·', '.'));
  await expect(page.getByTestId('file-ref')).toHaveText(ref);
});

test('a monthly inspection reports a misfiled file and a missing one, and prints its record', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl);
  const room = (await call('saveRoom', { name: '客务部档案室' }))[0].id;
  const storage = await call('saveCabinet', { roomId: room, code: '3F-A', description: '3F 租户', shelves: 2 });
  const [shelf1, shelf2] = storage[0].cabinets[0].shelves;
  await call('saveBox', { shelfId: shelf1.id, code: 'B-001', capacity: 10 });
  await call('saveBox', { shelfId: shelf1.id, code: 'B-002', capacity: 10 });
  const boxes = (await call('saveBox', { shelfId: shelf2.id, code: 'D-3F', capacity: 10, purpose: 'departed' }))[0].cabinets[0].shelves.flatMap((s: { boxes: unknown[] }) => s.boxes);
  const boxId = (code: string) => boxes.find((b: { code: string }) => b.code === code).id;
  const files: Record<string, { id: number; ref: string }> = {};
  for (const [name, unit, box] of [
    ['张三', 'A-301', 'B-001'],
    ['李四', 'A-302', 'B-001'],
    ['王五', 'A-303', 'B-002'],
  ] as const) {
    const id = (await call('registerCustomer', { kind: 'tenant', name, floor: '3', units: [unit] })).customer.files[0].id;
    await call('moveFile', { fileId: id, toBoxId: boxId(box), reason: '入盒' });
    files[name] = { id, ref: (await call('getFile', { fileId: id })).refNo };
  }

  await page.getByRole('menuitem', { name: '档案检查' }).click();
  await expect(page.getByTestId('inspection-due')).toContainText('3F-A');
  await page.getByLabel('选择要检查的文件柜').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '3F-A' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '开始检查' }).click();

  // In B-001 the clerk scans 张三 (right box) and 王五 (belongs in B-002); 李四 is not there.
  await page.getByTestId('inspect-box-B-001').click();
  const scanBox = page.getByLabel('扫描档案条码或输入档号后回车');
  await scanBox.fill(files['张三']!.ref.replace('·', '.'));
  await scanBox.press('Enter');
  await expect(page.getByTestId('inspect-last')).toContainText('在盒，位置正确');
  await scanBox.fill(files['王五']!.ref);
  await scanBox.press('Enter');
  await expect(page.getByTestId('inspect-last')).toContainText('存放错误，应在 客务部档案室 / 3F-A / 1 / B-002');
  await page.getByText('本盒已查完').click();
  await expect(page.getByTestId('inspect-box-B-001')).toContainText('已查完');
  await page.getByTestId('inspect-box-B-002').click();
  await page.getByText('本盒已查完').click();
  await expect(page.getByTestId('inspect-box-B-002')).toContainText('已查完');

  const findings = page.getByTestId('inspect-findings');
  await expect(findings.locator('tr', { hasText: '李四' })).toContainText('缺失（未借出）');
  await expect(findings.locator('tr', { hasText: '王五' })).toContainText('存放错误');
  await expect(page.getByTestId('inspect-counts')).toContainText('存放错误 1');
  await expect(page.getByTestId('inspect-counts')).toContainText('缺失（未借出） 1');

  await page.getByRole('button', { name: '完成检查' }).click();
  const finish = page.getByRole('dialog', { name: '完成检查' });
  await finish.getByLabel('备注').fill('11 月例行检查');
  await finish.getByRole('button', { name: '完成检查' }).click();
  await expect(finish).toBeHidden();
  await expect(page.getByTestId('inspection-due')).toBeHidden();
  await page.getByRole('button', { name: '打印检查记录' }).click();
  const record = page.frameLocator('[data-testid="form-preview"]').locator('body');
  await expect(record).toContainText('档案检查记录');
  await expect(record).toContainText('李四');
  await expect(record).toContainText('11 月例行检查');
  await page.screenshot({ path: 'test-results/screens/42-inspection.png', fullPage: true });
});

test('退租档案归位 moves every departed file into its floor’s departed box in one step', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl, { deskRole: 'department_manager' });
  const room = (await call('saveRoom', { name: '客务部档案室' }))[0].id;
  const [shelf] = (await call('saveCabinet', { roomId: room, code: '3F-A', description: '3F 租户', shelves: 1 }))[0].cabinets[0].shelves;
  await call('saveBox', { shelfId: shelf.id, code: 'B-001', capacity: 10 });
  const boxes = (await call('saveBox', { shelfId: shelf.id, code: 'D-3F', capacity: 10, purpose: 'departed', servesFloor: '3' }))[0].cabinets[0].shelves[0].boxes;
  const active = boxes.find((b: { code: string }) => b.code === 'B-001').id;
  for (const [name, unit] of [
    ['张三', 'A-301'],
    ['李四', 'A-302'],
  ] as const) {
    const id = (await call('registerCustomer', { kind: 'tenant', name, floor: '3', units: [unit], moveInDate: '2020-01-01', moveOutDate: '2025-06-30' })).customer.files[0].id;
    await call('moveFile', { fileId: id, toBoxId: active, reason: '入盒' });
  }
  await page.getByRole('menuitem', { name: '档案柜位置' }).click();
  await page.getByRole('button', { name: '退租档案归位' }).click();
  const dialog = page.getByRole('dialog', { name: '退租档案归位' });
  await expect(dialog.getByText(/张三.*B-001 → D-3F/)).toBeVisible();
  await expect(dialog.getByText(/李四.*B-001 → D-3F/)).toBeVisible();
  await dialog.getByRole('button', { name: '全部按建议移入' }).click();
  await expect(page.getByText('已移入退租档案盒 2 份；0 份没有可用的退租档案盒，仍在原处。')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('storage-tree').getByText(/^D-3F · 2\/10/)).toBeVisible();
});
