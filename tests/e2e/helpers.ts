import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { hostNow } from './host';

/** The archive's administrator (accounts, settings, backups: 三员分立, no file work). */
export const admin = { organisation: '华联物业客务部', username: 'admin', displayName: '系统管理员', password: 'Desk-2026-pass' };
/** The desk's clerk, who does the file work in most tests. */
export const desk = { username: 'wangfang', displayName: '王芳', password: 'Desk-2026-pass' };

/** Calls the host's API in the browser's session (the host has one session: whoever signed in on the page). */
export async function callApi(openUrl: string, method: string, input: unknown): Promise<any> {
  const url = new URL(openUrl);
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${url.hash.replace('#token=', '')}` },
    body: JSON.stringify(input ?? {}),
  });
  const envelope = await response.json();
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}

/** Opens the desk in the page, the page's clock at the host's (02:20 China time at the start). */
export async function openDeskPage(page: Page, openUrl: string) {
  await page.clock.install({ time: hostNow() });
  await page.goto(openUrl);
}

export async function signInViaUi(page: Page, who: { username: string; password: string; displayName?: string }) {
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  if (who.displayName) await expect(page.getByTestId('current-user')).toContainText(who.displayName);
}

/**
 * Creates the archive through the UI as its administrator, who adds the desk's clerk (王芳);
 * the clerk signs in and the page arrives at the customer files. Returns the recovery key.
 */
export interface NewAccount {
  username: string;
  displayName: string;
  role: string;
  password: string;
  passwordConfirm: string;
}

export async function createArchiveViaUi(page: Page, openUrl: string, options: { deskRole?: 'clerk' | 'department_manager'; accounts?: NewAccount[] } = {}): Promise<string> {
  const deskRole = options.deskRole ?? 'clerk';
  await openDeskPage(page, openUrl);
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
  await callApi(openUrl, 'createAccount', { username: desk.username, displayName: desk.displayName, role: deskRole, password: desk.password, passwordConfirm: desk.password });
  // The other accounts a test needs are the administrator's to add, before the desk signs in.
  for (const account of options.accounts ?? []) await callApi(openUrl, 'createAccount', account);
  await page.getByRole('button', { name: '锁定' }).click();
  await signInViaUi(page, desk);
  await expect(page.getByTestId('current-user')).toContainText(desk.displayName);
  // The desk opens on the home screen (工作台); most tests start from the customer files.
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  return recoveryKey;
}

/** An xlsx of these rows (the first is the header), as a clerk's spreadsheet would be. */
export async function workbook(rows: (string | number)[][], sheetName = '客户'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * What a USB scanner does: the code's keys and Enter, closer together than a person types. Sent
 * from inside the page in one go, so a loaded machine cannot space them out as a person would.
 */
export async function scanCode(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    for (const key of [...text, 'Enter']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }, code);
}

/**
 * Picks an option of a select by typing part of its label, and waits until the field shows it:
 * a click that lands while the list is still sliding open is tried again.
 */
export async function pickOption(scope: Locator, label: string, text: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  const item = scope.locator('.ant-form-item').filter({ has: scope.page().getByLabel(label, { exact: true }) });
  await expect(async () => {
    await input.click();
    await input.fill(text);
    await scope.page().locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click({ timeout: 2000 });
    await expect(item).toContainText(text, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}
