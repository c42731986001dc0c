import { expect, test } from '@playwright/test';
import { createArchiveViaUi } from './helpers';
import { callHost, hostNow, hostPerTest } from './host';

const host = hostPerTest();
test.use({ viewport: { width: 1366, height: 768 } });

/** A local (China) date this many days before the host's today. */
const daysAgo = (n: number) => new Date(hostNow().getTime() - n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

test('a new file records its first contact and waits for the manager’s review; returned, it says why and goes back corrected; a file in no box is filed into the box serving its floor', async ({
  page,
}) => {
  await createArchiveViaUi(page, host.openUrl, {
    accounts: [{ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' }],
  });
  const call = (method: string, input: unknown) => callHost(host, method, input);
  const roomId = (await call('saveRoom', { name: '客务部档案室' }))[0].id;
  const shelfId = (await call('saveCabinet', { roomId, code: '3F-A', shelves: 1 }))[0].cabinets[0].shelves[0].id;
  await call('saveBox', { shelfId, code: 'A-3F', capacity: 20, servesBuilding: 'A座', servesFloor: '3' });

  // The clerk registers a tenant who first came ten days ago: the form says the file is late.
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByRole('button', { name: '登记客户' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '登记客户' });
  await drawer.getByLabel('客户名称').fill('华腾餐饮有限公司');
  await drawer.getByLabel('楼栋').fill('A座');
  await drawer.getByLabel('楼层').fill('3');
  await drawer.getByLabel('单元号').fill('A-301');
  await page.keyboard.press('Enter');
  const contact = drawer.getByLabel('首次接触日期');
  await expect(contact).toHaveValue(daysAgo(0));
  await contact.fill(daysAgo(10));
  await page.keyboard.press('Enter');
  await expect(drawer).toContainText('首次接触已超过 7 天（晚了 3 天）');
  await drawer.getByLabel('客户名称').click();
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/100-first-contact.png' });
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();
  await page.getByRole('tab', { name: '客户资料' }).click();
  const details = page.locator('.ant-drawer-open');
  await expect(details.getByTestId('file-review')).toContainText('该档案待部门经理审核');
  await expect(details.getByTestId('file-opened')).toContainText(`由 王芳 建档（首次接触 ${daysAgo(10)}）`);
  await page.locator('.ant-drawer-close').click();

  // 工作台: one file awaiting review, one in no box with its box suggested.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const card = page.getByTestId('home-new-files');
  await expect(card.getByTestId('new-files-pending')).toContainText('1');
  await expect(card.getByTestId('new-files-unboxed')).toContainText('1');
  await card.getByTestId('new-files-pending').click();
  const list = page.getByTestId('new-files-list');
  await expect(list.locator('.ant-table-row', { hasText: '华腾餐饮有限公司' })).toContainText('超期 3 天');
  await expect(list.locator('.ant-table-row', { hasText: '华腾餐饮有限公司' })).toContainText('待审核');
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/101-new-files.png' });
  await page.keyboard.press('Escape');

  // The manager returns it with a reason (signed in at his own desk: here, through the host).
  const review = (await call('listApprovals', { status: 'pending' })).find((a: { kind: string }) => a.kind === 'file_review');
  await call('decideApproval', { approvalId: review.id, approve: false, reason: '缺少营业执照复印件', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } });
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(card.getByTestId('new-files-returned')).toContainText('1');
  await card.getByTestId('new-files-returned').click();
  await expect(list).toContainText('缺少营业执照复印件');
  await list.locator('.ant-table-row', { hasText: '华腾餐饮有限公司' }).click();
  await page.getByRole('tab', { name: '客户资料' }).click();
  const notice = page.locator('.ant-drawer-open').getByTestId('file-review');
  await expect(notice).toContainText('赵经理');
  await expect(notice).toContainText('退回补正：缺少营业执照复印件');
  await notice.getByRole('button', { name: '补正后重新提交审核' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '补正说明' });
  await dialog.getByLabel('补正说明').fill('已补营业执照复印件');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(notice).toContainText('该档案待部门经理审核');
  await page.locator('.ant-drawer-close').click();

  // Kept by the clerk: the file goes into the box serving A座 3F.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await card.getByTestId('new-files-unboxed').click();
  await expect(page.getByTestId('new-files-state')).toBeVisible();
  const row = list.locator('.ant-table-row', { hasText: '华腾餐饮有限公司' });
  await row.getByRole('button', { name: '放入 A-3F' }).click();
  await expect(page.getByText('华腾餐饮有限公司 已放入 A-3F')).toBeVisible();
  await expect(list.locator('.ant-table-row')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(card.getByTestId('new-files-unboxed')).toContainText('0');
  const again = (await call('listApprovals', { status: 'pending' })).filter((a: { kind: string }) => a.kind === 'file_review');
  expect(again).toHaveLength(1);
  expect(again[0].reason).toBe('已补营业执照复印件');
});
