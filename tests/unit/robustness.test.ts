import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_FILE, CHECK_STAMP_FILE, KEY_FILE } from '../../db/archive-files';
import { findPasswordSlot, parseKeyFile, unwrapArchiveKey } from '../../db/key-slots';
import { openArchive } from '../../db/open';
import { createArchiveApi } from '../../electron/api';
import { ArchiveVault } from '../../electron/services/vault';
import { adminInput, customerWorkbook, failureCode, makeVault, settleJob, tempDir, testCost, readAudit, verifyAudit, openDesk } from './helpers';

const pw = adminInput.password;

async function signedIn(dir?: string) {
  const ctx = makeVault(dir);
  await openDesk(ctx);
  return ctx;
}

describe('a full disk', () => {
  // A small RAM disk stands for a full one; mounting needs root (CI runs as root), so elsewhere it is skipped.
  const mountPoint = mkdtempSync(join(tmpdir(), 'archive-desk-full-'));
  let mounted = false;
  beforeAll(() => {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12m', 'tmpfs', mountPoint], { stdio: 'ignore' });
      mounted = true;
    } catch {
      mounted = false;
    }
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
    rmSync(mountPoint, { recursive: true, force: true });
  });
  /** Fills the RAM disk but for `leaveBytes`. */
  const fill = (leaveBytes: number) => {
    const free = () => {
      const out = execFileSync('df', ['-B1', '--output=avail', mountPoint]).toString().trim().split('\n').pop()!;
      return Number(out);
    };
    const filler = join(mountPoint, `filler-${Date.now()}`);
    writeFileSync(filler, Buffer.alloc(Math.max(0, free() - leaveBytes)));
    return filler;
  };

  it('a backup to a full disk says 磁盘空间不足 with the folder and the space needed, and leaves nothing half-written', async (t) => {
    if (!mounted) return t.skip();
    const { api, dispatch } = await signedIn();
    for (let i = 0; i < 30; i++) await api.registerCustomer({ kind: 'tenant', name: `客户${i}`, units: [`A-${i}`] });
    const target = join(mountPoint, 'backups');
    mkdirSync(target);
    const filler = fill(16 * 1024);
    const answer = await dispatch('backupArchive', { folder: target });
    expect(answer).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringContaining('磁盘空间不足'), details: { folder: target } } });
    expect(readdirSync(target)).toEqual([]);
    rmSync(filler);
    expect((await api.backupArchive({ folder: target })).folder).toContain(target);
  });

  it('the archive on a full disk: registering says 磁盘空间不足 and changes nothing; lock still locks; nothing is lost', async (t) => {
    if (!mounted) return t.skip();
    const dir = join(mountPoint, 'archive');
    const { api, dispatch } = await signedIn(dir);
    await api.registerCustomer({ kind: 'tenant', name: '满盘前', units: ['A-1'] });
    const filler = fill(8 * 1024);
    let answer;
    // Each registration needs pages of the log; the disk runs out within a few.
    for (let i = 0; i < 2000; i++) {
      answer = await dispatch('registerCustomer', { kind: 'tenant', name: `满盘${i}`, units: [`B-${i}`], notes: 'x'.repeat(1500) });
      if (!answer.ok) break;
    }
    expect(answer).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringContaining(dir) } });
    const registered = (await api.listCustomers({})).total;
    await api.lock();
    expect(await api.getArchiveStatus()).toMatchObject({ state: 'locked' });
    // No zero-byte stamp: either a whole one or none.
    if (existsSync(join(dir, CHECK_STAMP_FILE))) expect(statSync(join(dir, CHECK_STAMP_FILE)).size).toBeGreaterThan(0);
    rmSync(filler);
    await api.unlock({ username: 'wangfang', password: pw });
    expect((await api.listCustomers({})).total).toBe(registered);
    expect((await verifyAudit()).firstBroken).toBeNull();
  });
});

