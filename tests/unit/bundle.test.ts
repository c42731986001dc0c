import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArchiveApi } from '../../shared/api';
import { createArchiveApi } from '../../electron/api';
import { chromiumPdfRenderer } from '../../electron/pdf/chromium-pdf-renderer';
import { pageImage, scannedPdf } from '../scan-pages';
import { failureCode, makeVault, settleJob, tempDir, readAudit, openDesk, asAdmin } from './helpers';

const pdf = chromiumPdfRenderer();
const tsx = join('node_modules', 'tsx', 'dist', 'cli.mjs');
afterAll(() => pdf.close());

const PDF_SCAN = Buffer.from('%PDF-1.4\n% scan of a lease\n%%EOF\n');
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function setup() {
  const ctx = makeVault();
  await openDesk(ctx, 'department_manager');
  const api = createArchiveApi({ vault: ctx.vault, clock: ctx.clock, pdf });
  const departed = async (name: string, floor: string, unit: string, moveOutDate: string) => {
    const fileId = (await api.registerCustomer({ kind: 'tenant', name, floor, units: [unit], moveInDate: '2020-01-01', moveOutDate })).customer.files[0]!.id;
    await api.reopenFile({ fileId, reason: '补录退租资料' });
    return fileId;
  };
  const a = await departed('张三商行', '3', 'A-301', '2026-03-31');
  const b = await departed('李四餐饮', '3', 'A-302', '2026-06-30');
  const c = await departed('王五书店', '5', 'B-501', '2026-09-30');
  const active = (await api.registerCustomer({ kind: 'tenant', name: '在租客户', floor: '3', units: ['A-303'], moveInDate: '2021-01-01' })).customer.files[0]!.id;
  await api.addDocument({
    fileId: a,
    category: 'basic_record',
    title: '租赁合同',
    docDate: '2020-01-01',
    pages: 8,
    isOriginal: true,
    scans: [{ fileName: '租赁合同.pdf', dataBase64: PDF_SCAN.toString('base64') }],
  });
  await api.addDocument({
    fileId: a,
    category: 'payment',
    title: '押金结算单',
    docDate: '2026-03-31',
    pages: 1,
    isOriginal: true,
    confidentiality: 'confidential',
    scans: [{ fileName: '押金.png', dataBase64: PNG.toString('base64') }],
  });
  await api.addDocument({ fileId: b, category: 'other', title: '退租申请', docDate: '2026-06-01', pages: 1, isOriginal: true, scans: [{ fileName: 'apply.png', dataBase64: PNG.toString('base64') }] });
  await api.addDocument({ fileId: c, category: 'other', title: '交接单', docDate: '2026-09-30', pages: 1, isOriginal: false });
  // The meter readings taken at move-out go into the bundle with the file.
  await api.saveRecord({ kind: 'meter-reading', fileId: a, fields: { readOn: '2026-03-31', occasion: 'moveOut', tenant: '张三商行', waterReading: 1234.5, powerReading: 56789 } });
  return { ...ctx, api, a, b, c, active };
}

const settle = (api: ArchiveApi, jobId: string) => settleJob(api, jobId, 'bundle-export');

function walk(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(root, join(dir, e.name)) : [relative(root, join(dir, e.name)).split(sep).join('/')]));
}
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** An independent BagIt check: parse the manifests and recompute every SHA-256 here. */
function independentlyValid(bag: string): void {
  expect(readFileSync(join(bag, 'bagit.txt'), 'utf8')).toMatch(/^BagIt-Version: 1\.0\nTag-File-Character-Encoding: UTF-8\n$/);
  const lines = readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8').trim().split('\n');
  const listed = new Map(lines.map((l) => [l.slice(66), l.slice(0, 64)]));
  const payload = walk(bag).filter((p) => p.startsWith('data/'));
  expect([...listed.keys()].sort()).toEqual(payload.sort());
  let bytes = 0;
  for (const [path, digest] of listed) {
    const data = readFileSync(join(bag, ...path.split('/')));
    bytes += data.length;
    expect(sha(data), path).toBe(digest);
  }
  const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
  expect(info).toContain(`Payload-Oxum: ${bytes}.${payload.length}`);
  for (const line of readFileSync(join(bag, 'tagmanifest-sha256.txt'), 'utf8').trim().split('\n')) {
    expect(sha(readFileSync(join(bag, line.slice(66)))), line.slice(66)).toBe(line.slice(0, 64));
  }
}

