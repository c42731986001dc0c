import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { ArchiveDatabase } from '../../db/schema';
import { lendSignaturesBetween, registerRows, registerRowsLentBetween, registerRowsOfLoan } from '../../db/queries/loans';
import type { Borrower, DeskOutcome, ExportedFile, LoanDetail, LoanRegisterRow } from '../../shared/api';
import { atLeastAsConfidential, type LoanKind, type LoanTerm, type ReturnCondition } from '../../shared/domain';
import { ArchiveError } from '../../shared/errors';
import { daysOverdue } from '../../shared/loan-rules';
import { loanExportLabels, loanKindLabels, loanStatusLabels, loanTermLabels, returnConditionLabels } from '../../shared/labels';
import type { exportLoansInput, listLoansInput, saveBorrowerInput } from '../../shared/schemas';
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

/** A running number per year: JY-2026-00001 for loans, YJ-2026-0001 for transfers. */
export async function nextNumber(db: Db, table: 'loans' | 'transfers', prefix: string, year: string, digits: number): Promise<string> {
  const column = table === 'loans' ? 'slip_no' : 'transfer_no';
  const stem = `${prefix}-${year}-`;
  const row = await db
    .selectFrom(table)
    .select(sql<number>`max(cast(substr(${sql.ref(column)}, ${stem.length + 1}) as integer))`.as('n'))
    .where(sql.ref(column), 'like', `${stem}%`)
    .executeTakeFirst();
  return `${stem}${String(Number(row?.n ?? 0) + 1).padStart(digits, '0')}`;
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

function borrowerQuery(db: Db) {
  return db.selectFrom('borrowers').select([
    'borrowers.id',
    'borrowers.name',
    'borrowers.department',
    'borrowers.phone',
    'borrowers.employee_no as employeeNo',
    'borrowers.status',
    'borrowers.left_at as leftAt',
    (eb) =>
      eb
        .selectFrom('loan_items')
        .innerJoin('loans', 'loans.id', 'loan_items.loan_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('loans.borrower_id', '=', 'borrowers.id')
        .where('loan_items.state', '=', 'out')
        .as('holding'),
  ]);
}

const toBorrower = (r: Omit<Borrower, 'holding'> & { holding: number | null }): Borrower => ({ ...r, holding: Number(r.holding ?? 0) });

export async function getBorrower(db: Db, borrowerId: number): Promise<Borrower> {
  const row = await borrowerQuery(db).where('borrowers.id', '=', borrowerId).executeTakeFirst();
  if (!row) throw new ArchiveError('NOT_FOUND');
  return toBorrower(row);
}

export async function listBorrowers(db: Db, input: { query?: string; includeLeft?: boolean }): Promise<Borrower[]> {
  let q = borrowerQuery(db);
  if (!input.includeLeft) q = q.where('borrowers.status', '=', 'active');
  if (input.query) {
    const like = `%${input.query}%`;
    q = q.where((eb) => eb.or([eb('borrowers.name', 'like', like), eb('borrowers.department', 'like', like), eb('borrowers.employee_no', 'like', like), eb('borrowers.phone', 'like', like)]));
  }
  return (await q.orderBy('borrowers.department').orderBy('borrowers.name').execute()).map(toBorrower);
}

export async function saveBorrower(ctx: ServiceContext, input: z.output<typeof saveBorrowerInput>): Promise<Borrower> {
  const at = nowIso(ctx);
  const values = { name: input.name, department: input.department, phone: input.phone ?? null, employee_no: input.employeeNo ?? null, updated_at: at };
  if (input.employeeNo) {
    let dup = ctx.db
      .selectFrom('borrowers')
      .select('id')
      .where(sql<string>`employee_no collate nocase`, '=', input.employeeNo);
    if (input.id) dup = dup.where('id', '!=', input.id);
    if (await dup.executeTakeFirst()) throw new ArchiveError('CODE_TAKEN', { code: input.employeeNo });
  }
  let id = input.id;
  if (id) {
    const r = await ctx.db.updateTable('borrowers').set(values).where('id', '=', id).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new ArchiveError('NOT_FOUND');
  } else {
    id = (
      await ctx.db
        .insertInto('borrowers')
        .values({ ...values, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  await recordAudit(ctx.db, ctx.clock, ctx.session.accountId, 'borrower.saved', { targetType: 'borrower', targetId: String(id), details: { name: input.name, department: input.department } });
  return getBorrower(ctx.db, id);
}

/** A leaver hands back every file first (003 §14 12). */
export async function markBorrowerLeft(ctx: ServiceContext, borrowerId: number): Promise<Borrower> {
  const borrower = await getBorrower(ctx.db, borrowerId);
  if (borrower.holding > 0) throw new ArchiveError('BORROWER_HOLDS_FILES', { name: borrower.name, count: borrower.holding });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('borrowers')
      .set({ status: 'left', left_at: nowIso(ctx), updated_at: nowIso(ctx) })
      .where('id', '=', borrowerId)
      .execute();
    // Requests not yet lent lapse with the borrower.
    const open = await trx.selectFrom('loans').select(['id', 'approval_id']).where('borrower_id', '=', borrowerId).where('status', 'in', ['requested', 'approved']).execute();
    for (const loan of open) {
      await trx.updateTable('loans').set({ status: 'withdrawn' }).where('id', '=', loan.id).execute();
      await trx.updateTable('loan_items').set({ state: 'cancelled' }).where('loan_id', '=', loan.id).where('state', '=', 'pending').execute();
      if (loan.approval_id) await trx.updateTable('approvals').set({ status: 'withdrawn' }).where('id', '=', loan.approval_id).where('status', 'in', ['pending', 'approved']).execute();
    }
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
  const loan = await ctx.db
    .selectFrom('loans')
    .leftJoin('accounts as requester', 'requester.id', 'loans.requested_by')
    .leftJoin('accounts as lender', 'lender.id', 'loans.lent_by')
    .selectAll('loans')
    .select(['requester.display_name as requestedByName', 'lender.display_name as lentByName'])
    .where('loans.id', '=', loanId)
    .executeTakeFirst();
  if (!loan) throw new ArchiveError('NOT_FOUND');
  const settings = await readSettings(ctx.db);
  const items = withOverdue((await registerRowsOfLoan(ctx.db, loanId)) as RegisterDbRow[], today(ctx));
  const renewal = await ctx.db
    .selectFrom('loan_renewals')
    .innerJoin('approvals', 'approvals.id', 'loan_renewals.approval_id')
    .select(['approvals.id as approvalId', 'approvals.status'])
    .where('loan_renewals.loan_id', '=', loanId)
    .where('loan_renewals.renewed_at', 'is', null)
    .where('approvals.status', 'in', ['pending', 'approved'])
    .executeTakeFirst();
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
  const files = await db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['files.id', 'files.ref_no', 'files.status', 'files.transferred_at', 'files.confidentiality', 'customers.name'])
    .where('files.id', 'in', fileIds)
    .execute();
  if (files.length !== new Set(fileIds).size) throw new ArchiveError('NOT_FOUND');
  for (const f of files) {
    if (f.status === 'destroyed') throw new ArchiveError('NOT_FOUND');
    if (f.transferred_at) throw new ArchiveError('FILE_TRANSFERRED', { refNo: f.ref_no });
  }
  const out = await db
    .selectFrom('loan_items')
    .innerJoin('files', 'files.id', 'loan_items.file_id')
    .select('files.ref_no')
    .where('loan_items.file_id', 'in', fileIds)
    .where('state', '=', 'out')
    .executeTakeFirst();
  if (out) throw new ArchiveError('FILE_OUT', { refNo: out.ref_no });
  return files;
}

/** What every loan row starts with: its slip, who borrows, why, how, and who asked. */
function loanRow(ctx: ServiceContext, slipNo: string, borrowerId: number, input: { purpose: string; kind: LoanKind; term: LoanTerm }) {
  return { slip_no: slipNo, borrower_id: borrowerId, purpose: input.purpose, kind: input.kind, term: input.term, requested_by: ctx.session.accountId };
}

/** The general manager approves when a file, or any document in it, is at or above the set level. */
async function approverFor(db: Db, fileIds: number[]): Promise<'department_manager' | 'general_manager'> {
  const { loanGeneralManagerFrom } = await readSettings(db);
  const levels = [
    ...(await db.selectFrom('files').select('confidentiality').where('id', 'in', fileIds).execute()),
    ...(await db.selectFrom('documents').select('confidentiality').where('file_id', 'in', fileIds).execute()),
  ];
  return levels.some((l) => atLeastAsConfidential(l.confidentiality, loanGeneralManagerFrom)) ? 'general_manager' : 'department_manager';
}

export async function requestLoan(ctx: ServiceContext, input: { borrowerId: number; fileIds: number[]; purpose: string; kind: LoanKind; term: LoanTerm }): Promise<LoanDetail> {
  const fileIds = [...new Set(input.fileIds)];
  const borrower = await activeBorrower(ctx.db, input.borrowerId);
  const files = await requireLendable(ctx.db, fileIds);
  const requiredRole = await approverFor(ctx.db, fileIds);
  const loanId = await ctx.db.transaction().execute(async (trx) => {
    const slipNo = await nextNumber(trx, 'loans', 'JY', today(ctx).slice(0, 4), 5);
    const loan = await trx
      .insertInto('loans')
      .values({ ...loanRow(ctx, slipNo, borrower.id, input), status: 'requested', requested_at: nowIso(ctx) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('loan_items')
      .values(fileIds.map((file_id) => ({ loan_id: loan.id, file_id, state: 'pending' as const })))
      .execute();
    const summary = `${slipNo} · ${borrower.name}（${borrower.department}）· ${files.map((f) => `${f.ref_no} ${f.name}`).join('；')}`;
    const approvalId = await createApproval(trx, ctx, { kind: 'borrow', targetType: 'loan', targetId: loan.id, summary, reason: input.purpose, requiredRole });
    await trx.updateTable('loans').set({ approval_id: approvalId }).where('id', '=', loan.id).execute();
    return loan.id;
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
    const loan = await trx
      .insertInto('loans')
      .values({
        ...loanRow(ctx, slipNo, borrower.id, input),
        status: 'lent',
        requested_at: lentAt,
        lent_at: lentAt,
        lent_by: ctx.session.accountId,
        due_date: input.dueDate,
        entered_late_at: nowIso(ctx),
        paper_slip_no: input.paperSlipNo ?? null,
        paper_approved_by: input.paperApprovedBy ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('loan_items')
      .values(fileIds.map((file_id) => ({ loan_id: loan.id, file_id, state: 'out' as const })))
      .execute();
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'loan.entered_late', {
      targetType: 'loan',
      targetId: String(loan.id),
      details: { fileIds, refNos: files.map((f) => f.ref_no), lentOn: input.lentOn, dueDate: input.dueDate, paperSlipNo: input.paperSlipNo, paperApprovedBy: input.paperApprovedBy },
    });
    return loan.id;
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
    const items = await trx
      .selectFrom('loan_items')
      .innerJoin('loans', 'loans.id', 'loan_items.loan_id')
      .innerJoin('files', 'files.id', 'loan_items.file_id')
      .innerJoin('customers', 'customers.id', 'files.customer_id')
      .select([
        'loan_items.id as itemId',
        'loan_items.file_id as fileId',
        'loans.id as loanId',
        'loans.status',
        'loans.kind',
        'loans.term',
        'loans.slip_no as slipNo',
        'loans.approval_id as approvalId',
        'files.ref_no as refNo',
        'customers.name',
      ])
      .where('loans.borrower_id', '=', borrower.id)
      .where('loan_items.file_id', 'in', fileIds)
      .where('loan_items.state', '=', 'pending')
      .execute();
    for (const fileId of fileIds) {
      const item = items.find((i) => i.fileId === fileId && i.status === 'approved');
      if (!item) {
        const ref = (await trx.selectFrom('files').select('ref_no').where('id', '=', fileId).executeTakeFirst())?.ref_no;
        throw new ArchiveError('LOAN_NOT_APPROVED', { refNo: ref });
      }
    }
    const loanIds = [...new Set(items.filter((i) => i.status === 'approved' && fileIds.includes(i.fileId)).map((i) => i.loanId))];
    const at = nowIso(ctx);
    for (const loanId of loanIds) {
      const lent = items.filter((i) => i.loanId === loanId && fileIds.includes(i.fileId));
      const first = lent[0]!;
      const dueDate = addDays(today(ctx), loanDays(first.kind, first.term, settings));
      await useApproval(trx, ctx, first.approvalId!, 'borrow', loanId, true);
      await trx
        .updateTable('loan_items')
        .set({ state: 'out' })
        .where(
          'id',
          'in',
          lent.map((i) => i.itemId),
        )
        .execute();
      await trx.updateTable('loan_items').set({ state: 'cancelled' }).where('loan_id', '=', loanId).where('state', '=', 'pending').execute();
      await trx.updateTable('loans').set({ status: 'lent', lent_at: at, lent_by: ctx.session.accountId, due_date: dueDate, lend_signature: signature }).where('id', '=', loanId).execute();
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
      const item = await trx
        .selectFrom('loan_items')
        .innerJoin('loans', 'loans.id', 'loan_items.loan_id')
        .innerJoin('files', 'files.id', 'loan_items.file_id')
        .innerJoin('customers', 'customers.id', 'files.customer_id')
        .select(['loan_items.id', 'loans.id as loanId', 'loans.slip_no as slipNo', 'loans.due_date as dueDate', 'files.ref_no as refNo', 'customers.name'])
        .where('loan_items.file_id', '=', i.fileId)
        .where('loan_items.state', '=', 'out')
        .executeTakeFirst();
      if (!item) {
        const ref = (await trx.selectFrom('files').select('ref_no').where('id', '=', i.fileId).executeTakeFirst())?.ref_no;
        if (!ref) throw new ArchiveError('NOT_FOUND');
        throw new ArchiveError('FILE_NOT_OUT', { refNo: ref });
      }
      await trx
        .updateTable('loan_items')
        .set({ state: 'returned', returned_at: at, returned_by: ctx.session.accountId, condition: i.condition, condition_note: i.note ?? null })
        .where('id', '=', item.id)
        .execute();
      if (i.condition !== 'complete') {
        const label = returnConditionLabels['zh-CN'][i.condition];
        await trx
          .updateTable('files')
          .set({ flag_note: `归还时${label}：${i.note}`, flagged_at: at })
          .where('id', '=', i.fileId)
          .execute();
      }
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
  const left = await db.selectFrom('loan_items').select('id').where('loan_id', '=', loanId).where('state', '=', 'out').executeTakeFirst();
  if (!left) await db.updateTable('loans').set({ status: 'returned', returned_at: at, return_signature: signature }).where('id', '=', loanId).execute();
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
    await trx
      .insertInto('loan_renewals')
      .values({ loan_id: loan.id, approval_id: approvalId, old_due: loan.dueDate!, requested_at: nowIso(ctx) })
      .execute();
  });
  return getLoan(ctx, input.loanId);
}

/** Applies an approved renewal: the due date moves on by the loan's term. */
export async function renewLoan(ctx: ServiceContext, input: { loanId: number; approvalId: number }): Promise<LoanDetail> {
  const settings = await readSettings(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const loan = await trx.selectFrom('loans').selectAll().where('id', '=', input.loanId).executeTakeFirst();
    if (!loan) throw new ArchiveError('NOT_FOUND');
    if (loan.status !== 'lent' || !loan.due_date) throw new ArchiveError('LOAN_WRONG_STATE');
    if (loan.renewals >= settings.loanMaxRenewals) throw new ArchiveError('RENEWAL_LIMIT', { count: loan.renewals });
    const renewal = await trx.selectFrom('loan_renewals').selectAll().where('loan_id', '=', loan.id).where('approval_id', '=', input.approvalId).where('renewed_at', 'is', null).executeTakeFirst();
    if (!renewal) throw new ArchiveError('APPROVAL_REQUIRED');
    // The renewal must have been asked for by the due date; a late approval still counts.
    if (localDate(renewal.requested_at) > loan.due_date && today(ctx) > loan.due_date) throw new ArchiveError('RENEWAL_TOO_LATE', { dueDate: loan.due_date });
    await useApproval(trx, ctx, input.approvalId, 'renew', loan.id, true);
    const newDue = addDays(loan.due_date, loanDays(loan.kind, loan.term, settings) || 1);
    await trx
      .updateTable('loans')
      .set({ due_date: newDue, renewals: loan.renewals + 1 })
      .where('id', '=', loan.id)
      .execute();
    await trx
      .updateTable('loan_renewals')
      .set({ new_due: newDue, renewed_at: nowIso(ctx) })
      .where('id', '=', renewal.id)
      .execute();
    await recordAudit(trx, ctx.clock, ctx.session.accountId, 'loan.renewed', { targetType: 'loan', targetId: String(loan.id), details: { from: loan.due_date, to: newDue } });
  });
  return getLoan(ctx, input.loanId);
}

export async function clearFileFlag(ctx: ServiceContext, input: { fileId: number; reason: string }): Promise<void> {
  const file = await ctx.db.selectFrom('files').select(['id', 'flag_note']).where('id', '=', input.fileId).executeTakeFirst();
  if (!file) throw new ArchiveError('NOT_FOUND');
  await ctx.db.updateTable('files').set({ flag_note: null, flagged_at: null }).where('id', '=', input.fileId).execute();
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
