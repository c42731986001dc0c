import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync, writeFileSync, copyFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FILE, CHECK_STAMP_FILE, KEY_FILE, readCheckStamp, stampStillHolds } from '../../db/archive-files';
import { findRecoverySlot, newArchiveKey, normalizeRecoveryKey, parseKeyFile, passwordKdfCost, unwrapArchiveKey, wrapArchiveKey } from '../../db/key-slots';
import { applyArchiveKey } from '../../db/open';
import { adminInput, failureCode, makeVault, snapshot, tempDir, readAudit } from './helpers';

async function createdAndLocked() {
  const ctx = makeVault();
  const created = await ctx.api.createArchive(adminInput);
  await ctx.api.lock();
  return { ...ctx, recoveryKey: created.recoveryKey };
}

function keyFileOf(dir: string) {
  return parseKeyFile(readFileSync(join(dir, KEY_FILE), 'utf8'))!;
}

describe('creating an archive', () => {
  it('creates the archive and its key file, signs the administrator in and shows a recovery key', async () => {
    const { dir, api } = makeVault();
    expect((await api.getArchiveStatus()).state).toBe('none');
    const { session, recoveryKey } = await api.createArchive(adminInput);
    expect(session).toMatchObject({ username: 'wangfang', displayName: '王芳', role: 'administrator', organisation: '华联物业客务部' });
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect((await api.getArchiveStatus()).state).toBe('unlocked');
    const keyFile = keyFileOf(dir);
    expect(keyFile.slots.map((s) => s.kind).sort()).toEqual(['password', 'recovery']);
    expect(readFileSync(join(dir, KEY_FILE), 'utf8')).not.toContain(adminInput.password);
    expect(existsSync(join(dir, `${ARCHIVE_FILE}.creating`))).toBe(false);
  });

  it('writes no plaintext: the Chinese names inserted are not in the raw bytes', async () => {
    const { dir, api } = makeVault();
    await api.createArchive(adminInput);
    // While unlocked the WAL holds recent pages; both files must be ciphertext.
    for (const name of [ARCHIVE_FILE, `${ARCHIVE_FILE}-wal`]) {
      if (!existsSync(join(dir, name))) continue;
      const bytes = readFileSync(join(dir, name));
      for (const text of ['王芳', '华联物业客务部', 'wangfang', 'SQLite format 3', 'CREATE TABLE']) {
        expect(bytes.includes(Buffer.from(text, 'utf8')), `${text} in ${name}`).toBe(false);
      }
    }
    await api.lock();
    const bytes = readFileSync(join(dir, ARCHIVE_FILE));
    expect(bytes.includes(Buffer.from('王芳', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('华联物业', 'utf8'))).toBe(false);
  });

  it('opens with any SQLCipher 4 tool given the key, and not without it', async () => {
    const { dir, api } = makeVault();
    const { recoveryKey } = await api.createArchive(adminInput);
    await api.lock();
    const keyFile = keyFileOf(dir);
    const key = await unwrapArchiveKey(findRecoverySlot(keyFile)!, keyFile.archiveId, recoveryKey);
    const raw = new Database(join(dir, ARCHIVE_FILE), { readonly: true });
    applyArchiveKey(raw, key!);
    expect(raw.prepare('select display_name from accounts').pluck().get()).toBe('王芳');
    raw.close();
    const keyless = new Database(join(dir, ARCHIVE_FILE), { readonly: true });
    expect(() => keyless.prepare('select count(*) from sqlite_master').get()).toThrow();
    keyless.close();
  });

  it('refuses a weak password or two different passwords, and creates nothing', async () => {
    const { dir, api } = makeVault();
    for (const password of ['short1A', 'alllowercaseletters', 'wangfang-Desk-2026', 'aaaaaaaaaaaaaa1A']) {
      expect(await failureCode(api.createArchive({ ...adminInput, password, passwordConfirm: password }))).toBe('WEAK_PASSWORD');
    }
    expect(await failureCode(api.createArchive({ ...adminInput, passwordConfirm: 'Desk-2026-pasS' }))).toBe('PASSWORDS_DIFFER');
    expect(existsSync(join(dir, ARCHIVE_FILE))).toBe(false);
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);
  });

  it('refuses to create over an existing archive and changes nothing', async () => {
    const { dir, api } = await createdAndLocked();
    const before = snapshot(dir);
    expect(await failureCode(api.createArchive(adminInput))).toBe('ARCHIVE_EXISTS');
    expect(snapshot(dir)).toEqual(before);
  });

  it('keeps a stray key file aside instead of overwriting it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEY_FILE), 'someone else’s key file');
    const { api } = makeVault(dir);
    await api.createArchive(adminInput);
    const kept = snapshot(dir);
    expect(Object.keys(kept).some((name) => name.startsWith(`${KEY_FILE}.orphan-`))).toBe(true);
  });
});

