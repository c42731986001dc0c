import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { admin, callApi, createArchiveViaUi, desk, openDeskPage } from './helpers';
import { hostPerTest } from './host';

const host = hostPerTest();

test('create an archive, lock, a wrong password is refused, sign in, switch language', async ({ page }) => {
  await openDeskPage(page, host.openUrl);
  // The token leaves the address bar once it is kept.
  await expect(page).not.toHaveURL(/token=/);

  await expect(page.getByText('创建档案库').first()).toBeVisible();
  await page.getByLabel('单位名称').fill(admin.organisation);
  await page.getByLabel('管理员用户名').fill(admin.username);
  await page.getByLabel('管理员姓名').fill(admin.displayName);
  await page.getByLabel('密码', { exact: true }).fill(admin.password);
  await page.getByLabel('再次输入密码').fill(admin.password);
  await page.screenshot({ path: 'test-results/screens/01-setup.png', fullPage: true });
  await page.getByRole('button', { name: '创建档案库' }).click();

  await expect(page.getByText('请打印并妥善保管恢复密钥')).toBeVisible();
  const recoveryKey = (await page.getByTestId('recovery-key').innerText()).trim();
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await page.screenshot({ path: 'test-results/screens/02-recovery-key.png', fullPage: true });
  const continueButton = page.getByRole('button', { name: '进入档案台' });
  await expect(continueButton).toBeDisabled();
  await page.getByText('我已打印或抄写并妥善保管恢复密钥').click();
  await continueButton.click();

  // The administrator manages accounts and settings only (三员分立): 设置 is the one screen.
  await expect(page.getByTestId('current-user')).toContainText(admin.displayName);
  await expect(page.getByRole('menuitem', { name: '设置' })).toBeVisible();
  for (const item of ['客户档案', '档案柜位置', '借阅登记', '表格打印', '年度归档', '审计日志']) {
    await expect(page.getByRole('menuitem', { name: item })).toHaveCount(0);
  }
  await expect(page.getByText(host.archiveDir)).toBeVisible();
  // The 档号 pattern shows the number it would issue.
  await expect(page.getByText(/^0001-KH·\d{4}-D30-KFB-00017$/)).toBeVisible();
  await page.getByLabel('机构（问题）代码').fill('WYB');
  await expect(page.getByText(/^0001-KH·\d{4}-D30-WYB-00017$/)).toBeVisible();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/03-main.png', fullPage: true });

  // The archive on disk holds none of what was typed.
  const bytes = readFileSync(join(host.archiveDir, 'archive.db'));
  expect(bytes.includes(Buffer.from('华联物业', 'utf8'))).toBe(false);

  // The desk's clerk, added by the administrator, does the file work.
  await callApi(host.openUrl, 'createAccount', { username: desk.username, displayName: desk.displayName, role: 'clerk', password: desk.password, passwordConfirm: desk.password });
  await page.getByRole('button', { name: '锁定' }).click();
  await page.getByLabel('用户名').fill(desk.username);
  await page.getByLabel('密码').fill(desk.password);
  await page.getByRole('button', { name: '登录' }).click();
  for (const item of ['客户档案', '档案柜位置', '借阅登记', '表格打印', '年度归档', '设置']) {
    await expect(page.getByRole('menuitem', { name: item })).toBeVisible();
  }

  // What the screens held goes with the lock: a search typed before it is not there after.
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  const searched = page.waitForRequest((r) => (r.postData() ?? '').includes('华联'));
  await page.getByLabel(/^搜索/).fill('华联');
  await searched;
  await page.getByRole('button', { name: '锁定' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();

  await page.getByLabel('用户名').fill(desk.username);
  await page.getByLabel('密码').fill('Wrong-2026-pass');
  await page.getByRole('button', { name: '登录' }).click();
  const alert = page.locator('[data-error-code]');
  await expect(alert).toContainText('用户名或密码错误');
  await expect(page.getByLabel('密码')).toHaveValue('');
  await page.screenshot({ path: 'test-results/screens/04-wrong-password.png', fullPage: true });

  await page.getByLabel('密码').fill(desk.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText('王芳');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await expect(page.getByLabel(/^搜索/)).toHaveValue('');

  await page.getByText('English').click();
  await expect(page.getByRole('menuitem', { name: 'Customer files' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.screenshot({ path: 'test-results/screens/05-english.png', fullPage: true });

  // Errors now come back in English too.
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('User name').fill(desk.username);
  await page.getByLabel('Password').fill('Wrong-2026-pass');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('[data-error-code]')).toContainText('Wrong user name or password');
  // The language choice survives a reload.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a forgotten password is reset with the recovery key', async ({ page }) => {
  const recoveryKey = await createArchiveViaUi(page, host.openUrl);
  await page.getByRole('button', { name: '锁定' }).click();

  await page.getByRole('button', { name: '忘记密码？使用恢复密钥' }).click();
  await page.getByLabel('用户名').fill(admin.username);
  await page.getByLabel('恢复密钥').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
  await page.getByLabel('新密码', { exact: true }).fill('New-Desk-2027!');
  await page.getByLabel('再次输入新密码').fill('New-Desk-2027!');
  await page.getByRole('button', { name: '重设密码并登录' }).click();
  await expect(page.locator('[data-error-code]')).toContainText('恢复密钥不正确');

  await page.getByLabel('恢复密钥').fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: '重设密码并登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText(admin.displayName);
  expect(readdirSync(host.archiveDir)).toContain('archive.keys.json.bak');
});

test('bad input shows a translated error and creates nothing', async ({ page }) => {
  await openDeskPage(page, host.openUrl);
  await page.getByLabel('单位名称').fill(admin.organisation);
  await page.getByLabel('管理员用户名').fill(admin.username);
  await page.getByLabel('管理员姓名').fill(admin.displayName);
  await page.getByLabel('密码', { exact: true }).fill('password');
  await page.getByLabel('再次输入密码').fill('password');
  await page.getByRole('button', { name: '创建档案库' }).click();
  await expect(page.locator('[data-error-code]')).toContainText('密码强度不足');
  expect(readdirSync(host.archiveDir)).toEqual([]);
});
