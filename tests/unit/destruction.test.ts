import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FILE, KEY_FILE } from '../../db/archive-files';
import { findRecoverySlot, parseKeyFile, unwrapArchiveKey } from '../../db/key-slots';
import { applyArchiveKey } from '../../db/open';
import { adminInput, failureCode, makeVault, tempDir, readAudit, openDesk, asAdmin } from './helpers';

const MARKER = 'DESTROY-ME-销毁标记-7f3a';
const PDF = Buffer.from(`%PDF-1.4\n${MARKER.repeat(50)}\n%%EOF`);

/** Decrypts a copy of the archive file in place (rekey to no key) and tells whether the marker is in any byte. */
async function markerOnDisk(dir: string, recoveryKey: string): Promise<boolean> {
  const keyFile = parseKeyFile(readFileSync(join(dir, KEY_FILE), 'utf8'))!;
  const key = (await unwrapArchiveKey(findRecoverySlot(keyFile)!, keyFile.archiveId, recoveryKey))!;
  const copy = join(tempDir(), 'plain.db');
  copyFileSync(join(dir, ARCHIVE_FILE), copy);
  const db = new Database(copy);
  applyArchiveKey(db, key);
  db.pragma(`rekey=''`);
  db.close();
  const bytes = readFileSync(copy);
  expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  return bytes.includes(Buffer.from(MARKER, 'utf8'));
}

async function setup() {
  const ctx = makeVault(undefined, new Date('2026-11-23T09:00:00Z'));
  const recoveryKey = await openDesk(ctx, 'department_manager');
  const { api } = ctx;
  await asAdmin(() => api.createAccount({ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' }));
  // A tenant who moved out 31 years ago (30-year retention) and one who moved out last year.
  const old = (await api.registerCustomer({ kind: 'tenant', name: '老租户', units: ['A-1'], moveInDate: '1990-01-01', moveOutDate: '1995-06-30' })).customer.files[0]!.id;
  const recent = (await api.registerCustomer({ kind: 'tenant', name: '新退租户', units: ['A-2'], moveInDate: '2020-01-01', moveOutDate: '2025-06-30' })).customer.files[0]!.id;
  await api.reopenFile({ fileId: old, reason: '补录' });
  await api.addDocument({ fileId: old, category: 'payment', title: '押金收据', docDate: '1995-06-30', pages: 3, isOriginal: true, scans: [{ fileName: 'r.pdf', dataBase64: PDF.toString('base64') }] });
  return { ...ctx, recoveryKey, old, recent };
}

describe('destruction', () => {
  it('lists only files past their period and not on hold, and refuses others in a register', async () => {
    const { api, old, recent } = await setup();
    const appraisal = await api.listAppraisal();
    expect(appraisal.map((a) => a.fileId)).toEqual([old]);
    expect(appraisal[0]).toMatchObject({ dueDate: '2025-06-30', keptYears: 31, pages: 3, scans: 1, retention: '30' });
    expect(await failureCode(api.createDestructionRegister({ fileIds: [recent], reason: '到期' }))).toBe('NOT_DUE_FOR_DESTRUCTION');
    await api.lock();
    await api.unlock({ username: 'zhaojl', password: 'Manager-2026-pass' });
    await api.setLegalHold({ fileId: old, hold: true, reason: '诉讼未结' });
    expect(await api.listAppraisal()).toEqual([]);
    expect(await failureCode(api.createDestructionRegister({ fileIds: [old], reason: '到期' }))).toBe('ON_LEGAL_HOLD');
  });

  it('destroys only after approval and with witnesses; erases the scan bytes; keeps a tombstone', async () => {
    const ctx = await setup();
    const { api, dir, recoveryKey, old } = ctx;
    await api.lock();
    expect(await markerOnDisk(dir, recoveryKey)).toBe(true);
    await api.unlock({ username: 'wangfang', password: adminInput.password });

    const register = await api.createDestructionRegister({ fileIds: [old], reason: '保管期满，经鉴定无保存价值' });
    expect(register).toMatchObject({ status: 'pending', items: [{ seq: 1, title: '老租户（A-1）', pages: 3, keptYears: 31 }] });
    expect(await failureCode(api.confirmDestruction({ registerId: register.id, executor: '王芳', witnesses: ['李晓', '赵六'] }))).toBe('REGISTER_NOT_APPROVED');
    await api.decideApproval({ approvalId: register.approvalId!, approve: true, reason: '同意销毁', approver: { username: 'zhaojl', password: 'Manager-2026-pass' } });
    expect(await failureCode(api.confirmDestruction({ registerId: register.id, executor: '王芳', witnesses: ['李晓', ' 李晓 '] }))).toBe('WITNESSES_REQUIRED');
    // One witness, or none, gets the rule's own sentence, not a schema's count.
    expect(await failureCode(api.confirmDestruction({ registerId: register.id, executor: '王芳', witnesses: ['李晓'] }))).toBe('WITNESSES_REQUIRED');
    expect(await failureCode(api.confirmDestruction({ registerId: register.id, executor: '王芳', witnesses: [] }))).toBe('WITNESSES_REQUIRED');
    const done = await api.confirmDestruction({ registerId: register.id, executor: '王芳', witnesses: ['李晓', '赵六'] });
    expect(done).toMatchObject({ status: 'destroyed', approvedBy: '赵经理', executor: '王芳', witnesses: ['李晓', '赵六'] });

    const file = await api.getFile({ fileId: old });
    expect(file.status).toBe('destroyed');
    expect(file.destroyedAt).not.toBeNull();
    expect(file.catalogue.map((c) => c.title)).toEqual(['押金收据']);
    expect(file.documents[0]!.scans).toEqual([]);
    expect((await readAudit({ action: 'destruction.executed' })).total).toBe(1);
    await api.lock();
    expect(await markerOnDisk(dir, recoveryKey)).toBe(false);
  });
});
