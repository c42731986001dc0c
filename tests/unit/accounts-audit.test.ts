import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FILE, KEY_FILE } from '../../db/archive-files';
import { findRecoverySlot, parseKeyFile, unwrapArchiveKey } from '../../db/key-slots';
import { applyArchiveKey } from '../../db/open';
import { entryHash, GENESIS_HASH, type ChainedFields } from '../../db/audit-chain';
import type { ArchiveApi } from '../../shared/api';
import { createArchiveApi } from '../../electron/api';
import { roles, type Role } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import { errorMessage } from '../../shared/labels';
import { methodNames, methodTable } from '../../electron/features';
import { roleMay } from '../../shared/permissions';
import { adminInput, failureCode, makeVault, readAudit, verifyAudit, openDesk, asAdmin, signedInAs, admitted } from './helpers';

const pw = 'Desk-2026-pass';

/** The archive's administrator, its desk clerk 王芳 signed in, and an auditor (三员分立). */
async function withDesk() {
  const ctx = makeVault();
  const recoveryKey = await openDesk(ctx);
  await asAdmin(() => ctx.api.createAccount({ username: 'sunsj', displayName: '孙审计', role: 'auditor', password: 'Auditor-2026-pass', passwordConfirm: 'Auditor-2026-pass' }));
  return { ...ctx, recoveryKey };
}

async function withAdmin() {
  const ctx = makeVault();
  const { recoveryKey } = await ctx.api.createArchive(adminInput);
  return { ...ctx, recoveryKey };
}

/** Opens the archive file beside the app with the recovery key, as a tamperer with the key could. */
async function rawArchive(dir: string, recoveryKey: string) {
  const keyFile = parseKeyFile(readFileSync(join(dir, KEY_FILE), 'utf8'))!;
  const key = await unwrapArchiveKey(findRecoverySlot(keyFile)!, keyFile.archiveId, recoveryKey);
  const raw = new Database(join(dir, ARCHIVE_FILE));
  applyArchiveKey(raw, key!);
  return raw;
}

