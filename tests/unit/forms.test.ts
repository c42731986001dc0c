import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveApi } from '../../shared/api';
import { formIds, type FormId } from '../../shared/forms';
import { recordKinds, satisfactionQuestions, type RecordField, type RecordKind } from '../../shared/record-kinds';
import { recordLabels } from '../../shared/record-labels';
import type { FormParams } from '../../shared/schemas';
import { createArchiveApi } from '../../electron/api';
import { chromiumPdfRenderer, findChromium } from '../../electron/pdf/chromium-pdf-renderer';
import { chromium } from 'playwright-core';
import { failureCode, makeSuiteVault, readAudit, asAdmin } from './helpers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setupStorage } from './storage-fixture';
import { openScanPages } from '../../electron/services/page-images';
import { readPageCodes } from '../../electron/services/barcodes';
import { BLANK_COVER_CODE, parseCoverCode } from '../../electron/services/scan-cover';

// Every form, filled and blank, printed to PDF by the system Chromium and read back with
// pdftotext: the title, the Chinese field labels and the filled values must be in the text.

const pdf = chromiumPdfRenderer();
const dir = mkdtempSync(join(tmpdir(), 'forms-pdf-'));
let dispose: () => Promise<void> = async () => undefined;
let api: ArchiveApi;
const params = {} as Record<FormId, FormParams>;
let recoveryKey = '';
let recordFileId = 0;

