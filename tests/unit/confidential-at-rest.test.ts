import type { ArchiveApi } from '../../shared/api';
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FILE, KEY_FILE } from '../../db/archive-files';
import { findPasswordSlot, findRecoverySlot, openConfidentialGrant, parseKeyFile, unwrapArchiveKey, unwrapSlot } from '../../db/key-slots';
import { applyArchiveKey } from '../../db/open';
import { adminInput, failureCode, makeVault, openDesk, asAdmin, readAudit } from './helpers';

// What each role can read straight from archive.db, with only its own password: a clerk's
// password opens the archive key, but not the key of confidential scans.

const MARKER = 'confidential-scan-marker-7731';
const PDF = Buffer.from(`%PDF-1.4\n${MARKER}\n%%EOF`);
const accounts = {
  qianzjl: { role: 'general_manager', password: 'General-2026-pass', displayName: '钱总' },
  lixiao: { role: 'clerk', password: 'Clerk-2026-pass', displayName: '李晓' },
} as const;

/** A confidential document with a scan: the deposit settlement. */
function addDepositSettlement(api: ArchiveApi, fileId: number) {
  return api.addDocument({
    fileId,
    category: 'payment',
    title: '押金结算',
    docDate: '2024-01-02',
    pages: 1,
    isOriginal: true,
    confidentiality: 'confidential',
    scans: [{ fileName: '押金.pdf', dataBase64: PDF.toString('base64') }],
  });
}
async function setup() {
  const ctx = makeVault();
  const recoveryKey = await openDesk(ctx);
  await asAdmin(async () => {
    for (const [username, a] of Object.entries(accounts)) {
      await asAdmin(() => ctx.api.createAccount({ username, displayName: a.displayName, role: a.role, password: a.password, passwordConfirm: a.password }));
    }
  });
  const fileId = (await ctx.api.registerCustomer({ kind: 'tenant', name: '张三', units: ['A-1'] })).customer.files[0]!.id;
  const signIn = async (username: keyof typeof accounts | 'wangfang') => {
    await ctx.api.lock();
    await ctx.api.unlock({ username, password: username === 'wangfang' ? adminInput.password : accounts[username].password });
  };
  return { ...ctx, recoveryKey, fileId, signIn };
}

/** archive.db opened as anyone holding one password could: the archive key, no app in between. */
async function readRaw(dir: string, username: string, password: string) {
  const keyFile = parseKeyFile(readFileSync(join(dir, KEY_FILE), 'utf8'))!;
  const slot = findPasswordSlot(keyFile, username)!;
  const opened = (await unwrapSlot(slot, keyFile.archiveId, password))!;
  const raw = new Database(join(dir, ARCHIVE_FILE), { readonly: true });
  applyArchiveKey(raw, opened.archiveKey);
  const all = raw.prepare('select data from scans').all() as { data: Buffer }[];
  const meta = raw.prepare(`select value from archive_meta where key = 'confidential_escrow'`).get() as { value: string } | undefined;
  const grants = (raw.prepare('select count(*) as n from scan_grants').get() as { n: number }).n;
  raw.close();
  return {
    scansWithMarker: all.filter((s) => Buffer.from(s.data).includes(MARKER)).length,
    escrow: meta?.value ?? null,
    grants,
    // The confidential key, if this slot's own box opens a grant of it.
    holdsConfidentialKey: openConfidentialGrant(keyFile, slot, opened.boxPrivateKey) !== null,
  };
}