describe('unlocking', () => {
  it('signs in with the right password and keeps the SQLCipher salt across sessions', async () => {
    const { dir, api } = await createdAndLocked();
    const salt = keyFileOf(dir).databaseSalt;
    for (let i = 0; i < 3; i++) {
      const session = await api.unlock({ username: 'WangFang', password: adminInput.password });
      expect(session.role).toBe('administrator');
      await api.lock();
    }
    expect(readFileSync(join(dir, ARCHIVE_FILE)).subarray(0, 16).toString('hex')).toBe(salt);
  });

  it('refuses a wrong password or an unknown user with one message, and writes nothing', async () => {
    const { dir, api } = await createdAndLocked();
    const before = snapshot(dir);
    expect(await failureCode(api.unlock({ username: 'wangfang', password: 'Wrong-2026-pass' }))).toBe('WRONG_CREDENTIALS');
    expect(await failureCode(api.unlock({ username: 'nobody', password: adminInput.password }))).toBe('WRONG_CREDENTIALS');
    expect(snapshot(dir)).toEqual(before);
    expect((await api.getArchiveStatus()).state).toBe('locked');
  });

  it('says the key file is missing, and leaves the archive as it was', async () => {
    const { dir, api } = await createdAndLocked();
    copyFileSync(join(dir, KEY_FILE), join(tempDir(), 'kept'));
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, KEY_FILE));
    const before = snapshot(dir);
    expect(await failureCode(api.unlock({ username: 'wangfang', password: adminInput.password }))).toBe('KEY_FILE_MISSING');
    expect(snapshot(dir)).toEqual(before);
  });

  it('says the key file is damaged when it does not parse', async () => {
    const { dir, api } = await createdAndLocked();
    const text = readFileSync(join(dir, KEY_FILE), 'utf8');
    writeFileSync(join(dir, KEY_FILE), text.slice(0, text.length / 2));
    const before = snapshot(dir);
    expect(await failureCode(api.unlock({ username: 'wangfang', password: adminInput.password }))).toBe('KEY_FILE_DAMAGED');
    expect(snapshot(dir)).toEqual(before);
  });

  it('says a file that is not an archive is not one, plain SQLite included', async () => {
    const { dir, api } = await createdAndLocked();
    writeFileSync(join(dir, ARCHIVE_FILE), '客户名单\n张三,13800000000\n');
    let before = snapshot(dir);
    expect(await failureCode(api.unlock({ username: 'wangfang', password: adminInput.password }))).toBe('NOT_AN_ARCHIVE');
    expect(snapshot(dir)).toEqual(before);

    const { rmSync } = await import('node:fs');
    rmSync(join(dir, ARCHIVE_FILE));
    const plain = new Database(join(dir, ARCHIVE_FILE));
    plain.exec('create table t (x); insert into t values (1);');
    plain.close();
    before = snapshot(dir);
    expect(await failureCode(api.unlock({ username: 'wangfang', password: adminInput.password }))).toBe('NOT_AN_ARCHIVE');
    expect(snapshot(dir)).toEqual(before);
  });

  it('says the key file belongs to another archive', async () => {
    const first = await createdAndLocked();
    const second = await createdAndLocked();
    copyFileSync(join(second.dir, KEY_FILE), join(first.dir, KEY_FILE));
    const before = snapshot(first.dir);
    expect(await failureCode(first.api.unlock({ username: 'wangfang', password: adminInput.password }))).toBe('KEY_FILE_MISMATCH');
    expect(snapshot(first.dir)).toEqual(before);
  });

  it.each([
    ['the first page', (_size: number) => 200],
    ['the last page', (size: number) => size - 2000],
  ])('says the archive is damaged when %s is damaged, and writes nothing', async (_where, offsetOf) => {
    const { dir, api } = await createdAndLocked();
    const file = join(dir, ARCHIVE_FILE);
    const bytes = readFileSync(file);
    const offset = offsetOf(bytes.length);
    for (let i = 0; i < 16; i++) bytes[offset + i] = bytes[offset + i]! ^ 0xff;
    writeFileSync(file, bytes);
    const before = snapshot(dir);
    expect(await failureCode(api.unlock({ username: 'wangfang', password: adminInput.password }))).toBe('ARCHIVE_DAMAGED');
    expect(snapshot(dir)).toEqual(before);
    expect((await api.getArchiveStatus()).state).toBe('locked');
  });

  it('reads every page at unlock unless the file is exactly as this app left it at lock, the same day', async () => {
    const { dir, api, clock } = await createdAndLocked();
    const file = join(dir, ARCHIVE_FILE);
    expect(readCheckStamp(dir)).toMatchObject({ day: '2026-11-23', size: statSync(file).size });
    expect(stampStillHolds(dir, file, '2026-11-23')).toBe(true);
    expect(stampStillHolds(dir, file, '2026-11-24')).toBe(false);
    // While unlocked there is no stamp: a crash means the next unlock checks.
    await api.unlock({ username: 'wangfang', password: adminInput.password });
    expect(existsSync(join(dir, CHECK_STAMP_FILE))).toBe(false);
    await api.lock();
    expect(stampStillHolds(dir, file, '2026-11-23')).toBe(true);
    // Damage that keeps the size and the modification time is still found: the next day checks again.
    const { atime, mtime } = statSync(file);
    const bytes = readFileSync(file);
    for (let i = 0; i < 16; i++) bytes[bytes.length - 2000 + i] = bytes[bytes.length - 2000 + i]! ^ 0xff;
    writeFileSync(file, bytes);
    utimesSync(file, atime, mtime);
    clock.advance(24 * 3600_000);
    expect(await failureCode(api.unlock({ username: 'wangfang', password: adminInput.password }))).toBe('ARCHIVE_DAMAGED');
    // Any change to the file (here its time) also means a check.
    writeFileSync(join(dir, CHECK_STAMP_FILE), JSON.stringify({ ...readCheckStamp(dir), day: '2026-11-24' }));
    utimesSync(file, atime, new Date(mtime.getTime() + 1000));
    expect(stampStillHolds(dir, file, '2026-11-24')).toBe(false);
  });

  it('refuses an archive made by a newer version', async () => {
    const { dir, api, recoveryKey } = await createdAndLocked();
    const keyFile = keyFileOf(dir);
    const key = await unwrapArchiveKey(findRecoverySlot(keyFile)!, keyFile.archiveId, recoveryKey);
    const raw = new Database(join(dir, ARCHIVE_FILE));
    applyArchiveKey(raw, key!);
    raw.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999-from-the-future', new Date().toISOString());
    raw.close();
    const before = snapshot(dir);
    expect(await failureCode(api.unlock({ username: 'wangfang', password: adminInput.password }))).toBe('ARCHIVE_TOO_NEW');
    expect(snapshot(dir)).toEqual(before);
  });

  it('says there is no archive yet, and refuses a second sign-in while unlocked', async () => {
    const { api } = makeVault();
    expect(await failureCode(api.unlock({ username: 'wangfang', password: adminInput.password }))).toBe('ARCHIVE_NOT_FOUND');
    await api.createArchive(adminInput);
    expect(await failureCode(api.unlock({ username: 'wangfang', password: adminInput.password }))).toBe('ALREADY_UNLOCKED');
  });
});

