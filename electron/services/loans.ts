import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ArchiveDatabase } from '../../db/schema';
import {
  anyStillOut,
  borrowerLeft,
  borrowerRow,
  borrowerRows,
  employeeNoTaken,
  fileFlag,
  filesToLend,
  firstOutRefNo,
  handOverItems,
  insertLoan,
  insertRenewal,
  itemOut,
  lendSignaturesBetween,
  levelsInFiles,
  loanById,
  loanWithNames,
  markRenewed,
  nextNumber,
  openRenewal,
  pendingItemsOf,
  pendingRenewalOf,
  refNoOf,
  registerRows,
  registerRowsLentBetween,
  registerRowsOfLoan,
  setFileFlag,
  updateLoan,
  updateLoanItem,
  writeBorrower,
} from '../../db/queries/loans';
import type { Borrower, DeskOutcome, ExportedFile, LoanDetail, LoanRegisterRow } from '../../shared/api';
import { atLeastAsConfidential, type LoanKind, type LoanTerm, type ReturnCondition } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import { daysOverdue } from '../../shared/loan-rules';
import { loanExportLabels, loanKindLabels, loanStatusLabels, loanTermLabels, returnConditionLabels } from '../../shared/labels';
import type { exportLoansInput, listLoansInput, markBorrowerLeftInput, saveBorrowerInput } from '../../shared/schemas';
import { handOverIn } from './owners';
import { createApproval, loadApprovals, useApproval } from './approvals';
import { recordAudit } from './audit';
import { addDays, addMonths, dayOrEmpty, localDate, localDayStart } from '../../shared/dates';
import { nowIso, today, type ServiceContext } from './context';
import { readSettings } from './settings';
import { xlsxFile, xlsxSheet } from './xlsx';

type Db = Kysely<ArchiveDatabase>;

// The borrowing register (借阅, 003 §6 4.4, 4.6): nothing leaves without a manager's approval,
// short-term use is 3 days and long-term 7, a renewal is asked for before the due date, and a
// file that is out cannot be lent again (the archive's unique index refuses a second 'out' row).

export { addDays, daysBetween } from '../../shared/dates';

/** Reading in the office is due the same day; otherwise the term's days (settings). */
function loanDays(kind: LoanKind, term: LoanTerm, settings: { loanShortDays: number; loanLongDays: number }): number {
  if (kind === 'read') return 0;
  return term === 'long' ? settings.loanLongDays : settings.loanShortDays;
}

const pngDataUrl = (bytes: Uint8Array | null) => (bytes ? `data:image/png;base64,${Buffer.from(bytes).toString('base64')}` : null);

function signatureBytes(base64: string | undefined): Uint8Array | null {
  if (!base64) return null;
  const bytes = Buffer.from(base64.replace(/^data:image\/png;base64,/, ''), 'base64');
  // A PNG starts with its 8-byte signature; anything else is not a signature image.
  if (bytes.length < 8 || bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new ArchiveError('VALIDATION_FAILED', { field: 'signaturePng' });
  return bytes;
}

// ---------------------------------------------------------------- borrowers

const toBorrower = (r: Omit<Borrower, 'holding' | 'owns'> & { holding: number | null; owns: number | null }): Borrower => ({ ...r, holding: Number(r.holding ?? 0), owns: Number(r.owns ?? 0) });

export async function getBorrower(db: Db, borrowerId: number): Promise<Borrower> {
  const row = await borrowerRow(db, borrowerId);
  if (!row) throw new ArchiveError('NOT_FOUND');
  return toBorrower(row);
}

export async function listBorrowers(db: Db, input: { query?: string; includeLeft?: boolean }): Promise<Borrower[]> {
  return (await borrowerRows(db, input)).map(toBorrower);
}

export async function saveBorrower(ctx: ServiceContext, input: z.output<typeof saveBorrowerInput>): Promise<Borrower> {
  const at = nowIso(ctx);
  const values = { name: input.name, department: input.department, phone: input.phone ?? null, employee_no: input.employeeNo ?? null, updated_at: at };
  if (input.employeeNo && (await employeeNoTaken(ctx.db, input.employeeNo, input.id))) throw new ArchiveError('CODE_TAKEN', { code: input.employeeNo });
  const id = await writeBorrower(ctx.db, input.id, values, at);
  if (id === null) throw new ArchiveError('NOT_FOUND');
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'borrower.saved', { targetType: 'borrower', targetId: String(id), details: { name: input.name, department: input.department } });
  return getBorrower(ctx.db, id);
}