describe('confidential scans at rest', () => {
  it('are sealed: a clerk’s password opens the archive but not them; the general manager reads them', async () => {
    const { api, dir, fileId, signIn } = await setup();
    // Before any general manager has signed in, the key waits inside the archive (the README says so).
    expect((await readRaw(dir, 'wangfang', adminInput.password)).escrow).not.toBeNull();
    await signIn('qianzjl');
    await signIn('lixiao');
    const doc = await addDepositSettlement(api, fileId);
    await api.addDocument({
      fileId,
      category: 'other',
      title: '普通函件',
      docDate: '2024-01-03',
      pages: 1,
      isOriginal: false,
      scans: [{ fileName: '函件.pdf', dataBase64: Buffer.from(`%PDF-1.4\n${MARKER}-ordinary\n%%EOF`).toString('base64') }],
    });
    await api.lock();

    for (const [username, password] of [
      ['lixiao', accounts.lixiao.password],
      ['wangfang', adminInput.password],
    ] as const) {
      const raw = await readRaw(dir, username, password);
      // Only the ordinary scan is readable in the file; the escrow is gone once a general manager took the key.
      expect(raw.scansWithMarker, username).toBe(1);
      expect(raw.escrow).toBeNull();
      expect(raw.holdsConfidentialKey, username).toBe(false);
    }
    expect((await readRaw(dir, 'qianzjl', accounts.qianzjl.password)).holdsConfidentialKey).toBe(true);

    await api.unlock({ username: 'qianzjl', password: accounts.qianzjl.password });
    const scanId = doc.scans[0]!.id;
    expect(Buffer.from((await api.getScan({ scanId })).dataBase64, 'base64').equals(PDF)).toBe(true);
    // Reading a scan's bytes (the in-app viewer opens it) is a view in the audit log.
    expect((await readAudit({ action: 'scan.viewed' })).rows[0]).toMatchObject({ targetId: String(scanId), summary: expect.stringContaining('查看了') });
  });

  it('an approval gives the clerk that document for its window, not the key', async () => {
    const ctx = await setup();
    const { api, dir, fileId, signIn } = ctx;
    await signIn('lixiao');
    const doc = await addDepositSettlement(api, fileId);
    const scanId = doc.scans[0]!.id;
    expect(await failureCode(api.getScan({ scanId }))).toBe('CONFIDENTIAL_RESTRICTED');
    const request = await api.requestApproval({ kind: 'view_confidential', documentId: doc.id, reason: '核对' });
    // The general manager approves at the clerk's desk, never having signed in before.
    await api.decideApproval({ approvalId: request.id, approve: true, reason: '同意', approver: { username: 'qianzjl', password: accounts.qianzjl.password } });
    expect(Buffer.from((await api.getScan({ scanId })).dataBase64, 'base64').equals(PDF)).toBe(true);
    await api.lock();
    let raw = await readRaw(dir, 'lixiao', accounts.lixiao.password);
    expect(raw).toMatchObject({ scansWithMarker: 0, holdsConfidentialKey: false, grants: 1 });

    ctx.clock.advance(25 * 3600_000);
    await api.unlock({ username: 'lixiao', password: accounts.lixiao.password });
    expect(await failureCode(api.getScan({ scanId }))).toBe('CONFIDENTIAL_RESTRICTED');
    await api.lock();
    raw = await readRaw(dir, 'lixiao', accounts.lixiao.password);
    expect(raw.grants).toBe(0);
  });

  it('a raised file is sealed, a lowered one opened; a manager moved to another role loses the key', async () => {
    const { api, dir, fileId, signIn, recoveryKey } = await setup();
    await signIn('qianzjl');
    await signIn('lixiao');
    await api.addDocument({ fileId, category: 'other', title: '函件', docDate: '2024-01-03', pages: 1, isOriginal: false, scans: [{ fileName: '函件.pdf', dataBase64: PDF.toString('base64') }] });
    await signIn('qianzjl');
    await api.setFileConfidentiality({ fileId, confidentiality: 'confidential', reason: '涉诉' });
    await api.lock();
    expect((await readRaw(dir, 'lixiao', accounts.lixiao.password)).scansWithMarker).toBe(0);
    await api.unlock({ username: 'qianzjl', password: accounts.qianzjl.password });
    await api.setFileConfidentiality({ fileId, confidentiality: 'ordinary', reason: '结案' });
    await api.lock();
    expect((await readRaw(dir, 'lixiao', accounts.lixiao.password)).scansWithMarker).toBe(1);

    // The recovery key holds the confidential key as well, so it is never lost with a password.
    const keyFile = parseKeyFile(readFileSync(join(dir, KEY_FILE), 'utf8'))!;
    const recovery = findRecoverySlot(keyFile)!;
    expect(await unwrapArchiveKey(recovery, keyFile.archiveId, recoveryKey)).not.toBeNull();
    const opened = (await unwrapSlot(recovery, keyFile.archiveId, recoveryKey))!;
    expect(openConfidentialGrant(keyFile, recovery, opened.boxPrivateKey)).not.toBeNull();

    await api.unlock({ username: 'admin', password: adminInput.password });
    const gm = (await api.listAccounts()).find((a) => a.username === 'qianzjl')!;
    await asAdmin(() => api.updateAccount({ accountId: gm.id, displayName: '钱总', role: 'department_manager' }));
    await api.lock();
    expect((await readRaw(dir, 'qianzjl', accounts.qianzjl.password)).holdsConfidentialKey).toBe(false);
  });
});
