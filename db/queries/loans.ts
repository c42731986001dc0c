import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { FileOut } from '../../shared/api';
import type { Confidentiality } from '../../shared/domain';
import type { ListLoansInput } from '../../shared/schemas';
import type { ArchiveDatabase } from '../schema';

type Db = Kysely<ArchiveDatabase>;

/** Who holds each of these files now (every file out when `fileIds` is omitted). */
export async function filesOut(db: Kysely<ArchiveDatabase>, fileIds?: number[]): Promise<Map<number, FileOut>> {
  if (fileIds && fileIds.length === 0) return new Map();
  let q = db
    .selectFrom('loan_items')
    .innerJoin('loans', 'loans.id', 'loan_items.loan_id')
    .innerJoin('borrowers', 'borrowers.id', 'loans.borrower_id')
    .select([
      'loan_items.file_id as fileId',
      'loans.id as loanId',
      'loans.slip_no as slipNo',
      'borrowers.name as borrower',
      'borrowers.department as department',
      'borrowers.phone as phone',
      'loans.lent_at as since',
      'loans.due_date as dueDate',
    ])
    .where('loan_items.state', '=', 'out');
  if (fileIds) q = q.where('loan_items.file_id', 'in', fileIds);
  const rows = await q.execute();
  return new Map(rows.map(({ fileId, ...out }) => [fileId, { ...out, since: out.since ?? '', dueDate: out.dueDate ?? '' }]));
}

// ---------------------------------------------------------------- the register

/** The loan register: a row per file on a loan, with its loan, borrower, customer and who lent and received it. */
function registerQuery(db: Db) {
  return db
    .selectFrom('loan_items')
    .innerJoin('loans', 'loans.id', 'loan_items.loan_id')
    .innerJoin('borrowers', 'borrowers.id', 'loans.borrower_id')
    .innerJoin('files', 'files.id', 'loan_items.file_id')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .leftJoin('accounts as lender', 'lender.id', 'loans.lent_by')
    .leftJoin('accounts as receiver', 'receiver.id', 'loan_items.returned_by')
    .select([
      'loans.id as loanId',
      'loans.slip_no as slipNo',
      'loan_items.id as itemId',
      'files.id as fileId',
      'files.ref_no as refNo',
      'customers.name as customerName',
      'borrowers.id as borrowerId',
      'borrowers.name as borrower',
      'borrowers.department as department',
      'borrowers.phone as phone',
      'loans.purpose',
      'loans.kind',
      'loans.term',
      'loans.status',
      'loan_items.state as itemState',
      'loans.requested_at as requestedAt',
      'loans.lent_at as lentAt',
      'loans.due_date as dueDate',
      'loan_items.returned_at as returnedAt',
      'loan_items.condition',
      'loan_items.condition_note as conditionNote',
      'loans.renewals',
      'lender.display_name as lentBy',
      'receiver.display_name as receivedBy',
    ]);
}

export interface RegisterFilter {
  /** Requested at or after this instant (UTC), and before the other. */
  requestedFrom?: string;
  requestedBefore?: string;
  borrowerId?: number;
  department?: string;
  fileId?: number;
  /** Part of a customer's name, a 档号, a borrower's name, a slip number or a purpose. */
  query?: string;
  status?: ListLoansInput['status'];
  /** The desk's local day, for the overdue filter (shared/loan-rules: still out, due before it). */
  overdueOn: string;
  /** null: every row (the overdue list, a borrower's holdings, the exported register). */
  limit: number | null;
}

