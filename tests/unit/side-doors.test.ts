import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter, type FileEntry } from '@zip.js/zip.js';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { KEY_FILE } from '../../db/archive-files';
import { adminInput, failureCode, makeVault, settleJob, snapshot, tempDir, readAudit, verifyAudit, openDesk, asAdmin } from './helpers';

// The doors a probe found open: folders and files named by the caller, and a lock during a job.

async function signedIn() {
  const ctx = makeVault();
  await openDesk(ctx);
  return ctx;
}

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** A minimal BagIt bag written by hand, whose manifest may name anything. */
function craftBag(payload: Record<string, string>, extraManifest: string[] = []): string {
  const root = join(tempDir('archive-desk-bag-'), 'bag');
  mkdirSync(join(root, 'data'), { recursive: true });
  const files: Record<string, string> = { 'data/bundle.json': JSON.stringify({ tenants: [], year: 2025 }), ...payload };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const manifest =
    Object.entries(files)
      .map(([n, t]) => `${sha(t)}  ${n}\n`)
      .join('') + extraManifest.join('');
  const tags: Record<string, string> = { 'bagit.txt': 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n', 'bag-info.txt': 'Source-Organization: 测试\n', 'manifest-sha256.txt': manifest };
  for (const [n, t] of Object.entries(tags)) writeFileSync(join(root, n), t);
  writeFileSync(
    join(root, 'tagmanifest-sha256.txt'),
    Object.entries(tags)
      .map(([n, t]) => `${sha(t)}  ${n}\n`)
      .join(''),
  );
  return root;
}

describe('output and input folders', () => {
  it('refuses system folders for a backup or a bundle, resolving .. and links first, and answers at once', async () => {
    const { api, dispatch } = await signedIn();
    const link = join(tempDir(), 'looks-like-mine');
    symlinkSync('/proc/self', link);
    for (const folder of ['/proc', '/proc/self/fd', '/sys/kernel', '/dev', '/etc', '/usr/lib', '/', '/tmp/../proc', link, join(link, 'sub')]) {
      const started = Date.now();
      expect(await failureCode(api.backupArchive({ folder })), folder).toBe('FOLDER_NOT_ALLOWED');
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    expect(await failureCode(api.listBackups({ folder: '/proc' }))).toBe('FOLDER_NOT_ALLOWED');
    expect(await failureCode(api.startBundleExport({ year: 2025, folder: '/proc/self', confidential: 'exclude' }))).toBe('FOLDER_NOT_ALLOWED');
    const answer = await dispatch('backupArchive', { folder: '/dev/shm/x' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_ALLOWED', message: expect.stringContaining('系统文件夹') } });
  });

  it('says plainly when the folder is a file or cannot be written', async () => {
    const { api, dispatch } = await signedIn();
    const file = join(tempDir(), 'a-file.txt');
    writeFileSync(file, 'x');
    expect(await failureCode(api.backupArchive({ folder: file }))).toBe('FOLDER_NOT_WRITABLE');
    expect(await failureCode(api.backupArchive({ folder: join(file, 'below') }))).toBe('FOLDER_NOT_WRITABLE');
    const answer = await dispatch('backupArchive', { folder: file }, 'en');
    expect(answer).toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_WRITABLE', message: expect.stringContaining('Nothing was written') } });
  });

  it('restores only from a backup folder whose manifest names its own two files', async () => {
    const { api, dir } = await signedIn();
    const made = await api.backupArchive({ folder: tempDir() });
    await api.lock();
    expect(await failureCode(api.restoreBackup({ backupFolder: '/dev', username: 'wangfang', password: adminInput.password }))).toBe('FOLDER_NOT_ALLOWED');
    // A manifest that names /dev/zero (which never ends) or a file outside the folder is damage, found at once.
    const manifestPath = join(made.folder, 'backup.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const before = snapshot(dir);
    for (const name of ['../../../../dev/zero', '/dev/zero', `../${KEY_FILE}`]) {
      writeFileSync(manifestPath, JSON.stringify({ ...manifest, files: { ...manifest.files, [name]: { size: 1, sha256: '0'.repeat(64) } } }));
      const started = Date.now();
      expect(await failureCode(api.restoreBackup({ backupFolder: made.folder, username: 'wangfang', password: adminInput.password }))).toBe('BACKUP_DAMAGED');
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('reading a bundle', () => {
  it('reads no file outside an opened bundle’s manifest: not /etc/passwd, not the archive’s key file', async () => {
    const { api, dir } = await signedIn();
    expect(await failureCode(api.readBundleFile({ path: '/etc', file: 'passwd' }))).toBe('FOLDER_NOT_ALLOWED');
    // The archive's own folder is no bundle, and was never opened as one.
    expect(await failureCode(api.readBundleFile({ path: dir, file: KEY_FILE }))).toBe('BUNDLE_NOT_OPENED');

    const bag = craftBag({ 'data/note.txt': '卷内说明' }, [`${sha('x')}  ../../${KEY_FILE}\n`]);
    writeFileSync(join(bag, '..', KEY_FILE), readFileSync(join(dir, KEY_FILE)));
    symlinkSync(join(dir, KEY_FILE), join(bag, 'data', 'linked.json'));
    await api.openBundle({ path: bag });
    expect(Buffer.from((await api.readBundleFile({ path: bag, file: 'data/note.txt' })).dataBase64, 'base64').toString()).toBe('卷内说明');
    for (const file of [`../${KEY_FILE}`, `../../${KEY_FILE}`, `data/../../${KEY_FILE}`, 'data/linked.json', join(dir, KEY_FILE), 'data/unlisted.txt']) {
      expect(await failureCode(api.readBundleFile({ path: bag, file })), file).toBe('NOT_FOUND');
    }
    // After a lock, what was opened is forgotten.
    await api.lock();
    await api.unlock({ username: 'wangfang', password: adminInput.password });
    expect(await failureCode(api.readBundleFile({ path: bag, file: 'data/note.txt' }))).toBe('BUNDLE_NOT_OPENED');
  });

  it('verifies a bag without reading outside it, and says a file that is no bundle is unreadable', async () => {
    const { api } = await signedIn();
    const outside = join(tempDir(), 'outside.txt');
    writeFileSync(outside, 'outside');
    const bag = craftBag({}, [`${sha('outside')}  ../../${outside.split('/').slice(-2).join('/')}\n`, `${sha('')}  /dev/zero\n`]);
    const report = await api.verifyBundle({ path: bag });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toEqual(['missing', 'missing']);
    const notZip = join(tempDir(), 'bundle.zip');
    writeFileSync(notZip, 'this is not a zip');
    expect(await failureCode(api.verifyBundle({ path: notZip }))).toBe('BUNDLE_UNREADABLE');
    expect(await failureCode(api.openBundle({ path: notZip }))).toBe('BUNDLE_UNREADABLE');
    expect(await failureCode(api.verifyBundle({ path: '/proc/self/environ' }))).toBe('FOLDER_NOT_ALLOWED');
  });
});

describe('locking during a job', () => {
  it('cancels a running import and returns at once; the import leaves nothing', async () => {
    const { api } = await signedIn();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('客户');
    sheet.addRow(['客户名称', '客户类型', '楼栋', '楼层', '单元号']);
    for (let i = 0; i < 6000; i++) sheet.addRow([`锁定测试${i}号`, '租户', 'E座', '3', `E-3${String(i).padStart(4, '0')}`]);
    const fileBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { jobId } = await api.startCustomerImport({ fileBase64 });
    for (;;) {
      const p = await api.getJob({ jobId });
      if (p.phase === 'importing' && p.done >= 250) break;
      expect(p.state).toBe('running');
      await new Promise((r) => setTimeout(r, 5));
    }
    const started = Date.now();
    await api.lock();
    expect(Date.now() - started).toBeLessThan(1_500);
    await api.unlock({ username: 'wangfang', password: adminInput.password });
    expect(await settleJob(api, jobId, 'customer-import')).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect((await api.listCustomers({})).total).toBe(0);
    expect((await readAudit({ action: 'customer.registered' })).total).toBe(0);
    expect((await verifyAudit()).ok).toBe(true);
  });
});

describe('guessing a manager’s password at the desk', () => {
  it('counts each wrong password, audits it, slows down and pauses the account after five', async () => {
    const { api, clock } = await signedIn();
    await asAdmin(() => api.createAccount({ username: 'qianzjl', displayName: '钱总', role: 'general_manager', password: 'General-2026-pass', passwordConfirm: 'General-2026-pass' }));
    const fileId = (await api.registerCustomer({ kind: 'tenant', name: '张三', units: ['A-1'] })).customer.files[0]!.id;
    const doc = await api.addDocument({ fileId, category: 'payment', title: '押金', docDate: '2024-01-02', pages: 1, isOriginal: false, confidentiality: 'confidential' });
    const request = await api.requestApproval({ kind: 'view_confidential', documentId: doc.id, reason: '核对' });
    const guess = (password: string) => api.decideApproval({ approvalId: request.id, approve: true, reason: '同意', approver: { username: 'qianzjl', password } });
    const times: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const started = Date.now();
      expect(await failureCode(guess(`Guess-${i}-wrong`))).toBe('WRONG_CREDENTIALS');
      times.push(Date.now() - started);
    }
    expect(times[3]! - times[0]!).toBeGreaterThan(500);
    expect(await failureCode(guess('Guess-5-wrong'))).toBe('TOO_MANY_ATTEMPTS');
    // Paused: even the right password is refused until the pause is over.
    expect(await failureCode(guess('General-2026-pass'))).toBe('TOO_MANY_ATTEMPTS');
    const failed = await readAudit({ action: 'password.' });
    expect(failed.rows.filter((r) => r.action === 'password.failed')).toHaveLength(5);
    expect(failed.rows.filter((r) => r.action === 'password.refused_paused')).toHaveLength(1);
    await api.lock();
    clock.advance(16 * 60_000);
    await api.unlock({ username: 'wangfang', password: adminInput.password });
    expect((await guess('General-2026-pass')).status).toBe('approved');
  });

  it('pauses sign-in after five wrong passwords for one account, and says so', async () => {
    const { api, dispatch } = await signedIn();
    await api.lock();
    for (let i = 0; i < 5; i++) expect(await failureCode(api.unlock({ username: 'wangfang', password: `Wrong-${i}-pass` }))).toBe('WRONG_CREDENTIALS');
    const answer = await dispatch('unlock', { username: 'wangfang', password: adminInput.password });
    expect(answer).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('已暂停') } });
  });
});

describe('importing a sheet that is too large', () => {
  it('refuses a sheet past the row limit as it streams, and a file past the size limit before reading it', async () => {
    const { api, dispatch } = await signedIn();
    await asAdmin(() => api.updateSettings({ maxImportRows: 1000, maxImportMegabytes: 1 }));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('客户');
    sheet.addRow(['客户名称', '客户类型']);
    for (let i = 0; i < 1500; i++) sheet.addRow([`超量${i}`, '租户']);
    const fileBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const answer = await dispatch('previewCustomerImport', { fileBase64 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'IMPORT_TOO_MANY_ROWS', message: expect.stringContaining('1000 行') } });
    expect(await settleJob(api, (await api.startCustomerImport({ fileBase64 })).jobId, 'customer-import')).toMatchObject({ state: 'failed', error: { code: 'IMPORT_TOO_MANY_ROWS' } });
    const big = Buffer.alloc(1.5 * 1024 * 1024, 1).toString('base64');
    expect(await dispatch('previewCustomerImport', { fileBase64: big }, 'en')).toMatchObject({ ok: false, error: { code: 'IMPORT_FILE_TOO_LARGE', message: expect.stringContaining('1.5 MB') } });
    expect((await api.listCustomers({})).total).toBe(0);
  });
});

describe('a workbook whose parts come in any order', () => {
  // Built from ExcelJS's own file, its parts put back in the zip in a given order.
  async function reordered(source: Buffer, order: (name: string) => number, extra: Record<string, string> = {}): Promise<string> {
    const reader = new ZipReader(new Uint8ArrayReader(source));
    const parts = new Map<string, Uint8Array>();
    for (const entry of await reader.getEntries()) if (!entry.directory) parts.set(entry.filename, await entry.getData(new Uint8ArrayWriter()));
    await reader.close();
    for (const [name, text] of Object.entries(extra)) parts.set(name, new TextEncoder().encode(text));
    const writer = new ZipWriter(new Uint8ArrayWriter());
    for (const name of [...parts.keys()].sort((a, b) => order(a) - order(b))) await writer.add(name, new Uint8ArrayReader(parts.get(name)!));
    return Buffer.from(await writer.close()).toString('base64');
  }
  const rank = (names: string[]) => (name: string) => (names.includes(name) ? names.indexOf(name) : -1);

  it('reads a sheet met after its shared strings but before the workbook and styles; refuses one that unpacks past its cap, and changes nothing', async () => {
    const { api, dispatch } = await signedIn();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('客户');
    sheet.addRow(['客户名称', '客户类型', '入住日期']);
    sheet.addRow(['次序租户', '租户', new Date(Date.UTC(2024, 2, 1))]);
    sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    const source = Buffer.from(await wb.xlsx.writeBuffer());
    const late = await reordered(source, rank(['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml', 'xl/styles.xml']));
    expect(await api.previewCustomerImport({ fileBase64: late })).toMatchObject({ issues: [], ready: true, creates: 1 });
    expect(await settleJob(api, (await api.startCustomerImport({ fileBase64: late })).jobId, 'customer-import')).toMatchObject({ state: 'done', result: { imported: 1 } });
    const { rows } = await api.listCustomers({ query: '次序租户' });
    expect(await api.getCustomer({ customerId: rows[0]!.customerId })).toMatchObject({ name: '次序租户', moveInDate: '2024-03-01' });

    // 20 MB of blanks in the sheet pack to a few kilobytes; with a 1 MB limit it may unpack to 16 MB.
    await asAdmin(() => api.updateSettings({ maxImportMegabytes: 1 }));
    const sheetXml = new TextDecoder().decode(
      await (async () => {
        const reader = new ZipReader(new Uint8ArrayReader(source));
        const entry = (await reader.getEntries()).find((e) => e.filename === 'xl/worksheets/sheet1.xml')!;
        const bytes = await (entry as FileEntry).getData(new Uint8ArrayWriter());
        await reader.close();
        return bytes;
      })(),
    );
    const bomb = await reordered(source, rank(['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml']), {
      'xl/worksheets/sheet1.xml': sheetXml.replace('<sheetData>', `<sheetData>${' '.repeat(20 * 1024 * 1024)}`),
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await dispatch('previewCustomerImport', { fileBase64: bomb })).toMatchObject({ ok: false, error: { code: 'IMPORT_UNPACKS_TOO_LARGE', message: expect.stringContaining('16 MB') } });
    expect((await api.listCustomers({})).total).toBe(1);
  });
});

describe('one permission per effect, whatever the door', () => {
  it('printing file labels clears 标牌需重印 only for a role that may mark labels printed', async () => {
    const { api } = await signedIn();
    await asAdmin(() => api.createAccount({ username: 'sunsj', displayName: '孙审计', role: 'auditor', password: 'Auditor-2026-pass', passwordConfirm: 'Auditor-2026-pass' }));
    await asAdmin(() => api.createAccount({ username: 'qianzjl', displayName: '钱总', role: 'general_manager', password: 'General-2026-pass', passwordConfirm: 'General-2026-pass' }));
    const { customer } = await api.registerCustomer({ kind: 'tenant', name: '李四', floor: '3', units: ['A-302'] });
    const fileId = customer.files[0]!.id;
    await api.markLabelsPrinted({ fileIds: [fileId] });
    await api.updateCustomer({ customerId: customer.id, kind: 'tenant', name: '李四餐饮', floor: '3', units: ['A-302'] });
    const outOfDate = async () => (await api.getDashboard()).labelsOutOfDate.map((l) => l.fileId);
    expect(await outOfDate()).toEqual([fileId]);
    for (const [username, password] of [
      ['sunsj', 'Auditor-2026-pass'],
      ['qianzjl', 'General-2026-pass'],
    ] as const) {
      await api.lock();
      await api.unlock({ username, password });
      expect(await failureCode(api.markLabelsPrinted({ fileIds: [fileId] }))).toBe('FORBIDDEN');
      await api.recordFormPrinted({ formId: 'file-labels', blank: false, params: { fileIds: [fileId] } });
      expect(await outOfDate(), username).toEqual([fileId]);
    }
  });
});
