import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../shared/dates';
import { asAdmin, failureCode, readAudit, signedInAs, travel } from './helpers';
import { setupStorage } from './storage-fixture';

const manager = { username: 'zhaojl', password: 'Manager-2026-pass' };
const general = { username: 'qianzjl', password: 'General-2026-pass' };
// A 1×1 PNG, as a signature pad would send.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

async function loanSetup() {
  const ctx = await setupStorage();
  const { api, byCode, file } = ctx;
  await asAdmin(() => api.createAccount({ username: manager.username, displayName: '赵经理', role: 'department_manager', password: manager.password, passwordConfirm: manager.password }));
  await asAdmin(() => api.createAccount({ username: general.username, displayName: '钱总', role: 'general_manager', password: general.password, passwordConfirm: general.password }));
  const a = await file('张三', 'A-301');
  const b = await file('李四', 'A-302');
  await api.moveFile({ fileId: a, toBoxId: byCode['B-002']!.id, reason: '入盒' });
  await api.moveFile({ fileId: b, toBoxId: byCode['B-002']!.id, reason: '入盒' });
  const liu = await api.saveBorrower({ name: '刘强', department: '工程部', phone: '13800138000', employeeNo: 'E1001' });
  const approve = (approvalId: number, who = manager) => api.decideApproval({ approvalId, approve: true, reason: '同意', approver: who });
  return { ...ctx, a, b, liu, approve };
}

