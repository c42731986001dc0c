import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createArchiveViaUi } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();
let out: string;
test.beforeEach(async () => {
  out = mkdtempSync(join(tmpdir(), 'archive-desk-bundles-'));
});
test.afterEach(async () => {
  rmSync(out, { recursive: true, force: true });
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

test('export the year’s departed tenants from the UI, watch the progress, open the bundle read-only', async ({ page }) => {
  // Reopening departed files to add their papers is a manager's.
  await createArchiveViaUi(page, host.openUrl, { deskRole: 'department_manager' });
  const year = new Date().getFullYear();
  for (const [name, floor, unit] of [
    ['张三商行', '3', 'A-301'],
    ['王五书店', '5', 'B-501'],
  ] as const) {
    const fileId = (await callHost(host, 'registerCustomer', { kind: 'tenant', name, floor, units: [unit], moveInDate: '2020-01-01', moveOutDate: `${year}-01-15` })).customer.files[0].id;
    await callHost(host, 'reopenFile', { fileId, reason: '补录' });
    await callHost(host, 'addDocument', { fileId, category: 'other', title: '退租交接单', docDate: `${year}-01-15`, pages: 1, isOriginal: true, scans: [{ fileName: '交接单.png', dataBase64: PNG }] });
  }
  await callHost(host, 'registerCustomer', { kind: 'tenant', name: '在租客户', floor: '3', units: ['A-303'], moveInDate: '2021-01-01' });

  await page.getByRole('menuitem', { name: '年度归档' }).click();
  await page.getByLabel('年度', { exact: true }).fill(String(year));
  await page.getByLabel('保存到文件夹').fill(out);
  await page.getByRole('button', { name: '导出前检查' }).click();
  await expect(page.getByTestId('bundle-check')).toContainText('2 户退租租户');
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const job = page.getByTestId('bundle-job');
  await expect(job.locator('.ant-progress')).toBeVisible();
  await expect(job).toContainText('归档包已导出并校验通过', { timeout: 60_000 });
  await expect(job).toContainText('2 户，2 件文件，2 个扫描件');
  expect(readdirSync(out).sort()).toEqual([`退租档案-${year}`, `退租档案-${year}.zip`]);
  await page.screenshot({ path: 'test-results/screens/70-bundle-export.png', fullPage: true });

  await job.getByRole('button', { name: '只读打开' }).click();
  const tenants = page.getByTestId('bundle-tenants');
  await expect(tenants).toContainText('张三商行');
  await expect(tenants).toContainText('王五书店');
  await expect(tenants).not.toContainText('在租客户');
  await page.getByRole('button', { name: '校验归档包' }).click();
  await expect(page.getByTestId('bundle-verify')).toContainText('校验通过');
  await tenants.getByText('张三商行').click();
  await page.getByRole('button', { name: '交接单.png' }).click();
  await expect(page.getByTestId('bundle-scan')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/71-bundle-open.png', fullPage: true });
});
