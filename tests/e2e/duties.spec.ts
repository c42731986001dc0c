import { expect, test } from '@playwright/test';
import { createArchiveViaUi, desk, signInViaUi } from './helpers';
import { callHost, hostPerTest } from './host';

const host = hostPerTest();
test.use({ viewport: { width: 1366, height: 768 } });

test('工作台 counts what the files owe and lists the files behind a count; a file shows what it lacks; tomorrow’s returns print as a list', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl, {
    accounts: [{ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' }],
  });
  const call = (method: string, input: unknown) => callHost(host, method, input);
  const noodles = (await call('registerCustomer', { kind: 'tenant', name: '兰州拉面馆', industry: '餐饮', floor: '3', units: ['A-301'] })).customer.files[0].id;
  const shop = (await call('registerCustomer', { kind: 'tenant', name: '华联便利店', industry: '零售', floor: '3', units: ['A-302'] })).customer.files[0].id;
  await call('addDocument', { fileId: shop, category: 'identity', title: '营业执照复印件', docDate: '2020-01-01', pages: 1, isOriginal: false });
  const liu = await call('saveBorrower', { name: '刘强', department: '工程部', phone: '13800138000' });
  const loan = await call('requestLoan', { borrowerId: liu.id, fileIds: [noodles], purpose: '核对装修资料', kind: 'take_out' });
  await call('decideApproval', { approvalId: loan.approval.id, approve: true, reason: '同意', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } });
  await call('lendFiles', { borrowerId: liu.id, fileIds: [noodles] });

  // Two days on, the three-day loan is due back tomorrow.
  host.moveClock(2);
  await page.getByRole('button', { name: '锁定' }).click();
  await signInViaUi(page, desk);
  await page.getByRole('menuitem', { name: '工作台' }).click();

  const duties = page.getByTestId('home-duties');
  await expect(duties).toContainText('档案资料齐全');
  await expect(duties).toContainText('餐饮商户巡查记录');
  await expect(duties).toContainText(/每季度 · \d{4}年第\d季度/);
  await page.screenshot({ path: 'test-results/screens/85-home-duties.png' });

  // Both new files still lack documents: the list names what each lacks, in words.
  await page.getByTestId('duty-completeness-due').click();
  const list = page.getByTestId('duty-files');
  await expect(list).toContainText('兰州拉面馆');
  await expect(list).toContainText('华联便利店');
  await expect(list.getByRole('row', { name: /华联便利店/ })).not.toContainText('身份证/营业执照复印件');
  await expect(list.getByRole('row', { name: /兰州拉面馆/ })).toContainText('身份证/营业执照复印件');
  await expect(page.getByRole('dialog')).toContainText('共 2 份档案');
  await page.screenshot({ path: 'test-results/screens/86-duty-files.png' });

  // A row opens its file, whose 档案义务 tab says the same.
  await list.getByRole('row', { name: /兰州拉面馆/ }).click();
  await page.getByRole('tab', { name: '档案义务' }).click();
  const own = page.getByTestId('file-duties');
  await expect(own.getByRole('row', { name: /档案资料齐全/ })).toContainText('本期待办');
  await expect(own.getByRole('row', { name: /餐饮商户巡查记录/ })).toContainText('从未');
  await expect(own).not.toContainText(/^巡查记录/);
  await page.screenshot({ path: 'test-results/screens/87-file-duties.png' });
  await page.keyboard.press('Escape');

  await page.getByRole('menuitem', { name: '工作台' }).click();
  const tomorrow = page.getByTestId('home-due-tomorrow');
  await expect(tomorrow).toContainText('兰州拉面馆');
  await tomorrow.getByRole('button', { name: '查看' }).click();
  await expect(page.getByTestId('due-tomorrow')).toContainText('刘强');
  // On paper only the list: the screen behind it is left out.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('body > .print-list')).toBeVisible();
  await expect(page.locator('body > .print-list')).toContainText('13800138000');
  await expect(page.locator('#root')).toBeHidden();
  await page.pdf({ path: 'test-results/screens/88-due-tomorrow.pdf', format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.keyboard.press('Escape');

  // The rules, as the clerk reads them in 设置 (the administrator changes them).
  await page.getByRole('menuitem', { name: '设置' }).click();
  const rules = page.getByTestId('settings-duties');
  await rules.scrollIntoViewIfNeeded();
  await expect(rules).toContainText('各类客户档案必备的文件');
  await expect(rules).toContainText('客户紧急联络表');
  await expect(rules).toContainText('顾客满意度调查表');
  await rules.screenshot({ path: 'test-results/screens/89-settings-duties.png' });
});
