import type { Kysely } from 'kysely';
import type { FileOut } from '../../shared/api';
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
