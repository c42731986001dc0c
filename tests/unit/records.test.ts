import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FILE, KEY_FILE } from '../../db/archive-files';
import { findPasswordSlot, parseKeyFile, unwrapSlot } from '../../db/key-slots';
import { applyArchiveKey } from '../../db/open';
import ExcelJS from 'exceljs';
import { recordKind, recordKinds, SUPERSEDE_MOVE } from '../../shared/record-kinds';
import { registerCells, registerColumns } from '../../shared/record-text';
import { recordKindLabels, sharedChoiceLabels } from '../../shared/record-labels';
import { adminInput, asAdmin, failureCode, makeVault, openDesk, readAudit, signedInAs, travel } from './helpers';

// Desk records, the mechanism once (issue 19): a kind's schema refuses in words, numbers run per
// kind and local year, every change keeps the version before it, each step is audited in a
// sentence, and a confidential file's records are withheld, on screen and in the archive file.

const MARKER = '漏水标记-record-marker-4411';

async function setup(start = new Date('2026-11-23T01:00:00Z')) {
  const ctx = makeVault(undefined, start);
  await openDesk(ctx);
  await asAdmin(async () => {
    await ctx.api.createAccount({ username: 'zhaojl', displayName: '赵经理', role: 'department_manager', password: 'Manager-2026-pass', passwordConfirm: 'Manager-2026-pass' });
    await ctx.api.createAccount({ username: 'qianzjl', displayName: '钱总', role: 'general_manager', password: 'General-2026-pass', passwordConfirm: 'General-2026-pass' });
  });
  const customer = await ctx.api.registerCustomer({
    kind: 'tenant',
    name: '华腾科技有限公司',
    units: ['A-1201'],
    building: 'A座',
    floor: '12',
    phone: '021-5555-0101',
    contacts: [{ name: '刘经理', phone: '13800000001' }],
  });
  const fileId = customer.customer.files[0]!.id;
  return { ...ctx, fileId };
}

const complaintFields = (receivedAt: string, extra: Record<string, unknown> = {}) => ({
  receivedAt,
  channel: 'phone',
  complainant: '刘经理',
  category: 'quality',
  content: `12楼卫生间天花板漏水，已三天无人处理。${MARKER}`,
  ...extra,
});

