import { expect, test } from '@playwright/test';
import { PDFDocument, rgb } from 'pdf-lib';
import { addDays, localDate } from '../../shared/dates';
import { createArchiveViaUi, workbook } from './helpers';
import { callHost, hostNow, hostPerTest } from './host';

// A desk going live from paper, at its 1366×768 screen: files into a box by scanning their labels,
// the old 卷内目录 from Excel, and a loan already out on the paper register, overdue at once.
test.use({ viewport: { width: 1366, height: 768 } });

const host = hostPerTest();
const call = (method: string, input: unknown) => callHost(host, method, input);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('going live: scan files into a box, import the 卷内目录, enter a loan already out on paper', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl);
  const room = (await call('saveRoom', { name: '客务部档案室' }))[0];
  const cabinet = (await call('saveCabinet', { roomId: room.id, code: '3F-A', description: '3F 租户', shelves: 1 }))[0].cabinets[0];
  await call('saveBox', { shelfId: cabinet.shelves[0].id, code: 'B-001', capacity: 30 });
  const zhang = (await call('registerCustomer', { kind: 'tenant', name: '张三', floor: '3', units: ['A-301'] })).customer.files[0];
  const li = (await call('registerCustomer', { kind: 'tenant', name: '李四', floor: '3', units: ['A-302'] })).customer.files[0];
  await call('saveBorrower', { name: '刘强', department: '工程部', phone: '13800138000' });

  // 扫码入盒: open the box, scan one label after another (a scanner types "." for "·").
  await page.getByRole('menuitem', { name: '档案柜位置' }).click();
  await page.getByTestId('storage-tree').getByText('B-001').click();
  const field = page.getByLabel(/扫码入盒/);
  for (const ref of [zhang.refNo.replace('·', '.'), li.refNo, 'NO-SUCH-CODE']) {
    await field.fill(ref);
    await field.press('Enter');
    await expect(field).toHaveValue('');
  }
  const lines = page.getByTestId('box-scan-lines');
  await expect(lines).toContainText('无法识别的编码');
  await expect(lines).toContainText(`已放入本盒${li.refNo} 李四`);
  await expect(lines).toContainText('本盒 2 / 30');
  await expect(page.getByTestId('box-files').locator('tr.ant-table-row')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screens/40-scan-into-box-1366.png' });

  // 导入卷内目录: one bad row is named, then the fixed sheet imports.
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByRole('button', { name: '导入卷内目录' }).click();
  const modal = page.getByRole('dialog', { name: /导入卷内目录/ });
  const header = ['档号', '文件题名', '文件类别', '文件日期', '页数', '原件/复印件'];
  const bad = await workbook([header, [zhang.refNo, '租赁合同', '租户基本情况记录表', '2020-01-05', 12, '原件'], [li.refNo, '押金收据', '没有的类别', '2020-01-06', 1, '原件']], '卷内目录');
  await modal.locator('input[type=file]').setInputFiles({ name: '卷内目录.xlsx', mimeType: XLSX, buffer: bad });
  await expect(modal.getByTestId('register-import-issues')).toContainText('没有这个文件类别');
  await expect(modal.getByRole('button', { name: '导入' })).toBeDisabled();
  const good = await workbook([header, [zhang.refNo, '租赁合同', '租户基本情况记录表', '2020-01-05', 12, '原件'], [li.refNo, '押金收据', '缴费记录/押金', '2020-01-06', 1, '原件']], '卷内目录');
  await modal.locator('input[type=file]').setInputFiles({ name: '卷内目录-已修正.xlsx', mimeType: XLSX, buffer: good });
  await expect(modal.getByText('全部 2 行检查通过：将导入 2 条，0 行档案库中已有。')).toBeVisible();
  await modal.getByRole('button', { name: '导入' }).click();
  await expect(modal.getByText('已导入 2 份文件（0 行已有，未重复添加）。')).toBeVisible();
  await modal.getByRole('button', { name: '关闭', exact: true }).last().click();
  const docs = (await call('getFile', { fileId: zhang.id })).documents as { id: number; title: string }[];
  expect(docs.map((d) => d.title)).toEqual(['租赁合同']);

  // The scan of the contract is read inside the app: pages, zoom, rotate; the view is audited.
  const pdf = await PDFDocument.create();
  for (const size of [
    [595, 842],
    [842, 595],
  ] as [number, number][])
    pdf.addPage(size).drawRectangle({ x: 40, y: 40, width: 200, height: 100, color: rgb(0.2, 0.4, 0.8) });
  await call('addScan', { documentId: docs[0]!.id, scan: { fileName: '租赁合同.pdf', dataBase64: Buffer.from(await pdf.save()).toString('base64') } });
  await page.getByTestId('customers-table').getByText('张三').click();
  await page
    .getByTestId('documents-table')
    .getByRole('button', { name: /租赁合同\.pdf/ })
    .click();
  const viewer = page.getByRole('dialog', { name: /查看扫描件/ });
  await expect(viewer.getByTestId('scan-page')).toHaveText('第 1 页 共 2 页');
  const canvas = viewer.getByTestId('scan-canvas');
  const portrait = await canvas.boundingBox();
  expect(portrait!.height).toBeGreaterThan(portrait!.width);
  await viewer.getByRole('button', { name: '下一页' }).click();
  await expect(viewer.getByTestId('scan-page')).toHaveText('第 2 页 共 2 页');
  await expect
    .poll(async () => {
      const b = await canvas.boundingBox();
      return b!.width > b!.height;
    })
    .toBe(true);
  await viewer.getByRole('button', { name: '向右旋转 90°' }).click();
  await expect
    .poll(async () => {
      const b = await canvas.boundingBox();
      return b!.height > b!.width;
    })
    .toBe(true);
  const before = (await canvas.boundingBox())!.width;
  await viewer.getByRole('button', { name: '放大' }).click();
  await expect(viewer.getByTestId('scan-zoom')).toHaveText('150%');
  await expect.poll(async () => Math.round(((await canvas.boundingBox())!.width / before) * 10) / 10).toBe(1.5);
  // The page is drawn, not blank: the blue rectangle is in the pixels.
  expect(
    await canvas.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) if (d[i + 2]! > 150 && d[i]! < 100) return true;
      return false;
    }),
  ).toBe(true);
  await page.screenshot({ path: 'test-results/screens/42-scan-viewer-1366.png' });
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await page.locator('.ant-drawer-close').click();

  // 补登纸质借阅: lent twelve days ago on paper, due three days later: overdue from today.
  const today = localDate(hostNow().toISOString());
  const lentOn = addDays(today, -12);
  const dueDate = addDays(lentOn, 3);
  await page.getByRole('menuitem', { name: '借阅登记' }).click();
  await page.getByRole('tab', { name: '借阅登记簿' }).click();
  await page.getByRole('button', { name: '补登纸质借阅' }).click();
  const form = page.getByRole('dialog', { name: '补登纸质登记簿上已借出的档案' });
  await form.getByLabel('借阅人').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '刘强' }).click();
  await form.getByLabel('档案').fill('张三');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: zhang.refNo }).click();
  await form.getByLabel('借阅用途').fill('核对装修图纸');
  await form.getByLabel('借出日期').fill(lentOn);
  await form.getByLabel('借出日期').press('Enter');
  await form.getByLabel('应还日期').fill(dueDate);
  await form.getByLabel('应还日期').press('Enter');
  await form.getByLabel('纸质借阅单号').fill('ZB-0087');
  await form.getByLabel('纸质单上的审批人').fill('赵经理');
  await page.screenshot({ path: 'test-results/screens/41-paper-loan-1366.png' });
  await form.getByRole('button', { name: '补登' }).click();
  await expect(page.getByText(/已补登，借阅单号 JY-/)).toBeVisible();
  await page.getByRole('tab', { name: /逾期/ }).click();
  await expect(page.getByText('张三')).toBeVisible();
  await expect(page.getByText('逾期 9 天').first()).toBeVisible();
});
