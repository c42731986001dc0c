import { expect, test } from '@playwright/test';
import { admin, createArchiveViaUi, desk, signInViaUi } from './helpers';
import { hostPerTest } from './host';

const host = hostPerTest();

test('设置’s list of industries is what the customer form offers; the register keeps industry, region, licence and deposit', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl);
  await page.setViewportSize({ width: 1366, height: 768 });

  // The administrator adds an industry to the list in 设置.
  await page.getByRole('button', { name: '锁定' }).click();
  await signInViaUi(page, admin);
  const card = page.getByTestId('settings-customer-lists');
  await card.scrollIntoViewIfNeeded();
  await card.getByLabel('行业', { exact: true }).fill('物业代理');
  await page.keyboard.press('Enter');
  await card.getByRole('button', { name: '保存客户登记选项' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();

  // The clerk picks it when registering a tenant.
  await page.getByRole('button', { name: '锁定' }).click();
  await signInViaUi(page, desk);
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByRole('button', { name: '登记客户' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '登记客户' });
  await drawer.getByLabel('客户名称').fill('华腾物业代理有限公司');
  await drawer.getByLabel('单元号').fill('A-1201');
  await page.keyboard.press('Enter');
  await drawer.getByLabel('所属行业').fill('物业');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '物业代理' }).click();
  await drawer.getByLabel('所属区域').fill('华东');
  await drawer.getByLabel('营业执照号码').fill('91310115MA1K4XYZ0B');
  await drawer.getByLabel('押金（元）').fill('20000.5');
  await page.screenshot({ path: 'test-results/screens/46-customer-form-lists.png' });
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();

  await page.getByRole('tab', { name: '客户资料' }).click();
  const details = page.locator('.ant-drawer-open');
  await expect(details).toContainText('物业代理 / 华东');
  await expect(details).toContainText('91310115MA1K4XYZ0B');
  await expect(details).toContainText('20000.50');
});