describe('accounts', () => {
  it('an administrator adds an account whose own password opens the archive', async () => {
    const { api } = await withAdmin();
    const clerk = await api.createAccount({ username: 'lixiao', displayName: '李晓', role: 'clerk', password: 'Clerk-2026-pass', passwordConfirm: 'Clerk-2026-pass' });
    expect(clerk).toMatchObject({ username: 'lixiao', role: 'clerk', status: 'active' });
    expect(await failureCode(api.createAccount({ username: 'LiXiao', displayName: '重名', role: 'clerk', password: 'Clerk-2026-pass', passwordConfirm: 'Clerk-2026-pass' }))).toBe('USERNAME_TAKEN');
    await api.lock();
    const session = await api.unlock({ username: 'lixiao', password: 'Clerk-2026-pass' });
    expect(session).toMatchObject({ displayName: '李晓', role: 'clerk' });
    // A clerk may not manage accounts.
    expect(await failureCode(api.listAccounts())).toBe('FORBIDDEN');
  });

  it('disabling removes the slot; a reset issues a new one and enables the account again', async () => {
    const { api, dir } = await withAdmin();
    const clerk = await api.createAccount({ username: 'lixiao', displayName: '李晓', role: 'clerk', password: 'Clerk-2026-pass', passwordConfirm: 'Clerk-2026-pass' });
    await api.disableAccount({ accountId: clerk.id });
    const slots = parseKeyFile(readFileSync(join(dir, KEY_FILE), 'utf8'))!.slots;
    expect(slots.map((s) => s.username ?? s.kind).sort()).toEqual(['recovery', 'wangfang']);
    await api.lock();
    expect(await failureCode(api.unlock({ username: 'lixiao', password: 'Clerk-2026-pass' }))).toBe('WRONG_CREDENTIALS');
    await api.unlock({ username: 'wangfang', password: pw });
    await api.resetAccountPassword({ accountId: clerk.id, newPassword: 'Reset-2026-pass', newPasswordConfirm: 'Reset-2026-pass' });
    await api.lock();
    expect((await api.unlock({ username: 'lixiao', password: 'Reset-2026-pass' })).username).toBe('lixiao');
  });

  it('keeps at least one administrator, and nobody disables themselves', async () => {
    const { api, vault } = await withAdmin();
    const me = vault.session!.accountId;
    expect(await failureCode(api.disableAccount({ accountId: me }))).toBe('CANNOT_DISABLE_SELF');
    expect(await failureCode(api.updateAccount({ accountId: me, displayName: '王芳', role: 'clerk' }))).toBe('LAST_ADMINISTRATOR');
    const second = await api.createAccount({ username: 'admin2', displayName: '赵管理', role: 'administrator', password: 'Admin-2026-pass', passwordConfirm: 'Admin-2026-pass' });
    // Nobody changes their own role, even with another administrator there; the name may change.
    expect(await failureCode(api.updateAccount({ accountId: me, displayName: '王芳', role: 'general_manager' }))).toBe('ROLE_SEPARATION');
    await api.updateAccount({ accountId: me, displayName: '王芳芳', role: 'administrator' });
    expect(vault.session).toMatchObject({ displayName: '王芳芳', role: 'administrator' });
    expect(second.role).toBe('administrator');
    await api.lock();
    await api.unlock({ username: 'admin2', password: 'Admin-2026-pass' });
    await api.updateAccount({ accountId: me, displayName: '王芳芳', role: 'clerk' });
    expect((await api.listAccounts()).find((a) => a.id === me)!.role).toBe('clerk');
  });

  it('changes one’s own password after proving the current one; only that slot changes', async () => {
    const { api, dir } = await withAdmin();
    const before = parseKeyFile(readFileSync(join(dir, KEY_FILE), 'utf8'))!;
    expect(await failureCode(api.changeOwnPassword({ currentPassword: 'Wrong-2026-pass', newPassword: 'Next-2027-pass!', newPasswordConfirm: 'Next-2027-pass!' }))).toBe('WRONG_CREDENTIALS');
    expect(await failureCode(api.changeOwnPassword({ currentPassword: pw, newPassword: 'weak', newPasswordConfirm: 'weak' }))).toBe('WEAK_PASSWORD');
    await api.changeOwnPassword({ currentPassword: pw, newPassword: 'Next-2027-pass!', newPasswordConfirm: 'Next-2027-pass!' });
    const after = parseKeyFile(readFileSync(join(dir, KEY_FILE), 'utf8'))!;
    expect(after.slots.find((s) => s.kind === 'recovery')).toEqual(before.slots.find((s) => s.kind === 'recovery'));
    expect(after.databaseSalt).toBe(before.databaseSalt);
    await api.lock();
    expect(await failureCode(api.unlock({ username: 'wangfang', password: pw }))).toBe('WRONG_CREDENTIALS');
    await api.unlock({ username: 'wangfang', password: 'Next-2027-pass!' });
  });

  it('locks itself after the idle minutes in the settings', async () => {
    const { api, clock } = await withAdmin();
    await api.updateSettings({ autoLockMinutes: 5 });
    clock.advance(4 * 60_000);
    await api.listAccounts();
    clock.advance(4 * 60_000);
    await api.listAccounts();
    clock.advance(6 * 60_000);
    expect(await failureCode(api.listAccounts())).toBe('SESSION_EXPIRED');
    expect((await api.getArchiveStatus()).state).toBe('locked');
  });
});