describe('the yearly departed-tenant bundle', () => {
  it('exports the year as a valid BagIt bag with a viewer, a catalogue by floor and each tenant’s records and scans', async () => {
    const { api, vault, a, active } = await setup();
    const check = await api.checkBundle({ year: 2026 });
    expect(check.tenants).toBe(3);
    expect(check.problems.map((p) => p.kind)).toContain('no_home_box');
    const dest = tempDir('bundle-');
    const { jobId } = await api.startBundleExport({ year: 2026, folder: dest, confidential: 'exclude' });
    const done = await settle(api, jobId);
    expect(done.error).toBeUndefined();
    expect(done).toMatchObject({ state: 'done', fraction: 1, result: { tenants: 3, documents: 4, scans: 2, verified: true } });
    const bag = done.result!.folder!;
    expect(readdirSync(dest).sort()).toEqual(['退租档案-2026', '退租档案-2026.zip']);
    independentlyValid(bag);

    const tenants = readdirSync(join(bag, 'data', 'tenants'));
    expect(tenants).toHaveLength(3);
    expect(tenants.some((t) => t.includes('在租客户'))).toBe(false);
    const zhang = join(
      bag,
      'data',
      'tenants',
      tenants.find((t) => t.includes('张三商行'))!,
    );
    expect(readdirSync(zhang).sort()).toEqual([
      'catalogue.pdf',
      'customer.csv',
      'customer.json',
      'documents.csv',
      'documents.json',
      'history.json',
      'records.csv',
      'records.json',
      'registration.pdf',
      'scans',
    ]);
    const records = readFileSync(join(zhang, 'records.csv'), 'utf8');
    expect(records).toContain('水、电表底数确认单');
    expect(records).toMatch(/抄表事由：退租；住户：张三商行；水表读数（吨）：1234\.5；电表读数（度）：56789/);
    expect(records).not.toMatch(/moveOut|waterReading/);
    expect(readdirSync(join(zhang, 'scans'))).toEqual([expect.stringMatching(/租赁合同\.pdf$/)]);
    // Each tenant's PDFs are its own (printed in one run, then split at the bookmarks, numbered per form).
    const catalogueText = execFileSync('pdftotext', [join(zhang, 'catalogue.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(catalogueText).toContain('卷内目录');
    expect(catalogueText).toContain('租赁合同');
    expect(catalogueText).toContain('第1页共1页');
    expect(catalogueText).not.toContain('1/1');
    // Every font in the split PDFs is embedded (the page stamps' too: no bare Helvetica).
    for (const name of ['catalogue.pdf', 'registration.pdf']) {
      const fonts = execFileSync('pdffonts', [join(zhang, name)], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .slice(2);
      expect(fonts.length, name).toBeGreaterThan(0);
      for (const line of fonts) expect(line.trim().split(/\s+/).at(-5), `${name}: ${line}`).toBe('yes');
    }
    expect(catalogueText).not.toContain('李四');
    // Without the general manager's approval the confidential document's title stays withheld.
    expect(catalogueText).not.toContain('押金结算单');
    // …and the catalogue says so, and by which rule, instead of leaving the line blank.
    expect(catalogueText).toContain('（机密文件，题名未显示）');
    expect(catalogueText).toContain('机密文件未经总经理批准不得查阅或导出（003§15）');
    expect(readFileSync(join(zhang, 'documents.csv'), 'utf8')).toContain('（机密文件，题名未显示）');
    expect(execFileSync('pdftotext', [join(zhang, 'registration.pdf'), '-'], { encoding: 'utf8' })).toContain('张三商行');
    expect(readFileSync(join(zhang, 'scans', readdirSync(join(zhang, 'scans'))[0]!)).equals(PDF_SCAN)).toBe(true);
    // The confidential scan was withheld, and said so.
    const docs = JSON.parse(readFileSync(join(zhang, 'documents.json'), 'utf8'));
    expect(docs.find((d: { withheld: boolean }) => d.withheld).scans[0]).toMatchObject({ path: null, fileName: '押金.png' });
    expect(readFileSync(join(bag, 'data', 'report.txt'), 'utf8')).toContain('机密扫描件未导出');
    expect(readFileSync(join(zhang, 'documents.csv')).subarray(0, 3).toString('hex')).toBe('efbbbf');
    const index = readFileSync(join(bag, 'data', 'index.html'), 'utf8');
    expect(index).toContain("default-src 'none'");
    expect(index).not.toMatch(/<script|https?:\/\//);
    expect(index).toContain('楼层 Floor 3');
    expect(index).toContain('楼层 Floor 5');
    expect(readdirSync(join(bag, 'data', 'catalogue')).sort()).toEqual(['年度退租档案目录-2026.csv', '年度退租档案目录-2026.pdf', '年度退租档案目录-2026.xlsx']);
    expect(readFileSync(join(bag, 'data', 'README.txt'), 'utf8')).toContain('BagIt');

    const archived = await vault.db().selectFrom('files').select(['id', 'archived_year']).execute();
    expect(archived.find((f) => f.id === a)!.archived_year).toBe(2026);
    expect(archived.find((f) => f.id === active)!.archived_year).toBeNull();
    expect((await readAudit({ action: 'bundle.exported' })).rows).toHaveLength(1);

    // Reopened read-only: tenants, documents and a scan, nothing imported.
    const opened = await api.openBundle({ path: bag });
    expect(opened.tenants.map((t) => t.name)).toEqual(['张三商行', '李四餐饮', '王五书店']);
    const scanPath = opened.tenants[0]!.documents.find((d) => d.scans[0]?.path)!;
    const file = await api.readBundleFile({ path: bag, file: `${opened.tenants[0]!.folder}/${scanPath.scans[0]!.path}` });
    expect(Buffer.from(file.dataBase64, 'base64').equals(PDF_SCAN)).toBe(true);
    expect(await failureCode(api.readBundleFile({ path: bag, file: '../../etc/passwd' }))).toBe('NOT_FOUND');
    const zipOpened = await api.openBundle({ path: done.result!.zip });
    expect(zipOpened.tenants).toHaveLength(3);

    // One changed byte: verify names the file (in the app and on the command line).
    expect((await api.verifyBundle({ path: bag })).ok).toBe(true);
    expect(spawnSync(process.execPath, [tsx, 'scripts/verify-bundle.ts', bag], { encoding: 'utf8' }).status).toBe(0);
    const scanFile = join(zhang, 'scans', readdirSync(join(zhang, 'scans'))[0]!);
    const bytes = readFileSync(scanFile);
    bytes[bytes.length - 2]! ^= 0x01;
    writeFileSync(scanFile, bytes);
    const report = await api.verifyBundle({ path: bag });
    expect(report.ok).toBe(false);
    const cli = spawnSync(process.execPath, [tsx, 'scripts/verify-bundle.ts', bag], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('changed');
    expect(report.problems).toEqual([{ kind: 'changed', path: expect.stringMatching(/^data\/tenants\/.*张三商行\/scans\/.*租赁合同\.pdf$/) }]);
    writeFileSync(join(bag, 'data', 'extra.txt'), 'x');
    expect((await api.verifyBundle({ path: bag })).problems).toContainEqual({ kind: 'extra', path: 'data/extra.txt' });
    expect((await api.verifyBundle({ path: done.result!.zip })).ok).toBe(true);
    // A second export of the same year into the same folder is refused, not overwritten.
    const again = await settle(api, (await api.startBundleExport({ year: 2026, folder: dest })).jobId);
    expect(again).toMatchObject({ state: 'failed', error: { code: 'BUNDLE_EXISTS' } });
  }, 120_000);

  it('carries the text read from a PDF scan as an invisible layer any PDF viewer finds, its page images as they were', async () => {
    const ctx = makeVault();
    await openDesk(ctx, 'department_manager');
    const api = createArchiveApi({ vault: ctx.vault, clock: ctx.clock, pdf, readText: true, log: () => undefined });
    await api.lock();
    await api.unlock({ username: 'wangfang', password: 'Desk-2026-pass' });
    const fileId = (await api.registerCustomer({ kind: 'tenant', name: '张三商行', floor: '3', units: ['A-301'], moveInDate: '2020-01-01', moveOutDate: '2026-03-31' })).customer.files[0]!.id;
    await api.reopenFile({ fileId, reason: '补录退租资料' });
    const scan = await scannedPdf([
      await pageImage(['退租交接单', '交接日期：2026年3月31日'], { width: 1200, jpeg: true }),
      await pageImage(['备注：公共区域电梯停运两天，已安排维修。'], { width: 1200, skew: -1.5, jpeg: true }),
    ]);
    await api.addDocument({
      fileId,
      category: 'other',
      title: '退租交接单',
      docDate: '2026-03-31',
      pages: 2,
      isOriginal: true,
      scans: [{ fileName: '交接单.pdf', dataBase64: scan.toString('base64') }],
    });
    for (let i = 0; i < 600 && (await api.textReadingStatus()).pagesRead < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await api.textReadingStatus()).pagesRead).toBe(2);

    const { jobId } = await api.startBundleExport({ year: 2026, folder: tempDir('bundle-'), confidential: 'exclude' });
    const done = await settle(api, jobId);
    expect(done.error).toBeUndefined();
    const bag = done.result!.folder!;
    independentlyValid(bag);
    expect((await api.verifyBundle({ path: bag })).ok).toBe(true);
    const [tenant] = readdirSync(join(bag, 'data', 'tenants'));
    const folder = join(bag, 'data', 'tenants', tenant!);
    const [doc] = JSON.parse(readFileSync(join(folder, 'documents.json'), 'utf8'));
    // The index names the scan as the archive keeps it, and says the bag's copy carries the text.
    expect(doc.scans[0]).toMatchObject({ fileName: '交接单.pdf', size: scan.length, sha256: sha(scan), textLayer: true });
    const copy = join(folder, doc.scans[0].path);
    const original = join(tempDir(), 'original.pdf');
    writeFileSync(original, scan);
    const words = (path: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(words(original, 1)).toBe('');
    expect(words(copy, 1)).toContain('退租交接单');
    expect(words(copy, 2)).toContain('电梯停运两天');
    expect(execFileSync('pdffonts', [copy], { encoding: 'utf8' })).toMatch(/GlyphLessFont\s+CID TrueType\s+Identity-H\s+yes/);
    // The text draws nothing: the pages look exactly as scanned.
    const look = (path: string) => execFileSync('pdftoppm', ['-r', '60', '-gray', path], { maxBuffer: 64 * 1024 * 1024 });
    expect(sha(look(copy))).toBe(sha(look(original)));
  });

  it('a bundle of one building carries a catalogue of exactly its tenants, by building and floor in number order, with a 楼栋 column', async () => {
    const ctx = makeVault();
    await openDesk(ctx, 'department_manager');
    const api = createArchiveApi({ vault: ctx.vault, clock: ctx.clock, pdf });
    const departed = async (name: string, building: string, floor: string, unit: string, reopen = false) => {
      const fileId = (await api.registerCustomer({ kind: 'tenant', name, building, floor, units: [unit], moveInDate: '2020-01-01', moveOutDate: '2026-05-31' })).customer.files[0]!.id;
      if (reopen) await api.reopenFile({ fileId, reason: '补录退租资料' });
    };
    await departed('十楼商户', 'C座', '10', 'C-1001');
    await departed('二楼商户', 'C座', '2', 'C-201', true);
    await departed('地下商户', 'C座', 'B1', 'C-B101');
    await departed('一楼商户', 'C座', '1', 'C-101');
    await departed('别栋商户', 'A座', '3', 'A-301');
    const order = ['地下商户', '一楼商户', '二楼商户', '十楼商户'];
    const dest = tempDir('bundle-building-');
    const done = await settle(api, (await api.startBundleExport({ year: 2026, building: 'C座', folder: dest, confidential: 'exclude' })).jobId);
    expect(done.error).toBeUndefined();
    const bag = done.result!.folder!;
    const catalogue = execFileSync('pdftotext', ['-layout', join(bag, 'data', 'catalogue', '年度退租档案目录-2026.pdf'), '-'], { encoding: 'utf8' });
    expect(catalogue).not.toContain('别栋商户');
    // The reopened file is in the bundle and in its catalogue alike.
    const positions = order.map((n) => catalogue.indexOf(n));
    expect(
      positions.every((p) => p >= 0),
      catalogue,
    ).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    expect(catalogue).toContain('楼栋：C座');
    const csvRows = readFileSync(join(bag, 'data', 'catalogue', '年度退租档案目录-2026.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    expect(csvRows[0]!.slice(0, 3)).toEqual(['序号', '楼栋', '楼层']);
    expect(csvRows.slice(1).map((r) => [r[1], r[2], r[4]])).toEqual([
      ['C座', 'B1', '地下商户'],
      ['C座', '1', '一楼商户'],
      ['C座', '2', '二楼商户'],
      ['C座', '10', '十楼商户'],
    ]);
    const index = readFileSync(join(bag, 'data', 'index.html'), 'utf8');
    const headings = [...index.matchAll(/<h[23]>([^<]+)<\/h[23]>/g)].map((m) => m[1]);
    expect(headings).toEqual(['楼栋 Building C座', 'C座 楼层 Floor B1', 'C座 楼层 Floor 1', 'C座 楼层 Floor 2', 'C座 楼层 Floor 10']);
    expect(readdirSync(join(bag, 'data', 'tenants'))).toHaveLength(4);
  }, 120_000);

  it('leaves no bundle behind when cancelled half-way', async () => {
    const { api } = await setup();
    // Enough tenants for two print runs, so there is a "half-way" to cancel at.
    for (let i = 0; i < 30; i++) {
      const fileId = (await api.registerCustomer({ kind: 'tenant', name: `退租户${i}`, floor: '6', units: [`C-${i}`], moveInDate: '2020-01-01', moveOutDate: '2026-10-31' })).customer.files[0]!.id;
      await api.reopenFile({ fileId, reason: '补录' });
    }
    const dest = tempDir('bundle-cancel-');
    const { jobId } = await api.startBundleExport({ year: 2026, folder: dest });
    for (;;) {
      const p = await api.getJob({ jobId });
      expect(p.state).toBe('running');
      if (p.phase === 'tenants' && p.done >= 1) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await api.cancelJob({ jobId });
    const end = await settle(api, jobId);
    expect(end).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect(readdirSync(dest)).toEqual([]);
  }, 60_000);

  it('includes confidential scans only with the general manager’s approval, in an AES-encrypted zip', async () => {
    const { api } = await setup();
    await asAdmin(() => api.createAccount({ username: 'qianzjl', displayName: '钱总', role: 'general_manager', password: 'General-2026-pass', passwordConfirm: 'General-2026-pass' }));
    const dest = tempDir('bundle-enc-');
    const password = 'Bundle-Secret-2026';
    const refused = await settle(api, (await api.startBundleExport({ year: 2026, folder: dest, confidential: 'encrypt', password })).jobId);
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'APPROVAL_REQUIRED' } });
    const approval = await api.requestBundleApproval({ year: 2026, reason: '移交集团档案室' });
    await api.decideApproval({ approvalId: approval.id, approve: true, reason: '同意', approver: { username: 'qianzjl', password: 'General-2026-pass' } });
    const done = await settle(api, (await api.startBundleExport({ year: 2026, folder: dest, confidential: 'encrypt', password, approvalId: approval.id })).jobId);
    expect(done.error).toBeUndefined();
    expect(done.result).toMatchObject({ folder: null, scans: 3 });
    expect(readdirSync(dest)).toEqual(['退租档案-2026.zip']);
    const zip = join(dest, '退租档案-2026.zip');
    expect(statSync(zip).size).toBeGreaterThan(1000);
    // No content readable without the password (a zip keeps entry names in the clear; the README says so).
    expect(readFileSync(zip).includes(Buffer.from('scan of a lease'))).toBe(false);
    expect(readFileSync(zip).includes(Buffer.from('"moveOutDate"'))).toBe(false);
    expect(await failureCode(api.openBundle({ path: zip, password: 'wrong-password-x' }))).toBe('WRONG_CREDENTIALS');
    const opened = await api.openBundle({ path: zip, password });
    expect(opened.tenants).toHaveLength(3);
    // With the approval, the records and the printed catalogue carry the confidential document in full.
    const zhang = opened.tenants.find((t) => t.name === '张三商行')!;
    expect(zhang.documents.map((d) => d.title)).toContain('押金结算单');
    const pdfFile = join(tempDir('bundle-read-'), 'c.pdf');
    writeFileSync(pdfFile, Buffer.from((await api.readBundleFile({ path: zip, file: `${zhang.folder}/catalogue.pdf`, password })).dataBase64, 'base64'));
    expect(execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('押金结算单');
    expect((await api.verifyBundle({ path: zip, password })).ok).toBe(true);
    expect(existsSync(join(dest, '退租档案-2026'))).toBe(false);
  }, 120_000);
});