function pdfText(bytes: Buffer, page?: number): string {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  // Cells wrap onto several lines: compare without any whitespace.
  return execFileSync('pdftotext', [...range, path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
function pdfPages(bytes: Buffer): number {
  const path = join(dir, `p-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
}
function pdfFonts(bytes: Buffer): { name: string; embedded: boolean }[] {
  const path = join(dir, `t-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type encoding emb sub uni object ID: "emb" is the fourth column from the end but two.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}
/** FORMS_PDF_DIR=… keeps every printed PDF there, to look at as pages (pdftoppm -png -r 60). */
function keep(name: string, bytes: Buffer): Buffer {
  if (process.env.FORMS_PDF_DIR) writeFileSync(join(process.env.FORMS_PDF_DIR, `${name}.pdf`), bytes);
  return bytes;
}
async function render(formId: FormId, blank: boolean): Promise<Buffer> {
  const file = await api.exportFormPdf({ formId, blank, params: params[formId] });
  expect(file.mime).toBe('application/pdf');
  return keep(`${formId}${blank ? '-blank' : ''}`, Buffer.from(file.dataBase64, 'base64'));
}

beforeAll(async () => {
  const ctx = await setupStorage(makeSuiteVault);
  dispose = ctx.dispose;
  // The same vault, with a PDF renderer this time.
  api = createArchiveApi({ vault: ctx.vault, clock: ctx.clock, pdf });
  const { byCode } = ctx;
  const manager = { username: 'zhaojl', password: 'Manager-2026-pass' };
  await asAdmin(() => api.createAccount({ username: manager.username, displayName: '赵经理', role: 'department_manager', password: manager.password, passwordConfirm: manager.password }));
  const approve = (approvalId: number) => api.decideApproval({ approvalId, approve: true, reason: '同意', approver: manager });
  const { customer } = await api.registerCustomer({
    kind: 'tenant',
    name: '华夏餐饮管理有限公司',
    legalRepresentative: '周建国',
    address: '滨江路 88 号',
    phone: '021-62345678',
    businessScope: '中式快餐',
    companyNature: 'joint_stock',
    creditGrade: 'A级',
    building: 'A座',
    floor: '3',
    units: ['A-301'],
    moveInDate: '2020-03-01',
    contacts: [{ name: '陈经理', title: '店长', phone: '13911112222' }],
    emergencyContacts: [{ name: '周太太', phone: '13833334444' }],
  });
  const fileId = customer.files[0]!.id;
  recordFileId = fileId;
  await api.moveFile({ fileId, toBoxId: byCode['B-002']!.id, reason: '入盒' });
  for (let i = 1; i <= 60; i++) {
    await api.addDocument({ fileId, category: 'other', title: `装修申请第${i}号`, docDate: `2024-${String(1 + (i % 12)).padStart(2, '0')}-10`, pages: 2, isOriginal: false });
  }
  // A departed tenant for the yearly catalogue.
  await api.registerCustomer({ kind: 'tenant', name: '已退租商户', floor: '5', units: ['B-501'], moveInDate: '2019-01-01', moveOutDate: '2026-06-30' });
  // A loan, now overdue.
  const liu = await api.saveBorrower({ name: '刘强', department: '工程部', phone: '13800138000' });
  const loan = await api.requestLoan({ borrowerId: liu.id, fileIds: [fileId], purpose: '核对装修图纸', kind: 'take_out' });
  await approve(loan.approval!.id);
  // Signed on screen (a 1×1 PNG stands for the pad's image): the printed register and slip show it.
  await api.lendFiles({ borrowerId: liu.id, fileIds: [fileId], signaturePng: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=' });
  ctx.clock.advance(10 * 86_400_000);
  // A transfer of another file.
  const other = (await api.registerCustomer({ kind: 'tenant', name: '移交客户', units: ['C-1'] })).customer.files[0]!.id;
  const transfer = await api.requestTransfer({ fileIds: [other], fromDepartment: '客务部', toDepartment: '工程部', fromHandler: '王芳', toHandler: '刘强', reason: '二次装修' });
  await approve(transfer.approvalId!);
  await api.completeTransfer({ transferId: transfer.id });
  // An inspection.
  const cabinetId = (await api.getStorage())[0]!.cabinets[0]!.id;
  const inspection = await api.startInspection({ cabinetIds: [cabinetId] });
  await api.setInspectionBoxChecked({ inspectionId: inspection.id, boxId: byCode['B-001']!.id, checked: true });
  await api.recordInspectionScan({ inspectionId: inspection.id, boxId: byCode['B-001']!.id, code: 'NO-SUCH-9' });
  await api.finishInspection({ inspectionId: inspection.id, note: '十一月检查' });
  // A destruction register for a file long past its retention.
  const old = (await api.registerCustomer({ kind: 'tenant', name: '老租户', units: ['Z-1'], moveInDate: '1990-01-01', moveOutDate: '1995-06-30' })).customer.files[0]!.id;
  const register = await api.createDestructionRegister({ fileIds: [old], reason: '保管期满' });
  // A complaint taken and handed over: its three forms print from the one record.
  const complaint = await api.saveRecord({
    kind: 'complaint',
    fileId,
    fields: { receivedAt: ctx.clock.now().toISOString(), channel: 'phone', complainant: '陈经理', category: 'quality', content: '厨房排烟扰民，楼上住户投诉' },
  });
  await api.moveRecord({ recordId: complaint.id, move: 'assign', fields: { assignedTo: '工程部老周' } });
  // A blacklisted customer, with a complaint: the 危险客户统计表 lists it.
  const black = (await api.registerCustomer({ kind: 'tenant', name: '黑名单客户丙', units: ['D-9'], building: 'D座' })).customer;
  await api.changeClassification({ customerId: black.id, classification: 'ordinary', valueGrade: null, specialTags: [], blacklisted: true, blacklistReason: '拖欠物业费', reason: '欠费半年' });
  // A satisfaction sheet returned: the satisfaction report counts it.
  const answers = Object.fromEntries(satisfactionQuestions.map((q) => [q, q === 'prices' ? 'unsatisfied' : 'satisfied']));
  await api.saveRecord({ kind: 'satisfaction-survey', fileId, fields: { ...(await api.draftRecord({ kind: 'satisfaction-survey', fileId })), ...answers } });

  expected['recovery-key'].values = [ctx.recoveryKey];
  recoveryKey = ctx.recoveryKey;
  Object.assign(params, {
    'file-registration': { fileId },
    'customer-info-survey': { fileId },
    'customer-credit-survey': { fileId },
    'emergency-contacts': { building: 'A座' },
    'dangerous-customers': {},
    'file-catalogue': { fileId },
    'loan-register': { month: '2026-11' },
    'loan-slip': { loanId: loan.id },
    'overdue-reminder': { borrowerId: liu.id },
    'transfer-receipt': { transferId: transfer.id },
    'inspection-record': { inspectionId: inspection.id },
    'destruction-list': { registerId: register.id },
    'departed-catalogue': { year: 2026 },
    'file-labels': { boxId: byCode['B-002']!.id },
    'box-labels': { cabinetId },
    'recovery-key': { recoveryKey: ctx.recoveryKey, archiveDir: ctx.dir },
    'desk-record': { recordKind: 'complaint', recordIds: [complaint.id] },
    'report-composition': {},
    'report-borrowing': { from: '2026-01-01', to: '2026-11-30' },
    'report-storage': {},
    'report-movement': { from: '2026-06-01' },
    'report-complaints': { from: '2026-11-01' },
    'report-satisfaction': { from: '2026-01-01' },
    'scan-cover': { fileId, category: 'fit_out', title: '二次装修申请', docDate: '2026-11-20', isOriginal: false },
  } satisfies Record<FormId, FormParams>);
}, 120_000);

afterAll(async () => {
  await pdf.close();
  await dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** What each form must show: its labels (blank and filled) and, filled, the values from the archive. */
const expected: Record<FormId, { labels: string[]; values: string[] }> = {
  'file-registration': { labels: ['客户档案登记表', '档号', '客户名称', '法定代表人', '存放位置', '登记人'], values: ['华夏餐饮管理有限公司', '周建国', '滨江路88号', 'B-002', '陈经理', '60件'] },
  'customer-info-survey': { labels: ['客户信息调查表', '接洽人员', '经营方式', '企业性质', '同业地位', '与本公司往来时间'], values: ['华夏餐饮管理有限公司', '陈经理', '☑股份有限公司', '中式快餐'] },
  'customer-credit-survey': { labels: ['客户信用调查表', '企业编号', '负责人情况', '财务状况', '付款态度', '信用评定', '调查人'], values: ['华夏餐饮管理有限公司', '周建国', 'A级', '☑股份企业'] },
  'emergency-contacts': { labels: ['客户紧急联络表', '单元号', '紧急联系人', '紧急联系电话'], values: ['A-301', '周太太', '13833334444'] },
  'dangerous-customers': { labels: ['危险客户统计表', '列入原因', '列入日期', '投诉次数'], values: ['拖欠物业费', '黑名单客户丙', 'D座D-9', '2026-12-03'] },
  'file-catalogue': { labels: ['卷内目录', '序号', '题名', '页数', '立卷人'], values: ['装修申请第1号', '装修申请第60号'] },
  'loan-register': { labels: ['借用/借阅记录表', '借阅人', '借阅目的', '借阅人签字'], values: ['刘强', '核对装修图纸', '工程部'] },
  'loan-slip': { labels: ['档案借阅单', '借阅人', '借阅目的', '应还日期', '审批人签字'], values: ['刘强', '核对装修图纸', '赵经理', '2026-11-26'] },
  'overdue-reminder': { labels: ['档案逾期催还单', '应还日期', '逾期天数'], values: ['刘强', '工程部', '2026-11-26', '7'] },
  'transfer-receipt': {
    labels: ['档案移交签收表', '移交部门', '接收部门', '移交人', '接收人', '审批人'],
    values: ['移交部门客务部', '工程部', '二次装修', '移交客户', 'YJ-2026-0001', '审批人：赵经理'],
  },
  'inspection-record': { labels: ['档案检查记录', '文件柜', '存放错误', '检查人签字'], values: ['3F-A', 'NO-SUCH-9', '十一月检查', '王芳'] },
  'destruction-list': { labels: ['档案销毁清单', '销毁原因', '保管期限', '销毁人', '监销人'], values: ['保管期满', '老租户'] },
  'departed-catalogue': { labels: ['年度退租档案目录', '档号', '退租日期', '整理人'], values: ['已退租商户', 'B-501', '2026-06-30', '楼层：5'] },
  'file-labels': { labels: [], values: ['华夏餐饮管理有限公司', 'A-301'] },
  'box-labels': { labels: [], values: ['B-001', 'D-3F', '退租档案'] },
  'scan-cover': { labels: ['扫描封面', '档号', '客户名称', '文件类别', '文件题名', '文件日期'], values: ['华夏餐饮管理有限公司', '装修/二装资料及竣工验收', '二次装修申请', '2026-11-20', '复印件'] },
  // Its value, this archive's real recovery key, is filled in once the archive exists.
  'recovery-key': { labels: ['恢复密钥保管单', '保管人签字'], values: [] },
  'desk-record': {
    labels: ['客户投诉登记表', '投诉方式', '投诉处理报告表', '原因分析', '投诉处理追踪表', '办理人', '客户签字'],
    values: ['TS-2026-0001', '华夏餐饮管理有限公司', '☑电话', '厨房排烟扰民', '工程部老周', '分派处理'],
  },
  'report-composition': { labels: ['档案构成报表'], values: ['客户分类表', '客户分级表', '重点客户统计表', '统计期间:全部~'] },
  'report-borrowing': { labels: ['借阅统计报表'], values: ['每月借阅次数（按部门）', '工程部', '2026-01-01~2026-11-30', '借阅最多的档案'] },
  'report-storage': { labels: ['库房与检查报表'], values: ['档案盒装填率（按档案柜）', '3F-A', '每月检查发现'] },
  'report-complaints': { labels: ['客户投诉统计报表'], values: ['投诉类别与原因分析', '服务质量不达标', '每月投诉（按类别）', '2026-11'] },
  'report-satisfaction': { labels: ['顾客满意度调查统计表'], values: ['各项满意度', '收费价格', '非常满意', '满意率最低的项目', '收费价格（0%）'] },
  'report-movement': { labels: ['档案变动报表'], values: ['每月新建、退租与销毁', '2026-06', '2026-11'] },
};

/** What is wrong with a printed page's layout: a table past the margin, text out of its cell, too little room to write. */
const layoutProblems = (mmPx: number): string[] => {
  const out: string[] = [];
  const right = document.body.getBoundingClientRect().right;
  for (const t of Array.from(document.querySelectorAll('table'))) {
    const box = t.getBoundingClientRect();
    if (box.right > right + 0.5 || box.left < -0.5) out.push(`table past the margin by ${((box.right - right) / mmPx).toFixed(1)} mm`);
  }
  for (const td of Array.from(document.querySelectorAll<HTMLElement>('td, th'))) {
    if (td.scrollWidth > td.clientWidth + 1) out.push(`"${td.innerText.slice(0, 20)}" runs out of its cell`);
  }
  for (const td of Array.from(document.querySelectorAll<HTMLElement>('table.fields td.blank'))) {
    const box = td.getBoundingClientRect();
    const label = (td.previousElementSibling as HTMLElement | null)?.innerText ?? '';
    if (box.width < 35 * mmPx) out.push(`${label}: write-in cell ${(box.width / mmPx).toFixed(1)} mm wide`);
    if (box.height < 8 * mmPx - 0.5) out.push(`${label}: write-in cell ${(box.height / mmPx).toFixed(1)} mm high`);
  }
  // The forms' own grids (surveys): an empty cell is written in too, a word or two at least.
  for (const td of Array.from(document.querySelectorAll<HTMLElement>('table:not(.fields):not(.data):not(.sign) td'))) {
    const box = td.getBoundingClientRect();
    if (!td.innerText.trim() && box.width < 25 * mmPx) out.push(`${(td.previousElementSibling as HTMLElement | null)?.innerText}: empty cell ${(box.width / mmPx).toFixed(1)} mm wide`);
  }
  for (const td of Array.from(document.querySelectorAll<HTMLElement>('td.blank, td.tall'))) {
    if (td.getBoundingClientRect().height < 8 * mmPx - 0.5) out.push(`a blank line ${(td.getBoundingClientRect().height / mmPx).toFixed(1)} mm high`);
  }
  for (const td of Array.from(document.querySelectorAll<HTMLElement>('td.tall'))) {
    if (td.getBoundingClientRect().height < 20 * mmPx)
      out.push(`${(td.previousElementSibling as HTMLElement | null)?.innerText}: only ${(td.getBoundingClientRect().height / mmPx).toFixed(1)} mm for several lines`);
  }
  return out;
};

describe('forms', () => {
  it.each(formIds.map((id) => [id]))('%s: filled and blank PDFs carry the title, labels and values, in embedded fonts', async (formId) => {
    const filled = await render(formId, false);
    // FORMS_OUT=<folder> keeps the filled and blank PDFs, to look at as PNG pages (pdftoppm -png -r 60).
    if (process.env.FORMS_OUT) writeFileSync(join(process.env.FORMS_OUT, `${formId}.pdf`), filled);
    const text = pdfText(filled);
    for (const s of [...expected[formId].labels, ...expected[formId].values]) expect(text, `${formId} filled: ${s}`).toContain(s.replace(/\s+/g, ''));
    const fonts = pdfFonts(filled);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    const blankPdf = await render(formId, true);
    if (process.env.FORMS_OUT) writeFileSync(join(process.env.FORMS_OUT, `${formId}-blank.pdf`), blankPdf);
    const blank = pdfText(blankPdf);
    for (const s of expected[formId].labels) expect(blank, `${formId} blank: ${s}`).toContain(s);
    for (const s of expected[formId].values.filter((v) => v.length > 3)) expect(blank, `${formId} blank has no ${s}`).not.toContain(s);
  });

  it("a printed cover sheet's QR code, scanned, names its file, category, title and date; a blank one only separates", async () => {
    for (const blank of [false, true]) {
      const bytes = await render('scan-cover', blank);
      expect(pdfPages(bytes)).toBe(1);
      const page = await (await openScanPages(bytes, 'application/pdf')).page(1);
      const codes = await readPageCodes(page);
      expect(codes).toHaveLength(1);
      if (blank) {
        expect(codes[0]).toBe(BLANK_COVER_CODE);
        expect(parseCoverCode(codes[0]!)).toBeNull();
      } else {
        const file = await api.getFile({ fileId: params['scan-cover'].fileId! });
        expect(parseCoverCode(codes[0]!)).toEqual({ refNo: file.refNo, category: 'fit_out', title: '二次装修申请', docDate: '2026-11-20', isOriginal: false, documentId: undefined });
      }
    }
  });

  it('a 60-row catalogue runs over pages, with the table header and page numbers on each', async () => {
    const bytes = await render('file-catalogue', false);
    const pages = pdfPages(bytes);
    expect(pages).toBeGreaterThanOrEqual(2);
    let withRows = 0;
    for (let p = 1; p <= pages; p++) {
      const text = pdfText(bytes, p);
      expect(text).toContain(`第${p}页共${pages}页`);
      expect(text).toContain('华联物业客务部');
      // Every page the table runs onto starts with its header again.
      if (text.includes('装修申请')) {
        withRows++;
        expect(text).toContain('题名');
      }
    }
    expect(withRows).toBeGreaterThanOrEqual(2);
  });

  it('gives every form, blank and filled, room to write by hand and keeps every table inside the printable area', async () => {
    const browser = await chromium.launch({ executablePath: findChromium()!, args: ['--no-sandbox', '--disable-gpu'] });
    const mm = 96 / 25.4;
    try {
      const problems: string[] = [];
      for (const formId of formIds) {
        for (const blank of [true, false]) {
          const form = await api.renderForm({ formId, blank, params: params[formId] });
          // The print layout: the page less its side margins (15 mm each), in print media.
          const page = await browser.newPage({ viewport: { width: Math.round((form.orientation === 'portrait' ? 180 : 267) * mm), height: 1100 } });
          await page.emulateMedia({ media: 'print' });
          await page.setContent(form.html);
          const found = await page.evaluate(layoutProblems, mm);
          problems.push(...found.map((f) => `${formId}${blank ? ' (blank)' : ''}: ${f}`));
          await page.close();
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("prints the desk's local dates and times, also in the hours when UTC is still the day before", async () => {
    // The suite's clock started at 2026-11-23 02:20 China time (2026-11-22 18:20 UTC); the loan was
    // lent then, the inspection ten days later at 02:20 on 12-03.
    const text = async (formId: FormId) => (await api.renderForm({ formId, blank: false, params: params[formId] })).html.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
    const slip = await text('loan-slip');
    expect(slip).toContain('借出日期2026-11-23');
    expect(slip).not.toContain('2026-11-22');
    expect(await text('loan-register')).toContain('2026-11-23');
    expect(await text('loan-register')).not.toContain('2026-11-22');
    expect(await text('file-registration')).toContain('建档日期2026-11-23');
    const inspection = await text('inspection-record');
    expect(inspection).toContain('开始时间2026-12-0302:20');
    expect(inspection).toContain('完成时间2026-12-0302:20');
    expect(await text('report-movement')).toContain('生成：2026-12-0302:20');
  });

  it('客户信用调查表 ticks 合伙 under 经营方式 for a partnership, never 个人经营', async () => {
    const { customer } = await api.registerCustomer({ kind: 'tenant', name: '合伙茶铺', companyNature: 'partnership', floor: '3', units: ['A-399'] });
    const form = await api.renderForm({ formId: 'customer-credit-survey', blank: false, params: { fileId: customer.files[0]!.id } });
    const text = form.html.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
    expect(text).toContain('☑合伙');
    expect(text).toContain('☐个人经营');
    expect(text).not.toContain('☑个人经营');
  });

  it('refuses a filled form without its record, and records every PDF in the audit log without a recovery key', async () => {
    expect(await failureCode(api.renderForm({ formId: 'loan-slip', blank: false }))).toBe('FORM_RECORD_REQUIRED');
    const log = await readAudit({ action: 'form.' });
    expect(log.rows.some((r) => r.targetId === 'recovery-key')).toBe(true);
    expect(JSON.stringify(log.rows)).not.toContain(recoveryKey.slice(0, 9));
    // The sheet prints this archive's key and no other text: a typo or another archive's key is refused.
    expect(await failureCode(api.exportFormPdf({ formId: 'recovery-key', blank: false, params: { recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB' } }))).toBe('WRONG_RECOVERY_KEY');
    expect(await failureCode(api.renderForm({ formId: 'recovery-key', blank: false, params: { recoveryKey: '随便写点什么' } }))).toBe('WRONG_RECOVERY_KEY');
    expect((await api.renderForm({ formId: 'recovery-key', blank: false, params: { recoveryKey: recoveryKey.toLowerCase() } })).html).toContain(recoveryKey);
    await api.recordFormPrinted({ formId: 'file-labels', blank: false, params: params['file-labels'] });
    const printed = await readAudit({ action: 'form.printed' });
    expect(printed.rows[0]).toMatchObject({ targetId: 'file-labels' });
  });

  it('reads every entry this busy archive wrote as a sentence: no code, id, field name or JSON', async () => {
    const log = await readAudit({ pageSize: 500 });
    expect(new Set(log.rows.map((r) => r.action)).size).toBeGreaterThan(15);
    for (const row of log.rows) {
      expect(row.summary, `${row.action}: ${row.summary}`).not.toMatch(/\b[a-z]+[._][a-z_]+\b|[{}]|"\w+":|[a-z]+ #?\d+\b|\b[A-Z]+_[A-Z_]+\b|\d{4}-\d{2}-\d{2}T/);
    }
    const pdfs = log.rows.filter((r) => r.action === 'form.pdf' && !JSON.parse(r.details!).blank);
    expect(pdfs.find((r) => r.targetId === 'loan-slip')!.summary).toBe('王芳另存了“档案借阅单”的 PDF。');
    expect(pdfs.find((r) => r.targetId === 'file-registration')!.summary).toMatch(/^王芳另存了“客户档案登记表”（档案 .+（华夏餐饮管理有限公司））的 PDF。$/);
  });

  it('prints every record kind blank and filled: its own words, every answer, room to write, nothing past the margin', async () => {
    /** An answer for each field, the text ones unique so the filled page can be searched for them. */
    const sample = (kind: RecordKind, f: RecordField, n: number): unknown => {
      switch (f.type) {
        case 'text':
        case 'longText':
          return `${kind.prefix}样例${n}号`;
        case 'date':
          return '2026-11-20';
        case 'dateTime':
          return '2026-11-20T01:30:00.000Z';
        case 'number':
          return 3;
        case 'money':
          return 12.5;
        case 'choice':
          return f.choices![0];
        case 'yesNo':
          return true;
        case 'table':
          return [0, 1].map((r) => Object.fromEntries(f.columns!.map((c, j) => [c.key, sample(kind, c, n * 10 + r * 5 + j)])));
      }
    };
    const browser = await chromium.launch({ executablePath: findChromium()!, args: ['--no-sandbox', '--disable-gpu'] });
    const mm = 96 / 25.4;
    const problems: string[] = [];
    try {
      for (const kind of recordKinds) {
        const fields = Object.fromEntries(kind.fields.filter((f) => !f.signature).map((f, i) => [f.key, sample(kind, f, i)]));
        const saved = await api.saveRecord({ kind: kind.id, fileId: kind.scope === 'file' ? recordFileId : undefined, fields });
        const names = recordLabels(kind.id, 'zh-CN');
        const titles = kind.sheets?.map((sh) => names.sheets![sh.id]!) ?? [names.title];
        const printed = kind.sheets ? kind.sheets.flatMap((sh) => sh.fields) : kind.fields.filter((f) => !f.signature).map((f) => f.key);
        const labels = [...titles, ...printed.filter((k) => kind.fields.find((f) => f.key === k)!.type !== 'table').map((k) => names.fields[k]!)];
        const texts = printed.map((k) => fields[k]).filter((v): v is string => typeof v === 'string' && v.includes('样例'));
        for (const blank of [false, true]) {
          const formParams = blank ? { recordKind: kind.id } : { recordKind: kind.id, recordIds: [saved.id] };
          const file = await api.exportFormPdf({ formId: 'desk-record', blank, params: formParams });
          const text = pdfText(keep(`record-${kind.id}${blank ? '-blank' : ''}`, Buffer.from(file.dataBase64, 'base64')));
          for (const l of labels) if (!text.includes(l.replace(/\s+/g, ''))) problems.push(`${kind.id}${blank ? ' (blank)' : ''}: no label ${l}`);
          for (const v of texts) if (text.includes(v) === blank) problems.push(`${kind.id}${blank ? ' (blank) has' : ' lacks'} ${v}`);
          if (kind.formNo && !text.includes(kind.formNo)) problems.push(`${kind.id}: no form number ${kind.formNo}`);
          const form = await api.renderForm({ formId: 'desk-record', blank, params: formParams });
          const page = await browser.newPage({ viewport: { width: Math.round(180 * mm), height: 1100 } });
          await page.emulateMedia({ media: 'print' });
          await page.setContent(form.html);
          problems.push(...(await page.evaluate(layoutProblems, mm)).map((p) => `${kind.id}${blank ? ' (blank)' : ''}: ${p}`));
          await page.close();
          if (process.env.FORMS_OUT) writeFileSync(join(process.env.FORMS_OUT, `record-${kind.id}${blank ? '-blank' : ''}.pdf`), Buffer.from(file.dataBase64, 'base64'));
        }
      }
    } finally {
      await browser.close();
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
