import { expect, test, type Locator, type Page } from '@playwright/test';
import { createArchiveViaUi, desk, scanCode, signInViaUi } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();
const gm = { username: 'qianzjl', displayName: '钱总', password: 'General-2026-pass' };

async function pick(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Closes the record's drawer and the file's under it, one at a time, as Escape does. */
async function closeDrawers(page: Page) {
  for (const drawer of [page.locator('.ant-drawer-open').last(), page.locator('.ant-drawer-open').first()]) {
    if ((await page.locator('.ant-drawer-open').count()) === 0) return;
    await drawer.locator('.ant-drawer-close').click();
  }
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
}

async function signInAgain(page: Page, who: { username: string; password: string; displayName: string }) {
  await page.getByRole('button', { name: '锁定' }).click();
  await signInViaUi(page, who);
}

test('客户投诉: taken at the desk from the file, handed over, handled, approved by the general manager, followed up and closed; found from the file and from 工作台', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl, { accounts: [{ username: gm.username, displayName: gm.displayName, role: 'general_manager', password: gm.password, passwordConfirm: gm.password }] });
  const { customer } = await callHost(host, 'registerCustomer', {
    kind: 'tenant',
    name: '华腾科技有限公司',
    units: ['A-1201'],
    building: 'A座',
    floor: '12',
    contacts: [{ name: '刘经理', phone: '13800000001' }],
  });
  const refNo = customer.files[0].refNo as string;

  // The tenant calls: the clerk scans the file's label and takes the complaint in its 服务记录 tab.
  await scanCode(page, refNo);
  await expect(page.getByTestId('file-ref')).toHaveText(refNo);
  await page.getByRole('tab', { name: '服务记录' }).click();
  await page.getByRole('button', { name: '登记客户投诉' }).click();
  const form = page.getByRole('dialog', { name: '登记客户投诉' });
  // Started from the customer: who complains, their phone and unit, who took it.
  await expect(form).toContainText(refNo);
  await expect(form.getByLabel('投诉人')).toHaveValue('刘经理');
  await expect(form.getByLabel('联系电话')).toHaveValue('13800000001');
  await expect(form.getByLabel('接待人')).toHaveValue('王芳');
  await pick(page, form, '投诉方式', '电话');
  await pick(page, form, '投诉类别', '服务质量不达标');
  await form.getByLabel('投诉内容').fill('12楼卫生间天花板漏水，三天无人处理');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/screens/40-complaint-form.png' });
  await page.keyboard.press('Control+s');
  await expect(form).toBeHidden();

  const record = page.locator('.ant-drawer').filter({ hasText: '客户投诉 TS-' });
  await expect(record.getByTestId('record-status')).toHaveText('已登记');
  await expect(record).toContainText('12楼卫生间天花板漏水');
  const step = async (button: string, fill: (dialog: Locator) => Promise<void>, status: string) => {
    await record.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog', { name: button });
    await fill(dialog);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(record.getByTestId('record-status')).toHaveText(status);
  };
  await step('分派处理', (d) => d.getByLabel('处理部门/责任人').fill('工程部 老周'), '处理中');
  // The result cannot be entered empty: the dialog says what is missing and stays open.
  await record.getByRole('button', { name: '登记处理结果' }).click();
  const handling = page.getByRole('dialog', { name: '登记处理结果' });
  await handling.getByRole('button', { name: '保存' }).click();
  await expect(handling.getByText('请填写处理经过及结果')).toBeVisible();
  await handling.getByLabel('原因分析').fill('防水层老化');
  await handling.getByLabel('处理经过及结果').fill('已更换防水层并修复天花板');
  await handling.getByRole('button', { name: '保存' }).click();
  await expect(handling).toBeHidden();
  await expect(record.getByTestId('record-status')).toHaveText('已处理');
  // A service-quality complaint waits for the general manager: the clerk has no step to take.
  await expect(record.getByRole('button', { name: '回访结案' })).toHaveCount(0);
  await closeDrawers(page);

  // The general manager finds it on 工作台 and approves the result.
  await signInAgain(page, gm);
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const card = page.getByTestId('home-records-complaint');
  await expect(card).toContainText('未办结的客户投诉');
  await card.getByRole('button', { name: '查看' }).click();
  const register = page.getByTestId('record-register');
  await expect(register.getByRole('row').filter({ hasText: '华腾科技有限公司' })).toContainText('已处理');
  await page.screenshot({ path: 'test-results/screens/42-complaint-register.png' });
  await register.getByRole('row').filter({ hasText: '华腾科技有限公司' }).click();
  await step('审批通过', (d) => d.getByLabel('总经理审批意见').fill('同意，注意回访'), '已审批');
  await closeDrawers(page);

  // The clerk follows up with the tenant and closes it, from the file again.
  await signInAgain(page, { ...desk });
  await scanCode(page, refNo);
  await page.getByRole('tab', { name: '服务记录' }).click();
  await page.getByTestId('file-records').getByText('客户投诉').click();
  await step('回访结案', (d) => pick(page, d, '客户满意度', '满意'), '已结案');
  await expect(record).toContainText('工程部 老周');
  await expect(record).toContainText('钱总 审批通过');
  await page.screenshot({ path: 'test-results/screens/41-complaint-closed.png' });
  await closeDrawers(page);
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('home-records-complaint').locator('.ant-statistic-content-value')).toHaveText('0');

  // 报表 → 客户投诉 counts it under its category and its building, with the cause written down.
  await signInAgain(page, gm);
  await page.getByRole('menuitem', { name: '报表' }).click();
  await page.getByText('客户投诉', { exact: true }).click();
  const byCategory = page.getByTestId('report-section-complaints-by-category');
  await expect(byCategory).toContainText('服务质量');
  await expect(byCategory).toContainText('防水层老化');
  await expect(page.getByTestId('report-section-complaints-by-place')).toContainText('A座');
  await page.screenshot({ path: 'test-results/screens/43-complaints-report.png', fullPage: true });
});