/** A leaver hands back every file first, and their customers go to who takes them over (003 §14 12). */
export async function markBorrowerLeft(ctx: ServiceContext, input: z.output<typeof markBorrowerLeftInput>): Promise<Borrower> {
  const { borrowerId } = input;
  const borrower = await getBorrower(ctx.db, borrowerId);
  if (borrower.status !== 'active') throw new ArchiveError('BORROWER_LEFT');
  if (borrower.holding > 0) throw new ArchiveError('BORROWER_HOLDS_FILES', { name: borrower.name, count: borrower.holding });
  if (borrower.owns > 0 && !input.customersTo) throw new ArchiveError('BORROWER_OWNS_CUSTOMERS', { name: borrower.name, count: borrower.owns });
  await ctx.db.transaction().execute(async (trx) => {
    if (borrower.owns > 0) await handOverIn(trx, ctx, { fromBorrowerId: borrowerId, toBorrowerId: input.customersTo!, reason: input.reason ?? '' });
    await borrowerLeft(trx, borrowerId, nowIso(ctx));
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'borrower.left', { targetType: 'borrower', targetId: String(borrowerId) });
  });
  return getBorrower(ctx.db, borrowerId);
}

// ---------------------------------------------------------------- the register

type RegisterDbRow = Omit<LoanRegisterRow, 'daysOverdue' | 'renewals'> & { renewals: number };

function withOverdue(rows: RegisterDbRow[], on: string): LoanRegisterRow[] {
  return rows.map((r) => ({ ...r, renewals: Number(r.renewals), daysOverdue: daysOverdue(r.itemState, r.dueDate, on) }));
}

/**
 * The month's 借阅记录表: every file handed out in that month (by the desk's local date), with
 * the clerk who did it and the borrower's on-screen signature; no row limit, it is the register.
 */
export async function lentInMonth(ctx: { db: Db; clock: ServiceContext['clock'] }, month: string): Promise<{ rows: LoanRegisterRow[]; lendSignatures: Record<number, string> }> {
  const from = localDayStart(`${month}-01`);
  const to = localDayStart(`${addMonths(month, 1)}-01`);
  const rows = await registerRowsLentBetween(ctx.db, from, to);
  const signed = await lendSignaturesBetween(ctx.db, from, to);
  return { rows: withOverdue(rows as RegisterDbRow[], today(ctx)), lendSignatures: Object.fromEntries(signed.map((l) => [l.id, pngDataUrl(l.lend_signature)!])) };
}

export async function listLoans(
  ctx: { db: Db; clock: ServiceContext['clock'] },
  input: Partial<Omit<z.output<typeof listLoansInput>, 'limit'>> & { limit: number | null },
): Promise<LoanRegisterRow[]> {
  const on = today(ctx);
  const rows = await registerRows(ctx.db, {
    requestedFrom: input.from ? localDayStart(input.from) : undefined,
    requestedBefore: input.to ? localDayStart(addDays(input.to, 1)) : undefined,
    borrowerId: input.borrowerId,
    department: input.department,
    fileId: input.fileId,
    query: input.query,
    status: input.status,
    overdueOn: on,
    limit: input.limit,
  });
  return withOverdue(rows as RegisterDbRow[], on);
}

/** Files past their due date and still out, longest overdue first, with the borrower's phone. */
export async function listOverdue(ctx: { db: Db; clock: ServiceContext['clock'] }): Promise<LoanRegisterRow[]> {
  const rows = await listLoans(ctx, { status: 'overdue', limit: null });
  return rows.sort((a, b) => b.daysOverdue - a.daysOverdue);
}

