import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FILE, KEY_FILE } from '../../db/archive-files';
import { newArchiveKey } from '../../db/key-slots';
import { openArchive } from '../../db/open';
import { dailyBackup } from '../../electron/services/backup';
import { adminInput, failureCode, makeVault, snapshot, tempDir, travel, readAudit, openDesk, asAdmin, signedInAs } from './helpers';

const pw = adminInput.password;

async function archiveWithCustomer() {
  const ctx = makeVault();
  await openDesk(ctx);
  await ctx.api.registerCustomer({ kind: 'tenant', name: '张三', units: ['A-1203'] });
  return ctx;
}

describe('backup and restore', () => {
  it('makes an encrypted, checksummed copy with its key file, and restores it keeping the old archive aside', async () => {
    const ctx = await archiveWithCustomer();
    const { api, dir } = ctx;
    const target = tempDir('archive-desk-backups-');
    const made = await api.backupArchive({ folder: target });
    expect(made).toMatchObject({ createdBy: 'wangfang', automatic: false });
    expect(readdirSync(made.folder).sort()).toEqual([ARCHIVE_FILE, KEY_FILE, 'backup.json'].sort());
    const bytes = readFileSync(join(made.folder, ARCHIVE_FILE));
    expect(bytes.includes(Buffer.from('张三'))).toBe(false);
    expect(await api.listBackups({ folder: target })).toEqual([made]);

    // Work after the backup is undone by the restore.
    await api.registerCustomer({ kind: 'tenant', name: '李四', units: ['B-0101'] });
    await api.lock();
    const session = await api.restoreBackup({ backupFolder: made.folder, username: 'admin', password: pw });
    expect(session.username).toBe('admin');
    expect((await signedInAs('wangfang', () => api.listCustomers({}))).rows.map((r) => r.name)).toEqual(['张三']);
    const aside = readdirSync(dir).find((n) => n.startsWith('replaced-'))!;
    expect(readdirSync(join(dir, aside))).toEqual(expect.arrayContaining([ARCHIVE_FILE, KEY_FILE]));
    expect((await readAudit({ action: 'backup.restored' })).total).toBe(1);
  });

  it('refuses a wrong password, a tampered backup or a non-administrator, and changes nothing', async () => {
    const { api, dir } = await archiveWithCustomer();
    await asAdmin(() => api.createAccount({ username: 'lixiao', displayName: '李晓', role: 'clerk', password: 'Clerk-2026-pass', passwordConfirm: 'Clerk-2026-pass' }));
    const made = await api.backupArchive({ folder: tempDir() });
    await api.lock();
    const before = snapshot(dir);
    expect(await failureCode(api.restoreBackup({ backupFolder: made.folder, username: 'admin', password: 'Wrong-2026-pass' }))).toBe('WRONG_CREDENTIALS');
    expect(await failureCode(api.restoreBackup({ backupFolder: made.folder, username: 'lixiao', password: 'Clerk-2026-pass' }))).toBe('FORBIDDEN');
    const copy = join(made.folder, ARCHIVE_FILE);
    const bytes = readFileSync(copy);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(copy, bytes);
    expect(await failureCode(api.restoreBackup({ backupFolder: made.folder, username: 'admin', password: pw }))).toBe('BACKUP_DAMAGED');
    expect(await failureCode(api.restoreBackup({ backupFolder: tempDir(), username: 'admin', password: pw }))).toBe('BACKUP_DAMAGED');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a backup of another archive, even with that archive’s administrator password, and says so', async () => {
    const here = makeVault();
    const recoveryKey = await openDesk(here);
    await here.api.registerCustomer({ kind: 'tenant', name: '本库客户', units: ['A-0101'] });
    await here.api.lock();
    await here.api.unlock({ username: 'admin', password: pw });
    const other = makeVault();
    await openDesk(other);
    await other.api.registerCustomer({ kind: 'tenant', name: '外库客户', units: ['C-0101'] });
    const foreign = await other.api.backupArchive({ folder: tempDir() });
    await other.api.lock();

    // Signed in or locked, the foreign backup does not replace this archive.
    const locked = await here.dispatch('restoreBackup', { backupFolder: foreign.folder, username: 'admin', password: pw });
    expect(locked).toMatchObject({ ok: false, error: { code: 'BACKUP_OTHER_ARCHIVE', message: expect.stringContaining('另一个档案库') } });
    await here.api.lock();
    const before = snapshot(here.dir);
    expect(await failureCode(here.api.restoreBackup({ backupFolder: foreign.folder, username: 'admin', password: pw }))).toBe('BACKUP_OTHER_ARCHIVE');
    expect(await failureCode(here.api.restoreBackup({ backupFolder: foreign.folder, username: 'admin', password: pw, recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' }))).toBe(
      'BACKUP_OTHER_ARCHIVE',
    );
    expect(snapshot(here.dir)).toEqual(before);
    await here.api.unlock({ username: 'wangfang', password: pw });
    expect((await here.api.listCustomers({})).rows.map((r) => r.name)).toEqual(['本库客户']);
    await here.api.lock();

    // This archive's owner may still decide to replace it, with this archive's recovery key.
    await here.api.restoreBackup({ backupFolder: foreign.folder, username: 'admin', password: pw, recoveryKey });
    expect((await signedInAs('wangfang', () => here.api.listCustomers({}), here.vault)).rows.map((r) => r.name)).toEqual(['外库客户']);
  });

  it('asks for the recovery key when this archive’s key file is gone, so its id cannot be read', async () => {
    const ctx = makeVault();
    const recoveryKey = await openDesk(ctx);
    const made = await ctx.api.backupArchive({ folder: tempDir() });
    await ctx.api.lock();
    rmSync(join(ctx.dir, KEY_FILE));
    expect(await failureCode(ctx.api.restoreBackup({ backupFolder: made.folder, username: 'admin', password: pw }))).toBe('RESTORE_NEEDS_RECOVERY_KEY');
    expect(await failureCode(ctx.api.restoreBackup({ backupFolder: made.folder, username: 'admin', password: pw, recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' }))).toBe('WRONG_RECOVERY_KEY');
    const session = await ctx.api.restoreBackup({ backupFolder: made.folder, username: 'admin', password: pw, recoveryKey });
    expect(session.username).toBe('admin');
  });

  it('is refused to a signed-in account that is not an administrator', async () => {
    const { api } = await archiveWithCustomer();
    await asAdmin(() => api.createAccount({ username: 'lixiao', displayName: '李晓', role: 'clerk', password: 'Clerk-2026-pass', passwordConfirm: 'Clerk-2026-pass' }));
    const made = await api.backupArchive({ folder: tempDir() });
    await api.lock();
    await api.unlock({ username: 'lixiao', password: 'Clerk-2026-pass' });
    expect(await failureCode(api.restoreBackup({ backupFolder: made.folder, username: 'admin', password: pw }))).toBe('FORBIDDEN');
  });

  it('restores over a damaged archive that can no longer be opened', async () => {
    const { api, dir } = await archiveWithCustomer();
    const made = await api.backupArchive({ folder: tempDir() });
    await api.lock();
    const file = join(dir, ARCHIVE_FILE);
    const bytes = readFileSync(file);
    for (let i = 100; i < 400; i++) bytes[i] = 0;
    writeFileSync(file, bytes);
    expect(await failureCode(api.unlock({ username: 'wangfang', password: pw }))).toBe('ARCHIVE_DAMAGED');
    await api.restoreBackup({ backupFolder: made.folder, username: 'admin', password: pw });
    expect((await signedInAs('wangfang', () => api.listCustomers({}))).total).toBe(1);
  });

  it('makes one automatic backup a day and keeps the newest N', async () => {
    const ctx = await archiveWithCustomer();
    await asAdmin(() => ctx.api.updateSettings({ backupKeep: 2, autoLockMinutes: 240 }));
    for (let day = 0; day < 4; day++) {
      expect(await dailyBackup(ctx.vault, ctx.clock)).not.toBeNull();
      expect(await dailyBackup(ctx.vault, ctx.clock)).toBeNull();
      await travel(ctx, 24 * 3600_000);
    }
    const kept = await ctx.api.listBackups({});
    expect(kept).toHaveLength(2);
    expect(kept.every((b) => b.automatic)).toBe(true);
    expect(existsSync(join(ctx.dir, 'backups'))).toBe(true);
  });
});

describe('crash safety', () => {
  it('keeps every committed write after kill -9, and the archive passes integrity_check', async () => {
    const dir = tempDir();
    const file = join(dir, ARCHIVE_FILE);
    const key = newArchiveKey();
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const child = spawn(process.execPath, [tsx, join(import.meta.dirname, 'fixtures', 'crash-writer.ts'), file, key.toString('hex')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let committed = 0;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) if (line) committed = Number(line);
        if (committed >= 3000 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', (code) => (committed >= 3000 ? resolve() : reject(new Error(`writer exited ${code}: ${stderr}`))));
    });
    await new Promise((r) => child.once('exit', r));
    expect(child.signalCode).toBe('SIGKILL');
    const archive = await openArchive(file, key);
    expect(archive.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = archive.sqlite.prepare(`select count(*) from settings where key like 'row-%'`).pluck().get() as number;
    expect(count).toBeGreaterThanOrEqual(committed);
    for (const i of [1, Math.floor(committed / 2), committed]) {
      expect(archive.sqlite.prepare('select value from settings where key = ?').pluck().get(`row-${i}`)).toMatch(new RegExp(`-${i}$`));
    }
    await archive.close();
  }, 60_000);
});