/** The register's rows a filter picks, newest request first. */
export function registerRows(db: Db, f: RegisterFilter) {
  let q = registerQuery(db);
  if (f.requestedFrom) q = q.where('loans.requested_at', '>=', f.requestedFrom);
  if (f.requestedBefore) q = q.where('loans.requested_at', '<', f.requestedBefore);
  if (f.borrowerId) q = q.where('loans.borrower_id', '=', f.borrowerId);
  if (f.department) q = q.where('borrowers.department', '=', f.department);
  if (f.fileId) q = q.where('loan_items.file_id', '=', f.fileId);
  if (f.query) {
    const like = `%${f.query}%`;
    q = q.where((eb) =>
      eb.or([eb('customers.name', 'like', like), eb('files.ref_no', 'like', like), eb('borrowers.name', 'like', like), eb('loans.slip_no', 'like', like), eb('loans.purpose', 'like', like)]),
    );
  }
  if (f.status === 'requested') q = q.where('loans.status', '=', 'requested');
  if (f.status === 'approved') q = q.where('loans.status', '=', 'approved');
  if (f.status === 'out') q = q.where('loan_items.state', '=', 'out');
  if (f.status === 'overdue') q = q.where('loan_items.state', '=', 'out').where('loans.due_date', '<', f.overdueOn);
  if (f.status === 'returned') q = q.where('loan_items.state', 'in', ['returned', 'handed_over']);
  if (f.status === 'closed') q = q.where('loans.status', 'in', ['rejected', 'withdrawn']);
  q = q.orderBy('loans.requested_at', 'desc').orderBy('loan_items.id');
  return (f.limit === null ? q : q.limit(f.limit)).execute();
}

/** Every file handed out between two instants (UTC), in the order it was lent: the month's 借阅记录表. */
export function registerRowsLentBetween(db: Db, from: string, to: string) {
  return registerQuery(db).where('loans.lent_at', '>=', from).where('loans.lent_at', '<', to).where('loan_items.state', '!=', 'cancelled').orderBy('loans.lent_at').orderBy('loan_items.id').execute();
}

/** The files of one loan, in the order they were put on it. */
export function registerRowsOfLoan(db: Db, loanId: number) {
  return registerQuery(db).where('loans.id', '=', loanId).orderBy('loan_items.id').execute();
}

/** The borrowers' on-screen signatures of the loans lent between two instants. */
export function lendSignaturesBetween(db: Db, from: string, to: string) {
  return db.selectFrom('loans').select(['id', 'lend_signature']).where('lent_at', '>=', from).where('lent_at', '<', to).where('lend_signature', 'is not', null).execute();
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

// ---------------------------------------------------------------- borrowers

/** Borrowers with the number of files each holds now. */
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
    (eb) =>
      eb
        .selectFrom('customers')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('customers.owner_id', '=', 'borrowers.id')
        .as('owns'),
  ]);
}

export function borrowerRow(db: Db, borrowerId: number) {
  return borrowerQuery(db).where('borrowers.id', '=', borrowerId).executeTakeFirst();
}

/** Borrowers by department and name; a query matches a name, department, employee number or phone. */
export function borrowerRows(db: Db, f: { query?: string; includeLeft?: boolean }) {
  let q = borrowerQuery(db);
  if (!f.includeLeft) q = q.where('borrowers.status', '=', 'active');
  if (f.query) {
    const like = `%${f.query}%`;
    q = q.where((eb) => eb.or([eb('borrowers.name', 'like', like), eb('borrowers.department', 'like', like), eb('borrowers.employee_no', 'like', like), eb('borrowers.phone', 'like', like)]));
  }
  return q.orderBy('borrowers.department').orderBy('borrowers.name').execute();
}

/** Whether another borrower has this employee number (case-insensitive). */
export async function employeeNoTaken(db: Db, employeeNo: string, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom('borrowers')
    .select('id')
    .where(sql<string>`employee_no collate nocase`, '=', employeeNo);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return !!(await q.executeTakeFirst());
}