export async function getLoan(ctx: { db: Db; clock: ServiceContext['clock'] }, loanId: number): Promise<LoanDetail> {
  const loan = await loanWithNames(ctx.db, loanId);
  if (!loan) throw new ArchiveError('NOT_FOUND');
  const settings = await readSettings(ctx.db);
  const items = withOverdue((await registerRowsOfLoan(ctx.db, loanId)) as RegisterDbRow[], today(ctx));
  const renewal = await pendingRenewalOf(ctx.db, loanId);
  return {
    id: loan.id,
    slipNo: loan.slip_no,
    borrower: await getBorrower(ctx.db, loan.borrower_id),
    purpose: loan.purpose,
    kind: loan.kind,
    term: loan.term,
    status: loan.status,
    requestedAt: loan.requested_at,
    requestedBy: loan.requestedByName,
    approval: loan.approval_id ? ((await loadApprovals(ctx.db, { id: loan.approval_id }))[0] ?? null) : null,
    lentAt: loan.lent_at,
    lentBy: loan.lentByName,
    dueDate: loan.due_date,
    renewals: loan.renewals,
    renewalsLeft: Math.max(0, settings.loanMaxRenewals - loan.renewals),
    returnedAt: loan.returned_at,
    lendSignature: pngDataUrl(loan.lend_signature),
    returnSignature: pngDataUrl(loan.return_signature),
    items,
    pendingRenewal: renewal ?? null,
    enteredLate: loan.entered_late_at ? { at: loan.entered_late_at, paperSlipNo: loan.paper_slip_no, paperApprovedBy: loan.paper_approved_by } : null,
  };
}

// ---------------------------------------------------------------- request, lend, renew, return

/** Whoever has left the company borrows nothing more (003 §14 12). */
async function activeBorrower(db: Db, borrowerId: number): Promise<Borrower> {
  const borrower = await getBorrower(db, borrowerId);
  if (borrower.status !== 'active') throw new ArchiveError('BORROWER_LEFT');
  return borrower;
}

async function requireLendable(db: Db, fileIds: number[]) {
  const files = await filesToLend(db, fileIds);
  if (files.length !== new Set(fileIds).size) throw new ArchiveError('NOT_FOUND');
  for (const f of files) {
    if (f.status === 'destroyed') throw new ArchiveError('NOT_FOUND');
    if (f.transferred_at) throw new ArchiveError('FILE_TRANSFERRED', { refNo: f.ref_no });
  }
  const out = await firstOutRefNo(db, fileIds);
  if (out !== undefined) throw new ArchiveError('FILE_OUT', { refNo: out });
  return files;
}

/** What every loan row starts with: its slip, who borrows, why, how, and who asked. */
function loanRow(ctx: ServiceContext, slipNo: string, borrowerId: number, input: { purpose: string; kind: LoanKind; term: LoanTerm }) {
  return { slip_no: slipNo, borrower_id: borrowerId, purpose: input.purpose, kind: input.kind, term: input.term, requested_by: ctx.session.accountId };
}

/** The general manager approves when a file, or any document in it, is at or above the set level. */
async function approverFor(db: Db, fileIds: number[]): Promise<'department_manager' | 'general_manager'> {
  const { loanGeneralManagerFrom } = await readSettings(db);
  const levels = await levelsInFiles(db, fileIds);
  return levels.some((l) => atLeastAsConfidential(l, loanGeneralManagerFrom)) ? 'general_manager' : 'department_manager';
}

export async function requestLoan(ctx: ServiceContext, input: { borrowerId: number; fileIds: number[]; purpose: string; kind: LoanKind; term: LoanTerm }): Promise<LoanDetail> {
  const fileIds = [...new Set(input.fileIds)];
  const borrower = await activeBorrower(ctx.db, input.borrowerId);
  const files = await requireLendable(ctx.db, fileIds);
  const requiredRole = await approverFor(ctx.db, fileIds);
  const loanId = await ctx.db.transaction().execute(async (trx) => {
    const slipNo = await nextNumber(trx, 'loans', 'JY', today(ctx).slice(0, 4), 5);
    const loanId = await insertLoan(trx, { ...loanRow(ctx, slipNo, borrower.id, input), status: 'requested', requested_at: nowIso(ctx) }, fileIds, 'pending');
    const summary = `${slipNo} · ${borrower.name}（${borrower.department}）· ${files.map((f) => `${f.ref_no} ${f.name}`).join('；')}`;
    const approvalId = await createApproval(trx, ctx, { kind: 'borrow', targetType: 'loan', targetId: loanId, summary, reason: input.purpose, requiredRole });
    await updateLoan(trx, loanId, { approval_id: approvalId });
    return loanId;
  });
  return getLoan(ctx, loanId);
}

