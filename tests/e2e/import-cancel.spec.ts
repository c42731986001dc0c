import { expect, test } from '@playwright/test';
import { createArchiveViaUi, workbook } from './helpers';
import { hostPerTest } from './host';

// The host holds the first import at 写入档案 until it is cancelled (its test hook), so the
// cancel lands mid-write however fast the machine is; the second import runs through.
const host = hostPerTest({ holdJobAt: 'importing' });

test('a large import runs with a progress bar; a cancel imports nothing; run again it imports every row', async ({ page }) => {
  test.setTimeout(120_000);
  const count = 2_000;
  await createArchiveViaUi(page, host.openUrl);
  await expect(page.getByTestId('customers-total')).toContainText('共 0 份档案');
  const header = ['客户名称', '客户类型', '楼栋', '楼层', '单元号', '电话'];
  const rows = Array.from({ length: count }, (_, i) => [`批量租户${i}号`, '租户', 'D座', String(1 + (i % 20)), `D-${String(i).padStart(5, '0')}`, `139${String(i).padStart(8, '0')}`]);
  const sheet = await workbook([header, ...rows]);
  await page.getByRole('button', { name: '导入 Excel' }).click();
  const modal = page.getByRole('dialog', { name: '从 Excel 导入客户' });
  const choose = async () => {
    await modal.locator('input[type=file]').setInputFiles({ name: '批量.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sheet });
    await expect(modal.getByText(`全部 ${count} 行检查通过，可以导入：新建 ${count} 位客户，更新 0 位，0 行无变化。`)).toBeVisible({ timeout: 60_000 });
  };
  await choose();

  await modal.getByRole('button', { name: '导入' }).click();
  const progress = modal.getByTestId('job-progress');
  // The bar shows the writing phase and its rows while the job is held there; cancel then.
  await expect(progress.getByText('写入档案')).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveAttribute('data-state', 'running');
  await progress.getByRole('button', { name: '取消' }).click();
  await expect(progress).toHaveAttribute('data-state', 'cancelled');
  await expect(modal.getByText('已取消，未导入任何数据。')).toBeVisible();
  await progress.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/14-import-cancelled.png' });
  await modal.locator('.ant-modal-close').click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('customers-total')).toContainText('共 0 份档案');

  await page.getByRole('button', { name: '导入 Excel' }).click();
  await choose();
  await modal.getByRole('button', { name: '导入' }).click();
  await expect(modal.getByText(`已新建 ${count} 位客户，更新 0 位，新开 ${count} 份档案。`)).toBeVisible({ timeout: 90_000 });
  await modal.getByRole('button', { name: '关闭', exact: true }).last().click();
  await expect(page.getByTestId('customers-total')).toContainText(`共 ${count} 份档案`);
});