/** Writes a borrower (a new one when `id` is absent); the id, or null when there is no such borrower. */
export async function writeBorrower(db: Db, id: number | undefined, values: Omit<Insertable<ArchiveDatabase['borrowers']>, 'created_at'>, at: string): Promise<number | null> {
  if (id) {
    const r = await db.updateTable('borrowers').set(values).where('id', '=', id).executeTakeFirst();
    return Number(r.numUpdatedRows) === 0 ? null : id;
  }
  return (
    await db
      .insertInto('borrowers')
      .values({ ...values, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** The borrower has left; the requests not yet lent lapse with them, approvals too. */
export async function borrowerLeft(db: Db, borrowerId: number, at: string): Promise<void> {
  await db.updateTable('borrowers').set({ status: 'left', left_at: at, updated_at: at }).where('id', '=', borrowerId).execute();
  const open = await db.selectFrom('loans').select(['id', 'approval_id']).where('borrower_id', '=', borrowerId).where('status', 'in', ['requested', 'approved']).execute();
  for (const loan of open) {
    await db.updateTable('loans').set({ status: 'withdrawn' }).where('id', '=', loan.id).execute();
    await db.updateTable('loan_items').set({ state: 'cancelled' }).where('loan_id', '=', loan.id).where('state', '=', 'pending').execute();
    if (loan.approval_id) await db.updateTable('approvals').set({ status: 'withdrawn' }).where('id', '=', loan.approval_id).where('status', 'in', ['pending', 'approved']).execute();
  }
}

// ---------------------------------------------------------------- loans

/** A loan's row with the names of who asked for it and who lent it. */
export function loanWithNames(db: Db, loanId: number) {
  return db
    .selectFrom('loans')
    .leftJoin('accounts as requester', 'requester.id', 'loans.requested_by')
    .leftJoin('accounts as lender', 'lender.id', 'loans.lent_by')
    .selectAll('loans')
    .select(['requester.display_name as requestedByName', 'lender.display_name as lentByName'])
    .where('loans.id', '=', loanId)
    .executeTakeFirst();
}

export function loanById(db: Db, loanId: number) {
  return db.selectFrom('loans').selectAll().where('id', '=', loanId).executeTakeFirst();
}

/** The renewal of a loan asked for and not yet applied, while its approval is still open. */
export function pendingRenewalOf(db: Db, loanId: number) {
  return db
    .selectFrom('loan_renewals')
    .innerJoin('approvals', 'approvals.id', 'loan_renewals.approval_id')
    .select(['approvals.id as approvalId', 'approvals.status'])
    .where('loan_renewals.loan_id', '=', loanId)
    .where('loan_renewals.renewed_at', 'is', null)
    .where('approvals.status', 'in', ['pending', 'approved'])
    .executeTakeFirst();
}

/** The files asked for, with what decides whether they may be lent. */
export function filesToLend(db: Db, fileIds: number[]) {
  return db
    .selectFrom('files')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['files.id', 'files.ref_no', 'files.status', 'files.transferred_at', 'files.confidentiality', 'customers.name'])
    .where('files.id', 'in', fileIds)
    .execute();
}

/** The 档号 of the first of these files that is out now, if any is. */
export async function firstOutRefNo(db: Db, fileIds: number[]): Promise<string | undefined> {
  const out = await db
    .selectFrom('loan_items')
    .innerJoin('files', 'files.id', 'loan_items.file_id')
    .select('files.ref_no')
    .where('loan_items.file_id', 'in', fileIds)
    .where('state', '=', 'out')
    .executeTakeFirst();
  return out?.ref_no;
}

/** The confidentiality levels of these files and of every document in them. */
export async function levelsInFiles(db: Db, fileIds: number[]): Promise<Confidentiality[]> {
  const files = await db.selectFrom('files').select('confidentiality').where('id', 'in', fileIds).execute();
  const documents = await db.selectFrom('documents').select('confidentiality').where('file_id', 'in', fileIds).execute();
  return [...files, ...documents].map((l) => l.confidentiality);
}

export async function refNoOf(db: Db, fileId: number): Promise<string | undefined> {
  return (await db.selectFrom('files').select('ref_no').where('id', '=', fileId).executeTakeFirst())?.ref_no;
}

/** A new loan with its files; the loan's id. */
export async function insertLoan(db: Db, loan: Insertable<ArchiveDatabase['loans']>, fileIds: number[], state: 'pending' | 'out'): Promise<number> {
  const { id } = await db.insertInto('loans').values(loan).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('loan_items')
    .values(fileIds.map((file_id) => ({ loan_id: id, file_id, state })))
    .execute();
  return id;
}

export async function updateLoan(db: Db, loanId: number, changes: Updateable<ArchiveDatabase['loans']>): Promise<void> {
  await db.updateTable('loans').set(changes).where('id', '=', loanId).execute();
}

/** The borrower's files on slips not yet lent, with their slip. */
export function pendingItemsOf(db: Db, borrowerId: number, fileIds: number[]) {
  return db
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
    .where('loans.borrower_id', '=', borrowerId)
    .where('loan_items.file_id', 'in', fileIds)
    .where('loan_items.state', '=', 'pending')
    .execute();
}

/** These items are handed over; the slip's other pending items lapse. */
export async function handOverItems(db: Db, loanId: number, itemIds: number[]): Promise<void> {
  await db.updateTable('loan_items').set({ state: 'out' }).where('id', 'in', itemIds).execute();
  await db.updateTable('loan_items').set({ state: 'cancelled' }).where('loan_id', '=', loanId).where('state', '=', 'pending').execute();
}

/** The loan item through which a file is out now, with its slip and customer. */
export function itemOut(db: Db, fileId: number) {
  return db
    .selectFrom('loan_items')
    .innerJoin('loans', 'loans.id', 'loan_items.loan_id')
    .innerJoin('files', 'files.id', 'loan_items.file_id')
    .innerJoin('customers', 'customers.id', 'files.customer_id')
    .select(['loan_items.id', 'loans.id as loanId', 'loans.slip_no as slipNo', 'loans.due_date as dueDate', 'files.ref_no as refNo', 'customers.name'])
    .where('loan_items.file_id', '=', fileId)
    .where('loan_items.state', '=', 'out')
    .executeTakeFirst();
}

export async function updateLoanItem(db: Db, itemId: number, changes: Updateable<ArchiveDatabase['loan_items']>): Promise<void> {
  await db.updateTable('loan_items').set(changes).where('id', '=', itemId).execute();
}

/** Whether a file of the loan is still out. */
export async function anyStillOut(db: Db, loanId: number): Promise<boolean> {
  return !!(await db.selectFrom('loan_items').select('id').where('loan_id', '=', loanId).where('state', '=', 'out').executeTakeFirst());
}

export async function insertRenewal(db: Db, renewal: Insertable<ArchiveDatabase['loan_renewals']>): Promise<void> {
  await db.insertInto('loan_renewals').values(renewal).execute();
}

/** The renewal asked for under this approval and not yet applied. */
export function openRenewal(db: Db, loanId: number, approvalId: number) {
  return db.selectFrom('loan_renewals').selectAll().where('loan_id', '=', loanId).where('approval_id', '=', approvalId).where('renewed_at', 'is', null).executeTakeFirst();
}

export async function markRenewed(db: Db, renewalId: number, newDue: string, at: string): Promise<void> {
  await db.updateTable('loan_renewals').set({ new_due: newDue, renewed_at: at }).where('id', '=', renewalId).execute();
}

// ---------------------------------------------------------------- a file's flag

export function fileFlag(db: Db, fileId: number) {
  return db.selectFrom('files').select(['id', 'flag_note']).where('id', '=', fileId).executeTakeFirst();
}

/** Flags a file for the next inspection (null clears it). */
export async function setFileFlag(db: Db, fileId: number, note: string | null, at: string | null): Promise<void> {
  await db.updateTable('files').set({ flag_note: note, flagged_at: at }).where('id', '=', fileId).execute();
}