/**
 * Going live from paper (补登): a loan already out on the paper register is entered with its real
 * lend and due dates, so overdue handling works from the first day. It was approved on paper; the
 * approver's name and the paper slip's number are kept, and the entry is audited as entered late.
 */
export async function enterPaperLoan(
  ctx: ServiceContext,
  input: { borrowerId: number; fileIds: number[]; purpose: string; kind: LoanKind; term: LoanTerm; lentOn: string; dueDate: string; paperSlipNo?: string; paperApprovedBy?: string },
): Promise<LoanDetail> {
  const fileIds = [...new Set(input.fileIds)];
  const on = today(ctx);
  if (input.lentOn > on) throw new ArchiveError('LENT_DATE_IN_FUTURE', { lentOn: input.lentOn, today: on });
  if (input.dueDate < input.lentOn) throw new ArchiveError('DUE_BEFORE_LENT', { lentOn: input.lentOn, dueDate: input.dueDate });
  const borrower = await activeBorrower(ctx.db, input.borrowerId);
  const loanId = await ctx.db.transaction().execute(async (trx) => {
    const files = await requireLendable(trx, fileIds);
    // The moment of lending is the start of that day at the desk: the paper register has only the date.
    const lentAt = localDayStart(input.lentOn);
    const slipNo = await nextNumber(trx, 'loans', 'JY', input.lentOn.slice(0, 4), 5);
    const loanId = await insertLoan(
      trx,
      {
        ...loanRow(ctx, slipNo, borrower.id, input),
        status: 'lent',
        requested_at: lentAt,
        lent_at: lentAt,
        lent_by: ctx.session.accountId,
        due_date: input.dueDate,
        entered_late_at: nowIso(ctx),
        paper_slip_no: input.paperSlipNo ?? null,
        paper_approved_by: input.paperApprovedBy ?? null,
      },
      fileIds,
      'out',
    );
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'loan.entered_late', {
      targetType: 'loan',
      targetId: String(loanId),
      details: { fileIds, refNos: files.map((f) => f.ref_no), lentOn: input.lentOn, dueDate: input.dueDate, paperSlipNo: input.paperSlipNo, paperApprovedBy: input.paperApprovedBy },
    });
    return loanId;
  });
  return getLoan(ctx, loanId);
}

/**
 * At the desk: the borrower's approved slips holding these files are lent. Items of a slip that
 * were not handed over lapse (the approval was for this one lending). Due date from kind and term.
 */
export async function lendFiles(ctx: ServiceContext, input: { borrowerId: number; fileIds: number[]; signaturePng?: string }): Promise<DeskOutcome[]> {
  const fileIds = [...new Set(input.fileIds)];
  const signature = signatureBytes(input.signaturePng);
  const borrower = await activeBorrower(ctx.db, input.borrowerId);
  const settings = await readSettings(ctx.db);
  const outcomes: DeskOutcome[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    await requireLendable(trx, fileIds);
    const items = await pendingItemsOf(trx, borrower.id, fileIds);
    for (const fileId of fileIds) {
      const item = items.find((i) => i.fileId === fileId && i.status === 'approved');
      if (!item) {
        throw new ArchiveError('LOAN_NOT_APPROVED', { refNo: await refNoOf(trx, fileId) });
      }
    }
    const loanIds = [...new Set(items.filter((i) => i.status === 'approved' && fileIds.includes(i.fileId)).map((i) => i.loanId))];
    const at = nowIso(ctx);
    for (const loanId of loanIds) {
      const lent = items.filter((i) => i.loanId === loanId && fileIds.includes(i.fileId));
      const first = lent[0]!;
      const dueDate = addDays(today(ctx), loanDays(first.kind, first.term, settings));
      await useApproval(trx, ctx, first.approvalId!, 'borrow', loanId, true);
      await handOverItems(
        trx,
        loanId,
        lent.map((i) => i.itemId),
      );
      await updateLoan(trx, loanId, { status: 'lent', lent_at: at, lent_by: ctx.session.accountId, due_date: dueDate, lend_signature: signature });
      await recordAudit(trx, ctx.clock, ctx.session.accountId, 'loan.lent', {
        targetType: 'loan',
        targetId: String(loanId),
        details: { fileIds: lent.map((i) => i.fileId), dueDate, signedOnScreen: !!signature },
      });
      outcomes.push(...lent.map((i) => ({ fileId: i.fileId, refNo: i.refNo, name: i.name, loanId, slipNo: i.slipNo, dueDate })));
    }
  });
  return outcomes;
}

