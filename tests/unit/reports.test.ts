import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportChartOption } from '../../shared/report-chart';
import type { Report } from '../../shared/reports';
import { travel, asAdmin, readAudit, admitted } from './helpers';
import { setupStorage } from './storage-fixture';

const manager = { username: 'zhaojl', password: 'Manager-2026-pass' };
const at = (iso: string) => new Date(iso);

const section = (report: Report, id: string) => report.sections.find((s) => s.id === id)!;
/** A section's table as [first column, ...numbers] rows, for comparing with known answers. */
const cells = (report: Report, id: string) => {
  const t = section(report, id).table;
  return [...t.rows, ...(t.total ? [t.total] : [])].map((r) => t.columns.map((c) => r[c.key]));
};

/**
 * A small archive with known answers: three tenants on floor 3 (one moved out), a sales customer
 * and a potential one in A座 made in September, three loans across October and November.
 */
async function reportSetup() {
  const ctx = await setupStorage();
  const { api, byCode, file } = ctx;
  const moveTo = (when: string) => travel(ctx, at(when));
  await asAdmin(() => api.createAccount({ username: manager.username, displayName: '赵经理', role: 'department_manager', password: manager.password, passwordConfirm: manager.password }));
  await moveTo('2026-09-10T02:00:00Z');
  const sales = (await api.registerCustomer({ kind: 'sales', ...admitted, name: '王芳', building: 'A座', floor: '5', units: ['A-501'] })).customer;
  await api.registerCustomer({ kind: 'potential', name: '孙丽', building: 'A座', floor: '5' });
  await moveTo('2026-09-20T02:00:00Z');
  const a = await file('张三', 'A-301');
  const b = await file('李四', 'A-302');
  await api.moveFile({ fileId: a, toBoxId: byCode['B-002']!.id, reason: '入盒' });
  await api.moveFile({ fileId: b, toBoxId: byCode['B-002']!.id, reason: '入盒' });
  await api.changeClassification({ customerId: sales.id, classification: 'key', valueGrade: 'high', specialTags: ['长期合作'], blacklisted: false, reason: '年度贡献大' });
  const liu = await api.saveBorrower({ name: '刘强', department: '工程部' });
  const chen = await api.saveBorrower({ name: '陈静', department: '财务部' });
  const lend = async (borrowerId: number, fileId: number, when: string, term: 'short' | 'long' = 'short') => {
    await moveTo(when);
    const loan = await api.requestLoan({ borrowerId, fileIds: [fileId], purpose: '核对', kind: 'take_out', term });
    await api.decideApproval({ approvalId: loan.approval!.id, approve: true, reason: '同意', approver: manager });
    await api.lendFiles({ borrowerId, fileIds: [fileId] });
  };
  const giveBack = async (fileId: number, when: string) => {
    await moveTo(when);
    await api.returnFiles({ items: [{ fileId, condition: 'complete' }] });
  };
  await lend(liu.id, a, '2026-10-05T01:00:00Z'); // due 10-08
  await giveBack(a, '2026-10-07T01:00:00Z'); // 2 days, on time
  await lend(chen.id, b, '2026-10-20T01:00:00Z'); // due 10-23
  await giveBack(b, '2026-10-27T01:00:00Z'); // 7 days, late
  await lend(liu.id, a, '2026-11-20T01:00:00Z', 'long'); // due 11-27, still out
  await moveTo('2026-11-23T02:00:00Z');
  // A tenant who moved out this month: the file is closed (a departure in November).
  await file('老租户', 'A-303', '2026-11-01');
  return { ...ctx, a, b, sales };
}