describe('a backup while an import runs', () => {
  it('waits for the import’s transaction instead of failing, and holds all of it', async () => {
    const { api } = await signedIn();
    const { jobId } = await api.startCustomerImport({ fileBase64: await customerWorkbook(2000) });
    for (;;) {
      const p = await api.getJob({ jobId });
      if (p.phase === 'importing') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const made = await api.backupArchive({});
    expect(await settleJob(api, jobId, 'customer-import')).toMatchObject({ state: 'done', result: { imported: 2000 } });
    const keyFile = parseKeyFile(readFileSync(join(made.folder, KEY_FILE), 'utf8'))!;
    const key = (await unwrapArchiveKey(findPasswordSlot(keyFile, 'wangfang')!, keyFile.archiveId, pw))!;
    const copy = await openArchive(join(made.folder, ARCHIVE_FILE), key);
    expect(copy.sqlite.prepare('select count(*) from customers').pluck().get()).toBe(2000);
    await copy.close();
  });
});

describe('leftovers and damage', () => {
  it('removes what a crash left under a temporary name at the next start', async () => {
    const { api, vault, dir, clock } = await signedIn();
    const backups = join(dir, 'backups');
    mkdirSync(join(backups, 'archive-desk-backup-20261201-010101-000.partial'), { recursive: true });
    const elsewhere = tempDir();
    const bundlePartial = join(elsewhere, '.退租档案-2025.partial-abcd1234');
    mkdirSync(bundlePartial);
    writeFileSync(join(dir, 'archive.pending-writes.json'), JSON.stringify([bundlePartial, join(elsewhere, 'not-ours.txt')]));
    writeFileSync(join(elsewhere, 'not-ours.txt'), 'keep');
    writeFileSync(join(dir, `${KEY_FILE}.tmp-4242`), '{');
    await api.lock();
    // The next run of the app.
    const next = createArchiveApi({ vault: new ArchiveVault(dir, clock, { passwordCost: testCost, recoveryCost: testCost }), clock });
    await next.unlock({ username: 'wangfang', password: pw });
    expect(readdirSync(backups)).toEqual([]);
    expect(existsSync(bundlePartial)).toBe(false);
    expect(readFileSync(join(elsewhere, 'not-ours.txt'), 'utf8')).toBe('keep');
    expect(existsSync(join(dir, `${KEY_FILE}.tmp-4242`))).toBe(false);
    await next.lock();
    void vault;
  });

  it('tells a damaged archive from a key file that is another archive’s or forged, and names the file', async () => {
    const { api, dir, dispatch } = await signedIn();
    await api.registerCustomer({ kind: 'tenant', name: '张三', units: ['A-1'] });
    await api.lock();
    const file = join(dir, ARCHIVE_FILE);
    const original = readFileSync(file);
    // One flipped byte of the salt: the archive's first bytes are damaged, the key file is right.
    const flipped = Buffer.from(original);
    flipped[3] = flipped[3]! ^ 0x01;
    writeFileSync(file, flipped);
    expect(await failureCode(api.unlock({ username: 'wangfang', password: pw }))).toBe('ARCHIVE_DAMAGED');
    writeFileSync(file, original);

    // A key file forged to look like this archive's (its salt and id) but wrapping another key.
    const keyPath = join(dir, KEY_FILE);
    const realKeyFile = readFileSync(keyPath, 'utf8');
    const other = makeVault();
    await other.api.createArchive(adminInput);
    await other.api.lock();
    const forged = { ...JSON.parse(readFileSync(join(other.dir, KEY_FILE), 'utf8')), databaseSalt: JSON.parse(realKeyFile).databaseSalt };
    writeFileSync(keyPath, JSON.stringify(forged));
    const refused = await failureCode(api.unlock({ username: 'wangfang', password: pw }));
    expect(['KEY_FILE_MISMATCH', 'WRONG_CREDENTIALS']).toContain(refused);
    expect(refused).not.toBe('ARCHIVE_DAMAGED');
    writeFileSync(keyPath, realKeyFile);

    // Damage found after sign-in names the archive's file, not an empty （）: pages spoilt with the
    // file's size and time kept, so the same-day sign-in skips its page check and a read finds it.
    const { mtime, atime } = statSync(file);
    const spoilt = Buffer.from(original);
    for (let i = 4096 * 2; i < spoilt.length; i += 7) spoilt[i] = spoilt[i]! ^ 0x5a;
    writeFileSync(file, spoilt);
    utimesSync(file, atime, mtime);
    const opened = await dispatch('unlock', { username: 'wangfang', password: pw });
    const damaged = opened.ok ? await dispatch('listCustomers', {}) : opened;
    expect(damaged).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED', details: { file } } });
    expect(damaged.ok || damaged.error.message).toContain(file);
  });
});

describe('the archive’s write-ahead log', () => {
  it('deleted while open: the work in it is copied into archive.db at the next call, so a crash loses nothing', async () => {
    const { api, dir } = await signedIn();
    await api.registerCustomer({ kind: 'tenant', name: '日志中的客户', units: ['A-1'] });
    const wal = join(dir, `${ARCHIVE_FILE}-wal`);
    expect(existsSync(wal)).toBe(true);
    rmSync(wal);
    await api.listCustomers({});
    expect(existsSync(wal)).toBe(true);
    // A crash now: archive.db alone (no -wal, no -shm) still holds the customer.
    const alone = tempDir();
    copyFileSync(join(dir, ARCHIVE_FILE), join(alone, ARCHIVE_FILE));
    const keyFile = parseKeyFile(readFileSync(join(dir, KEY_FILE), 'utf8'))!;
    const key = (await unwrapArchiveKey(findPasswordSlot(keyFile, 'wangfang')!, keyFile.archiveId, pw))!;
    const copy = await openArchive(join(alone, ARCHIVE_FILE), key);
    expect(copy.sqlite.prepare(`select count(*) from customers where name = '日志中的客户'`).pluck().get()).toBe(1);
    await copy.close();
    expect((await readAudit({ action: 'archive.wal_restored' })).total).toBe(1);
  });

  it('deleted and then a crash: the next sign-in says what may be lost', async () => {
    const ctx = await signedIn();
    const { api, dir, clock } = ctx;
    await api.registerCustomer({ kind: 'tenant', name: '张三', units: ['A-1'] });
    // The app ends without a lock (a crash), its -wal gone: the next run of the app starts.
    rmSync(join(dir, `${ARCHIVE_FILE}-wal`), { force: true });
    ctx.vault.sqlite().close();
    const nextVault = new ArchiveVault(dir, clock, { passwordCost: testCost, recoveryCost: testCost });
    const next = createArchiveApi({ vault: nextVault, clock });
    const session = await next.unlock({ username: 'wangfang', password: pw });
    expect(session.notices).toEqual([{ code: 'WAL_LOST', details: { since: expect.any(String), lastEntryAt: expect.any(String) } }]);
    expect((await readAudit({ action: 'archive.wal_lost' }, nextVault)).total).toBe(1);
    await next.lock();
    // A clean lock and sign-in again: nothing to tell.
    const again = createArchiveApi({ vault: new ArchiveVault(dir, clock, { passwordCost: testCost, recoveryCost: testCost }), clock });
    expect((await again.unlock({ username: 'wangfang', password: pw })).notices).toBeUndefined();
    await again.lock();
  });
});