describe('the recovery key', () => {
  it('sets a new password for an account; the old one stops working; the key file keeps a backup', async () => {
    const { dir, api, recoveryKey } = await createdAndLocked();
    const typed = ` ${recoveryKey.toLowerCase().replace(/-/g, ' ')} `;
    expect(normalizeRecoveryKey(typed)).toBe(recoveryKey);
    const session = await api.recoverAccess({ username: 'wangfang', recoveryKey: typed, newPassword: 'New-Desk-2027!', newPasswordConfirm: 'New-Desk-2027!' });
    expect(session.username).toBe('wangfang');
    await api.lock();
    expect(existsSync(join(dir, `${KEY_FILE}.bak`))).toBe(true);
    expect(await failureCode(api.unlock({ username: 'wangfang', password: adminInput.password }))).toBe('WRONG_CREDENTIALS');
    await api.unlock({ username: 'wangfang', password: 'New-Desk-2027!' });
    await api.lock();
    expect(keyFileOf(dir).slots).toHaveLength(2);
  });

  it('refuses a wrong recovery key and changes nothing', async () => {
    const { dir, api } = await createdAndLocked();
    const before = snapshot(dir);
    const wrong = 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH';
    expect(await failureCode(api.recoverAccess({ username: 'wangfang', recoveryKey: wrong, newPassword: 'New-Desk-2027!', newPasswordConfirm: 'New-Desk-2027!' }))).toBe('WRONG_RECOVERY_KEY');
    expect(snapshot(dir)).toEqual(before);
    // The failed attempt enters the audit log at the next sign-in, as a wrong password does.
    await api.unlock({ username: 'wangfang', password: adminInput.password });
    const failed = (await readAudit({ action: 'login.failed' })).rows;
    expect(failed.map((r) => JSON.parse(r.details!))).toEqual([{ username: 'wangfang', reason: 'WRONG_RECOVERY_KEY' }]);
  });

  it('refuses an unknown account and changes nothing', async () => {
    const { dir, api, recoveryKey } = await createdAndLocked();
    const before = snapshot(dir);
    expect(await failureCode(api.recoverAccess({ username: 'nobody', recoveryKey, newPassword: 'New-Desk-2027!', newPasswordConfirm: 'New-Desk-2027!' }))).toBe('ACCOUNT_NOT_FOUND');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('key slots', () => {
  it('wraps and unwraps at the real password cost, and a slot is bound to its archive', async () => {
    const key = newArchiveKey();
    const slot = await wrapArchiveKey(key, 'archive-a', 'Desk-2026-pass', { kind: 'password', username: 'WangFang' }, passwordKdfCost, new Date());
    expect(slot.username).toBe('wangfang');
    expect(slot.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect((await unwrapArchiveKey(slot, 'archive-a', 'Desk-2026-pass'))?.equals(key)).toBe(true);
    expect(await unwrapArchiveKey(slot, 'archive-a', 'desk-2026-pass')).toBeNull();
    expect(await unwrapArchiveKey(slot, 'archive-b', 'Desk-2026-pass')).toBeNull();
  });
});