describe('borrowing', () => {
  it('lends nothing without approval; after approval lends by the due date of its term', async () => {
    const { api, a, b, liu, approve } = await loanSetup();
    const loan = await api.requestLoan({ borrowerId: liu.id, fileIds: [a, b], purpose: '核对租赁面积', kind: 'take_out', term: 'short' });
    expect(loan).toMatchObject({ slipNo: 'JY-2026-00001', status: 'requested', approval: { status: 'pending', requiredRole: 'department_manager' } });
    expect(await failureCode(api.lendFiles({ borrowerId: liu.id, fileIds: [a] }))).toBe('LOAN_NOT_APPROVED');
    await approve(loan.approval!.id);
    expect((await api.getLoan({ loanId: loan.id })).status).toBe('approved');
    // Only 张三 is handed over; 李四 lapses from this slip.
    const lent = await api.lendFiles({ borrowerId: liu.id, fileIds: [a], signaturePng: PNG });
    expect(lent).toEqual([expect.objectContaining({ fileId: a, slipNo: 'JY-2026-00001', dueDate: '2026-11-26' })]);
    const detail = await api.getLoan({ loanId: loan.id });
    expect(detail).toMatchObject({ status: 'lent', dueDate: '2026-11-26', lentBy: '王芳', approval: { status: 'used' } });
    expect(detail.lendSignature).toMatch(/^data:image\/png;base64,/);
    expect(detail.items.map((i) => [i.fileId, i.itemState])).toEqual([
      [a, 'out'],
      [b, 'cancelled'],
    ]);
    // "Where is file X": out with 刘强 since today.
    expect((await api.whereIsFile({ fileId: a })).out).toMatchObject({ borrower: '刘强', department: '工程部', dueDate: '2026-11-26', slipNo: 'JY-2026-00001' });
    const storage = await api.getStorage();
    expect(storage[0]!.cabinets[0]!.shelves[0]!.boxes.find((x) => x.code === 'B-002')).toMatchObject({ fileCount: 2, outCount: 1 });
    expect(await failureCode(api.lendFiles({ borrowerId: liu.id, fileIds: [a], signaturePng: 'bm90IGEgcG5n' }))).toBe('VALIDATION_FAILED');
  });

  it('reading in the office is due the same day; long-term is 7 days', async () => {
    const { api, a, b, liu, approve } = await loanSetup();
    const read = await api.requestLoan({ borrowerId: liu.id, fileIds: [a], purpose: '查阅', kind: 'read' });
    const long = await api.requestLoan({ borrowerId: liu.id, fileIds: [b], purpose: '年度审计', kind: 'take_out', term: 'long' });
    await approve(read.approval!.id);
    await approve(long.approval!.id);
    const out = await api.lendFiles({ borrowerId: liu.id, fileIds: [a, b] });
    expect(Object.fromEntries(out.map((o) => [o.fileId, o.dueDate]))).toEqual({ [a]: '2026-11-23', [b]: '2026-11-30' });
  });

  it('needs the general manager for a file at or above the set confidentiality', async () => {
    const { api, a, b, liu, approve } = await loanSetup();
    await api.addDocument({ fileId: a, category: 'payment', title: '押金结算明细', docDate: '2024-01-02', pages: 2, isOriginal: true, confidentiality: 'confidential' });
    const loan = await api.requestLoan({ borrowerId: liu.id, fileIds: [a], purpose: '核对押金', kind: 'copy' });
    expect(loan.approval).toMatchObject({ requiredRole: 'general_manager' });
    expect(await failureCode(approve(loan.approval!.id))).toBe('APPROVER_NOT_ALLOWED');
    await approve(loan.approval!.id, general);
    expect((await api.getLoan({ loanId: loan.id })).status).toBe('approved');
    // The level is a setting: from "ordinary" on, every file needs the general manager.
    expect((await api.requestLoan({ borrowerId: liu.id, fileIds: [b], purpose: 'x', kind: 'read' })).approval).toMatchObject({ requiredRole: 'department_manager' });
    await asAdmin(() => api.updateSettings({ loanGeneralManagerFrom: 'ordinary' }));
    expect((await api.requestLoan({ borrowerId: liu.id, fileIds: [b], purpose: 'x', kind: 'read' })).approval).toMatchObject({ requiredRole: 'general_manager' });
  });

  it('refuses a second loan of a file that is out, and a rejected request lends nothing', async () => {
    const { api, dispatch, a, b, liu, approve } = await loanSetup();
    const wang = await api.saveBorrower({ name: '王敏', department: '财务部' });
    // One phone rule for customers and borrowers: letters are refused, in words.
    expect(await dispatch('saveBorrower', { name: '赵六', department: '财务部', phone: '138abc00000' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'phone' }] } },
    });
    const first = await api.requestLoan({ borrowerId: liu.id, fileIds: [a], purpose: '核对', kind: 'take_out' });
    await approve(first.approval!.id);
    await api.lendFiles({ borrowerId: liu.id, fileIds: [a] });
    const refused = await api.requestLoan({ borrowerId: wang.id, fileIds: [a], purpose: '对账', kind: 'take_out' }).catch((e) => e);
    expect(refused).toMatchObject({ code: 'FILE_OUT' });
    const rejected = await api.requestLoan({ borrowerId: wang.id, fileIds: [b], purpose: '对账', kind: 'take_out' });
    await api.decideApproval({ approvalId: rejected.approval!.id, approve: false, reason: '用途不明', approver: manager });
    expect((await api.getLoan({ loanId: rejected.id })).status).toBe('rejected');
    expect(await failureCode(api.lendFiles({ borrowerId: wang.id, fileIds: [b] }))).toBe('LOAN_NOT_APPROVED');
  });

  it('renews only before the due date, with approval, at most N times; overdue shows on the list', async () => {
    const ctx = await loanSetup();
    const { api, a, liu, approve } = ctx;
    const loan = await api.requestLoan({ borrowerId: liu.id, fileIds: [a], purpose: '核对', kind: 'take_out' });
    await approve(loan.approval!.id);
    await api.lendFiles({ borrowerId: liu.id, fileIds: [a] });
    const asked = await api.requestRenewal({ loanId: loan.id, reason: '尚未核完' });
    expect(asked.pendingRenewal).toMatchObject({ status: 'pending' });
    expect(await failureCode(api.renewLoan({ loanId: loan.id, approvalId: asked.pendingRenewal!.approvalId }))).toBe('APPROVAL_REQUIRED');
    await approve(asked.pendingRenewal!.approvalId);
    const renewed = await api.renewLoan({ loanId: loan.id, approvalId: asked.pendingRenewal!.approvalId });
    expect(renewed).toMatchObject({ dueDate: '2026-11-29', renewals: 1, renewalsLeft: 0 });
    expect(await failureCode(api.requestRenewal({ loanId: loan.id, reason: '再续' }))).toBe('RENEWAL_LIMIT');

    await travel(ctx, new Date('2026-12-02T09:00:00Z'));
    const overdue = await api.listOverdue();
    expect(overdue).toEqual([expect.objectContaining({ fileId: a, borrower: '刘强', phone: '13800138000', daysOverdue: 3 })]);
    await asAdmin(() => api.updateSettings({ loanMaxRenewals: 3 }));
    const late = await api.requestRenewal({ loanId: loan.id, reason: '逾期续借' }).catch((e) => e);
    expect(late).toMatchObject({ code: 'RENEWAL_TOO_LATE', details: { dueDate: '2026-11-29' } });
  });

  it('returns with a condition check: a missing document needs a note and flags the file', async () => {
    const { api, a, b, liu, approve } = await loanSetup();
    const loan = await api.requestLoan({ borrowerId: liu.id, fileIds: [a, b], purpose: '核对', kind: 'take_out' });
    await approve(loan.approval!.id);
    await api.lendFiles({ borrowerId: liu.id, fileIds: [a, b] });
    expect(await failureCode(api.returnFiles({ items: [{ fileId: a, condition: 'documents_missing' }] }))).toBe('REASON_REQUIRED');
    await api.returnFiles({ items: [{ fileId: a, condition: 'documents_missing', note: '缺押金收据' }] });
    expect((await api.getFile({ fileId: a })).flag).toMatchObject({ note: '归还时缺少文件：缺押金收据' });
    expect((await api.getLoan({ loanId: loan.id })).status).toBe('lent');
    expect(await failureCode(api.returnFiles({ items: [{ fileId: a, condition: 'complete' }] }))).toBe('FILE_NOT_OUT');
    await api.returnFiles({ items: [{ fileId: b, condition: 'complete' }], signaturePng: PNG });
    const closed = await api.getLoan({ loanId: loan.id });
    expect(closed.status).toBe('returned');
    expect(closed.returnSignature).toMatch(/^data:image\/png/);
    expect((await api.whereIsFile({ fileId: a })).out).toBeNull();
    await api.clearFileFlag({ fileId: a, reason: '收据已补回' });
    expect((await api.getFile({ fileId: a })).flag).toBeNull();
  });

  it('going live: a loan already out on paper is entered with its real dates, overdue from day one, audited as entered late', async () => {
    const { api, a, b, liu } = await loanSetup();
    const paper = { borrowerId: liu.id, fileIds: [a], purpose: '核对押金', kind: 'take_out' as const, paperSlipNo: 'ZB-0087', paperApprovedBy: '赵经理' };
    // Today is 2026-11-23 at the desk (02:20; UTC is still the 22nd).
    expect(await api.enterPaperLoan({ ...paper, lentOn: '2026-11-24', dueDate: '2026-11-27' }).catch((e) => e)).toMatchObject({ code: 'LENT_DATE_IN_FUTURE', details: { today: '2026-11-23' } });
    expect(await failureCode(api.enterPaperLoan({ ...paper, lentOn: '2026-11-10', dueDate: '2026-11-09' }))).toBe('DUE_BEFORE_LENT');
    expect(await api.listLoans({})).toEqual([]);
    const loan = await api.enterPaperLoan({ ...paper, lentOn: '2026-11-10', dueDate: '2026-11-13' });
    expect(loan).toMatchObject({ status: 'lent', lentBy: '王芳', dueDate: '2026-11-13', approval: null, enteredLate: { paperSlipNo: 'ZB-0087', paperApprovedBy: '赵经理' } });
    expect(localDate(loan.lentAt!)).toBe('2026-11-10');
    expect(localDate(loan.enteredLate!.at)).toBe('2026-11-23');
    // Overdue handling works at once: ten days late, on the overdue list and where the file is.
    expect((await api.listOverdue()).map((r) => [r.fileId, r.daysOverdue])).toEqual([[a, 10]]);
    expect((await api.whereIsFile({ fileId: a })).out).toMatchObject({ borrower: '刘强', dueDate: '2026-11-13' });
    // A file that is out cannot be entered twice; the slip number follows the year it was lent.
    expect(await failureCode(api.enterPaperLoan({ ...paper, lentOn: '2026-11-11', dueDate: '2026-11-14' }))).toBe('FILE_OUT');
    const older = await api.enterPaperLoan({ ...paper, fileIds: [b], lentOn: '2025-12-30', dueDate: '2026-01-05', paperSlipNo: undefined, paperApprovedBy: undefined });
    expect(older.slipNo).toBe('JY-2025-00001');
    // Audited as entered late, in words.
    const entries = await readAudit({ action: 'loan.entered_late' });
    expect(entries.rows.map((e) => e.summary)).toContain(
      `王芳补登了纸质登记簿上已借出的借阅单 ${loan.slipNo}（借阅人 刘强；档案 0001-KH·2026-D30-KFB-00001 张三）。借出日期：2026-11-10，纸质借阅单：ZB-0087，审批人 赵经理，应还日期：2026-11-13。`,
    );
    // The slip prints the paper's dates and approver, and says it was entered from paper.
    const { html } = await api.renderForm({ formId: 'loan-slip', blank: false, params: { loanId: loan.id } });
    const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
    for (const s of ['借出日期2026-11-10', '应还日期2026-11-13', '审批人赵经理', '纸质单号ZB-0087', '据纸质登记簿补登于2026-11-23']) expect(text).toContain(s);
    // It comes back like any loan.
    await api.returnFiles({ items: [{ fileId: a, condition: 'complete' }] });
    expect((await api.getLoan({ loanId: loan.id })).status).toBe('returned');
  });

  it('借阅记录表 and 借阅单 carry the clerks (经办人) and the signatures; the register is the month the files went out', async () => {
    const ctx = await loanSetup();
    const { api, a, b, liu, approve } = ctx;
    await asAdmin(() => api.createAccount({ username: 'lixiao', displayName: '李晓', role: 'clerk', password: 'Clerk-2026-pass', passwordConfirm: 'Clerk-2026-pass' }));
    const loan = await api.requestLoan({ borrowerId: liu.id, fileIds: [a], purpose: '核对', kind: 'take_out' });
    await approve(loan.approval!.id);
    await api.lendFiles({ borrowerId: liu.id, fileIds: [a], signaturePng: PNG });
    await signedInAs('lixiao', () => api.returnFiles({ items: [{ fileId: a, condition: 'complete' }], signaturePng: PNG }));
    // Asked for in November, handed out in December: it belongs to December's register.
    const late = await api.requestLoan({ borrowerId: liu.id, fileIds: [b], purpose: '年底核对', kind: 'take_out' });
    await approve(late.approval!.id);
    await travel(ctx, new Date('2026-12-01T01:00:00Z'));
    await api.lendFiles({ borrowerId: liu.id, fileIds: [b] });
    const text = async (formId: 'loan-slip' | 'loan-register', params: Record<string, unknown>) => {
      const { html } = await api.renderForm({ formId, blank: false, params });
      return { html, text: html.replace(/<[^>]+>/g, '').replace(/\s+/g, '') };
    };
    const slip = await text('loan-slip', { loanId: loan.id });
    expect(slip.text).toContain('经办人签字：王芳');
    expect(slip.text).toContain('审批人签字：赵经理');
    expect(slip.text).toContain('接收人签字：李晓');
    expect(slip.text).toContain('日期：2026-11-23');
    expect(slip.html.match(/<img[^>]+data:image\/png/g)).toHaveLength(2);
    const november = await text('loan-register', { month: '2026-11' });
    expect(november.text).toContain('王芳／李晓');
    expect(november.html).toMatch(/<img[^>]*class="signed"[^>]*data:image\/png|<img[^>]*data:image\/png[^>]*class="signed"/);
    expect(november.text).not.toContain('年底核对');
    const december = await text('loan-register', { month: '2026-12' });
    expect(december.text).toContain('年底核对');
    expect(december.text).toContain('2026-12-01');
    expect(december.text).not.toContain('核对王芳／李晓');
  });

  it('a leaver cannot be marked as left while holding files; the register filters and exports', async () => {
    const { api, a, liu, approve } = await loanSetup();
    const loan = await api.requestLoan({ borrowerId: liu.id, fileIds: [a], purpose: '核对', kind: 'take_out' });
    await approve(loan.approval!.id);
    await api.lendFiles({ borrowerId: liu.id, fileIds: [a] });
    const holdings = await api.getBorrowerHoldings({ borrowerId: liu.id });
    expect(holdings.items.map((i) => i.fileId)).toEqual([a]);
    const blocked = await api.markBorrowerLeft({ borrowerId: liu.id }).catch((e) => e);
    expect(blocked).toMatchObject({ code: 'BORROWER_HOLDS_FILES', details: { name: '刘强', count: 1 } });
    expect((await api.listLoans({ status: 'out' })).length).toBe(1);
    expect((await api.listLoans({ department: '财务部' })).length).toBe(0);
    expect((await api.listLoans({ query: '张三', from: '2026-11-01', to: '2026-11-30' })).map((r) => r.slipNo)).toEqual(['JY-2026-00001']);
    const xlsx = await api.exportLoans({ status: 'out' });
    expect(xlsx.fileName).toBe('借阅登记-2026-11-23.xlsx');
    expect(Buffer.from(xlsx.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    await api.returnFiles({ items: [{ fileId: a, condition: 'complete' }] });
    expect(await api.markBorrowerLeft({ borrowerId: liu.id })).toMatchObject({ status: 'left', holding: 0 });
    expect(await failureCode(api.requestLoan({ borrowerId: liu.id, fileIds: [a], purpose: 'x', kind: 'read' }))).toBe('BORROWER_LEFT');
  });

  it('the exported register has every loan, past the screen’s page of 500 and the old 5,000', async () => {
    const { api, a, liu, approve, vault } = await loanSetup();
    const loan = await api.requestLoan({ borrowerId: liu.id, fileIds: [a], purpose: '核对', kind: 'read' });
    await approve(loan.approval!.id);
    await api.lendFiles({ borrowerId: liu.id, fileIds: [a] });
    await api.returnFiles({ items: [{ fileId: a, condition: 'complete' }] });
    // 5,100 more loans of the same file, each returned, copied in SQL (a desk's years of loans).
    const sqlite = vault.sqlite();
    const columns = (sqlite.pragma('table_info(loans)') as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
    const copy = columns.map((c) => (c === 'slip_no' ? `slip_no || '-' || n` : c)).join(', ');
    sqlite.exec(`with recursive seq(n) as (select 1 union all select n + 1 from seq where n < 5100)
      insert into loans (${columns.join(', ')}) select ${copy} from loans, seq where loans.id = ${loan.id}`);
    sqlite.exec(`insert into loan_items (loan_id, file_id, state, returned_at, returned_by, condition, condition_note)
      select l.id, i.file_id, i.state, i.returned_at, i.returned_by, i.condition, i.condition_note from loans l, loan_items i where i.loan_id = ${loan.id} and l.id <> ${loan.id}`);
    expect(await api.listLoans({})).toHaveLength(500);
    const xlsx = await api.exportLoans({});
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as never);
    expect(book.worksheets[0]!.actualRowCount).toBe(1 + 5101);
    expect(book.worksheets[0]!.name).toBe('借用借阅记录');
    expect((book.worksheets[0]!.getRow(1).values as string[]).slice(1, 4)).toEqual(['借阅单号', '申请日期', '借阅人']);
  }, 60_000);

  it('the monthly inspection reports a lent file as expected absent', async () => {
    const { api, a, b, liu, approve, byCode } = await loanSetup();
    const loan = await api.requestLoan({ borrowerId: liu.id, fileIds: [a], purpose: '核对', kind: 'take_out' });
    await approve(loan.approval!.id);
    await api.lendFiles({ borrowerId: liu.id, fileIds: [a] });
    const cabinetId = (await api.getStorage())[0]!.cabinets[0]!.id;
    const { id } = await api.startInspection({ cabinetIds: [cabinetId] });
    const box = byCode['B-002']!.id;
    await api.recordInspectionScan({ inspectionId: id, boxId: box, code: (await api.getFile({ fileId: b })).refNo });
    const detail = await api.setInspectionBoxChecked({ inspectionId: id, boxId: box, checked: true });
    expect(detail.findings.find((f) => f.fileId === a)).toMatchObject({ kind: 'lent', detail: expect.stringContaining('刘强') });
    expect(detail.counts).toMatchObject({ lent: 1, present: 1, missing: 0 });
  });
});

