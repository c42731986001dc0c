import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const admin = { organisation: '华联物业客务部', username: 'wangfang', displayName: '王芳', password: 'Desk-2026-pass' };

/** Creates the archive through the UI and arrives at the main layout. Returns the recovery key. */
export async function createArchiveViaUi(page: Page, openUrl: string): Promise<string> {
  await page.goto(openUrl);
  await page.getByLabel('单位名称').fill(admin.organisation);
  await page.getByLabel('管理员用户名').fill(admin.username);
  await page.getByLabel('管理员姓名').fill(admin.displayName);
  await page.getByLabel('密码', { exact: true }).fill(admin.password);
  await page.getByLabel('再次输入密码').fill(admin.password);
  await page.getByRole('button', { name: '创建档案库' }).click();
  const recoveryKey = (await page.getByTestId('recovery-key').innerText()).trim();
  await page.getByText('我已打印或抄写并妥善保管恢复密钥').click();
  await page.getByRole('button', { name: '进入档案台' }).click();
  await expect(page.getByTestId('current-user')).toContainText(admin.displayName);
  // The archive opens on the home screen (工作台); most tests start from the customer files.
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  return recoveryKey;
}
