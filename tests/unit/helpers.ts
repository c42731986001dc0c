import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createArchiveApi } from '../../electron/api';
import { createDispatcher } from '../../electron/dispatch';
import { manualClock } from '../../electron/services/clock';
import { ArchiveVault } from '../../electron/services/vault';
import { ArchiveError } from '../../shared/errors';
import type { Role } from '../../shared/domain';
import { auditSearchInput, defaultCustomerLists } from '../../shared/schemas';
import { searchAuditLog, verifyAuditLog } from '../../electron/services/audit';
import { backupAnchors } from '../../electron/services/backup';

/** A light scrypt cost for tests; one test (vault.test) checks the real default separately. */
export const testCost = { N: 2 ** 12, r: 8, p: 1 };

const dirs: string[] = [];
const vaults: ArchiveVault[] = [];
let lastVault: ArchiveVault | undefined;

export function tempDir(prefix = 'archive-desk-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const vault of vaults.splice(0)) await vault.lock().catch(() => undefined);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const adminInput = {
  organisation: '华联物业客务部',
  username: 'wangfang',
  displayName: '王芳',
  password: 'Desk-2026-pass',
  passwordConfirm: 'Desk-2026-pass',
};

/**
 * The desk most tests start at (三员分立): the archive made by its administrator (admin,
 * 系统管理员), and 王芳 (wangfang, a clerk, the same password) signed in to do the file work.
 */
export async function openDesk(ctx: ReturnType<typeof makeVault>, role: Role = 'clerk'): Promise<string> {
  const { recoveryKey } = await ctx.api.createArchive({ ...adminInput, username: 'admin', displayName: '系统管理员' });
  await ctx.api.createAccount({ username: 'wangfang', displayName: '王芳', role, password: adminInput.password, passwordConfirm: adminInput.password });
  await ctx.api.lock();
  await ctx.api.unlock({ username: 'wangfang', password: adminInput.password });
  return recoveryKey;
}

/** The passwords of the accounts tests make, so a helper can sign back in as whoever was signed in. */
const testPasswords: Record<string, string> = {
  admin: adminInput.password,
  wangfang: adminInput.password,
  zhaojl: 'Manager-2026-pass',
  qianzjl: 'General-2026-pass',
  chenzong: 'General-2026-pass',
  lixiao: 'Clerk-2026-pass',
  sunsj: 'Auditor-2026-pass',
  admin2: 'Admin-2026-pass',
};

/**
 * Does an administrator's part (accounts, settings) signed in as admin, then signs back in as
 * whoever was signed in before (三员分立: the desk's clerk may not do it).
 */
export function asAdmin<T>(fn: () => Promise<T>, vault: ArchiveVault = lastVault!): Promise<T> {
  return signedInAs('admin', fn, vault);
}

/** Does one step signed in as another account of the test (a manager reopening a file), then signs back. */
export async function signedInAs<T>(username: string, fn: () => Promise<T>, vault: ArchiveVault = lastVault!): Promise<T> {
  const before = vault.session?.username;
  if (before === username) return fn();
  await vault.lock();
  await vault.unlock({ username, password: testPasswords[username] ?? adminInput.password });
  try {
    return await fn();
  } finally {
    await vault.lock();
    if (before) await vault.unlock({ username: before, password: testPasswords[before] ?? adminInput.password });
  }
}

/**
 * Reads the audit log in a test whoever is signed in (only the auditor may in the app): what an
 * action recorded is checked without signing in as the auditor between every step.
 */
export async function readAudit(filters: Record<string, unknown> = {}, vault: ArchiveVault = lastVault!) {
  const ctx = { db: vault.db(), clock: vaultClocks.get(vault) ?? { now: () => new Date() }, session: vault.session! };
  return searchAuditLog(ctx, auditSearchInput.parse(filters));
}

export async function verifyAudit(vault: ArchiveVault = lastVault!) {
  return verifyAuditLog({ db: vault.db(), clock: vaultClocks.get(vault) ?? { now: () => new Date() }, session: vault.session!, archiveDir: vault.dir }, { paperAnchors: [] }, backupAnchors(vault));
}

const vaultClocks = new WeakMap<ArchiveVault, ReturnType<typeof manualClock>>();

/** 2026-11-23 02:20 on the desk's clock (Asia/Shanghai), 2026-11-22 in UTC. */
export const DESK_START = new Date('2026-11-22T18:20:00Z');

export function makeVault(dir = tempDir(), start = DESK_START, keepAcrossTests = false) {
  const clock = manualClock(start);
  const vault = new ArchiveVault(dir, clock, { passwordCost: testCost, recoveryCost: testCost });
  vaultClocks.set(vault, clock);
  if (!keepAcrossTests) vaults.push(vault);
  lastVault = vault;
  const api = createArchiveApi({ vault, clock });
  const dispatch = createDispatcher(api, () => undefined);
  return { dir, clock, vault, api, dispatch };
}

/** An archive one test file shares across its tests (built once in beforeAll); `dispose` in afterAll. */
export function makeSuiteVault() {
  const dir = mkdtempSync(join(tmpdir(), 'archive-desk-suite-'));
  const ctx = makeVault(dir, undefined, true);
  return {
    ...ctx,
    dispose: async () => {
      await ctx.vault.lock().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every file in a folder with its SHA-256: equal snapshots mean nothing was written. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    out[name] = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
  }
  return out;
}

/** Runs a call that must fail, and returns its ArchiveError code. */
export async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ArchiveError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Moves the desk's clock far ahead, signing out and in again as a clerk would across days. */
export async function travel(ctx: ReturnType<typeof makeVault>, to: Date | number): Promise<void> {
  const session = ctx.vault.session;
  if (session) await ctx.api.lock();
  if (typeof to === 'number') ctx.clock.advance(to);
  else ctx.clock.set(to);
  if (session) await ctx.api.unlock({ username: session.username, password: adminInput.password });
}

export { settleJob } from '../jobs';

/** A customer sheet of `rows` tenants (客户名称, 客户类型, 楼栋, 楼层, 单元号), as an import is given it. */
export async function customerWorkbook(rows: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('客户');
  sheet.addRow(['客户名称', '客户类型', '楼栋', '楼层', '单元号']);
  for (let i = 0; i < rows; i++) sheet.addRow([`备份测试${i}号`, '租户', 'E座', '3', `E-3${String(i).padStart(4, '0')}`]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** A sales customer's admission check with every default criterion ticked (004 四.1 d). */
export const admitted = { admissionChecks: [...defaultCustomerLists.admission] };
