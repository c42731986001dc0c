import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createArchiveViaUi } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();

test('the forms screen previews a filled 客户档案登记表 and saves it as a PDF', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl, { accounts: [{ username: 'sunsj', displayName: '孙审计', role: 'auditor', password: 'Auditor-2026-pass', passwordConfirm: 'Auditor-2026-pass' }] });
  await callHost(host, 'registerCustomer', { kind: 'tenant', name: '华夏餐饮管理有限公司', legalRepresentative: '周建国', floor: '3', units: ['A-301'] });

  await page.getByRole('menuitem', { name: '表格打印' }).click();
  const card = page.getByTestId('form-card-file-registration');
  await expect(card).toContainText('qms-pm-31301');
  // Every form has its blank thumbnail (危险客户统计表 among them; the desk records print from 登记簿).
  await expect(page.locator('[data-testid^="form-card-"]')).toHaveCount(16);
  await card.getByRole('button', { name: '填写' }).click();
  const choose = page.getByRole('dialog', { name: /客户档案登记表/ });
  await choose.getByLabel('档案').fill('华夏');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '华夏餐饮' }).click();
  await choose.getByRole('button', { name: '打印预览' }).click();

  const preview = page.frameLocator('[data-testid="form-preview"]').locator('body');
  await expect(preview).toContainText('客户档案登记表');
  await expect(preview).toContainText('华夏餐饮管理有限公司');
  await expect(preview).toContainText('周建国');
  await page.screenshot({ path: 'test-results/screens/60-form-preview.png', fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存 PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^客户档案登记表-\d+-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = readFileSync(await file.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

  // The auditor reads the log (三员分立): signed in on the host for the check.
  await callHost(host, 'lock', {});
  await callHost(host, 'unlock', { username: 'sunsj', password: 'Auditor-2026-pass' });
  const audit = await callHost(host, 'searchAuditLog', { action: 'form.pdf' });
  expect(audit.rows[0]).toMatchObject({ targetId: 'file-registration' });
});
