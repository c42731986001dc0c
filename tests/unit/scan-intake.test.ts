import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createArchiveApi } from '../../electron/api';
import { BLANK_COVER_CODE, coverCode } from '../../electron/services/scan-cover';
import type { ArchiveApi, ScanIntakeStatus } from '../../shared/api';
import type { Role } from '../../shared/domain';
import { errorMessage } from '../../shared/labels';
import { blankPage, codePage, pageImage, scannedPdf, scannedTiff } from '../scan-pages';
import { asAdmin, failureCode, makeVault, openDesk, readAudit, tempDir } from './helpers';

// A stack of paper scanned in one go lands in the right files: split at its cover sheets, the
// pages no sheet placed waiting for the clerk, blank backs dropped, upside-down pages turned.

async function intakeDesk(options: { readText?: boolean; role?: Role } = {}) {
  const ctx = makeVault();
  await openDesk(ctx, options.role ?? 'clerk');
  const api = createArchiveApi({ vault: ctx.vault, clock: ctx.clock, readText: options.readText ?? false, log: () => undefined, scanFolderTiming: { pollMs: 100, settleMs: 150 } });
  await api.lock();
  await api.unlock({ username: 'wangfang', password: 'Desk-2026-pass' });
  const files: { id: number; refNo: string }[] = [];
  for (const [name, unit] of [
    ['华联商贸', 'A-0101'],
    ['星河餐饮', 'A-0102'],
    ['晨光书店', 'A-0103'],
  ] as const) {
    const f = (await api.registerCustomer({ kind: 'tenant', name, units: [unit] })).customer.files[0]!;
    files.push({ id: f.id, refNo: f.refNo });
  }
  return { ...ctx, api, files };
}