test('登记簿: a complaint taken at the desk with the customer picked by scanning the file label, and a code that names nothing refused in words', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl);
  await page.setViewportSize({ width: 1366, height: 768 });
  const { customer } = await callHost(host, 'registerCustomer', { kind: 'tenant', name: '蓝海咨询有限公司', units: ['B-501'], contacts: [{ name: '周主任', phone: '13900000002' }] });
  const refNo = customer.files[0].refNo as string;
  const other = (await callHost(host, 'registerCustomer', { kind: 'tenant', name: '远航贸易有限公司', units: ['B-502'], contacts: [{ name: '吴经理', phone: '13900000003' }] })).customer;
  await page.getByRole('menuitem', { name: '登记簿' }).click();
  await page.getByRole('button', { name: '登记客户投诉' }).click();
  const form = page.getByRole('dialog', { name: '登记客户投诉' });
  await expect(form.getByText('输入客户名称、单元号或档号，或扫描档案标签')).toBeVisible();
  // The scanner types the label's code and Enter: the form takes it, the file does not open behind it.
  await scanCode(page, refNo);
  await expect(form.getByLabel('投诉人')).toHaveValue('周主任');
  await expect(form).toContainText('蓝海咨询有限公司');
  await expect(page.getByTestId('file-ref')).toHaveCount(0);
  // A code that names no file is refused in words, and the customer chosen stays.
  await scanCode(page, 'NO-SUCH-LABEL-9');
  await expect(page.getByText('扫描的编码“NO-SUCH-LABEL-9”没有对应的档案或档案盒。')).toBeVisible();
  await expect(form).toContainText('蓝海咨询有限公司');
  // Scanned (or typed whole) with the cursor in the customer box: Enter picks that file, not a search hit.
  await form.getByRole('combobox').first().click();
  await page.keyboard.type(other.files[0].refNo as string);
  await page.keyboard.press('Enter');
  await expect(form).toContainText('远航贸易有限公司');
  await expect(form).not.toContainText('蓝海咨询有限公司');
  // What the first customer filled in gives way to the second's.
  await expect(form.getByLabel('投诉人')).toHaveValue('吴经理');
  await pick(page, form, '投诉方式', '来访');
  await pick(page, form, '投诉类别', '环境卫生');
  await form.getByLabel('投诉内容').fill('走廊垃圾未及时清运');
  await page.keyboard.press('Control+s');
  await expect(form).toBeHidden();
  await expect(page.locator('.ant-drawer').filter({ hasText: '客户投诉 TS-' })).toContainText('远航贸易有限公司');
});
