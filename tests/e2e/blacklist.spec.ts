import { expect, test } from '@playwright/test';
import { createArchiveViaUi } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();
test.use({ viewport: { width: 1366, height: 768 } });

test('a blacklisted name is registered again only after the warning; a sales customer passes the admission check; a closed customer goes on the blacklist and shows there', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl);
  const call = (method: string, input: unknown) => callHost(host, method, input);
  const bad = (await call('registerCustomer', { kind: 'tenant', name: '鑫达贸易有限公司', units: ['B-201'], phone: '0755-8888 1234' })).customer;
  await call('changeClassification', {
    customerId: bad.id,
    classification: 'ordinary',
    valueGrade: null,
    specialTags: [],
    blacklisted: true,
    blacklistReason: '拖欠租金两年并恶意退租',
    reason: '经理办公会决定',
  });

  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByRole('button', { name: '登记客户' }).click();
  const form = page.locator('.ant-drawer').filter({ hasText: '登记客户' });
  await form.getByLabel('客户名称').fill('鑫达商贸');
  await form.getByLabel('单元号', { exact: true }).fill('C-101');
  await form.getByLabel('单元号', { exact: true }).press('Enter');
  await form.getByLabel('电话', { exact: true }).first().fill('075588881234');
  await form.getByRole('button', { name: '保存' }).click();
  const warning = page.getByRole('dialog').filter({ hasText: '黑名单客户' });
  await expect(warning).toContainText('“075588881234”与客户黑名单上的“鑫达贸易有限公司”相同（列入原因：拖欠租金两年并恶意退租）');
  await page.screenshot({ path: 'test-results/screens/94-blacklist-match.png' });
  await warning.getByRole('button', { name: '已核实，仍要登记' }).click();
  await expect(page.getByTestId('file-ref')).toHaveText(/00002$/);
  await page.keyboard.press('Escape');

  // A sales customer: every admission criterion is confirmed on the form.
  await page.getByRole('button', { name: '登记客户' }).click();
  await form.getByLabel('客户类型').click();
  await page.locator('.ant-select-dropdown:visible').getByText('销售客户').click();
  await form.getByLabel('客户名称').fill('康复器械经销商');
  await form.getByTestId('admission-checks').getByText('营业执照在有效期内').click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toContainText('尚未确认：经营范围与合作内容相符、资信及付款条件已核实、已查询公司客户黑名单');
  for (const c of ['经营范围与合作内容相符', '资信及付款条件已核实', '已查询公司客户黑名单']) await form.getByTestId('admission-checks').getByText(c).click();
  await page.screenshot({ path: 'test-results/screens/95-admission-check.png' });
  await form.getByRole('button', { name: '保存' }).click();
  await page.getByRole('tab', { name: '客户资料' }).click();
  await expect(page.getByTestId('customer-admission')).toContainText('王芳 已确认：营业执照在有效期内');

  // Closed for cause, onto the blacklist in the same step.
  await page.getByRole('button', { name: '淘汰客户' }).click();
  const closing = page.getByRole('dialog').filter({ hasText: '淘汰客户：康复器械经销商' });
  await closing.getByLabel('淘汰原因').fill('提供虚假资质');
  await closing.getByText('同时列入客户黑名单').click();
  await closing.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
  await expect(page.getByTestId('customer-closed')).toContainText('已淘汰：提供虚假资质');
  await page.screenshot({ path: 'test-results/screens/97-customer-closed.png' });
  await page.locator('.ant-drawer-close').click();

  await page.getByText('客户黑名单', { exact: true }).click();
  const list = page.getByTestId('blacklist');
  await expect(page.getByTestId('blacklist-total')).toHaveText('共 2 位客户');
  await expect(list.locator('.ant-table-row', { hasText: '康复器械经销商' })).toContainText('提供虚假资质');
  await expect(list.locator('.ant-table-row', { hasText: '康复器械经销商' })).toContainText('已淘汰');
  await page.screenshot({ path: 'test-results/screens/96-blacklist.png' });
  await list.locator('.ant-table-row', { hasText: '鑫达贸易有限公司' }).click();
  await expect(page.locator('.ant-drawer')).toContainText('鑫达贸易有限公司');
});