/**
 * Files checked back in, each with its condition. Anything but "complete" needs a note and flags
 * the file for the next inspection. A slip whose files are all back is closed.
 */
export async function returnFiles(ctx: ServiceContext, input: { items: { fileId: number; condition: ReturnCondition; note?: string }[]; signaturePng?: string }): Promise<DeskOutcome[]> {
  const signature = signatureBytes(input.signaturePng);
  for (const i of input.items) if (i.condition !== 'complete' && !i.note) throw new ArchiveError('REASON_REQUIRED');
  const outcomes: DeskOutcome[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx);
    const touched = new Set<number>();
    for (const i of input.items) {
      const item = await itemOut(trx, i.fileId);
      if (!item) {
        const ref = await refNoOf(trx, i.fileId);
        if (!ref) throw new ArchiveError('NOT_FOUND');
        throw new ArchiveError('FILE_NOT_OUT', { refNo: ref });
      }
      await updateLoanItem(trx, item.id, { state: 'returned', returned_at: at, returned_by: ctx.session.accountId, condition: i.condition, condition_note: i.note ?? null });
      if (i.condition !== 'complete') await setFileFlag(trx, i.fileId, `归还时${returnConditionLabels['zh-CN'][i.condition]}：${i.note}`, at);
      touched.add(item.loanId);
      outcomes.push({ fileId: i.fileId, refNo: item.refNo, name: item.name, loanId: item.loanId, slipNo: item.slipNo, dueDate: item.dueDate });
      await recordAudit(trx, ctx.clock, ctx.session.accountId, 'loan.returned', {
        targetType: 'file',
        targetId: String(i.fileId),
        details: { loanId: item.loanId, condition: i.condition, note: i.note },
      });
    }
    for (const loanId of touched) await closeIfAllBack(trx, loanId, at, signature);
  });
  return outcomes;
}

/** A slip whose files are all back (returned or handed over) is closed. */
export async function closeIfAllBack(db: Db, loanId: number, at: string, signature: Uint8Array | null): Promise<void> {
  if (!(await anyStillOut(db, loanId))) await updateLoan(db, loanId, { status: 'returned', returned_at: at, return_signature: signature });
}

/** A renewal is asked for before the due date, at most N times, and approved like the loan. */
export async function requestRenewal(ctx: ServiceContext, input: { loanId: number; reason: string }): Promise<LoanDetail> {
  const loan = await getLoan(ctx, input.loanId);
  if (loan.status !== 'lent' || !loan.dueDate) throw new ArchiveError('LOAN_WRONG_STATE');
  if (today(ctx) > loan.dueDate) throw new ArchiveError('RENEWAL_TOO_LATE', { dueDate: loan.dueDate });
  if (loan.renewalsLeft <= 0) throw new ArchiveError('RENEWAL_LIMIT', { count: loan.renewals });
  if (loan.pendingRenewal) throw new ArchiveError('APPROVAL_NOT_PENDING');
  const requiredRole = await approverFor(
    ctx.db,
    loan.items.filter((i) => i.itemState === 'out').map((i) => i.fileId),
  );
  await ctx.db.transaction().execute(async (trx) => {
    const approvalId = await createApproval(trx, ctx, {
      kind: 'renew',
      targetType: 'loan',
      targetId: loan.id,
      summary: `${loan.slipNo} · ${loan.borrower.name} · ${loan.dueDate}`,
      reason: input.reason,
      requiredRole,
    });
    await insertRenewal(trx, { loan_id: loan.id, approval_id: approvalId, old_due: loan.dueDate!, requested_at: nowIso(ctx) });
  });
  return getLoan(ctx, input.loanId);
}