describe('permissions', () => {
  it('every contract method, as every role, is allowed exactly as the permission table says', async () => {
    const { api } = await withAdmin();
    for (const role of roles) {
      if (role === 'administrator') continue;
      await api.createAccount({ username: `u_${role}`, displayName: role, role, password: 'Role-2026-pass', passwordConfirm: 'Role-2026-pass' });
    }
    await api.lock();
    for (const role of roles) {
      await api.unlock(role === 'administrator' ? { username: 'wangfang', password: pw } : { username: `u_${role}`, password: 'Role-2026-pass' });
      // The screens are told the same: what the role may call, and nothing else.
      expect([...(await api.getArchiveStatus()).mayCall].sort(), role).toEqual(methodNames.filter((m) => roleMay(role, methodTable[m].permission)).sort());
      for (const method of methodNames) {
        const access = methodTable[method].permission;
        if (access === 'public' || method === 'lock') continue;
        let code = 'OK';
        try {
          // Empty input: an allowed call fails on its input or succeeds, a forbidden one never gets that far.
          await (api[method] as (i: unknown) => Promise<unknown>)({ customerId: 999999, fileId: 999999, documentId: 999999, scanId: 999999, accountId: 999999 });
        } catch (error) {
          code = error instanceof ArchiveError ? error.code : 'OTHER';
        }
        expect(code === 'FORBIDDEN', `${role} ${method}`).toBe(!roleMay(role as Role, access));
      }
      await api.lock();
    }
  });
});