describe('desk records', () => {
  it('declare every field, choice, status and move with words in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const kind of recordKinds) {
        const labels = recordKindLabels[locale][kind.id];
        expect(labels?.title, `${kind.id} title`).toBeTruthy();
        const fields = kind.fields.flatMap((f) => [f, ...(f.columns ?? []).map((c) => ({ ...c, key: `${f.key}.${c.key}` }))]);
        for (const f of fields) {
          expect(labels!.fields[f.key], `${kind.id}.${f.key} (${locale})`).toBeTruthy();
          for (const c of f.choices ?? []) expect(labels!.choices?.[f.key]?.[c] ?? sharedChoiceLabels[locale][f.key]?.[c], `${kind.id}.${f.key}=${c}`).toBeTruthy();
        }
        for (const s of kind.statuses) if (s !== 'kept') expect(labels!.statuses?.[s], `${kind.id} status ${s}`).toBeTruthy();
        for (const m of kind.moves) expect(labels!.moves?.[m.id], `${kind.id} move ${m.id}`).toBeTruthy();
        if (kind.supersedes) expect(labels!.moves?.[SUPERSEDE_MOVE], `${kind.id} superseded`).toBeTruthy();
        for (const sh of kind.sheets ?? []) expect(labels!.sheets?.[sh.id], `${kind.id} sheet ${sh.id}`).toBeTruthy();
      }
    }
  });

  it('number each kind under a prefix of its own, none a loan slip’s (JY) or a transfer’s (YJ)', () => {
    const prefixes = recordKinds.map((k) => k.prefix);
    expect(new Set([...prefixes, 'JY', 'YJ']).size).toBe(prefixes.length + 2);
  });

  it('refuse a form with a missing or wrong answer, naming the field in words, and write nothing', async () => {
    const { dispatch, fileId, api } = await setup();
    const refused = await dispatch('saveRecord', { kind: 'complaint', fileId, fields: { receivedAt: '2026-11-23T01:00:00.000Z', channel: 'fax', complainant: '刘经理', content: '' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const issues = (refused as unknown as { error: { details: { issues: { label: string; message: string }[] } } }).error.details.issues;
    expect(issues.map((i) => i.label).sort()).toEqual(['投诉内容', '投诉方式', '投诉类别'].sort());
    expect(issues.every((i) => /[\u4e00-\u9fff]/.test(i.message))).toBe(true);
    // A field the kind does not have is refused too (nothing unknown is stored).
    expect(await dispatch('saveRecord', { kind: 'complaint', fileId, fields: { ...complaintFields('2026-11-23T01:00:00.000Z'), hidden: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    // A complaint belongs to a customer's file.
    expect(await dispatch('saveRecord', { kind: 'complaint', fields: complaintFields('2026-11-23T01:00:00.000Z') })).toMatchObject({
      ok: false,
      error: { code: 'RECORD_FILE_REQUIRED', message: '这种记录属于客户的档案，请先选择客户（可扫描档案标签）。' },
    });
    expect((await api.listRecords({ kind: 'complaint' })).total).toBe(0);
  });

  it('start a form from the customer and the clerk', async () => {
    const { api, fileId } = await setup();
    expect(await api.draftRecord({ kind: 'complaint', fileId })).toEqual({
      receivedAt: '2026-11-23T01:00:00.000Z',
      complainant: '刘经理',
      phone: '13800000001',
      unit: 'A-1201',
      receivedBy: '王芳',
    });
  });

  it('number each kind per local year: the first complaint after midnight in Shanghai is the new year’s first', async () => {
    // 2026-12-31 23:00 in Shanghai is 15:00 UTC; an hour later the desk's year is 2027, UTC's still 2026.
    const { fileId, ...ctx } = await setup(new Date('2026-12-31T15:00:00Z'));
    const { api, clock } = ctx;
    const first = await api.saveRecord({ kind: 'complaint', fileId, fields: complaintFields(clock.now().toISOString()) });
    const repair = await api.saveRecord({ kind: 'repair', fileId, fields: { reportedAt: clock.now().toISOString(), reporter: '刘经理', urgency: 'normal', content: '门禁卡失灵' } });
    await travel(ctx, new Date('2026-12-31T16:30:00Z'));
    const next = await api.saveRecord({ kind: 'complaint', fileId, fields: complaintFields(clock.now().toISOString()) });
    expect([first.recordNo, repair.recordNo, next.recordNo]).toEqual(['TS-2026-0001', 'WX-2026-0001', 'TS-2027-0001']);
    // The register shows the local date and time it happened.
    const list = await api.listRecords({ kind: 'complaint', from: '2027-01-01', to: '2027-01-01' });
    expect(list.rows.map((r) => r.recordNo)).toEqual(['TS-2027-0001']);
  });

  it('keep one work log a clerk a day, by the desk’s date', async () => {
    const { fileId: _f, ...ctx } = await setup(new Date('2026-11-23T15:30:00Z'));
    const { api, dispatch } = ctx;
    // 23:30 on the 23rd in Shanghai, and 00:30 on the 24th: two days, two logs.
    const first = await api.saveRecord({ kind: 'work-log', fields: { workDate: '2026-11-23', clerk: '王芳', keyWork: '整理退租档案' } });
    const refused = await dispatch('saveRecord', { kind: 'work-log', fields: { workDate: '2026-11-23', clerk: '王芳', keyWork: '又一份' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RECORD_EXISTS_FOR_DAY', message: `您 2026-11-23 的工作日志已经登记（${first.recordNo}），每人每天一份，请打开它修改。` } });
    await travel(ctx, new Date('2026-11-23T16:30:00Z'));
    const next = await api.saveRecord({ kind: 'work-log', fields: { workDate: '2026-11-24', clerk: '王芳', keyWork: '接待投诉' } });
    expect(next.recordNo).toBe('RZ-2026-0002');
    // Another clerk keeps their own.
    await signedInAs('zhaojl', () => api.saveRecord({ kind: 'work-log', fields: { workDate: '2026-11-24', clerk: '赵经理', keyWork: '审批' } }));
  });

  it('print one form for each unit of a floor in one job, and a notice with a line for each unit to sign', async () => {
    const { api } = await setup();
    await api.registerCustomer({ kind: 'tenant', name: '蓝海咨询', units: ['A-1202'], building: 'A座', floor: '12' });
    await api.registerCustomer({ kind: 'tenant', name: '楼下商户', units: ['A-1101'], building: 'A座', floor: '11' });
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ');
    const readings = await api.renderForm({ formId: 'desk-record', blank: false, params: { recordKind: 'meter-reading', building: 'A座', floor: '12' } });
    expect(readings.html.match(/<section class="form"/g)).toHaveLength(2);
    expect(text(readings.html)).toMatch(/华腾科技有限公司[\s\S]*A-1201[\s\S]*蓝海咨询[\s\S]*A-1202/);
    expect(readings.html).not.toContain('楼下商户');
    expect(readings.title).toBe('水、电表底数确认单');
    const notice = await api.renderForm({ formId: 'desk-record', blank: false, params: { recordKind: 'notice', building: 'A座', floor: '12' } });
    expect(notice.html.match(/<section class="form"/g)).toHaveLength(1);
    expect(text(notice.html)).toMatch(/A座 12层[\s\S]*A-1201[\s\S]*华腾科技有限公司[\s\S]*A-1202[\s\S]*蓝海咨询/);
    expect(notice.html).not.toContain('A-1101');
  });

  it('keep every version: a change needs a reason and the version before stays readable', async () => {
    const { api, fileId } = await setup();
    const saved = await api.saveRecord({ kind: 'complaint', fileId, fields: complaintFields('2026-11-23T01:00:00.000Z') });
    expect(await failureCode(api.saveRecord({ kind: 'complaint', recordId: saved.id, fields: complaintFields('2026-11-23T01:00:00.000Z', { category: 'facility' }) }))).toBe('REASON_REQUIRED');
    const revised = await api.saveRecord({ kind: 'complaint', recordId: saved.id, reason: '类别登记错误', fields: complaintFields('2026-11-23T01:00:00.000Z', { category: 'facility' }) });
    expect(revised).toMatchObject({ version: 2, fields: { category: 'facility' } });
    // facility: 3 days from the local date it came in (2026-11-23 09:00 in Shanghai).
    expect([saved.dueDate, revised.dueDate]).toEqual(['2026-11-30', '2026-11-26']);
    expect(revised.revisions).toMatchObject([{ version: 1, reason: '类别登记错误', accountName: '王芳', before: { category: 'quality' }, withheld: false }]);
    const audit = await readAudit({ group: 'record' });
    expect(audit.rows.map((r) => r.summary)).toEqual(expect.arrayContaining([expect.stringContaining('王芳修改了客户投诉 TS-2026-0001（档案 ')]));
  });

  it('take a complaint through its whole life on the clock: handed over, late, approved by the general manager, followed up, closed', async () => {
    const { fileId, ...ctx } = await setup();
    const { api, clock } = ctx;
    const taken = await api.saveRecord({ kind: 'complaint', fileId, fields: complaintFields(clock.now().toISOString()) });
    expect(taken).toMatchObject({ status: 'received', dueDate: '2026-11-30', building: 'A座', floor: '12', unit: 'A-1201', moves: ['assign'] });
    expect(await failureCode(api.moveRecord({ recordId: taken.id, move: 'assign', fields: {} }))).toBe('RECORD_FIELDS_REQUIRED');
    const assigned = await api.moveRecord({ recordId: taken.id, move: 'assign', fields: { assignedTo: '工程部 老周' } });
    expect(assigned).toMatchObject({ status: 'assigned', assignedTo: '工程部 老周', version: 2 });
    // A step's dialog may change only what it asks for.
    expect(await failureCode(api.moveRecord({ recordId: taken.id, move: 'handle', fields: { content: '改写', handling: 'x' } }))).toBe('RECORD_MOVE_NOT_ALLOWED');
    const refusal = await ctx.dispatch('moveRecord', { recordId: taken.id, move: 'handle', fields: { cause: '防水层老化' } });
    expect(refusal).toMatchObject({ ok: false, error: { code: 'RECORD_FIELDS_REQUIRED', message: '请先填写：处理经过及结果。' } });

    // Eight days on, it is still open: late on 工作台 and in the register.
    await travel(ctx, 8 * 86_400_000);
    expect(await api.openRecords()).toEqual([{ kind: 'complaint', open: 1, overdue: 1, dueSoon: 1 }]);
    expect((await api.listRecords({ kind: 'complaint', overdue: true })).rows).toMatchObject([{ recordNo: 'TS-2026-0001', overdue: true }]);

    const handled = await api.moveRecord({ recordId: taken.id, move: 'handle', fields: { cause: '防水层老化', handling: '已更换防水层并修复天花板', handledAt: clock.now().toISOString() } });
    // A service-quality complaint's result goes to the general manager first (003 §15 7.2).
    expect(handled).toMatchObject({ status: 'handled', moves: [] });
    expect(await failureCode(api.moveRecord({ recordId: taken.id, move: 'closeHandled', fields: { satisfaction: 'satisfied' } }))).toBe('RECORD_MOVE_NOT_ALLOWED');
    expect(await failureCode(api.moveRecord({ recordId: taken.id, move: 'approve', fields: {} }))).toBe('FORBIDDEN');
    const approved = await signedInAs('qianzjl', async () => {
      expect((await api.getRecord({ recordId: taken.id })).moves).toEqual(['approve', 'sendBack']);
      return api.moveRecord({ recordId: taken.id, move: 'approve', fields: { approvalOpinion: '同意，注意回访' } });
    });
    expect(approved.status).toBe('approved');
    const closed = await api.moveRecord({ recordId: taken.id, move: 'close', fields: { feedbackAt: clock.now().toISOString(), feedbackBy: '王芳', satisfaction: 'satisfied' } });
    expect(closed).toMatchObject({ status: 'closed', overdue: false, moves: [] });
    expect(closed.closedAt).toBe(clock.now().toISOString());
    expect(closed.events.map((e) => [e.move, e.fromStatus, e.toStatus, e.accountName])).toEqual([
      ['assign', 'received', 'assigned', '王芳'],
      ['handle', 'assigned', 'handled', '王芳'],
      ['approve', 'handled', 'approved', '钱总'],
      ['close', 'approved', 'closed', '王芳'],
    ]);
    expect(await api.openRecords()).toEqual([]);
    // The file's 记录 tab finds it.
    expect((await api.fileRecords({ fileId })).map((r) => r.recordNo)).toEqual(['TS-2026-0001']);
    const sentences = (await readAudit({ group: 'record' })).rows.map((r) => r.summary);
    expect(sentences).toEqual(
      expect.arrayContaining([expect.stringMatching(/^钱总办理了客户投诉 TS-2026-0001（档案 .+，华腾科技有限公司）。环节：审批通过/), expect.stringMatching(/^王芳登记了客户投诉 TS-2026-0001/)]),
    );
    expect(sentences.join('\n')).not.toMatch(/approve|complaint|recordNo|\{/);
  });

  it('withhold a confidential file’s records from the clerk, on screen and in the archive file; the general manager reads them', async () => {
    const { api, fileId, dir } = await setup();
    const saved = await api.saveRecord({ kind: 'complaint', fileId, fields: complaintFields('2026-11-23T01:00:00.000Z') });
    await api.moveRecord({ recordId: saved.id, move: 'assign', fields: { assignedTo: '工程部' } });
    await signedInAs('zhaojl', () => api.setFileConfidentiality({ fileId, confidentiality: 'confidential', reason: '涉诉' }));
    const row = (await api.listRecords({ kind: 'complaint' })).rows[0]!;
    expect(row).toMatchObject({ recordNo: 'TS-2026-0001', withheld: true, fields: {}, assignedTo: null });
    expect((await api.getRecord({ recordId: saved.id })).revisions.every((r) => r.withheld)).toBe(true);
    expect(await failureCode(api.moveRecord({ recordId: saved.id, move: 'handle', fields: { handling: 'x' } }))).toBe('CONFIDENTIAL_RESTRICTED');
    expect(await failureCode(api.saveRecord({ kind: 'complaint', recordId: saved.id, reason: '改', fields: complaintFields('2026-11-23T01:00:00.000Z') }))).toBe('CONFIDENTIAL_RESTRICTED');
    // The clerk's own password opens archive.db, but not the record's words.
    const keyFile = parseKeyFile(readFileSync(join(dir, KEY_FILE), 'utf8'))!;
    const opened = (await unwrapSlot(findPasswordSlot(keyFile, 'wangfang')!, keyFile.archiveId, adminInput.password))!;
    const raw = new Database(join(dir, ARCHIVE_FILE), { readonly: true });
    applyArchiveKey(raw, opened.archiveKey);
    const stored = raw.prepare('select fields, sealed_fields from desk_records union all select before, sealed_before from desk_record_revisions').all() as {
      fields: string;
      sealed_fields: Buffer | null;
    }[];
    raw.close();
    expect(stored).toHaveLength(2);
    expect(stored.every((s) => !s.fields.includes(MARKER) && s.sealed_fields !== null && !Buffer.from(s.sealed_fields).includes(Buffer.from(MARKER)))).toBe(true);
    const read = await signedInAs('qianzjl', () => api.getRecord({ recordId: saved.id }));
    expect(read).toMatchObject({
      withheld: false,
      fields: { content: expect.stringContaining(MARKER), assignedTo: '工程部' },
      revisions: [{ withheld: false, before: { content: expect.stringContaining(MARKER) } }],
    });
    // Lowered again by the general manager: the clerk reads it, and it is kept in the clear.
    await signedInAs('qianzjl', () => api.setFileConfidentiality({ fileId, confidentiality: 'ordinary', reason: '结案' }));
    expect((await api.getRecord({ recordId: saved.id })).fields.content).toContain(MARKER);
  });

  it('export a register as xlsx with the screen’s columns and words, every row past a page, formulas kept as text', async () => {
    const { api, fileId, clock } = await setup();
    for (let i = 0; i < 120; i++) {
      const content = i === 0 ? '=HYPERLINK("http://x.invalid","点我")' : `第${i}次投诉：电梯异响`;
      await api.saveRecord({ kind: 'complaint', fileId, fields: complaintFields(new Date(clock.now().getTime() - i * 60_000).toISOString(), { content, channel: i % 2 ? 'visit' : 'phone' }) });
    }
    const page = await api.listRecords({ kind: 'complaint', pageSize: 50 });
    expect([page.total, page.rows.length]).toEqual([120, 50]);
    const file = await api.exportRecords({ kind: 'complaint' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const kind = recordKind('complaint')!;
    const columns = registerColumns(kind, 'zh-CN');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.title));
    expect(sheet.rowCount).toBe(121);
    // Every row reads as the screen shows it: the same cells, in the same order.
    const all = [...page.rows, ...(await api.listRecords({ kind: 'complaint', pageSize: 50, page: 2 })).rows, ...(await api.listRecords({ kind: 'complaint', pageSize: 50, page: 3 })).rows];
    const screen = all.map((r) => columns.map((c) => registerCells(kind, r, 'zh-CN')[c.key] ?? ''));
    const cells = Array.from({ length: 120 }, (_, i) => columns.map((_c, j) => sheet.getRow(i + 2).getCell(j + 1).value ?? ''));
    expect(cells).toEqual(screen);
    expect(screen[0]).toEqual(expect.arrayContaining(['TS-2026-0001', '电话', '服务质量不达标', '2026-11-23 09:00']));
    const formulaCell = sheet.getRow(2).getCell(columns.findIndex((c) => c.key === 'content') + 1);
    expect(formulaCell.type).toBe(ExcelJS.ValueType.String);
    expect(file.fileName).toBe('客户投诉-2026-11-23.xlsx');
  });

  it('count complaints in 报表 by category with each share against the period before, by local month and by building, with the closed, late and satisfied', async () => {
    const { api, fileId } = await setup(new Date('2026-11-23T01:00:00Z'));
    const other = (await api.registerCustomer({ kind: 'tenant', name: '蓝海咨询', units: ['B-501'], building: 'B座', floor: '5' })).customer.files[0]!.id;
    const take = (file: number, at: string, category: string, cause = '') => api.saveRecord({ kind: 'complaint', fileId: file, fields: complaintFields(at, { category, cause }) });
    // 00:30 on 1 November in Shanghai is still 31 October in UTC: it is November's.
    await take(fileId, '2026-10-31T16:30:00.000Z', 'quality', '保洁未按时 ');
    await take(fileId, '2026-11-10T02:00:00.000Z', 'quality', '保洁未按时');
    await take(fileId, '2026-11-11T02:00:00.000Z', 'quality', '前台答复慢');
    const closedOne = await take(other, '2026-11-12T02:00:00.000Z', 'facility');
    await take(other, '2026-10-20T02:00:00.000Z', 'environment');
    // The period before: one in September.
    await take(fileId, '2026-09-15T02:00:00.000Z', 'facility');
    await api.moveRecord({ recordId: closedOne.id, move: 'assign', fields: { assignedTo: '工程部' } });
    await api.moveRecord({ recordId: closedOne.id, move: 'handle', fields: { handling: '已修复' } });
    await api.moveRecord({ recordId: closedOne.id, move: 'closeHandled', fields: { satisfaction: 'fair' } });
    const report = await api.getReport({ report: 'complaints', from: '2026-10-16', to: '2026-11-30' });
    expect(report.figures).toEqual([
      { label: '本期投诉', value: '5' },
      { label: '结案率', value: '20%' },
      { label: '未结案', value: '4' },
      { label: '其中超期', value: '4' },
      { label: '回访满意率', value: '100%' },
    ]);
    const byCategory = report.sections.find((s) => s.id === 'complaints-by-category')!;
    const row = (name: string) => byCategory.table.rows.find((r) => r.category === name);
    // The cause analysis counts the same wording together, the most frequent first.
    expect(row('服务质量不达标')).toMatchObject({ n: 3, share: 60, previous: 0, change: '+3', closed: 0, overdue: 3, causes: '保洁未按时（2）；前台答复慢（1）' });
    expect(row('设施设备')).toMatchObject({ n: 1, share: 20, previous: 1, change: '0', closed: 1, overdue: 0, causes: '' });
    expect(row('环境卫生')).toMatchObject({ n: 1, share: 20 });
    const byMonth = report.sections.find((s) => s.id === 'complaints-by-month')!;
    expect(byMonth.chart!.categories).toEqual(['2026-10', '2026-11']);
    expect(byMonth.chart!.series.find((s) => s.name === '服务质量不达标')!.data).toEqual([0, 3]);
    const byPlace = report.sections.find((s) => s.id === 'complaints-by-place')!;
    expect(byPlace.chart!.categories).toEqual(['A座 12F', 'B座 5F']);
    expect(byPlace.chart!.series[0]!.data).toEqual([3, 2]);
  });
});
