import { expect, test } from '@playwright/test';
import { pageImage, scannedPdf } from '../scan-pages';
import { callApi, createArchiveViaUi, pickOption } from './helpers';
import { hostPerTest } from './host';
import { batchWithCovers } from './scan-batch';

// 扫描入库: a stack dropped on the window lands, read, in its files.

const host = hostPerTest({ readText: true });

test('扫描入库: a batch dropped on the window is split at its printed cover sheets, the progress shown, and a document is found by a phrase on its second page', async ({ page }) => {
  test.setTimeout(180_000);
  await createArchiveViaUi(page, host.openUrl);
  await page.setViewportSize({ width: 1366, height: 768 });
  const a = (await callApi(host.openUrl, 'registerCustomer', { kind: 'tenant', name: '华联商贸有限公司', units: ['A-0101'] })).customer.files[0];
  const b = (await callApi(host.openUrl, 'registerCustomer', { kind: 'tenant', name: '星河餐饮', units: ['A-0102'] })).customer.files[0];
  const batch = await batchWithCovers(host.openUrl, [
    {
      fileId: a.id,
      category: 'correspondence',
      pages: [
        await pageImage(['工作联系函', '致：华联商贸有限公司', '2026年11月18日'], { width: 1654, height: 2339 }),
        await pageImage(['公共区域电梯停运两天，已安排维修。'], { width: 1654, height: 2339, jpeg: true }),
      ],
    },
    { fileId: b.id, category: 'payment', pages: [await pageImage(['押金收据', '2026年11月20日'], { width: 1654, height: 2339 })] },
  ]);
  // A page with no cover before it waits for the clerk: a second file, dropped with the batch.
  const loose = await scannedPdf([await pageImage(['消防安全责任书', '2026年10月8日'], { width: 1654, height: 2339 })]);

  await page.getByRole('menuitem', { name: '扫描入库' }).click();
  await expect(page.getByText('还没有设置扫描文件夹')).toBeVisible();
  await page.locator('input[type=file]').setInputFiles([
    { name: '批次一.pdf', mimeType: 'application/pdf', buffer: batch },
    { name: '单页.pdf', mimeType: 'application/pdf', buffer: loose },
    { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('这不是扫描件') },
  ]);
  const sent = page.getByTestId('intake-sent');
  await expect(sent).toContainText('已收入“批次一.pdf”（5 页）');
  await expect(sent).toContainText('“说明.txt”不是扫描件');
  // The progress while the pages are read, then what the split made of the batch.
  await expect(page.getByTestId('intake-progress')).toContainText(/正在处理“(批次一|单页)\.pdf”：第 \d+ \/ \d+ 页/, { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/screens/51-scan-intake-progress.png' });
  const recent = page.getByTestId('intake-recent');
  await expect(recent).toContainText('归入 2 份新文件', { timeout: 120_000 });
  await expect(recent.getByRole('row', { name: /单页\.pdf/ })).toContainText('1 份待归档', { timeout: 60_000 });
  const waiting = page.getByTestId('waiting-scans');
  await expect(waiting).toContainText('前面没有扫描封面');
  await expect(waiting).toContainText('消防安全责任书');
  await page.screenshot({ path: 'test-results/screens/52-scan-intake-waiting.png' });
  // The layout holds at the desk's 1366 × 768: no sideways scroll.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  // The clerk files the loose page: by the file label's code typed into the file box, its title suggested.
  await waiting.getByRole('button', { name: '归档' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('题名')).toHaveValue('消防安全责任书');
  await dialog.getByLabel('归入档案').fill(b.refNo);
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('星河餐饮');
  await pickOption(dialog, '类别', '消防安全责任书及验收');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已归档。')).toBeVisible();
  await expect(waiting).toContainText('没有待归档的扫描件');

  // The letter's second page is found by a phrase on it; its title came from its first page.
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByPlaceholder(/扫描件文字/).fill('电梯停运');
  await page.keyboard.press('Enter');
  const hits = page.getByTestId('page-hits');
  await expect(hits).toContainText('工作联系函');
  await expect(hits).toContainText('第 2 页');
  await expect(hits.locator('mark')).toHaveText('电梯停运');
  const file = await callApi(host.openUrl, 'getFile', { fileId: a.id });
  expect(file.documents.map((d: { title: string; docDate: string; pages: number }) => [d.title, d.docDate, d.pages])).toEqual([['工作联系函', '2026-11-18', 2]]);

  // The scan viewer shows the text read from each page beside it.
  await hits.getByText('工作联系函').click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByRole('button', { name: /批次一 第2-3页\.pdf/ }).click();
  const text = page.getByTestId('scan-text');
  await expect(text).toContainText('第 1 页识别出的文字');
  await expect(text).toContainText('工作联系函');
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(text).toContainText('电梯停运');
  await page.screenshot({ path: 'test-results/screens/53-scan-viewer-text.png' });
  await page.keyboard.press('Escape');
  // A cover sheet for the next document of this file, printed from its 卷内文件 tab.
  await drawer.getByRole('button', { name: '打印扫描封面' }).click();
  const coverDialog = page.getByRole('dialog', { name: '打印扫描封面' });
  await coverDialog.getByLabel('类别').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '往来函' }).click();
  await coverDialog.getByLabel('题名').fill('续租意向函');
  await coverDialog.getByRole('button', { name: '打印扫描封面' }).click();
  const preview = page.frameLocator('[data-testid="form-preview"]');
  await expect(preview.locator('body')).toContainText('扫描封面');
  await expect(preview.locator('body')).toContainText(a.refNo);
  await expect(preview.locator('body')).toContainText('续租意向函');
});