describe('transfers', () => {
  it('moves files to another department only after approval, with a receipt and the file record', async () => {
    const { api, a, b, approve, liu } = await loanSetup();
    // 李四 is out with 刘强, who is leaving: the transfer closes that loan as handed over.
    const loan = await api.requestLoan({ borrowerId: liu.id, fileIds: [b], purpose: '核对', kind: 'take_out' });
    await approve(loan.approval!.id);
    await api.lendFiles({ borrowerId: liu.id, fileIds: [b] });
    const transfer = await api.requestTransfer({ fileIds: [a, b], fromDepartment: '客务部', toDepartment: '工程部', fromHandler: '王芳', toHandler: '刘强', reason: '装修改造需要' });
    expect(transfer).toMatchObject({ transferNo: 'YJ-2026-0001', status: 'requested', fromDepartment: '客务部', approvedBy: null });
    expect(await failureCode(api.completeTransfer({ transferId: transfer.id }))).toBe('TRANSFER_NOT_APPROVED');
    await approve(transfer.approvalId!);
    const done = await api.completeTransfer({ transferId: transfer.id });
    // The handing department is the one typed in, not the organisation; the approver signs the receipt.
    expect(done).toMatchObject({ fromDepartment: '客务部', approvedBy: '赵经理' });
    expect(done).toMatchObject({ status: 'done', doneBy: '王芳' });
    expect(done.files.map((f) => f.fromBox)).toEqual(['客务部档案室 / 3F-A / 1 / B-002', '客务部档案室 / 3F-A / 1 / B-002']);
    const where = await api.whereIsFile({ fileId: a });
    expect(where).toMatchObject({ home: null, transferred: { toDepartment: '工程部', transferNo: 'YJ-2026-0001' } });
    expect((await api.getLoan({ loanId: loan.id })).items[0]).toMatchObject({ itemState: 'handed_over' });
    expect(await api.markBorrowerLeft({ borrowerId: liu.id })).toMatchObject({ status: 'left' });
    expect(await failureCode(api.requestTransfer({ fileIds: [a], fromDepartment: '客务部', toDepartment: '财务部', fromHandler: '王芳', toHandler: '王敏', reason: 'x' }))).toBe('FILE_TRANSFERRED');
  });
});