describe('reports', () => {
  it('composition: 客户分类表, 客户分级表 and 重点客户统计表 with known counts, by period and place', async () => {
    const { api, dispatch } = await reportSetup();
    const all = await api.getReport({ report: 'composition' });
    expect(all.filters).toEqual({ from: null, to: '2026-11-23', building: null, floor: null });
    expect(cells(all, 'customers-by-kind')).toEqual(
      [
        ['租户', 3],
        ['业主', 0],
        ['销售客户', 0],
        ['潜在客户', 0],
        ['合计', 3],
      ].map((r, i) => (i === 2 ? ['销售客户', 1] : i === 3 ? ['潜在客户', 1] : i === 4 ? ['合计', 5] : r)),
    );
    expect(section(all, 'customers-by-kind').chart!.series[0]!.data).toEqual([3, 0, 1, 1]);
    // Kind down, classification across (key, ordinary, potential), total and share.
    expect(cells(all, 'classification-table')).toEqual([
      ['租户', 0, 3, 0, 3, '60%'],
      ['业主', 0, 0, 0, 0, '0%'],
      ['销售客户', 1, 0, 0, 1, '20%'],
      // A potential customer starts "ordinary" until classified.
      ['潜在客户', 0, 1, 0, 1, '20%'],
      ['合计', 1, 4, 0, 5, '100%'],
    ]);
    expect(cells(all, 'grade-table')[0]).toEqual(['高价值', 0, 0, 1, 0, 1, '20%']);
    expect(section(all, 'key-customers').table.rows).toEqual([
      expect.objectContaining({ no: 1, name: '王芳', kind: '销售客户', place: 'A座 5F', grade: '高价值', tags: '长期合作', refNo: '0001-KH·2026-D10-KFB-00001', reviewedAt: '2026-09-20' }),
    ]);
    expect(cells(all, 'files-by-status')).toEqual([
      ['在用', 4],
      ['已退租', 1],
      ['已销毁', 0],
      ['合计', 5],
    ]);
    expect(cells(all, 'files-by-place')).toEqual([
      ['—', 2],
      ['A座', 2],
      ['合计', 4],
    ]);

    // Place: A座 only, by floor; period: September only.
    const a = await api.getReport({ report: 'composition', building: 'A座' });
    expect(cells(a, 'files-by-place')).toEqual([
      ['5F', 2],
      ['合计', 2],
    ]);
    expect(a.figures[0]).toEqual({ label: '客户', value: '2' });
    const sept = await api.getReport({ report: 'composition', from: '2026-09-01', to: '2026-09-15' });
    expect(sept.figures[0]!.value).toBe('2');
    expect(await dispatch('getReport', { report: 'composition', from: '2026-10-01', to: '2026-09-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await dispatch('getReport', { report: 'everything' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('borrowing: loans per month by department, average days out, overdue rate and most borrowed', async () => {
    const ctx = await reportSetup();
    const { api } = ctx;
    const r = await api.getReport({ report: 'borrowing', from: '2026-09-01', to: '2026-11-30' });
    expect(section(r, 'loans-by-department').chart).toMatchObject({ kind: 'stacked-bar', categories: ['2026-09', '2026-10', '2026-11'] });
    expect(cells(r, 'loans-by-department')).toEqual([
      ['2026-09', 0, 0, 0],
      ['2026-10', 1, 1, 2],
      ['2026-11', 0, 1, 1],
      ['合计', 1, 2, 3],
    ]);
    // Departments in pinyin order.
    expect(section(r, 'loans-by-department').table.columns.map((c) => c.title)).toEqual(['月份', '财务部', '工程部', '合计']);
    expect(cells(r, 'days-out')).toEqual([
      ['2026-09', 0, 0],
      ['2026-10', 2, 4.5],
      ['2026-11', 0, 0],
      ['合计', 2, 4.5],
    ]);
    expect(cells(r, 'overdue-rate')).toEqual([
      ['2026-09', 0, 0, '0%'],
      ['2026-10', 2, 1, '50%'],
      ['2026-11', 1, 0, '0%'],
      ['合计', 3, 1, '33.3%'],
    ]);
    expect(section(r, 'most-borrowed').table.rows.map((x) => [x.name, x.times])).toEqual([
      ['张三', 2],
      ['李四', 1],
    ]);
    expect(r.figures.map((f) => f.value)).toEqual(['3', '4.5', '33.3%']);
    // Still out past its due date counts as overdue once the date has passed.
    await travel(ctx, at('2026-12-01T02:00:00Z'));
    const later = await api.getReport({ report: 'borrowing', from: '2026-11-01', to: '2026-11-30' });
    expect(cells(later, 'overdue-rate')).toEqual([
      ['2026-11', 1, 1, '100%'],
      ['合计', 1, 1, '100%'],
    ]);
    // A place with no loans.
    const elsewhere = await api.getReport({ report: 'borrowing', from: '2026-09-01', to: '2026-11-30', building: 'A座' });
    expect(elsewhere.figures[0]!.value).toBe('0');
  });

  it('storage and movement: box fill, files out, inspection findings and movement per month', async () => {
    const { api, a, byCode } = await reportSetup();
    const cabinetId = (await api.getStorage())[0]!.cabinets[0]!.id;
    const inspection = await api.startInspection({ cabinetIds: [cabinetId] });
    await api.recordInspectionScan({ inspectionId: inspection.id, boxId: byCode['B-002']!.id, code: 'NO-SUCH-1' });
    for (const code of ['B-001', 'B-002', 'D-3F']) await api.setInspectionBoxChecked({ inspectionId: inspection.id, boxId: byCode[code]!.id, checked: true });
    await api.finishInspection({ inspectionId: inspection.id });

    const s = await api.getReport({ report: 'storage', from: '2026-11-01' });
    // 3F-A: three boxes of 2 + 10 + 10; 张三 and 李四 in B-002 (张三 is out but still belongs there).
    expect(cells(s, 'box-fill')).toEqual([
      ['3F-A', '客务部档案室', 3, 22, 2, '9.1%'],
      ['合计', '', 3, 22, 2, '9.1%'],
    ]);
    expect(cells(s, 'files-out')).toEqual([
      ['工程部', 1, 0],
      ['合计', 1, 0],
    ]);
    const findings = cells(s, 'findings-by-month');
    const header = section(s, 'findings-by-month').table.columns.map((c) => c.title);
    const nov = Object.fromEntries(header.map((h, i) => [h, findings[0]![i]]));
    // 李四 not scanned in a checked box: missing; 张三 is lent; the unknown code; 老租户 is in no box.
    expect(nov).toMatchObject({ 月份: '2026-11', 已查档案: 0, '缺失（未借出）': 1, '借出中（应不在盒）': 1, 无法识别的编码: 1, 存放错误: 0 });
    expect(s.figures.find((f) => f.label === '检查次数')!.value).toBe('1');
    expect(a).toBeGreaterThan(0);

    // A move-out on 10-15 typed in on 11-23 is a departure in October, when it happened.
    await api.registerCustomer({ kind: 'tenant', name: '补录退租', floor: '3', units: ['A-305'], moveInDate: '2020-01-01', moveOutDate: '2026-10-15' });
    // A move-out still to come is no departure yet.
    await api.registerCustomer({ kind: 'tenant', name: '将退租', floor: '3', units: ['A-306'], moveInDate: '2020-01-01', moveOutDate: '2026-11-28' });
    const m = await api.getReport({ report: 'movement', from: '2026-09-01', to: '2026-11-30' });
    expect(cells(m, 'movement-by-month')).toEqual([
      ['2026-09', 4, 0, 0],
      ['2026-10', 0, 1, 0],
      ['2026-11', 3, 1, 0],
      ['合计', 7, 2, 0],
    ]);
  });

  it('exports each section as a sheet whose cells are the table, in zh-CN or English', async () => {
    const { api } = await reportSetup();
    const input = { report: 'borrowing' as const, from: '2026-09-01', to: '2026-11-30' };
    const report = await api.getReport(input);
    const file = await api.exportReport(input);
    expect(file.fileName).toMatch(/^借阅统计-\d{8}\.xlsx$/);
    // Every export is recorded.
    expect((await readAudit({ action: 'report.exported' })).rows.map((r) => r.targetId)).toEqual(['borrowing']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['借阅统计', ...report.sections.map((s) => s.title)]);
    for (const s of report.sections) {
      const sheet = workbook.getWorksheet(s.title)!;
      const values = sheet
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1));
      expect(values[0]).toEqual(s.table.columns.map((c) => c.title));
      expect(values.slice(1)).toEqual([...s.table.rows, ...(s.table.total ? [s.table.total] : [])].map((r) => s.table.columns.map((c) => r[c.key] ?? null)));
    }
    const en = await api.getReport({ ...input, locale: 'en' });
    expect(en.title).toBe('Borrowing');
    expect(section(en, 'overdue-rate').table.columns.map((c) => c.title)).toEqual(['Month', 'Loans', 'Overdue', 'Overdue rate']);
  });

  it('a pie leaves out its empty slices, each slice keeping its category’s colour', () => {
    const option = reportChartOption({ kind: 'pie', unit: 'count', categories: ['服务质量不达标', '设施设备', '环境卫生'], series: [{ name: '投诉数', data: [3, 0, 1] }] });
    const [pie] = option.series as { data: { name: string; value: number; itemStyle: { color: string } }[] }[];
    expect(pie!.data.map((d) => [d.name, d.value])).toEqual([
      ['服务质量不达标', 3],
      ['环境卫生', 1],
    ]);
    expect(pie!.data[1]!.itemStyle.color).not.toBe(pie!.data[0]!.itemStyle.color);
    expect(pie!.data[1]!.itemStyle.color).toBe('#faad14');
  });
});