async function settled(api: ArchiveApi): Promise<ScanIntakeStatus> {
  for (let i = 0; i < 1200; i++) {
    const status = await api.scanIntakeStatus();
    if (status.filesWaiting === 0 && !status.current) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the intake did not finish');
}

const cover = (refNo: string, category: string, title: string, docDate: string) =>
  codePage(coverCode({ refNo, category, title, docDate, isOriginal: true }), ['扫描封面', refNo, title], { skew: 1.2, jpeg: true });
const content = (lines: string[], options: { upsideDown?: boolean } = {}) => pageImage(lines, { width: 1654, height: 2339, jpeg: true, ...options });
const b64 = (b: Buffer) => b.toString('base64');

async function pageCount(api: ArchiveApi, scanId: number): Promise<number> {
  const scan = await api.getScan({ scanId });
  return (await PDFDocument.load(Buffer.from(scan.dataBase64, 'base64'))).getPageCount();
}

describe('the stack of scans taken in', () => {
  it('splits a batch of 3 files × 2 documents at its cover sheets into exactly those documents, with their pages; the rest waits for the clerk', async () => {
    const { api, files } = await intakeDesk();
    const pages: Buffer[] = [
      // Two pages before any sheet: they wait.
      await content(['一页没有封面的来函']),
      await content(['来函第二页']),
      // A blank cover sheet only separates: the page after it waits too, on its own.
      await codePage(BLANK_COVER_CODE, ['扫描封面']),
      await content(['空白封面后的一页']),
    ];
    const expected: { fileId: number; title: string; pages: number }[] = [];
    for (const [i, f] of files.entries()) {
      pages.push(await cover(f.refNo, 'fit_out', `装修验收单${i + 1}`, '2026-10-08'), await content([`装修验收单${i + 1} 第一页`]));
      // The first file's first document has a blank back and an upside-down second sheet.
      if (i === 0) pages.push(await blankPage(), await content(['倒放的一页'], { upsideDown: true }));
      expected.push({ fileId: f.id, title: `装修验收单${i + 1}`, pages: i === 0 ? 2 : 1 });
      pages.push(await cover(f.refNo, 'payment', `押金收据${i + 1}`, '2026-11-20'), await content([`押金收据${i + 1}`]), await content(['收据第二页']), await blankPage());
      expected.push({ fileId: f.id, title: `押金收据${i + 1}`, pages: 2 });
    }
    const batch = await scannedPdf(pages);
    const [received] = await api.receiveScans({ files: [{ fileName: '扫描批次.pdf', dataBase64: b64(batch) }] });
    expect(received).toMatchObject({ outcome: 'received', pages: pages.length });
    const status = await settled(api);
    expect(status.recent[0]).toMatchObject({ fileName: '扫描批次.pdf', state: 'split', summary: { documents: 6, scans: 0, waiting: 2, blank: 4, separators: 7 } });

    const filed = [];
    for (const f of files) {
      const file = await api.getFile({ fileId: f.id });
      for (const d of file.documents) filed.push({ fileId: f.id, title: d.title, pages: d.pages, scans: d.scans, docDate: d.docDate, category: d.category });
    }
    expect(filed.map(({ fileId, title, pages }) => ({ fileId, title, pages })).sort((a, b) => a.title.localeCompare(b.title))).toEqual(expected.sort((a, b) => a.title.localeCompare(b.title)));
    for (const d of filed) {
      expect(d.scans).toHaveLength(1);
      expect(await pageCount(api, d.scans[0]!.id)).toBe(d.pages);
      expect(d.docDate).toBe(d.category === 'fit_out' ? '2026-10-08' : '2026-11-20');
    }
    // The upside-down sheet is stored turned (the PDF page's rotation), the upright ones not.
    const first = filed.find((d) => d.title === '装修验收单1')!;
    const pdf = await PDFDocument.load(Buffer.from((await api.getScan({ scanId: first.scans[0]!.id })).dataBase64, 'base64'));
    expect(pdf.getPages().map((p) => p.getRotation().angle)).toEqual([0, 180]);

    const waiting = await api.listWaitingScans();
    expect(waiting.map((w) => [w.reason, w.pages, w.sourcePages, w.sourceName, w.hintFile])).toEqual([
      ['no-cover', 2, [1, 2], '扫描批次.pdf', null],
      ['no-cover', 1, [4], '扫描批次.pdf', null],
    ]);
    // The clerk files it into the second file as a new document.
    const done = await api.fileWaitingScan({ partId: waiting[0]!.id, fileId: files[1]!.id, category: 'correspondence', title: '来函', docDate: '2026-11-02', isOriginal: true });
    expect(done.fileId).toBe(files[1]!.id);
    expect((await api.listWaitingScans()).map((w) => w.id)).toEqual([waiting[1]!.id]);
    expect(await pageCount(api, done.scanId)).toBe(2);
    // The same file again is known, and nothing is taken twice.
    const again = await api.receiveScans({ files: [{ fileName: '又扫了一次.pdf', dataBase64: b64(batch) }] });
    expect(again[0]!.outcome).toBe('duplicate');
    expect((await settled(api)).recent).toHaveLength(1);
  }, 240_000);

  it('takes in what the scanner writes to the scan folder and removes it only once kept; a file that is no scan stays there, said in words', async () => {
    const { api, files, vault } = await intakeDesk();
    const folder = tempDir('scan-folder-');
    await asAdmin(() => api.updateSettings({ scanFolder: folder }), vault);
    // A label page of the second file, then a page: waiting, with the file named by the label.
    const label = await codePage(files[1]!.refNo.replace(/·/g, '.'), [files[1]!.refNo]);
    writeFileSync(join(folder, 'scan0001.pdf'), await scannedPdf([label, await content(['标签后面的一页'])]));
    writeFileSync(join(folder, 'scan0002.tif'), await scannedTiff([await pageImage(['TIFF 第一页'], { width: 1654, height: 2339 }), await pageImage(['TIFF 第二页'], { width: 1654, height: 2339 })]));
    writeFileSync(join(folder, 'notes.txt'), '这不是扫描件');
    const pdf = await scannedPdf([await content(['写了一半的文件'])]);
    writeFileSync(join(folder, 'broken.pdf'), pdf.subarray(0, 200));
    mkdirSync(join(folder, '子文件夹'));
    for (let i = 0; i < 100 && readdirSync(folder).some((n) => n.startsWith('scan')); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(folder).sort()).toEqual(['broken.pdf', 'notes.txt', '子文件夹']);
    const status = await settled(api);
    expect(status).toMatchObject({ folder, watching: true, folderProblem: false });
    expect(status.recent.map((r) => [r.fileName, r.origin, r.pages, r.state])).toEqual([
      ['scan0002.tif', 'folder', 2, 'split'],
      ['scan0001.pdf', 'folder', 2, 'split'],
    ]);
    const refused = Object.fromEntries(status.refused.map((r) => [r.fileName, errorMessage(r.error.code, 'zh-CN', r.error.details)]));
    expect(refused).toEqual({
      'notes.txt': '“notes.txt”不是扫描件（只收 PDF、JPEG、PNG 或 TIFF 文件），没有收入档案库。',
      'broken.pdf': '“broken.pdf”打不开：文件已损坏、还没写完或设有密码，没有收入档案库。',
    });
    const waiting = await api.listWaitingScans();
    expect(waiting.map((w) => [w.sourceName, w.reason, w.pages, w.hintFile?.fileId ?? null])).toEqual([
      ['scan0001.pdf', 'file-label', 1, files[1]!.id],
      ['scan0002.tif', 'no-cover', 2, null],
    ]);
    // The TIFF is kept as a PDF of its two pages.
    expect((await api.getWaitingScan({ partId: waiting[1]!.id })).mime).toBe('application/pdf');
    // A part scanned by mistake is removed, with a reason, and the log says so in words.
    await api.discardWaitingScan({ partId: waiting[1]!.id, reason: '扫错了' });
    expect((await api.listWaitingScans()).map((w) => w.id)).toEqual([waiting[0]!.id]);
    const text = (await readAudit({ pageSize: 100 }, vault)).rows.map((e) => e.summary).join('\n');
    expect(text).toContain('王芳收入了扫描件“scan0001.pdf”');
    expect(text).toContain('王芳删除了扫描件“scan0002.tif”');
    expect(text).not.toMatch(/intake|scan\.|\{/);
  }, 120_000);

  it("reads the pages' text as it splits: a page is found by a phrase from it, the title and date come from the first page, and behind a confidential file's sheet nothing is read or kept", async () => {
    const { api, files, vault } = await intakeDesk({ readText: true, role: 'department_manager' });
    await api.setFileConfidentiality({ fileId: files[2]!.id, confidentiality: 'confidential', reason: '涉及诉讼' });
    const noTitle = (refNo: string) => codePage(coverCode({ refNo, category: 'correspondence', isOriginal: true }), ['扫描封面']);
    const batch = await scannedPdf([
      await noTitle(files[0]!.refNo),
      await content(['工作联系函', '致华联商贸：', '2026年11月18日']),
      await content(['公共区域电梯停运两天，已安排维修。']),
      await noTitle(files[2]!.refNo),
      await content(['和解协议：退还押金伍万元整']),
    ]);
    await api.receiveScans({ files: [{ fileName: 'batch.pdf', dataBase64: b64(batch) }] });
    await settled(api);
    const [letter] = (await api.getFile({ fileId: files[0]!.id })).documents;
    expect(letter).toMatchObject({ title: '工作联系函', docDate: '2026-11-18', pages: 2, category: 'correspondence' });
    const found = await api.search({ query: '电梯停运' });
    expect(found.pages.map((p) => [p.documentId, p.pageNo])).toEqual([[letter!.id, 2]]);
    expect((await api.getScanText({ scanId: letter!.scans[0]!.id })).state).toBe('read');
    // The confidential file's page: sealed, its text read by no one and kept nowhere.
    // (The department manager sees that it is there, not what it is.)
    const [secret] = (await api.getFile({ fileId: files[2]!.id })).documents;
    expect(secret).toMatchObject({ restricted: true, title: '' });
    const db = vault.db();
    const { id: scanId, text_state } = await db.selectFrom('scans').select(['id', 'text_state']).where('document_id', '=', secret!.id).executeTakeFirstOrThrow();
    expect(text_state).toBe('withheld');
    await expect(api.getScanText({ scanId })).rejects.toMatchObject({ code: 'CONFIDENTIAL_RESTRICTED' });
    expect((await api.search({ query: '和解协议' })).pages).toEqual([]);
    expect(await db.selectFrom('scan_pages').select('id').where('scan_id', '=', scanId).execute()).toEqual([]);
    expect(await db.selectFrom('intake_pages').selectAll().execute()).toEqual([]);
    expect((await db.selectFrom('scans').select('sealed_key').where('id', '=', scanId).executeTakeFirstOrThrow()).sealed_key).not.toBeNull();
    expect((await db.selectFrom('intake_files').select('data').executeTakeFirstOrThrow()).data).toBeNull();
  }, 240_000);

  it('files or discards a waiting part only when its target is there and open: a wrong one is refused in words and the part keeps waiting', async () => {
    const { api, files } = await intakeDesk();
    const [received] = await api.receiveScans({ files: [{ fileName: '来函.pdf', dataBase64: b64(await scannedPdf([await content(['一页没有封面的来函'])])) }] });
    expect(received).toMatchObject({ outcome: 'received' });
    await settled(api);
    const [part] = await api.listWaitingScans();
    const moved = files[2]!;
    const customerId = (await api.getFile({ fileId: moved.id })).customer.id;
    await api.updateCustomer({ customerId, kind: 'tenant', name: '晨光书店', units: ['A-0103'], moveOutDate: '2026-11-20' });
    const asNew = { partId: part!.id, category: 'other', title: '来函', docDate: '2026-11-20', isOriginal: true };
    const refusals = [
      [() => api.fileWaitingScan({ ...asNew, fileId: 999_999 }), 'NOT_FOUND'],
      [() => api.fileWaitingScan({ ...asNew, fileId: moved.id }), 'FILE_CLOSED'],
      [() => api.fileWaitingScan({ ...asNew, fileId: files[0]!.id, category: 'no_such_category' }), 'UNKNOWN_CATEGORY'],
      [() => api.fileWaitingScan({ partId: part!.id, documentId: 999_999 }), 'NOT_FOUND'],
      [() => api.fileWaitingScan({ ...asNew, fileId: files[0]!.id, documentId: 1 } as never), 'VALIDATION_FAILED'],
      [() => api.fileWaitingScan({ ...asNew, partId: 999_999, fileId: files[0]!.id }), 'NOT_FOUND'],
      [() => api.discardWaitingScan({ partId: 999_999, reason: '误扫' }), 'NOT_FOUND'],
      [() => api.discardWaitingScan({ partId: part!.id, reason: '   ' }), 'VALIDATION_FAILED'],
    ] as const;
    for (const [call, code] of refusals) {
      const error = await call().then(
        () => null,
        (e: { code: string; details?: Record<string, unknown> }) => e,
      );
      expect(error?.code).toBe(code);
      const words = errorMessage(error!.code as never, 'zh-CN', error!.details);
      expect(words).toMatch(/[\u4e00-\u9fff]/);
      expect(words).not.toMatch(/[{}]/);
    }
    // Nothing was filed anywhere, and the part still waits, whole.
    for (const f of files) expect((await api.getFile({ fileId: f.id })).documents).toEqual([]);
    expect(await api.listWaitingScans()).toEqual([part]);

    await api.discardWaitingScan({ partId: part!.id, reason: '误扫的一页' });
    expect(await api.listWaitingScans()).toEqual([]);
    expect(await failureCode(api.fileWaitingScan({ ...asNew, fileId: files[0]!.id }))).toBe('NOT_FOUND');
    const log = (await readAudit({ action: 'scan.discarded' })).rows;
    expect(log).toHaveLength(1);
    expect(log[0]!.summary).toContain('来函.pdf');
    expect(log[0]!.summary).toContain('误扫的一页');
  });

  it('refuses, in words and changing nothing, what is no scan, a folder of the system, and a role that does not file scans', async () => {
    const { api, vault } = await intakeDesk();
    const out = await api.receiveScans({
      files: [
        { fileName: '照片.heic', dataBase64: b64(Buffer.from('ftypheic0000000000')) },
        { fileName: '<script>.pdf', dataBase64: b64(Buffer.from('%PDF-1.7 garbage')) },
      ],
    });
    expect(out.map((o) => [o.outcome, o.error?.code])).toEqual([
      ['refused', 'SCAN_NOT_A_SCAN'],
      ['refused', 'SCAN_DAMAGED'],
    ]);
    expect((await api.scanIntakeStatus()).recent).toEqual([]);
    for (const folder of ['/etc', '/proc/self']) {
      await expect(asAdmin(() => api.updateSettings({ scanFolder: folder }), vault)).rejects.toMatchObject({ code: 'FOLDER_NOT_ALLOWED' });
    }
    // Taking a file in removes it from the folder: never from the archive's own.
    await expect(asAdmin(() => api.updateSettings({ scanFolder: vault.dir }), vault)).rejects.toMatchObject({ code: 'SCAN_FOLDER_IN_ARCHIVE' });
    await expect(asAdmin(() => api.updateSettings({ scanFolder: join(tempDir(), 'not-there') }), vault)).rejects.toMatchObject({ code: 'SCAN_FOLDER_UNUSABLE' });
    expect((await asAdmin(() => api.getSettings(), vault)).scanFolder).toBe('');
    // An auditor looks at files and files none: the intake refuses them.
    await asAdmin(() => api.createAccount({ username: 'sunsj', displayName: '孙审计', role: 'auditor', password: 'Auditor-2026-pass', passwordConfirm: 'Auditor-2026-pass' }), vault);
    await api.lock();
    await api.unlock({ username: 'sunsj', password: 'Auditor-2026-pass' });
    await expect(api.receiveScans({ files: [{ fileName: 'a.pdf', dataBase64: b64(await scannedPdf([await content(['一页'])])) }] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.listWaitingScans()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(existsSync(vault.dir)).toBe(true);
  });
});