describe('refusals say who may do it', () => {
  it('a refused call names the roles that may, in the UI language; a role in a message is its name, never its code', async () => {
    const { dispatch } = await withDesk();
    const fileId = ((await dispatch('registerCustomer', { kind: 'tenant', name: '张三', units: ['A-1'] })) as { ok: true; value: { customer: { files: { id: number }[] } } }).value.customer.files[0]!
      .id;
    expect(await dispatch('reopenFile', { fileId, reason: '补录' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您的角色无权执行此操作，需由部门经理或总经理办理。' } });
    expect(await dispatch('reopenFile', { fileId, reason: '补录' }, 'en')).toMatchObject({
      ok: false,
      error: { message: 'Your role may not do this: it takes Department manager or General manager.' },
    });
    expect(await dispatch('createAccount', { username: 'x1', displayName: 'x', role: 'clerk', password: 'Role-2026-pass', passwordConfirm: 'Role-2026-pass' })).toMatchObject({
      ok: false,
      error: { message: '您的角色无权执行此操作，需由系统管理员办理。' },
    });
    expect(errorMessage('APPROVER_NOT_ALLOWED', 'zh-CN', { requiredRole: 'general_manager' })).toBe('审批人的角色级别不够（需要总经理）。');
  });
});

describe('the system folder dialog', () => {
  it('is offered where the app has one (the desktop app) and refused in words where it has not (the browser host)', async () => {
    const host = await withDesk();
    expect((await host.api.getArchiveStatus()).folderDialog).toBe(false);
    expect(await host.dispatch('chooseFolder', {})).toMatchObject({ ok: false, error: { code: 'FOLDER_DIALOG_UNAVAILABLE', message: '浏览器中不能打开系统的文件夹对话框，请直接输入文件夹路径。' } });
    const asked: (string | undefined)[] = [];
    const desktop = createArchiveApi({ vault: host.vault, clock: host.clock, chooseFolder: async (defaultPath) => (asked.push(defaultPath), '/home/desk/归档包') });
    expect((await desktop.getArchiveStatus()).folderDialog).toBe(true);
    expect(await desktop.chooseFolder({ defaultPath: '/home/desk' })).toBe('/home/desk/归档包');
    expect(asked).toEqual(['/home/desk']);
    await desktop.lock();
    expect(await failureCode(desktop.chooseFolder({}))).toBe('NOT_SIGNED_IN');
  });
});

describe('三员分立 (separation of duties)', () => {
  it('the administrator manages accounts, settings and backups and handles no file; the auditor reads the log and changes nothing', async () => {
    const ctx = await withDesk();
    const { api } = ctx;
    const fileId = (await api.registerCustomer({ kind: 'tenant', name: '张三', units: ['A-1'] })).customer.files[0]!.id;
    await api.lock();
    await api.unlock({ username: 'admin', password: pw });
    for (const call of [
      () => api.registerCustomer({ kind: 'tenant', name: '李四', units: ['A-2'] }),
      () => api.getFile({ fileId }),
      () => api.listCustomers({}),
      () => api.setLegalHold({ fileId, hold: true, reason: '自行处理' }),
      () => api.searchAuditLog({}),
      () => api.verifyAuditLog({}),
    ]) {
      expect(await failureCode(call())).toBe('FORBIDDEN');
    }
    expect((await api.listAccounts()).map((a) => a.username).sort()).toEqual(['admin', 'sunsj', 'wangfang']);
    await api.updateSettings({ autoLockMinutes: 20 });
    await api.backupArchive({});
    await api.lock();
    await api.unlock({ username: 'sunsj', password: 'Auditor-2026-pass' });
    expect((await api.searchAuditLog({ action: 'customer.registered' })).total).toBe(1);
    expect((await api.verifyAuditLog({})).ok).toBe(true);
    expect(await failureCode(api.registerCustomer({ kind: 'tenant', name: '王五', units: ['A-3'] }))).toBe('FORBIDDEN');
    expect(await failureCode(api.createAccount({ username: 'x1', displayName: 'x', role: 'clerk', password: 'Role-2026-pass', passwordConfirm: 'Role-2026-pass' }))).toBe('FORBIDDEN');
  });
});

describe('the audit log', () => {
  it('records sign-ins, failed sign-ins, views and edits with who and when', async () => {
    const { api } = await withDesk();
    const since = (await readAudit({ pageSize: 1 })).rows[0]!.id;
    const { customer } = await api.registerCustomer({ kind: 'tenant', name: '张三', units: ['A-1'] });
    await api.getFile({ fileId: customer.files[0]!.id });
    await api.lock();
    await failureCode(api.unlock({ username: 'wangfang', password: 'Wrong-2026-pass' }));
    await api.unlock({ username: 'wangfang', password: pw });
    const log = await readAudit({ pageSize: 100 });
    const actions = log.rows
      .filter((r) => r.id > since)
      .map((r) => r.action)
      .reverse();
    expect(log.rows.at(-1)!.action).toBe('archive.created');
    // A new file asks for its review (新建档案审核) as it is registered.
    expect(actions).toEqual(['customer.registered', 'approval.requested', 'file.viewed', 'logout', 'login.failed', 'login']);
    const failed = log.rows.find((r) => r.action === 'login.failed')!;
    expect(JSON.parse(failed.details!)).toEqual({ username: 'wangfang', reason: 'WRONG_CREDENTIALS' });
    expect(log.rows.find((r) => r.action === 'file.viewed')).toMatchObject({ accountName: '王芳', targetType: 'file' });
    // Sign-ins: the administrator's at creation and to add the auditor, then 王芳's four.
    expect((await readAudit({ action: 'login', accountId: log.rows.find((r) => r.action === 'file.viewed')!.accountId! })).total).toBe(3);
  });

  it('keeps the chain whole when calls that each write an entry arrive at once', async () => {
    const { api } = await withDesk();
    const fileId = (await api.registerCustomer({ kind: 'sales', ...admitted, name: '并发客户' })).customer.files[0]!.id;
    // Several screens asking at the same moment: every view is recorded, in one unbroken chain.
    await Promise.all(Array.from({ length: 20 }, () => api.getFile({ fileId })));
    expect((await readAudit({ action: 'file.viewed' })).total).toBe(20);
    expect(await verifyAudit()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('verifies its hash chain and reports the first broken link after a direct edit', async () => {
    const { api, dir, recoveryKey } = await withDesk();
    for (let i = 0; i < 5; i++) await api.registerCustomer({ kind: 'sales', ...admitted, name: `客户${i}` });
    const good = await verifyAudit();
    expect(good).toMatchObject({ ok: true, firstBroken: null });
    expect(good.checked).toBeGreaterThanOrEqual(7);
    await api.lock();
    const raw = await rawArchive(dir, recoveryKey);
    const target = raw.prepare(`select id, at from audit_log where action = 'customer.registered' order by id limit 1 offset 2`).get() as { id: number; at: string };
    raw.prepare(`update audit_log set details = '{"forged":true}' where id = ?`).run(target.id);
    raw.close();
    await api.unlock({ username: 'wangfang', password: pw });
    expect(await verifyAudit()).toMatchObject({ ok: false, firstBroken: { id: target.id, at: target.at } });
  });

  it('notices a removed entry', async () => {
    const { api, dir, recoveryKey } = await withDesk();
    for (let i = 0; i < 3; i++) await api.registerCustomer({ kind: 'sales', ...admitted, name: `客户${i}` });
    await api.lock();
    const raw = await rawArchive(dir, recoveryKey);
    raw.prepare(`delete from audit_log where id = 3`).run();
    raw.close();
    await api.unlock({ username: 'wangfang', password: pw });
    expect((await verifyAudit()).firstBroken?.id).toBe(4);
  });

  it('checks the log against the anchors outside the archive: a truncated or rewritten chain no longer passes', async () => {
    const { api, dir, recoveryKey } = await withDesk();
    for (let i = 0; i < 3; i++) await api.registerCustomer({ kind: 'sales', ...admitted, name: `客户${i}` });
    const backup = await api.backupArchive({});
    for (let i = 3; i < 6; i++) await api.registerCustomer({ kind: 'sales', ...admitted, name: `客户${i}` });
    await api.lock();
    // Cut the log back to before the backup: what remains is a valid chain on its own.
    const raw = await rawArchive(dir, recoveryKey);
    const { id: backupHead } = JSON.parse(readFileSync(join(backup.folder, 'backup.json'), 'utf8')).auditHead as { id: number };
    raw.prepare('delete from audit_log where id > ?').run(backupHead - 2);
    raw.close();
    await api.unlock({ username: 'wangfang', password: pw });
    const cut = await verifyAudit();
    expect(cut.firstBroken).toBeNull();
    expect(cut.ok).toBe(false);
    expect(cut.firstAnchorMismatch).toMatchObject({ source: 'backup', where: backup.folder, id: backupHead, problem: 'entry_missing' });
    expect(cut.anchors.map((a) => a.source)).toEqual(expect.arrayContaining(['backup', 'lock']));
  });

  it('finds a chain rewritten link by link, by the anchor written at the last lock and by a head copied from paper', async () => {
    const { api, dir, recoveryKey } = await withDesk();
    for (let i = 0; i < 4; i++) await api.registerCustomer({ kind: 'sales', ...admitted, name: `客户${i}` });
    await api.lock();
    const raw = await rawArchive(dir, recoveryKey);
    // As printed on an inspection record: the head's number and its hash's first characters.
    const printed = raw.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string };
    // Rewrite one entry and every hash after it: the chain inside the archive holds again.
    const rows = raw.prepare('select * from audit_log order by id').all() as (ChainedFields & { prev_hash: string; hash: string })[];
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const fields = row.id === 3 ? { ...row, details: '{"forged":true}' } : row;
      const hash = entryHash(prev, fields);
      raw.prepare('update audit_log set details = ?, prev_hash = ?, hash = ? where id = ?').run(fields.details, prev, hash, row.id);
      prev = hash;
    }
    raw.close();
    await api.unlock({ username: 'wangfang', password: pw });
    const rewritten = await signedInAs('sunsj', () => api.verifyAuditLog({ paperAnchors: [{ id: printed.id, hash: printed.hash.slice(0, 16), where: '11 月检查记录' }] }));
    expect(rewritten.firstBroken).toBeNull();
    expect(rewritten.ok).toBe(false);
    expect(rewritten.firstAnchorMismatch).toMatchObject({ source: 'lock', problem: 'hash_differs' });
    expect(rewritten.anchors.find((a) => a.source === 'paper')).toMatchObject({ ok: false, where: '11 月检查记录' });
  });

  it('exports the filtered log to xlsx', async () => {
    const { api } = await withDesk();
    const file = await signedInAs('sunsj', () => api.exportAuditLog({ action: 'login' }));
    expect(file.fileName).toMatch(/^审计日志-.*\.xlsx$/);
    expect(Buffer.from(file.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

void ({} as ArchiveApi);
