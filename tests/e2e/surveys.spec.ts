import { expect, test, type Locator, type Page } from '@playwright/test';
import { createArchiveViaUi, scanCode } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();

async function pick(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

test('客户信用调查表 and 客户拜访记录卡 taken from the file: started from the register, kept beside the file’s other records', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl);
  await page.setViewportSize({ width: 1366, height: 768 });
  const { customer } = await callHost(host, 'registerCustomer', {
    kind: 'sales',
    admissionChecks: ['营业执照在有效期内', '经营范围与合作内容相符', '资信及付款条件已核实', '已查询公司客户黑名单'],
    name: '华腾科技有限公司',
    units: ['S-1201'],
    legalRepresentative: '陈建华',
    creditGrade: 'A',
    contacts: [{ name: '刘经理', title: '行政经理', phone: '13800000001' }],
  });
  const refNo = customer.files[0].refNo as string;
  await scanCode(page, refNo);
  await page.getByRole('tab', { name: '服务记录' }).click();

  // The credit survey is in the menu of the other forms; it starts from the customer's register.
  await page.getByRole('button', { name: '登记其他表格' }).hover();
  await page.getByRole('menuitem', { name: '客户信用调查表' }).click();
  const form = page.getByRole('dialog', { name: '登记客户信用调查表' });
  await expect(form.getByLabel('企业名称')).toHaveValue('华腾科技有限公司');
  await expect(form.getByLabel('负责人', { exact: true })).toHaveValue('陈建华');
  await expect(form.getByLabel('信用等级')).toHaveValue('A');
  await pick(page, form, '银行信用', '很好');
  await pick(page, form, '付款态度', '爽快');
  await form.getByLabel('信用评分').fill('86');
  await form.getByLabel('赊销限额（元）').fill('200000');
  await page.screenshot({ path: 'test-results/screens/44-credit-survey-form.png' });
  await page.keyboard.press('Control+s');
  await expect(form).toBeHidden();
  const record = page.locator('.ant-drawer').filter({ hasText: '客户信用调查表 XD-' });
  await expect(record.getByTestId('record-status')).toHaveText('现行');
  await expect(record).toContainText('200000.00');
  await record.locator('.ant-drawer-close').click();

  // A visit card the same day: the schedule's first visit is done.
  await page.getByRole('button', { name: '登记客户拜访记录卡' }).click();
  const visit = page.getByRole('dialog', { name: '登记客户拜访记录卡' });
  await expect(visit.getByLabel('接待人', { exact: true })).toHaveValue('刘经理');
  await pick(page, visit, '拜访方式', '电话回访');
  await visit.getByLabel('客户需求').fill('想了解交房时间');
  await visit.getByLabel('对客户的承诺').fill('一周内书面答复');
  await page.keyboard.press('Control+s');
  await expect(visit).toBeHidden();
  await page.locator('.ant-drawer-open').last().locator('.ant-drawer-close').click();
  await expect(page.getByTestId('file-records')).toContainText('客户拜访记录卡');
  await expect(page.getByTestId('file-records')).toContainText('客户信用调查表');
  await page.screenshot({ path: 'test-results/screens/45-file-records.png' });
});
