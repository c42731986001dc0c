import { expect, test } from '@playwright/test';
import { pageImage, scannedPdf } from '../scan-pages';
import { callApi, createArchiveViaUi } from './helpers';
import { hostPerTest } from './host';

const host = hostPerTest({ readText: true });

test('a scan is read in the background and its second page is found from the search box by a phrase on it, the words marked', async ({ page }) => {
  test.setTimeout(120_000);
  await createArchiveViaUi(page, host.openUrl);
  await page.setViewportSize({ width: 1366, height: 768 });
  const customer = await callApi(host.openUrl, 'registerCustomer', { kind: 'tenant', name: '华联商贸有限公司', units: ['A-0101'] });
  const pdf = await scannedPdf([await pageImage(['工作联系函', '致：华联商贸有限公司'], { width: 1200 }), await pageImage(['公共区域电梯停运两天，已安排维修。'], { width: 1200, jpeg: true })]);
  await callApi(host.openUrl, 'addDocument', {
    fileId: customer.customer.files[0].id,
    category: 'correspondence',
    title: '工作联系函',
    docDate: '2026-11-20',
    pages: 2,
    isOriginal: true,
    scans: [{ fileName: '联系函.pdf', dataBase64: pdf.toString('base64') }],
  });
  await expect.poll(async () => (await callApi(host.openUrl, 'textReadingStatus', {})).pagesRead, { timeout: 90_000 }).toBe(2);

  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByPlaceholder(/扫描件文字/).fill('电梯停运');
  await page.keyboard.press('Enter');
  const hits = page.getByTestId('page-hits');
  await expect(hits).toContainText('扫描件文字匹配');
  await expect(hits).toContainText('工作联系函');
  await expect(hits).toContainText('第 2 页');
  await expect(hits.locator('mark')).toHaveText('电梯停运');
  await page.screenshot({ path: 'test-results/screens/50-scan-text-search.png' });
  await hits.getByText('工作联系函').click();
  await expect(page.locator('.ant-drawer-open')).toContainText('华联商贸有限公司');
});
