import { expect, test, type Page } from '@playwright/test';
import { admin, callApi, createArchiveViaUi } from './helpers';
import { hostPerTest } from './host';

const host = hostPerTest();

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('an administrator adds a clerk; the clerk signs in with their own password; the auditor trail verifies', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl);
  // 三员分立: the desk's clerk sees no accounts; the administrator sees 设置 only.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByRole('button', { name: '添加账户' })).toHaveCount(0);
  await page.getByRole('button', { name: '锁定' }).click();
  await signIn(page, admin.username, admin.password);
  await expect(page.getByTestId('current-user')).toContainText(admin.displayName);
  await expect(page.getByRole('menuitem', { name: '客户档案' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);
  await page.getByRole('button', { name: '添加账户' }).click();
  const dialog = page.getByRole('dialog', { name: '添加账户' });
  await dialog.getByLabel('用户名').fill('lixiao');
  await dialog.getByLabel('姓名').fill('李晓');
  // A new account is a clerk unless another role is chosen.
  await expect(dialog.getByText('档案管理员', { exact: true })).toBeVisible();
  await dialog.getByLabel('初始密码').fill('Clerk-2026-pass');
  await dialog.getByLabel('再次输入密码').fill('Clerk-2026-pass');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'lixiao' })).toBeVisible();

  await page.getByRole('button', { name: '锁定' }).click();
  await signIn(page, 'lixiao', 'Clerk-2026-pass');
  await expect(page.getByTestId('current-user')).toContainText('李晓');
  await expect(page.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);
  await page.getByRole('button', { name: '锁定' }).click();

  // The auditor reads the log.
  await callApi(host.openUrl, 'unlock', { username: admin.username, password: admin.password });
  await callApi(host.openUrl, 'createAccount', { username: 'sunsj', displayName: '孙审计', role: 'auditor', password: 'Auditor-2026-pass', passwordConfirm: 'Auditor-2026-pass' });
  await callApi(host.openUrl, 'lock', {});
  await signIn(page, 'sunsj', 'Auditor-2026-pass');
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  // Each entry is a sentence; the stored entry is one click away; the search finds Chinese names.
  const created = page.getByRole('cell', { name: '系统管理员创建了账户“李晓”（lixiao）。角色：档案管理员。' });
  await expect(created).toBeVisible();
  await expect(page.getByRole('cell', { name: /account\.created/ })).toHaveCount(0);
  await page
    .getByRole('row', { name: /创建了账户“李晓”/ })
    .getByRole('button', { name: /展开|Expand/ })
    .click();
  await expect(page.getByText(/account\.created · account \d+/)).toBeVisible();
  await page.getByPlaceholder('内容或对象').fill('李晓');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('cell', { name: /李晓/ }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: /孙审计/ })).toHaveCount(0);
  await page.getByRole('button', { name: '校验日志完整性' }).click();
  await expect(page.getByTestId('audit-verification')).toContainText('日志完整');
  await page.screenshot({ path: 'test-results/screens/20-audit.png', fullPage: true });
});

test('back up from 设置, then restore from the sign-in screen', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/^备份完成：/)).toBeVisible();
  const folder = ((await page.getByText(/^备份完成：/).innerText()).split('：')[1] ?? '').trim();
  expect(folder).toContain('archive-desk-backup-');
  await page.getByRole('button', { name: '锁定' }).click();
  await page.getByRole('button', { name: '档案库损坏？从备份恢复' }).click();
  await page.getByLabel('备份所在文件夹').fill(folder);
  await page.getByLabel('用户名').fill(admin.username);
  await page.getByLabel('密码').fill('Wrong-2026-pass');
  await page.getByRole('button', { name: '校验并恢复' }).click();
  await expect(page.locator('[data-error-code]')).toContainText('用户名或密码错误');
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: '校验并恢复' }).click();
  // The restore checks the whole backup first (checksums, integrity check, the password's key
  // derivation at full cost, twice): on a loaded 2-core machine that is more than the usual 10 s.
  await expect(page.getByTestId('current-user')).toContainText(admin.displayName, { timeout: 60_000 });
});

test('a new auto-lock time applies at once, not from the next sign-in', async ({ page }) => {
  await createArchiveViaUi(page, host.openUrl);
  await page.getByRole('button', { name: '锁定' }).click();
  await signIn(page, admin.username, admin.password);
  await expect(page.getByTestId('current-user')).toContainText(admin.displayName);
  await page.getByLabel('无操作自动锁定（分钟）').fill('1');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  // Two idle minutes later (the page's clock moved on; the default was ten) the desk is locked.
  await page.clock.fastForward('02:10');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});
