import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ArchiveApi } from '../../shared/api';
import { readAudit, settleJob, signedInAs, asAdmin } from './helpers';
import { setupStorage } from './storage-fixture';

async function workbook(rows: (string | number | null | { formula: string })[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('台账');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const runImport = async (api: ArchiveApi, register: 'documents' | 'positions', fileBase64: string) =>
  settleJob(api, (await api.startRegisterImport({ register, fileBase64 })).jobId, 'register-import');

async function setup() {
  const ctx = await setupStorage();
  const a = await ctx.file('张三', 'A-301');
  const b = await ctx.file('李四', 'A-302');
  const refOf = async (fileId: number) => (await ctx.api.getFile({ fileId })).refNo;
  return { ...ctx, a, b, refA: await refOf(a), refB: await refOf(b) };
}

describe('going live: the old Excel registers', () => {
  it('imports a 卷内目录: every bad row named with its number and reason, then all rows or none; a second run adds nothing', async () => {
    const { api, a, b, refA, refB } = await setup();
    const header = ['档号', '文件题名', '类别', '文件日期', '页数', '原件/复印件', '密级', '备注'];
    const bad = await workbook([
      header,
      [refA, '租赁合同', '租户基本情况记录表', '2020-01-05', 12, '原件', '', ''],
      ['0001-KH·2026-D30-KFB-99999', '押金收据', 'payment', '2020-01-06', 1, '原件', '', ''],
      [refB, '', '缴费记录/押金', '2020/1/7', 1, '复印件', '', ''],
      [refB, '消防责任书', '不存在的类别', '2020-13-01', 0, '也许', '绝密', ''],
      [refA.replace('·', '.'), { formula: 'CONCATENATE("装修","申请")' }, 'fit_out', '2021-03-01', 3, '复印件', '', '扫描枪写的档号'],
    ]);
    const preview = await api.previewRegisterImport({ register: 'documents', fileBase64: bad });
    expect(preview.ready).toBe(false);
    expect(preview.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [3, 'refNo', 'UNKNOWN_REF_NO'],
      [4, 'title', 'REQUIRED'],
      [5, 'category', 'UNKNOWN_CATEGORY'],
      [5, 'docDate', 'INVALID_DATE'],
      [5, 'pages', 'INVALID_VALUE'],
      [5, 'isOriginal', 'INVALID_VALUE'],
      [5, 'confidentiality', 'INVALID_VALUE'],
      [6, 'title', 'FORMULA_WITHOUT_VALUE'],
    ]);
    expect(await runImport(api, 'documents', bad)).toMatchObject({ state: 'failed', error: { code: 'IMPORT_HAS_ERRORS' } });
    expect((await api.getFile({ fileId: a })).documents).toEqual([]);

    const good = await workbook([
      header,
      [refA, '租赁合同', '租户基本情况记录表', '2020-01-05', 12, '原件', '', ''],
      [refA.replace('·', '.'), '装修申请', 'fit_out', '2021/3/1', 3, '复印件', '', '扫描枪写的档号'],
      [refB, '押金收据', '缴费记录/押金', '2020年1月7日', 1, '是', '机密', ''],
    ]);
    expect(await api.previewRegisterImport({ register: 'documents', fileBase64: good })).toMatchObject({ issues: [], ready: true, adds: 3, unchanged: 0 });
    expect((await runImport(api, 'documents', good)).result).toEqual({ register: 'documents', imported: 3, unchanged: 0 });
    const docs = (await api.getFile({ fileId: a })).documents;
    expect(docs.map((d) => [d.title, d.category, d.docDate, d.pages, d.isOriginal])).toEqual(
      expect.arrayContaining([
        ['租赁合同', 'basic_record', '2020-01-05', 12, true],
        ['装修申请', 'fit_out', '2021-03-01', 3, false],
      ]),
    );
    // A confidential document is withheld from the clerk who imported it, as any other.
    expect((await api.getFile({ fileId: b })).documents[0]).toMatchObject({ restricted: true, confidentiality: 'confidential', isOriginal: true });
    // Imported twice, nothing is added the second time.
    expect(await api.previewRegisterImport({ register: 'documents', fileBase64: good })).toMatchObject({ issues: [], ready: false, adds: 0, unchanged: 3 });
    const log = await readAudit({ action: 'document.register_imported' });
    expect(log.rows[0]!.summary).toBe('王芳从 Excel 导入了卷内目录。行数：3。');
    expect((await readAudit({ action: 'document.added' })).total).toBe(3);
    // A sheet without the columns it needs says which.
    const narrow = await api.previewRegisterImport({
      register: 'documents',
      fileBase64: await workbook([
        ['档号', '题名'],
        [refA, '补充协议'],
      ]),
    });
    expect(narrow.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [1, 'category', 'REQUIRED'],
      [1, 'docDate', 'REQUIRED'],
      [1, 'pages', 'REQUIRED'],
      [1, 'isOriginal', 'REQUIRED'],
    ]);
  });

  it("a departed tenant's closed file takes its 卷内目录 too: the paper is there", async () => {
    const { api, file } = await setup();
    const gone = await file('已退租商户', 'A-309', '2025-06-30');
    expect((await api.getFile({ fileId: gone })).status).toBe('departed');
    const refGone = (await api.getFile({ fileId: gone })).refNo;
    const sheet = await workbook([
      ['档号', '文件题名', '文件类别', '文件日期', '页数', '原件/复印件'],
      [refGone, '退租交接单', '入住/入伙表格', '2025-06-30', 2, '原件'],
    ]);
    expect((await runImport(api, 'documents', sheet)).result).toMatchObject({ imported: 1 });
    expect((await api.getFile({ fileId: gone })).documents.map((d) => d.title)).toEqual(['退租交接单']);
  });

  it('imports box positions: unknown or retired boxes, over capacity and a file in two boxes are refused; the moves are kept', async () => {
    const { api, byCode, a, b, refA, refB, file } = await setup();
    const c = await file('王五', 'A-303');
    const refC = (await api.getFile({ fileId: c })).refNo;
    // B-001 holds 2: three files into it is one too many, and the row that overflows is named.
    const over = await workbook([
      ['档号', '盒号'],
      [refA, 'B-001'],
      [refB, 'b-001'],
      [refC, 'B-001'],
      [refC, 'B-002'],
      ['NO-SUCH', 'B-002'],
      [refA, 'X-404'],
    ]);
    const preview = await api.previewRegisterImport({ register: 'positions', fileBase64: over });
    expect(preview.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [4, 'box', 'BOX_FULL'],
      [5, 'refNo', 'DUPLICATE_IN_SHEET'],
      [6, 'refNo', 'UNKNOWN_REF_NO'],
      [7, 'box', 'UNKNOWN_BOX'],
    ]);
    expect(await runImport(api, 'positions', over)).toMatchObject({ state: 'failed', error: { code: 'IMPORT_HAS_ERRORS' } });
    expect((await api.whereIsFile({ fileId: a })).home).toBeNull();

    await api.moveFile({ fileId: c, toBoxId: byCode['B-002']!.id, reason: '入盒' });
    const good = await workbook([
      ['档号', '档案盒编号'],
      [refA, 'B-001'],
      [refB, 'B-001'],
      [refC, 'B-002'],
    ]);
    expect(await api.previewRegisterImport({ register: 'positions', fileBase64: good })).toMatchObject({ issues: [], ready: true, adds: 2, unchanged: 1 });
    expect((await runImport(api, 'positions', good)).result).toEqual({ register: 'positions', imported: 2, unchanged: 1 });
    expect((await api.whereIsFile({ fileId: a })).home?.boxCode).toBe('B-001');
    expect((await api.getBox({ boxId: byCode['B-001']!.id })).files.map((f) => f.fileId).sort()).toEqual([a, b].sort());
    expect((await readAudit({ action: 'file.moved' })).rows[0]!.summary).toContain('按纸质台账导入存放位置');
    // Moving files out of a full box frees its room within the same sheet.
    const swap = await workbook([
      ['档号', '盒号'],
      [refA, 'B-002'],
      [refC, 'B-001'],
    ]);
    expect(await api.previewRegisterImport({ register: 'positions', fileBase64: swap })).toMatchObject({ issues: [], adds: 2 });
    // A retired box takes nothing.
    await api.retireLocation({ kind: 'box', id: byCode['D-3F']!.id });
    const retired = await api.previewRegisterImport({
      register: 'positions',
      fileBase64: await workbook([
        ['档号', '盒号'],
        [refA, 'D-3F'],
      ]),
    });
    expect(retired.issues.map((i) => i.code)).toEqual(['BOX_RETIRED']);
  });

  it('only a role that files boxes may import positions; the auditor may import neither', async () => {
    const { api, refA } = await setup();
    await asAdmin(() => api.createAccount({ username: 'sunsj', displayName: '孙审计', role: 'auditor', password: 'Auditor-2026-pass', passwordConfirm: 'Auditor-2026-pass' }));
    const sheet = await workbook([
      ['档号', '盒号'],
      [refA, 'B-001'],
    ]);
    for (const register of ['documents', 'positions'] as const) {
      expect(await signedInAs('sunsj', () => api.previewRegisterImport({ register, fileBase64: sheet }).catch((e) => e.code))).toBe('FORBIDDEN');
      expect(await signedInAs('sunsj', () => api.startRegisterImport({ register, fileBase64: sheet }).catch((e) => e.code))).toBe('FORBIDDEN');
    }
  });
});