/** Applies an approved renewal: the due date moves on by the loan's term. */
export async function renewLoan(ctx: ServiceContext, input: { loanId: number; approvalId: number }): Promise<LoanDetail> {
  const settings = await readSettings(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const loan = await loanById(trx, input.loanId);
    if (!loan) throw new ArchiveError('NOT_FOUND');
    if (loan.status !== 'lent' || !loan.due_date) throw new ArchiveError('LOAN_WRONG_STATE');
    if (loan.renewals >= settings.loanMaxRenewals) throw new ArchiveError('RENEWAL_LIMIT', { count: loan.renewals });
    const renewal = await openRenewal(trx, loan.id, input.approvalId);
    if (!renewal) throw new ArchiveError('APPROVAL_REQUIRED');
    // The renewal must have been asked for by the due date; a late approval still counts.
    if (localDate(renewal.requested_at) > loan.due_date && today(ctx) > loan.due_date) throw new ArchiveError('RENEWAL_TOO_LATE', { dueDate: loan.due_date });
    await useApproval(trx, ctx, input.approvalId, 'renew', loan.id, true);
    const newDue = addDays(loan.due_date, loanDays(loan.kind, loan.term, settings) || 1);
    await updateLoan(trx, loan.id, { due_date: newDue, renewals: loan.renewals + 1 });
    await markRenewed(trx, renewal.id, newDue, nowIso(ctx));
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'loan.renewed', { targetType: 'loan', targetId: String(loan.id), details: { from: loan.due_date, to: newDue } });
  });
  return getLoan(ctx, input.loanId);
}

export async function clearFileFlag(ctx: ServiceContext, input: { fileId: number; reason: string }): Promise<void> {
  const file = await fileFlag(ctx.db, input.fileId);
  if (!file) throw new ArchiveError('NOT_FOUND');
  await setFileFlag(ctx.db, input.fileId, null, null);
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'file.flag_cleared', { targetType: 'file', targetId: String(input.fileId), details: { flag: file.flag_note, reason: input.reason } });
}

export async function exportLoans(ctx: ServiceContext, input: z.output<typeof exportLoansInput>): Promise<ExportedFile> {
  const { locale, limit: _page, ...filters } = input;
  const rows = await listLoans(ctx, { ...filters, limit: null });
  const h = loanExportLabels[locale];
  const widths = {
    slipNo: 16,
    requested: 12,
    borrower: 12,
    department: 14,
    phone: 14,
    refNo: 30,
    customerName: 24,
    purpose: 24,
    kind: 14,
    term: 8,
    status: 12,
    lent: 12,
    dueDate: 12,
    returned: 12,
    condition: 14,
    daysOverdue: 10,
  };
  const columns = Object.entries(widths).map(([key, width]) => ({ header: h[key as keyof typeof widths], key, width }));
  const day = dayOrEmpty;
  const buffer = await xlsxSheet(
    h.sheet,
    columns,
    rows.map((r) => ({
      ...r,
      requested: day(r.requestedAt),
      kind: loanKindLabels[locale][r.kind],
      term: loanTermLabels[locale][r.term],
      status: loanStatusLabels[locale][r.status],
      lent: day(r.lentAt),
      returned: day(r.returnedAt),
      condition: r.condition ? `${returnConditionLabels[locale][r.condition]}${r.conditionNote ? `：${r.conditionNote}` : ''}` : '',
      daysOverdue: r.daysOverdue || '',
    })),
    { created: ctx.clock.now(), freezeHeader: true },
  );
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'loans.exported', { details: { rows: rows.length, filters } });
  return xlsxFile(`${h.file}-${today(ctx)}.xlsx`, buffer);
}
